using System.Globalization;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Bases;
using Sunshine.Application.Benefits;
using Sunshine.Application.Common.Exceptions;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Paging;
using Sunshine.Application.Common.Security;
using Sunshine.Application.Enterprises;
using Sunshine.Application.Funds;
using Sunshine.Application.Registry;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Awards;
using Sunshine.Domain.Benefits;
using Sunshine.Domain.Common;
using Sunshine.Domain.Registry;

namespace Sunshine.Application.Awards;

/// <summary>
/// An award application: the award, the beneficiary, the facts frozen at submission beside the facts
/// now, and its benefit (workflow, frozen and live decisions, public notice, objections).
/// </summary>
public sealed record AwardApplicationDto(
    Guid Id, BenefitType Type, BeneficiaryKind BeneficiaryKind, Guid BeneficiaryId, string BeneficiaryName, Guid CountyId, string CountyName,
    AwardFactsDto? Snapshot, AwardFactsDto? LiveFacts, BenefitDto Benefit, uint Version);

/// <summary>A row of the applications list.</summary>
public sealed record AwardApplicationListItemDto(
    Guid Id, BenefitType Type, BeneficiaryKind BeneficiaryKind, Guid BeneficiaryId, string BeneficiaryName, Guid CountyId, string CountyName, BenefitState State,
    decimal? Amount, DateTimeOffset? SubmittedAt, DateOnly? NoticeEndsOn);

/// <summary>The decision an application would get now, with the facts behind it (the wizard's live check).</summary>
public sealed record AwardPreviewDto(BenefitType Type, Guid BeneficiaryId, string BeneficiaryName, DecisionDto Decision, AwardFactsDto Facts);

/// <summary>Names of the beneficiaries of benefits: the person, the base or the enterprise.</summary>
public static class BeneficiaryNames
{
    public static async Task<Dictionary<Guid, string>> OfBenefitsAsync(IApplicationDbContext db, IReadOnlyCollection<Guid> benefitIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await (
            from b in db.Benefits.IgnoreQueryFilters().Where(b => benefitIds.Contains(b.Id))
            join a in db.AwardApplications.IgnoreQueryFilters() on b.Id equals a.Id into apps
            from a in apps.DefaultIfEmpty()
            select new
            {
                b.Id,
                Person = db.Persons.IgnoreQueryFilters().Where(p => p.Id == b.PersonId).Select(p => p.Name).FirstOrDefault(),
                Base = a == null ? null : db.SunshineBases.IgnoreQueryFilters().Where(x => x.Id == a.BaseId).Select(x => x.Name).FirstOrDefault(),
                Enterprise = a == null ? null : db.Enterprises.IgnoreQueryFilters().Where(x => x.Id == a.EnterpriseId).Select(x => x.Name).FirstOrDefault(),
            }).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id, r => r.Person ?? r.Base ?? r.Enterprise ?? string.Empty);
    }

    /// <summary>The beneficiary of an award type, visible to the caller (404 otherwise), with its name and county.</summary>
    public static async Task<(string Name, Guid? CountyId)> RequireBeneficiaryAsync(
        IApplicationDbContext db, BenefitType type, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        switch (BenefitTypes.Get(type).Beneficiary)
        {
            case BeneficiaryKind.Person:
                var person = await db.RequirePersonAsync(id, cancellationToken);
                return (person.Name, person.CountyId);
            case BeneficiaryKind.Base:
                var found = await db.RequireBaseAsync(id, cancellationToken);
                return (found.Name, found.CountyId);
            default:
                var enterprise = await db.RequireEnterpriseAsync(id, cancellationToken);
                return (enterprise.Name, enterprise.CountyId);
        }
    }
}

internal static class AwardQueries
{
    public static async Task<AwardApplication> RequireApplicationAsync(this IApplicationDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.AwardApplications.FirstOrDefaultAsync(a => a.Id == id, cancellationToken) ?? throw new NotFoundException("award_application", id);

    public static async Task<AwardApplicationDto> ToDtoAsync(
        this IApplicationDbContext db, AwardApplication application, AwardDecider decider, CancellationToken cancellationToken)
    {
        var benefit = await db.Benefits.IgnoreQueryFilters().SingleAsync(b => b.Id == application.Id, cancellationToken);
        var closed = benefit.State is BenefitState.Rejected or BenefitState.Withdrawn;
        var facts = closed ? null : await decider.FactsAsync(benefit, decider.AssessmentDate(benefit), cancellationToken);
        var live = facts is null ? null : AwardRules.Decide(facts);
        var names = await BeneficiaryNames.OfBenefitsAsync(db, [application.Id], cancellationToken);
        var county = await db.Regions.Where(r => r.Id == application.CountyId).Select(r => r.Name).SingleAsync(cancellationToken);
        return new AwardApplicationDto(
            application.Id, application.Type, application.BeneficiaryKind, application.BeneficiaryId, names[application.Id], application.CountyId, county,
            AwardFactsDto.FromJson(application.Snapshot), facts is null ? null : AwardFactsDto.From(facts), benefit.ToDto(live), application.Version);
    }
}

/// <summary>
/// Starts an award application (a draft) for a person, a Sunshine base or an enterprise of your
/// county; the county is the beneficiary's. One open application per award type and beneficiary.
/// </summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record CreateAwardApplicationCommand(BenefitType Type, Guid BeneficiaryId) : ICommand<AwardApplicationDto>;

public sealed class CreateAwardApplicationValidator : AbstractValidator<CreateAwardApplicationCommand>
{
    public CreateAwardApplicationValidator()
    {
        RuleFor(x => x.Type).IsInEnum().Must(t => !Enum.IsDefined(t) || BenefitTypes.Get(t).IsAward).WithErrorCode("award.type_invalid").WithMessage("Not an award type.");
        RuleFor(x => x.BeneficiaryId).NotEmpty();
    }
}

public sealed class CreateAwardApplicationHandler(IApplicationDbContext db, ICurrentUser user, AwardDecider decider, TimeProvider clock)
    : ICommandHandler<CreateAwardApplicationCommand, AwardApplicationDto>
{
    public async ValueTask<AwardApplicationDto> Handle(CreateAwardApplicationCommand command, CancellationToken cancellationToken)
    {
        var (_, county) = await BeneficiaryNames.RequireBeneficiaryAsync(db, command.Type, command.BeneficiaryId, cancellationToken);
        if (county is not { } countyId)
        {
            throw new DomainException("award.county_required", "The enterprise has no county: record its county first; its county applies.", field: "beneficiaryId");
        }

        await db.EnsureWritableCountyAsync(user, countyId, cancellationToken);
        var key = AwardApplication.OneTimeKeyFor(command.BeneficiaryId);
        if (await db.Benefits.IgnoreQueryFilters().AnyAsync(
                b => b.Type == command.Type && b.OneTimeKey == key && b.State != BenefitState.Rejected && b.State != BenefitState.Withdrawn, cancellationToken))
        {
            throw new ConflictException("award.application_exists", "The beneficiary already has an application of this award (open, approved or paid).", "beneficiaryId");
        }

        var (application, benefit) = AwardApplication.Start(command.Type, command.BeneficiaryId, countyId, user.Id ?? throw new NotAuthenticatedException(), clock.GetUtcNow());
        db.Benefits.Add(benefit);
        db.AwardApplications.Add(application);
        await db.SaveChangesAsync(cancellationToken);
        return await db.ToDtoAsync(application, decider, cancellationToken);
    }
}

/// <summary>An award application in your scope, with its frozen and live facts.</summary>
[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record GetAwardApplicationQuery(Guid Id) : IQuery<AwardApplicationDto>;

public sealed class GetAwardApplicationHandler(IApplicationDbContext db, AwardDecider decider) : IQueryHandler<GetAwardApplicationQuery, AwardApplicationDto>
{
    public async ValueTask<AwardApplicationDto> Handle(GetAwardApplicationQuery query, CancellationToken cancellationToken) =>
        await db.ToDtoAsync(await db.RequireApplicationAsync(query.Id, cancellationToken), decider, cancellationToken);
}

/// <summary>Award applications in your scope by type, state and county, newest first: the review queue.</summary>
[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record GetAwardApplicationsQuery(BenefitType? Type = null, BenefitState? State = null, Guid? CountyId = null, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<PagedList<AwardApplicationListItemDto>>, IPagedRequest;

public sealed class GetAwardApplicationsValidator : AbstractValidator<GetAwardApplicationsQuery>
{
    public GetAwardApplicationsValidator()
    {
        this.AddPagingRules();
        RuleFor(x => x.Type).IsInEnum();
        RuleFor(x => x.State).IsInEnum();
    }
}

public sealed class GetAwardApplicationsHandler(IApplicationDbContext db) : IQueryHandler<GetAwardApplicationsQuery, PagedList<AwardApplicationListItemDto>>
{
    public async ValueTask<PagedList<AwardApplicationListItemDto>> Handle(GetAwardApplicationsQuery query, CancellationToken cancellationToken)
    {
        var rows = from a in db.AwardApplications.AsNoTracking()
                   join b in db.Benefits on a.Id equals b.Id
                   where (query.Type == null || a.Type == query.Type) && (query.State == null || b.State == query.State)
                         && (query.CountyId == null || a.CountyId == query.CountyId)
                   orderby b.CreatedAt descending, a.Id descending
                   select new { a.Id, a.Type, a.BeneficiaryKind, a.BeneficiaryId, a.CountyId, b.State, b.Decision, b.SubmittedAt, b.NoticeEndsOn };
        var page = await rows.ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
        var ids = page.Items.Select(r => r.Id).ToList();
        var names = await BeneficiaryNames.OfBenefitsAsync(db, ids, cancellationToken);
        var countyIds = page.Items.Select(r => r.CountyId).Distinct().ToList();
        var counties = await db.Regions.Where(r => countyIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);
        return new PagedList<AwardApplicationListItemDto>(
            page.Items.Select(r => new AwardApplicationListItemDto(
                r.Id, r.Type, r.BeneficiaryKind, r.BeneficiaryId, names[r.Id], r.CountyId, counties[r.CountyId], r.State, r.Decision?.Amount.Yuan, r.SubmittedAt,
                r.NoticeEndsOn)).ToList(),
            page.Page, page.PageSize, page.TotalCount);
    }
}

/// <summary>The decision an award application for this beneficiary would get if submitted today, criterion by criterion.</summary>
[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record PreviewAwardDecisionQuery(BenefitType Type, Guid BeneficiaryId) : IQuery<AwardPreviewDto>;

public sealed class PreviewAwardDecisionValidator : AbstractValidator<PreviewAwardDecisionQuery>
{
    public PreviewAwardDecisionValidator()
    {
        RuleFor(x => x.Type).IsInEnum().Must(t => !Enum.IsDefined(t) || BenefitTypes.Get(t).IsAward).WithErrorCode("award.type_invalid").WithMessage("Not an award type.");
        RuleFor(x => x.BeneficiaryId).NotEmpty();
    }
}

public sealed class PreviewAwardDecisionHandler(IApplicationDbContext db, AwardFactsGatherer gatherer, TimeProvider clock) : IQueryHandler<PreviewAwardDecisionQuery, AwardPreviewDto>
{
    public async ValueTask<AwardPreviewDto> Handle(PreviewAwardDecisionQuery query, CancellationToken cancellationToken)
    {
        var (name, _) = await BeneficiaryNames.RequireBeneficiaryAsync(db, query.Type, query.BeneficiaryId, cancellationToken);
        var facts = await gatherer.GatherAsync(query.Type, query.BeneficiaryId, clock.Today(), null, cancellationToken);
        return new AwardPreviewDto(query.Type, query.BeneficiaryId, name, AwardRules.Decide(facts).ToDto(), AwardFactsDto.From(facts));
    }
}

/// <summary>One beneficiary that qualifies and has no open or decided application of the award.</summary>
public sealed record AwardScreeningRowDto(Guid BeneficiaryId, string BeneficiaryName, Guid CountyId, string CountyName, DecisionDto Decision, AwardFactsDto Facts);

/// <summary>The screening of an award: who qualifies on the assessment date, with every decision.</summary>
public sealed record AwardScreeningDto(BenefitType Type, DateOnly AssessmentDate, int SalesYear, Guid? CountyId, IReadOnlyList<AwardScreeningRowDto> Rows);

/// <summary>
/// Screening: every person, base or enterprise in scope (a county, or city-wide for city officers)
/// that qualifies for the award on the assessment date — today, or 31 December of a past
/// <c>year</c> — and has no application of it (rejected and withdrawn ones do not count).
/// </summary>
[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record GetAwardScreeningQuery(BenefitType Type, int? Year = null, Guid? CountyId = null) : IQuery<AwardScreeningDto>;

public sealed class GetAwardScreeningValidator : AbstractValidator<GetAwardScreeningQuery>
{
    public GetAwardScreeningValidator(TimeProvider clock)
    {
        RuleFor(x => x.Type).IsInEnum().Must(t => !Enum.IsDefined(t) || BenefitTypes.Get(t).IsAward).WithErrorCode("award.type_invalid").WithMessage("Not an award type.");
        RuleFor(x => x.Year).InclusiveBetween(2001, clock.Today().Year).WithErrorCode("award.year_invalid");
    }
}

public sealed class GetAwardScreeningHandler(AwardScreening screening) : IQueryHandler<GetAwardScreeningQuery, AwardScreeningDto>
{
    public async ValueTask<AwardScreeningDto> Handle(GetAwardScreeningQuery query, CancellationToken cancellationToken) =>
        await screening.RunAsync(query.Type, query.Year, query.CountyId, cancellationToken);
}

/// <summary>The screening list as XLSX (it names people, so the export is audited).</summary>
[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record ExportAwardScreeningCommand(BenefitType Type, int? Year = null, Guid? CountyId = null) : ICommand<ExportFile>, IAuditedRead;

public sealed class ExportAwardScreeningValidator : AbstractValidator<ExportAwardScreeningCommand>
{
    public ExportAwardScreeningValidator(TimeProvider clock)
    {
        RuleFor(x => x.Type).IsInEnum().Must(t => !Enum.IsDefined(t) || BenefitTypes.Get(t).IsAward).WithErrorCode("award.type_invalid").WithMessage("Not an award type.");
        RuleFor(x => x.Year).InclusiveBetween(2001, clock.Today().Year).WithErrorCode("award.year_invalid");
    }
}

public sealed class ExportAwardScreeningHandler(AwardScreening screening, ISpreadsheetWriter spreadsheets, IAuditTrail audit) : ICommandHandler<ExportAwardScreeningCommand, ExportFile>
{
    private static readonly string[] Headers = ["序号", "县（市、区）", "对象", "评定日期", "销售年度", "上年度销售额（元）", "稳定带动户数", "签约基地数", "残疾职工数", "奖补金额（元）", "依据"];

    public async ValueTask<ExportFile> Handle(ExportAwardScreeningCommand command, CancellationToken cancellationToken)
    {
        var result = await screening.RunAsync(command.Type, command.Year, command.CountyId, cancellationToken);
        var rows = result.Rows.Select((r, i) => (IReadOnlyList<object?>)
        [
            i + 1, r.CountyName, r.BeneficiaryName, result.AssessmentDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), result.SalesYear,
            r.Facts.TotalSales, r.Facts.StablyLinkedHouseholds, r.Facts.BasesWithActiveAgreements, r.Facts.DisabledEmployees, r.Decision.Amount,
            string.Join("；", r.Decision.Criteria.Select(c => $"{c.Code}: {c.Actual}")),
        ]);
        var content = spreadsheets.Write(BenefitNames.Chinese(command.Type), Headers, rows);
        audit.Record("AwardScreening", command.Type.ToString(), new
        {
            operation = "exported",
            assessmentDate = result.AssessmentDate,
            countyId = result.CountyId,
            rows = result.Rows.Count,
            beneficiaries = result.Rows.Select(r => r.BeneficiaryId).ToList(),
        });
        return new ExportFile($"screening-{command.Type}-{result.AssessmentDate:yyyyMMdd}.xlsx", ExportFile.Xlsx, content);
    }
}

/// <summary>Runs a screening in the caller's scope (a county officer always gets their county).</summary>
public sealed class AwardScreening(IApplicationDbContext db, ICurrentUser user, AwardFactsGatherer gatherer, TimeProvider clock)
{
    public async Task<AwardScreeningDto> RunAsync(BenefitType type, int? year, Guid? countyId, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var on = year is { } y && y < today.Year ? new DateOnly(y, 12, 31) : today;
        var county = user.IsCountyBound ? user.CountyId : countyId;
        var facts = await gatherer.ScreenAsync(type, on, county, cancellationToken);
        var decided = facts.Select(f => (Id: f.Key, Facts: f.Value, Decision: AwardRules.Decide(f.Value))).Where(x => x.Decision.Eligible).ToList();
        var keys = decided.Select(d => AwardApplication.OneTimeKeyFor(d.Id)).ToList();
        var applied = (await db.Benefits.IgnoreQueryFilters()
                .Where(b => b.Type == type && keys.Contains(b.OneTimeKey) && b.State != BenefitState.Rejected && b.State != BenefitState.Withdrawn)
                .Select(b => b.OneTimeKey).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var open = decided.Where(d => !applied.Contains(AwardApplication.OneTimeKeyFor(d.Id))).ToList();
        var ids = open.Select(o => o.Id).ToList();
        var named = await NamesAsync(type, ids, cancellationToken);
        var countyIds = named.Values.Select(n => n.CountyId).Distinct().ToList();
        var counties = await db.Regions.Where(r => countyIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);
        var rows = open
            .Where(o => named.ContainsKey(o.Id))
            .Select(o => new AwardScreeningRowDto(o.Id, named[o.Id].Name, named[o.Id].CountyId, counties[named[o.Id].CountyId], o.Decision.ToDto(), AwardFactsDto.From(o.Facts)))
            .OrderBy(r => r.CountyName, StringComparer.Ordinal).ThenByDescending(r => r.Facts.TotalSales ?? r.Facts.DisabledEmployees ?? 0).ThenBy(r => r.BeneficiaryId)
            .ToList();
        return new AwardScreeningDto(type, on, AwardRules.SalesYearOf(on), county, rows);
    }

    private async Task<Dictionary<Guid, (string Name, Guid CountyId)>> NamesAsync(BenefitType type, List<Guid> ids, CancellationToken cancellationToken) =>
        BenefitTypes.Get(type).Beneficiary switch
        {
            BeneficiaryKind.Person => await db.Persons.Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.Name, p.CountyId })
                .ToDictionaryAsync(p => p.Id, p => (p.Name, p.CountyId), cancellationToken),
            BeneficiaryKind.Base => await db.SunshineBases.Where(b => ids.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => (b.Name, b.CountyId), cancellationToken),
            _ => await db.Enterprises.Where(e => ids.Contains(e.Id) && e.CountyId != null).ToDictionaryAsync(e => e.Id, e => (e.Name, e.CountyId!.Value), cancellationToken),
        };
}

/// <summary>Prosperity leaders (致富带头人) of a county: rural disabled people holding an approved or paid demonstration-household or demonstration-base award.</summary>
public sealed record ProsperityLeadersRowDto(Guid CountyId, string CountyName, int Leaders);

public sealed record ProsperityLeadersDto(int Total, IReadOnlyList<ProsperityLeadersRowDto> Counties);

/// <summary>Prosperity leaders per county in your scope (every county, zeros included; a county officer's own only).</summary>
[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record GetProsperityLeadersQuery : IQuery<ProsperityLeadersDto>;

public sealed class GetProsperityLeadersHandler(IApplicationDbContext db, ICurrentUser user) : IQueryHandler<GetProsperityLeadersQuery, ProsperityLeadersDto>
{
    public async ValueTask<ProsperityLeadersDto> Handle(GetProsperityLeadersQuery query, CancellationToken cancellationToken)
    {
        var leaders = await db.ProsperityLeadersAsync(null, cancellationToken);
        var counties = await db.Regions.Where(r => r.ParentId != null && (!user.IsCountyBound || r.Id == user.CountyId))
            .OrderBy(r => r.Code).Select(r => new { r.Id, r.Name }).ToListAsync(cancellationToken);
        var rows = counties.Select(c => new ProsperityLeadersRowDto(c.Id, c.Name, leaders.GetValueOrDefault(c.Id))).ToList();
        return new ProsperityLeadersDto(rows.Sum(r => r.Leaders), rows);
    }
}

/// <summary>Prosperity leaders (阳光致富带头人), the one definition the awards page and the statistics share.</summary>
public static class ProsperityLeaderCounts
{
    /// <summary>
    /// Rural disabled people holding a finally approved demonstration-household award, or operating a base
    /// holding a finally approved demonstration-base award, per county of the person; with
    /// <paramref name="approvedBefore"/>, only awards approved before that instant.
    /// </summary>
    public static async Task<Dictionary<Guid, int>> ProsperityLeadersAsync(this IApplicationDbContext db, DateTimeOffset? approvedBefore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var held = db.Benefits.IgnoreQueryFilters().Where(b => b.IsFinallyApproved);
        if (approvedBefore is { } before)
        {
            held = held.Where(b => b.Transitions.Any(t => (t.To == BenefitState.Approved || t.To == BenefitState.Recognised) && t.At < before));
        }

        var householdHolders = held.Where(b => b.Type == BenefitType.DemonstrationHouseholdAward).Select(b => b.PersonId);
        var baseHolders = from b in held.Where(b => b.Type == BenefitType.DemonstrationBaseAward)
                          join a in db.AwardApplications.IgnoreQueryFilters() on b.Id equals a.Id
                          join s in db.SunshineBases.IgnoreQueryFilters() on a.BaseId equals s.Id
                          where s.OperatorPersonId != null
                          select s.OperatorPersonId;
        // The holders first (a few hundred award rows), then their people by key: never a pass over the registry.
        var holders = householdHolders.Union(baseHolders);
        return await (from p in db.Persons.IgnoreQueryFilters()
                      join h in holders on (Guid?)p.Id equals h
                      where p.Registration == HouseholdRegistration.Rural
                      group p by p.CountyId into g
                      select new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
    }
}
