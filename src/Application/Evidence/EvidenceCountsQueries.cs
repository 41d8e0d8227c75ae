using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Security;
using Sunshine.Application.Enterprises;
using Sunshine.Application.Policies;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Evidence;

namespace Sunshine.Application.Evidence;

/// <summary>
/// An enterprise's evidence for the recognitions: distinct Sunshine bases with a supply agreement in
/// force on <c>Date</c>; distinct disabled people it employs on <c>Date</c>; distinct disabled
/// households whose products it carried in at least <c>StableLinkMonths</c> months of <c>Year</c>.
/// Counted over every county's records (the figures name nobody).
/// </summary>
public sealed record EnterpriseEvidenceDto(
    Guid EnterpriseId, DateOnly Date, int BasesWithActiveAgreements, int DisabledEmployees, int Year, int StableLinkMonths, int StablyLinkedHouseholds);

[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record GetEnterpriseEvidenceQuery(Guid EnterpriseId, DateOnly? Date = null, int? Year = null) : IQuery<EnterpriseEvidenceDto>;

public sealed class GetEnterpriseEvidenceValidator : AbstractValidator<GetEnterpriseEvidenceQuery>
{
    public GetEnterpriseEvidenceValidator() => RuleFor(x => x.Year).InclusiveBetween(2000, 2100);
}

public sealed class GetEnterpriseEvidenceHandler(IApplicationDbContext db, TimeProvider clock) : IQueryHandler<GetEnterpriseEvidenceQuery, EnterpriseEvidenceDto>
{
    public async ValueTask<EnterpriseEvidenceDto> Handle(GetEnterpriseEvidenceQuery query, CancellationToken cancellationToken)
    {
        var enterprise = await db.RequireEnterpriseAsync(query.EnterpriseId, cancellationToken);
        var date = query.Date ?? clock.Today();
        var year = query.Year ?? date.Year - 1;
        var bases = await db.SupplyAgreements.IgnoreQueryFilters().Where(a => a.EnterpriseId == enterprise.Id && a.BaseId != null)
            .Where(DatedRecord.InForceOn<SupplyAgreement>(date)).Select(a => a.BaseId).Distinct().CountAsync(cancellationToken);
        var employees = await db.EmploymentRecords.IgnoreQueryFilters().Where(e => e.EnterpriseId == enterprise.Id)
            .Where(DatedRecord.InForceOn<EmploymentRecord>(date)).Select(e => e.PersonId).Distinct().CountAsync(cancellationToken);
        var months = await db.ProductMonthsAsync(db.BenefitLinks.IgnoreQueryFilters().Where(l => l.EnterpriseId == enterprise.Id), year, cancellationToken);
        var minimum = (await db.StableLinkAsync(new DateOnly(year, 12, 31), cancellationToken)).Months;
        return new EnterpriseEvidenceDto(enterprise.Id, date, bases, employees, year, minimum, EvidenceCounts.StablyLinkedHouseholds(months, year, minimum));
    }
}

public static class EvidenceQueries
{
    /// <summary>The (household, month) pairs of a year in which the links carried the household's products with an amount recorded.</summary>
    public static async Task<List<(Guid HouseholdId, DateOnly Month)>> ProductMonthsAsync(
        this IApplicationDbContext db, IQueryable<BenefitLink> links, int year, CancellationToken cancellationToken)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 1);
        var rows = await links
            .Where(l => l.Type == LinkType.ProductSupply || l.Type == LinkType.ProtectivePricePurchase)
            .SelectMany(l => l.Months.Where(m => m.Month >= first && m.Month <= last), (l, m) => new { l.HouseholdId, m.Month })
            .Distinct()
            .ToListAsync(cancellationToken);
        return rows.Select(r => (r.HouseholdId, r.Month)).ToList();
    }
}

/// <summary>
/// Households brought into the chain through benefit links on a date: distinct registered-poor
/// disabled households with a link in force, and all linked households, in a county or (for city
/// officers) city-wide. A county officer always gets their own county's figures.
/// </summary>
public sealed record LinkedHouseholdsDto(DateOnly Date, Guid? CountyId, int RegisteredPoorHouseholds, int Households);

[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record GetLinkedHouseholdsQuery(DateOnly? Date = null, Guid? CountyId = null) : IQuery<LinkedHouseholdsDto>;

public sealed class GetLinkedHouseholdsHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<GetLinkedHouseholdsQuery, LinkedHouseholdsDto>
{
    public async ValueTask<LinkedHouseholdsDto> Handle(GetLinkedHouseholdsQuery query, CancellationToken cancellationToken)
    {
        var date = query.Date ?? clock.Today();
        var county = user.IsCountyBound ? user.CountyId : query.CountyId;
        var links = db.BenefitLinks.IgnoreQueryFilters().Where(DatedRecord.InForceOn<BenefitLink>(date)).Where(l => county == null || l.CountyId == county);
        var households = from l in links
                         join h in db.Households.IgnoreQueryFilters() on l.HouseholdId equals h.Id
                         select new { h.Id, h.IsRegisteredPoor };
        var distinct = households.Distinct();
        return new LinkedHouseholdsDto(
            date, county, await distinct.CountAsync(h => h.IsRegisteredPoor, cancellationToken), await distinct.CountAsync(cancellationToken));
    }
}
