using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Common.Exceptions;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Paging;
using Sunshine.Application.Common.Security;
using Sunshine.Application.Registry;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Common;
using Sunshine.Domain.Loans;

namespace Sunshine.Application.Loans;

public sealed record LoanRepaymentDto(Guid Id, DateOnly Date, decimal Principal);

/// <summary>A micro-loan of a registered disabled person, with its repayments and what is outstanding today.</summary>
public sealed record LoanDto(
    Guid Id, Guid BorrowerId, string BorrowerName, Guid CountyId, string CountyName, LoanProgramme Programme, string Lender, decimal Principal,
    decimal AnnualRate, DayCountBasis DayCountBasis, DateOnly StartDate, int TermMonths, DateOnly MaturityDate, decimal OutstandingToday,
    IReadOnlyList<LoanRepaymentDto> Repayments, uint Version);

public static class LoanQueries
{
    public static async Task<Loan> RequireLoanAsync(this IApplicationDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Loans.FirstOrDefaultAsync(l => l.Id == id, cancellationToken) ?? throw new NotFoundException("loan", id);

    public static async Task<List<LoanDto>> LoanDtosAsync(this IApplicationDbContext db, IReadOnlyList<Loan> loans, DateOnly today, CancellationToken cancellationToken)
    {
        var people = loans.Select(l => l.BorrowerId).Distinct().ToList();
        var counties = loans.Select(l => l.CountyId).Distinct().ToList();
        var names = await db.Persons.IgnoreQueryFilters().Where(p => people.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var countyNames = await db.Regions.Where(r => counties.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);
        return loans.Select(l => new LoanDto(
            l.Id, l.BorrowerId, names[l.BorrowerId], l.CountyId, countyNames[l.CountyId], l.Programme, l.Lender, l.Principal.Yuan, l.AnnualRate, l.DayCountBasis,
            l.StartDate, l.TermMonths, l.MaturityDate, l.OutstandingAtEndOf(today).Yuan,
            l.Repayments.OrderBy(r => r.Date).Select(r => new LoanRepaymentDto(r.Id, r.Date, r.Principal.Yuan)).ToList(), l.Version)).ToList();
    }

    public static async Task<LoanDto> LoanDtoAsync(this IApplicationDbContext db, Guid id, DateOnly today, CancellationToken cancellationToken)
    {
        var loan = await db.Loans.AsNoTracking().SingleAsync(l => l.Id == id, cancellationToken);
        return (await db.LoanDtosAsync([loan], today, cancellationToken))[0];
    }
}

/// <summary>Loans in your scope by programme and borrower, newest first.</summary>
[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record GetLoansQuery(LoanProgramme? Programme = null, Guid? BorrowerId = null, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<PagedList<LoanDto>>, IPagedRequest;

public sealed class GetLoansValidator : AbstractValidator<GetLoansQuery>
{
    public GetLoansValidator()
    {
        this.AddPagingRules();
        RuleFor(x => x.Programme).IsInEnum();
    }
}

public sealed class GetLoansHandler(IApplicationDbContext db, TimeProvider clock) : IQueryHandler<GetLoansQuery, PagedList<LoanDto>>
{
    public async ValueTask<PagedList<LoanDto>> Handle(GetLoansQuery query, CancellationToken cancellationToken)
    {
        var page = await db.Loans.AsNoTracking()
            .Where(l => (query.Programme == null || l.Programme == query.Programme) && (query.BorrowerId == null || l.BorrowerId == query.BorrowerId))
            .OrderByDescending(l => l.StartDate).ThenBy(l => l.Id)
            .ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
        return new PagedList<LoanDto>(await db.LoanDtosAsync(page.Items, clock.Today(), cancellationToken), page.Page, page.PageSize, page.TotalCount);
    }
}

[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record GetLoanQuery(Guid Id) : IQuery<LoanDto>;

public sealed class GetLoanHandler(IApplicationDbContext db, TimeProvider clock) : IQueryHandler<GetLoanQuery, LoanDto>
{
    public async ValueTask<LoanDto> Handle(GetLoanQuery query, CancellationToken cancellationToken) =>
        await db.LoanDtoAsync((await db.RequireLoanAsync(query.Id, cancellationToken)).Id, clock.Today(), cancellationToken);
}

/// <summary>Records a loan of a registered disabled person of your scope, as the loan contract says.</summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record CreateLoanCommand(
    Guid BorrowerId, LoanProgramme Programme, string Lender, decimal Principal, decimal AnnualRate, DayCountBasis DayCountBasis, DateOnly StartDate, int TermMonths)
    : ICommand<LoanDto>;

public sealed class CreateLoanValidator : AbstractValidator<CreateLoanCommand>
{
    public CreateLoanValidator()
    {
        RuleFor(x => x.BorrowerId).NotEmpty();
        RuleFor(x => x.Programme).IsInEnum();
        RuleFor(x => x.DayCountBasis).IsInEnum();
        RuleFor(x => x.Lender).NotEmpty().MaximumLength(Loan.LenderMaxLength);
        RuleFor(x => x.Principal).GreaterThan(0m).PrecisionScale(14, 2, ignoreTrailingZeros: true);
        RuleFor(x => x.AnnualRate).GreaterThan(0m).LessThan(1m).PrecisionScale(8, 6, ignoreTrailingZeros: true);
        RuleFor(x => x.TermMonths).InclusiveBetween(1, Loan.MaxTermMonths);
        RuleFor(x => x.StartDate).NotEmpty();
    }
}

public sealed class CreateLoanHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<CreateLoanCommand, LoanDto>
{
    public async ValueTask<LoanDto> Handle(CreateLoanCommand command, CancellationToken cancellationToken)
    {
        var borrower = await db.RequirePersonAsync(command.BorrowerId, cancellationToken);
        await db.EnsureWritableCountyAsync(user, borrower.CountyId, cancellationToken);
        if (command.StartDate > clock.Today())
        {
            throw new DomainException("loan.start_future", "A loan is recorded once it has started.", field: "startDate");
        }

        var loan = Loan.Create(borrower.Id, borrower.CountyId, command.Programme, command.Lender, Money.FromYuan(command.Principal, "principal"),
            command.AnnualRate, command.DayCountBasis, command.StartDate, command.TermMonths);
        db.Loans.Add(loan);
        await db.SaveChangesAsync(cancellationToken);
        return await db.LoanDtoAsync(loan.Id, clock.Today(), cancellationToken);
    }
}

/// <summary>Records a repayment of principal on a date (not in the future).</summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record RecordLoanRepaymentCommand(Guid LoanId, DateOnly Date, decimal Principal) : ICommand<LoanDto>;

public sealed class RecordLoanRepaymentValidator : AbstractValidator<RecordLoanRepaymentCommand>
{
    public RecordLoanRepaymentValidator()
    {
        RuleFor(x => x.Date).NotEmpty();
        RuleFor(x => x.Principal).GreaterThan(0m).PrecisionScale(14, 2, ignoreTrailingZeros: true);
    }
}

public sealed class RecordLoanRepaymentHandler(IApplicationDbContext db, TimeProvider clock) : ICommandHandler<RecordLoanRepaymentCommand, LoanDto>
{
    public async ValueTask<LoanDto> Handle(RecordLoanRepaymentCommand command, CancellationToken cancellationToken)
    {
        var loan = await db.RequireLoanAsync(command.LoanId, cancellationToken);
        if (command.Date > clock.Today())
        {
            throw new DomainException("loan.repayment_future", "A repayment is recorded once it is made.", field: "date");
        }

        loan.Repay(command.Date, Money.FromYuan(command.Principal, "principal"));
        await db.SaveChangesAsync(cancellationToken);
        return await db.LoanDtoAsync(loan.Id, clock.Today(), cancellationToken);
    }
}
