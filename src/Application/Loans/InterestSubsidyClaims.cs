using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Benefits;
using Sunshine.Application.Common.Exceptions;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Paging;
using Sunshine.Application.Common.Security;
using Sunshine.Application.Policies;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Benefits;
using Sunshine.Domain.Loans;

namespace Sunshine.Application.Loans;

/// <summary>An interest subsidy claim: the loan, the period, and its benefit (workflow and decision).</summary>
public sealed record InterestSubsidyClaimDto(
    Guid Id, Guid LoanId, Guid PersonId, string PersonName, Guid CountyId, LoanProgramme Programme, DateOnly PeriodStart, DateOnly PeriodEnd,
    BenefitDto Benefit, uint Version);

public static class InterestSubsidyClaimQueries
{
    public static async Task<InterestSubsidyClaim> RequireInterestClaimAsync(this IApplicationDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.InterestSubsidyClaims.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new NotFoundException("interest_claim", id);

    public static async Task<InterestSubsidyClaimDto> ToDtoAsync(
        this IApplicationDbContext db, InterestSubsidyClaim claim, BenefitWorkflow workflow, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(workflow);
        var benefit = await db.Benefits.IgnoreQueryFilters().SingleAsync(b => b.Id == claim.Id, cancellationToken);
        var live = benefit.State is BenefitState.Rejected or BenefitState.Withdrawn ? null : await workflow.DecideAsync(benefit, cancellationToken);
        var personName = await db.Persons.IgnoreQueryFilters().Where(p => p.Id == claim.PersonId).Select(p => p.Name).SingleAsync(cancellationToken);
        var programme = await db.Loans.IgnoreQueryFilters().Where(l => l.Id == claim.LoanId).Select(l => l.Programme).SingleAsync(cancellationToken);
        return new InterestSubsidyClaimDto(claim.Id, claim.LoanId, claim.PersonId, personName, claim.CountyId, programme, claim.PeriodStart, claim.PeriodEnd,
            benefit.ToDto(live), claim.Version);
    }
}

/// <summary>
/// Gathers an interest subsidy claim's facts on the period start — the loan and its repayments, the
/// programme's policy in force, the borrower's household and business, earlier approved claims
/// overlapping the period — and applies the rules.
/// </summary>
public sealed class InterestSubsidyDecider(IApplicationDbContext db) : IBenefitDecider
{
    public bool Decides(BenefitType type) => type == BenefitType.LoanInterestSubsidy;

    public async Task<Decision> DecideAsync(Benefit benefit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(benefit);
        var claim = await db.InterestSubsidyClaims.IgnoreQueryFilters().AsNoTracking().SingleAsync(c => c.Id == benefit.Id, cancellationToken);
        var loan = await db.Loans.IgnoreQueryFilters().AsNoTracking().SingleAsync(l => l.Id == claim.LoanId, cancellationToken);
        var on = claim.PeriodStart;
        var version = await db.InForceAsync(InterestSubsidyPolicy.KeyFor(loan.Programme), on, cancellationToken);
        var overlapping = await (
            from other in db.InterestSubsidyClaims.IgnoreQueryFilters()
            join b in db.Benefits.IgnoreQueryFilters() on other.Id equals b.Id
            where other.LoanId == loan.Id && other.Id != claim.Id && b.IsFinallyApproved && other.PeriodStart <= claim.PeriodEnd && other.PeriodEnd >= claim.PeriodStart
            select other.Id).AnyAsync(cancellationToken);

        return InterestSubsidyRules.Decide(new InterestSubsidyFacts(
            loan,
            claim.Period,
            version is null ? null : InterestSubsidyPolicy.FromJson(version.Content),
            version?.Id,
            await BorrowerFactsAsync(loan, on, cancellationToken),
            overlapping));
    }

    private async Task<LoanBorrowerFacts> BorrowerFactsAsync(Loan loan, DateOnly on, CancellationToken cancellationToken)
    {
        var person = await db.Persons.IgnoreQueryFilters().AsNoTracking().Where(p => p.Id == loan.BorrowerId).Select(p => new { p.Status }).SingleOrDefaultAsync(cancellationToken);

        // Runs a shop open on the date, or produces goods in the products catalogue, or runs an enterprise.
        var shop = await db.Shops.IgnoreQueryFilters().AnyAsync(
            s => s.OwnerPersonId == loan.BorrowerId && s.OpenedOn <= on && (s.ClosedOn == null || s.ClosedOn >= on), cancellationToken);
        var produces = await db.Products.IgnoreQueryFilters().AnyAsync(p => p.ProducerPersonId == loan.BorrowerId && p.RemovedAt == null, cancellationToken);
        var runsEnterprise = await db.Enterprises.AnyAsync(e => e.RunByPersonId == loan.BorrowerId, cancellationToken);
        if (loan.Programme == LoanProgramme.PovertyAlleviationMicrocredit)
        {
            var poor = await db.Households.IgnoreQueryFilters()
                .AnyAsync(h => h.IsRegisteredPoor && h.Members.Any(m => m.PersonId == loan.BorrowerId), cancellationToken);
            return new MicrocreditBorrowerFacts(poor, shop || produces);
        }

        return new EntrepreneurBorrowerFacts(person?.Status, shop || runsEnterprise);
    }
}

/// <summary>Starts an interest subsidy claim (a draft) for one period of a loan in your scope; the period is inclusive of both days.</summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record CreateInterestSubsidyClaimCommand(Guid LoanId, DateOnly PeriodStart, DateOnly PeriodEnd) : ICommand<InterestSubsidyClaimDto>;

public sealed class CreateInterestSubsidyClaimValidator : AbstractValidator<CreateInterestSubsidyClaimCommand>
{
    public CreateInterestSubsidyClaimValidator()
    {
        RuleFor(x => x.LoanId).NotEmpty();
        RuleFor(x => x.PeriodStart).NotEmpty();
        RuleFor(x => x.PeriodEnd).GreaterThanOrEqualTo(x => x.PeriodStart).WithErrorCode("loan.period_invalid");
        RuleFor(x => x).Must(x => x.PeriodEnd.DayNumber - x.PeriodStart.DayNumber < 366).WithName("periodEnd").WithErrorCode("loan.period_too_long")
            .WithMessage("A claim covers at most a year.");
    }
}

public sealed class CreateInterestSubsidyClaimHandler(IApplicationDbContext db, ICurrentUser user, BenefitWorkflow workflow, TimeProvider clock)
    : ICommandHandler<CreateInterestSubsidyClaimCommand, InterestSubsidyClaimDto>
{
    public async ValueTask<InterestSubsidyClaimDto> Handle(CreateInterestSubsidyClaimCommand command, CancellationToken cancellationToken)
    {
        var loan = await db.RequireLoanAsync(command.LoanId, cancellationToken);
        await db.EnsureWritableCountyAsync(user, loan.CountyId, cancellationToken);
        var period = SubsidyPeriod.Create(command.PeriodStart, command.PeriodEnd);
        if (period.End >= clock.Today())
        {
            throw new Domain.Common.DomainException("loan.period_not_over", "Interest is subsidised for a period that has ended.", field: "periodEnd");
        }

        var benefit = Benefit.Create(BenefitType.LoanInterestSubsidy, loan.CountyId, loan.BorrowerId,
            InterestSubsidyClaim.OneTimeKeyFor(loan.Id, period.Start), user.Id ?? throw new NotAuthenticatedException(), workflow.Now);
        var claim = InterestSubsidyClaim.Create(benefit.Id, loan, period);
        db.Benefits.Add(benefit);
        db.InterestSubsidyClaims.Add(claim);
        await db.SaveChangesAsync(cancellationToken);
        return await db.ToDtoAsync(claim, workflow, cancellationToken);
    }
}

[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record GetInterestSubsidyClaimQuery(Guid Id) : IQuery<InterestSubsidyClaimDto>;

public sealed class GetInterestSubsidyClaimHandler(IApplicationDbContext db, BenefitWorkflow workflow) : IQueryHandler<GetInterestSubsidyClaimQuery, InterestSubsidyClaimDto>
{
    public async ValueTask<InterestSubsidyClaimDto> Handle(GetInterestSubsidyClaimQuery query, CancellationToken cancellationToken) =>
        await db.ToDtoAsync(await db.RequireInterestClaimAsync(query.Id, cancellationToken), workflow, cancellationToken);
}

/// <summary>A claim in a list: the loan, the period, the state and the decided amount.</summary>
public sealed record InterestSubsidyClaimListItemDto(
    Guid Id, Guid LoanId, Guid PersonId, Guid CountyId, DateOnly PeriodStart, DateOnly PeriodEnd, BenefitState State, decimal? Amount);

/// <summary>Interest subsidy claims in your scope, by loan and state, newest period first.</summary>
[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record GetInterestSubsidyClaimsQuery(Guid? LoanId = null, BenefitState? State = null, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<PagedList<InterestSubsidyClaimListItemDto>>, IPagedRequest;

public sealed class GetInterestSubsidyClaimsValidator : AbstractValidator<GetInterestSubsidyClaimsQuery>
{
    public GetInterestSubsidyClaimsValidator()
    {
        this.AddPagingRules();
        RuleFor(x => x.State).IsInEnum();
    }
}

public sealed class GetInterestSubsidyClaimsHandler(IApplicationDbContext db) : IQueryHandler<GetInterestSubsidyClaimsQuery, PagedList<InterestSubsidyClaimListItemDto>>
{
    public async ValueTask<PagedList<InterestSubsidyClaimListItemDto>> Handle(GetInterestSubsidyClaimsQuery query, CancellationToken cancellationToken)
    {
        var rows = from c in db.InterestSubsidyClaims.AsNoTracking()
                   join b in db.Benefits on c.Id equals b.Id
                   where (query.LoanId == null || c.LoanId == query.LoanId) && (query.State == null || b.State == query.State)
                   orderby c.PeriodStart descending, c.Id
                   select new { c.Id, c.LoanId, c.PersonId, c.CountyId, c.PeriodStart, c.PeriodEnd, b.State, b.Decision };
        var page = await rows.ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
        return new PagedList<InterestSubsidyClaimListItemDto>(
            page.Items.Select(r => new InterestSubsidyClaimListItemDto(r.Id, r.LoanId, r.PersonId, r.CountyId, r.PeriodStart, r.PeriodEnd, r.State, r.Decision?.Amount.Yuan)).ToList(),
            page.Page, page.PageSize, page.TotalCount);
    }
}
