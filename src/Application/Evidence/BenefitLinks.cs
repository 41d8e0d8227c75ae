using System.Globalization;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Common.Concurrency;
using Sunshine.Application.Common.Exceptions;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Paging;
using Sunshine.Application.Common.Security;
using Sunshine.Application.Enterprises;
using Sunshine.Application.Registry;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Common;
using Sunshine.Domain.Evidence;
using Sunshine.Domain.Registry;

namespace Sunshine.Application.Evidence;

/// <summary>What a link brought the household in a month (<c>yyyy-MM</c>).</summary>
public sealed record LinkMonthDto(string Month, decimal Amount);

/// <summary>A benefit link (利益联结) of an enterprise or an entrepreneur with a disabled household.</summary>
public sealed record BenefitLinkDto(
    Guid Id, Guid? EnterpriseId, string? EnterpriseName, Guid? EntrepreneurPersonId, string? EntrepreneurName, Guid HouseholdId, string HouseholdHeadName,
    bool HouseholdRegisteredPoor, Guid CountyId, string CountyName, LinkType Type, DateOnly StartDate, DateOnly? EndDate, IReadOnlyList<LinkMonthDto> Months,
    uint Version);

public static class BenefitLinkQueries
{
    public static async Task<BenefitLink> RequireLinkAsync(this IApplicationDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.BenefitLinks.FirstOrDefaultAsync(l => l.Id == id, cancellationToken) ?? throw new NotFoundException("benefit_link", id);

    public static async Task<List<BenefitLinkDto>> LinkDtosAsync(this IApplicationDbContext db, IReadOnlyList<BenefitLink> links, CancellationToken cancellationToken)
    {
        var enterpriseIds = links.Where(l => l.EnterpriseId != null).Select(l => l.EnterpriseId!.Value).Distinct().ToList();
        var personIds = links.Where(l => l.EntrepreneurPersonId != null).Select(l => l.EntrepreneurPersonId!.Value).Distinct().ToList();
        var householdIds = links.Select(l => l.HouseholdId).Distinct().ToList();
        var countyIds = links.Select(l => l.CountyId).Distinct().ToList();
        var enterprises = await db.Enterprises.Where(e => enterpriseIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, cancellationToken);
        var people = await db.Persons.IgnoreQueryFilters().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var households = await db.Households.IgnoreQueryFilters().Where(h => householdIds.Contains(h.Id))
            .Select(h => new { h.Id, h.IsRegisteredPoor, Head = h.Members.Where(m => m.Relation == HouseholdRelation.Head).Select(m => m.Name).FirstOrDefault() })
            .ToDictionaryAsync(h => h.Id, cancellationToken);
        var counties = await db.Regions.Where(r => countyIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);
        return links.Select(l => new BenefitLinkDto(
            l.Id, l.EnterpriseId, l.EnterpriseId is { } e ? enterprises[e] : null, l.EntrepreneurPersonId, l.EntrepreneurPersonId is { } p ? people[p] : null,
            l.HouseholdId, households[l.HouseholdId].Head ?? string.Empty, households[l.HouseholdId].IsRegisteredPoor, l.CountyId, counties[l.CountyId], l.Type,
            l.StartDate, l.EndDate,
            l.Months.OrderBy(m => m.Month).Select(m => new LinkMonthDto(m.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture), m.Amount.Yuan)).ToList(),
            l.Version)).ToList();
    }

    public static async Task<BenefitLinkDto> LinkDtoAsync(this IApplicationDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var link = await db.BenefitLinks.AsNoTracking().SingleAsync(l => l.Id == id, cancellationToken);
        return (await db.LinkDtosAsync([link], cancellationToken))[0];
    }
}

/// <summary>Links in your scope (the household's or the linking party's county) by party, household, type, and in force on a date.</summary>
[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record GetBenefitLinksQuery(
    Guid? EnterpriseId = null, Guid? EntrepreneurPersonId = null, Guid? HouseholdId = null, LinkType? Type = null, DateOnly? InForceOn = null, int Page = 1,
    int PageSize = Paging.DefaultPageSize) : IQuery<PagedList<BenefitLinkDto>>, IPagedRequest;

public sealed class GetBenefitLinksValidator : AbstractValidator<GetBenefitLinksQuery>
{
    public GetBenefitLinksValidator()
    {
        this.AddPagingRules();
        RuleFor(x => x.Type).IsInEnum();
    }
}

public sealed class GetBenefitLinksHandler(IApplicationDbContext db) : IQueryHandler<GetBenefitLinksQuery, PagedList<BenefitLinkDto>>
{
    public async ValueTask<PagedList<BenefitLinkDto>> Handle(GetBenefitLinksQuery query, CancellationToken cancellationToken)
    {
        var links = db.BenefitLinks.AsNoTracking()
            .Where(l => (query.EnterpriseId == null || l.EnterpriseId == query.EnterpriseId)
                && (query.EntrepreneurPersonId == null || l.EntrepreneurPersonId == query.EntrepreneurPersonId)
                && (query.HouseholdId == null || l.HouseholdId == query.HouseholdId) && (query.Type == null || l.Type == query.Type));
        if (query.InForceOn is { } date)
        {
            links = links.Where(DatedRecord.InForceOn<BenefitLink>(date));
        }

        var page = await links.OrderByDescending(l => l.StartDate).ThenBy(l => l.Id).ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
        return new PagedList<BenefitLinkDto>(await db.LinkDtosAsync(page.Items, cancellationToken), page.Page, page.PageSize, page.TotalCount);
    }
}

[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record GetBenefitLinkQuery(Guid Id) : IQuery<BenefitLinkDto>;

public sealed class GetBenefitLinkHandler(IApplicationDbContext db) : IQueryHandler<GetBenefitLinkQuery, BenefitLinkDto>
{
    public async ValueTask<BenefitLinkDto> Handle(GetBenefitLinkQuery query, CancellationToken cancellationToken) =>
        await db.LinkDtoAsync((await db.RequireLinkAsync(query.Id, cancellationToken)).Id, cancellationToken);
}

/// <summary>
/// Records a link of an enterprise (<c>EnterpriseId</c>) or an entrepreneur — a registered disabled
/// person (<c>EntrepreneurPersonId</c>) — with a household of your scope.
/// </summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record CreateBenefitLinkCommand(Guid? EnterpriseId, Guid? EntrepreneurPersonId, Guid HouseholdId, LinkType Type, DateOnly StartDate, DateOnly? EndDate)
    : ICommand<BenefitLinkDto>;

public sealed class CreateBenefitLinkValidator : AbstractValidator<CreateBenefitLinkCommand>
{
    public CreateBenefitLinkValidator()
    {
        RuleFor(x => x.EnterpriseId).NotNull().When(x => x.EntrepreneurPersonId is null).WithErrorCode("link.party_required")
            .WithMessage("Give the enterprise or the entrepreneur.");
        RuleFor(x => x.EnterpriseId).Null().When(x => x.EntrepreneurPersonId is not null).WithErrorCode("link.party_required")
            .WithMessage("A link is of an enterprise or an entrepreneur, not both.");
        RuleFor(x => x.HouseholdId).NotEmpty();
        RuleFor(x => x.Type).IsInEnum();
        RuleFor(x => x.StartDate).NotEmpty();
        RuleFor(x => x.EndDate).GreaterThanOrEqualTo(x => x.StartDate).When(x => x.EndDate is not null).WithErrorCode("dates.end_before_start");
    }
}

public sealed class CreateBenefitLinkHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<CreateBenefitLinkCommand, BenefitLinkDto>
{
    public async ValueTask<BenefitLinkDto> Handle(CreateBenefitLinkCommand command, CancellationToken cancellationToken)
    {
        var household = await db.RequireHouseholdAsync(command.HouseholdId, cancellationToken);
        await db.EnsureWritableCountyAsync(user, household.CountyId, cancellationToken);
        if (!household.Members.Any(m => m.IsDisabledPerson))
        {
            throw new DomainException("link.household_not_disabled", "A benefit link is with a household that has a registered disabled member.", field: "householdId");
        }

        Guid? linkingCounty;
        if (command.EnterpriseId is { } enterpriseId)
        {
            linkingCounty = (await db.RequireEnterpriseAsync(enterpriseId, cancellationToken)).CountyId;
        }
        else
        {
            var entrepreneur = await db.RequirePersonAsync(command.EntrepreneurPersonId!.Value, cancellationToken);
            linkingCounty = entrepreneur.CountyId;
        }

        var link = BenefitLink.Create(command.EnterpriseId, command.EntrepreneurPersonId, linkingCounty, household.Id, household.CountyId, command.Type,
            command.StartDate, command.EndDate, clock.Today());
        db.BenefitLinks.Add(link);
        await db.SaveChangesAsync(cancellationToken);
        return await db.LinkDtoAsync(link.Id, cancellationToken);
    }
}

/// <summary>Corrects a link's dates; <c>ExpectedVersion</c> is the ETag from <c>If-Match</c>.</summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record UpdateBenefitLinkCommand(Guid Id, uint? ExpectedVersion, DateOnly StartDate, DateOnly? EndDate) : ICommand<BenefitLinkDto>;

public sealed class UpdateBenefitLinkValidator : AbstractValidator<UpdateBenefitLinkCommand>
{
    public UpdateBenefitLinkValidator()
    {
        RuleFor(x => x.StartDate).NotEmpty();
        RuleFor(x => x.EndDate).GreaterThanOrEqualTo(x => x.StartDate).When(x => x.EndDate is not null).WithErrorCode("dates.end_before_start");
    }
}

public sealed class UpdateBenefitLinkHandler(IApplicationDbContext db, TimeProvider clock) : ICommandHandler<UpdateBenefitLinkCommand, BenefitLinkDto>
{
    public async ValueTask<BenefitLinkDto> Handle(UpdateBenefitLinkCommand command, CancellationToken cancellationToken)
    {
        var link = await db.RequireLinkAsync(command.Id, cancellationToken);
        db.EnsureCurrent(link, command.ExpectedVersion);
        link.ChangeDates(command.StartDate, command.EndDate, clock.Today());
        await db.SaveChangesAsync(cancellationToken);
        return await db.LinkDtoAsync(link.Id, cancellationToken);
    }
}

/// <summary>Ends a link; <c>LastDay</c> is its last day in force.</summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record EndBenefitLinkCommand(Guid Id, DateOnly LastDay) : ICommand<BenefitLinkDto>;

public sealed class EndBenefitLinkHandler(IApplicationDbContext db) : ICommandHandler<EndBenefitLinkCommand, BenefitLinkDto>
{
    public async ValueTask<BenefitLinkDto> Handle(EndBenefitLinkCommand command, CancellationToken cancellationToken)
    {
        var link = await db.RequireLinkAsync(command.Id, cancellationToken);
        link.End(command.LastDay);
        await db.SaveChangesAsync(cancellationToken);
        return await db.LinkDtoAsync(link.Id, cancellationToken);
    }
}

/// <summary>One month's amount to record: <c>Month</c> is <c>yyyy-MM</c>; 0 removes the month.</summary>
public sealed record LinkMonthInput(string Month, decimal Amount);

/// <summary>Records (or corrects) what a link brought its household, month by month (1 to 24 months at once; all or nothing).</summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record RecordBenefitLinkMonthsCommand(Guid Id, IReadOnlyList<LinkMonthInput> Months) : ICommand<BenefitLinkDto>;

public sealed class RecordBenefitLinkMonthsValidator : AbstractValidator<RecordBenefitLinkMonthsCommand>
{
    public const int MaxMonths = 24;

    public RecordBenefitLinkMonthsValidator()
    {
        RuleFor(x => x.Months).NotEmpty().Must(m => m.Count <= MaxMonths).WithErrorCode("link.too_many_months").WithMessage($"Record 1 to {MaxMonths} months at once.");
        RuleForEach(x => x.Months).ChildRules(month =>
        {
            month.RuleFor(m => m.Month).NotEmpty().Matches(@"^\d{4}-(0[1-9]|1[0-2])$").WithErrorCode("link.month_invalid").WithMessage("A month is yyyy-MM.");
            month.RuleFor(m => m.Amount).InclusiveBetween(0m, 100_000_000m).PrecisionScale(12, 2, ignoreTrailingZeros: true);
        });
        RuleFor(x => x.Months).Must(m => m.Select(x => x.Month).Distinct().Count() == m.Count).When(x => x.Months is not null)
            .WithErrorCode("link.month_repeated").WithMessage("Each month appears once.");
    }
}

public sealed class RecordBenefitLinkMonthsHandler(IApplicationDbContext db, TimeProvider clock) : ICommandHandler<RecordBenefitLinkMonthsCommand, BenefitLinkDto>
{
    public async ValueTask<BenefitLinkDto> Handle(RecordBenefitLinkMonthsCommand command, CancellationToken cancellationToken)
    {
        var link = await db.RequireLinkAsync(command.Id, cancellationToken);
        var today = clock.Today();
        for (var i = 0; i < command.Months.Count; i++)
        {
            var month = command.Months[i];
            try
            {
                link.RecordMonth(int.Parse(month.Month[..4], CultureInfo.InvariantCulture), int.Parse(month.Month[5..], CultureInfo.InvariantCulture),
                    Money.FromYuan(month.Amount), today);
            }
            catch (DomainException ex)
            {
                throw new DomainException(ex.Code, ex.Message, ex.Kind, $"months[{i}].{ex.Field ?? "month"}");
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return await db.LinkDtoAsync(link.Id, cancellationToken);
    }
}
