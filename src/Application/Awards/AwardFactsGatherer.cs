using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Policies;
using Sunshine.Domain.Awards;
using Sunshine.Domain.Benefits;
using Sunshine.Domain.Common;
using Sunshine.Domain.Evidence;
using Sunshine.Domain.Policies;

namespace Sunshine.Application.Awards;

/// <summary>
/// Gathers the facts of award applications — for one beneficiary or, in screening, for many at
/// once through the same queries, so an application and the screening list can never disagree.
/// Sales come from the roll-ups (counted net: confirmed figures only), never from raw sales: screening
/// finds the candidates in the owners' year roll-up, the facts sum each shop's months.
/// </summary>
public sealed class AwardFactsGatherer(IApplicationDbContext db)
{
    /// <summary>The facts of one beneficiary on <paramref name="on"/>; <paramref name="excludingBenefitId"/> leaves the application itself out of "already holds".</summary>
    public async Task<AwardFacts> GatherAsync(BenefitType type, Guid beneficiaryId, DateOnly on, Guid? excludingBenefitId, CancellationToken cancellationToken) =>
        (await GatherManyAsync(type, [beneficiaryId], on, excludingBenefitId, cancellationToken))[beneficiaryId];

    /// <summary>
    /// The beneficiaries in scope that may qualify on <paramref name="on"/> (the main threshold of the
    /// policy in force is met; the Domain then decides every criterion), with their facts.
    /// </summary>
    public async Task<Dictionary<Guid, AwardFacts>> ScreenAsync(BenefitType type, DateOnly on, Guid? countyId, CancellationToken cancellationToken)
    {
        var year = AwardRules.SalesYearOf(on);
        List<Guid> candidates;
        switch (type)
        {
            case BenefitType.DemonstrationHouseholdAward:
                if (await PolicyAsync(PolicyKey.DemonstrationHouseholdAward, on, DemonstrationHouseholdPolicy.FromJson, cancellationToken) is not { } household)
                {
                    return [];
                }

                // The owners' year roll-up: the people at or over the threshold are one range of its (year, counted net) index.
                var threshold = household.Policy.SalesThreshold.Yuan;
                candidates = await (
                    from y in db.OwnerYearSales
                    join p in db.Persons on y.OwnerId equals p.Id
                    where y.Year == year && y.CountedNet >= threshold && (countyId == null || p.CountyId == countyId)
                    select p.Id).ToListAsync(cancellationToken);
                break;
            case BenefitType.DemonstrationBaseAward:
                candidates = await db.SunshineBases.Where(b => countyId == null || b.CountyId == countyId).Select(b => b.Id).ToListAsync(cancellationToken);
                break;
            case BenefitType.PovertyAlleviationBaseEnterpriseAward:
            case BenefitType.EmploymentBaseEnterpriseAward:
                candidates = await db.Enterprises.Where(e => e.CountyId != null && (countyId == null || e.CountyId == countyId)).Select(e => e.Id).ToListAsync(cancellationToken);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, "Not an award type.");
        }

        return await GatherManyAsync(type, candidates, on, null, cancellationToken);
    }

    private async Task<Dictionary<Guid, AwardFacts>> GatherManyAsync(
        BenefitType type, IReadOnlyCollection<Guid> ids, DateOnly on, Guid? excludingBenefitId, CancellationToken cancellationToken)
    {
        var keys = ids.Select(AwardApplication.OneTimeKeyFor).ToList();
        var holders = (await db.Benefits.IgnoreQueryFilters()
                .Where(b => b.Type == type && b.IsFinallyApproved && keys.Contains(b.OneTimeKey) && b.Id != excludingBenefitId)
                .Select(b => b.OneTimeKey).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        bool Holds(Guid id) => holders.Contains(AwardApplication.OneTimeKeyFor(id));
        var year = AwardRules.SalesYearOf(on);

        switch (type)
        {
            case BenefitType.DemonstrationHouseholdAward:
            {
                var policy = await PolicyAsync(PolicyKey.DemonstrationHouseholdAward, on, DemonstrationHouseholdPolicy.FromJson, cancellationToken);
                // Only the status: loading the whole person would decrypt its ID, certificate and phone numbers.
                var statuses = await db.Persons.IgnoreQueryFilters().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.Status })
                    .ToDictionaryAsync(p => p.Id, p => p.Status, cancellationToken);
                var shops = (await ShopSalesAsync(db.Shops.IgnoreQueryFilters().Where(s => s.OwnerPersonId != null && ids.Contains(s.OwnerPersonId.Value)), year, cancellationToken))
                    .ToLookup(x => x.PersonId);
                return ids.ToDictionary(id => id, id => (AwardFacts)new DemonstrationHouseholdFacts(
                    on, policy?.VersionId, Holds(id), statuses.TryGetValue(id, out var s) ? s : null,
                    shops[id].Select(x => x.Sales).ToList(), policy?.Policy));
            }

            case BenefitType.DemonstrationBaseAward:
            {
                var policy = await PolicyAsync(PolicyKey.DemonstrationBaseAward, on, DemonstrationBasePolicy.FromJson, cancellationToken);
                var minimum = (await db.StableLinkAsync(new DateOnly(year, 12, 31), cancellationToken)).Months;
                var bases = await db.SunshineBases.IgnoreQueryFilters().Where(b => ids.Contains(b.Id))
                    .Select(b => new { b.Id, b.Status, b.OperatorPersonId, b.OperatorEnterpriseId }).ToDictionaryAsync(b => b.Id, cancellationToken);
                var persons = bases.Values.Where(b => b.OperatorPersonId != null).Select(b => b.OperatorPersonId!.Value).Distinct().ToList();
                var enterprises = bases.Values.Where(b => b.OperatorEnterpriseId != null).Select(b => b.OperatorEnterpriseId!.Value).Distinct().ToList();
                var shops = await ShopSalesAsync(
                    db.Shops.IgnoreQueryFilters().Where(s => (s.OwnerPersonId != null && persons.Contains(s.OwnerPersonId.Value))
                        || (s.OwnerEnterpriseId != null && enterprises.Contains(s.OwnerEnterpriseId.Value))),
                    year, cancellationToken);
                var months = await LinkMonthsAsync(persons, enterprises, year, cancellationToken);
                return ids.ToDictionary(id => id, id =>
                {
                    var found = bases.GetValueOrDefault(id);
                    var operatorId = found?.OperatorPersonId ?? found?.OperatorEnterpriseId;
                    var linked = operatorId is { } op
                        ? EvidenceCounts.StablyLinkedHouseholds(months.Where(m => m.OperatorId == op).Select(m => (m.HouseholdId, m.Month)), year, minimum)
                        : 0;
                    return (AwardFacts)new DemonstrationBaseFacts(
                        on, policy?.VersionId, Holds(id), found?.Status, linked, minimum,
                        operatorId is null ? [] : shops.Where(x => x.PersonId == operatorId || x.EnterpriseId == operatorId).Select(x => x.Sales).ToList(),
                        policy?.Policy);
                });
            }

            case BenefitType.PovertyAlleviationBaseEnterpriseAward:
            case BenefitType.EmploymentBaseEnterpriseAward:
            {
                var policy = await PolicyAsync(PolicyKey.EnterpriseRecognitions, on, EnterpriseRecognitionPolicy.FromJson, cancellationToken);
                var bases = await db.SupplyAgreements.IgnoreQueryFilters().Where(a => a.BaseId != null && ids.Contains(a.EnterpriseId))
                    .Where(DatedRecord.InForceOn<SupplyAgreement>(on))
                    .GroupBy(a => a.EnterpriseId).Select(g => new { g.Key, Count = g.Select(a => a.BaseId).Distinct().Count() })
                    .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
                var employees = await db.EmploymentRecords.IgnoreQueryFilters().Where(e => ids.Contains(e.EnterpriseId))
                    .Where(DatedRecord.InForceOn<EmploymentRecord>(on))
                    .GroupBy(e => e.EnterpriseId).Select(g => new { g.Key, Count = g.Select(e => e.PersonId).Distinct().Count() })
                    .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
                return ids.ToDictionary(id => id, id => (AwardFacts)new EnterpriseRecognitionFacts(
                    type, on, policy?.VersionId, Holds(id), bases.GetValueOrDefault(id), employees.GetValueOrDefault(id), policy?.Policy));
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, "Not an award type.");
        }
    }

    private async Task<(T Policy, Guid VersionId)?> PolicyAsync<T>(PolicyKey key, DateOnly on, Func<string, T> read, CancellationToken cancellationToken) =>
        await db.InForceAsync(key, on, cancellationToken) is { } version ? (read(version.Content), version.Id) : null;

    /// <summary>Each shop's counted net sales of the year (0.00 for a shop without figures), with its owner.</summary>
    private async Task<List<(Guid? PersonId, Guid? EnterpriseId, ShopSales Sales)>> ShopSalesAsync(
        IQueryable<Domain.Shops.Shop> shops, int year, CancellationToken cancellationToken)
    {
        var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 1));
        var rows = await (
            from s in shops
            select new
            {
                s.Id,
                s.Name,
                s.OwnerPersonId,
                s.OwnerEnterpriseId,
                Net = db.ShopMonthSales.Where(m => m.ShopId == s.Id && m.Month >= first && m.Month <= last).Sum(m => (decimal?)m.CountedNet) ?? 0m,
            }).ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.Id)
            .Select(r => (r.OwnerPersonId, r.OwnerEnterpriseId, new ShopSales(r.Id, r.Name, Money.Round(r.Net))))
            .ToList();
    }

    /// <summary>The (operator, household, month) triples of the year in which an operator's links carried a household's products.</summary>
    private async Task<List<(Guid OperatorId, Guid HouseholdId, DateOnly Month)>> LinkMonthsAsync(
        List<Guid> persons, List<Guid> enterprises, int year, CancellationToken cancellationToken)
    {
        var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 1));
        var rows = await db.BenefitLinks.IgnoreQueryFilters()
            .Where(l => (l.EnterpriseId != null && enterprises.Contains(l.EnterpriseId.Value)) || (l.EntrepreneurPersonId != null && persons.Contains(l.EntrepreneurPersonId.Value)))
            .Where(l => l.Type == LinkType.ProductSupply || l.Type == LinkType.ProtectivePricePurchase)
            .SelectMany(l => l.Months.Where(m => m.Month >= first && m.Month <= last), (l, m) => new { Operator = l.EnterpriseId ?? l.EntrepreneurPersonId, l.HouseholdId, m.Month })
            .Distinct()
            .ToListAsync(cancellationToken);
        return rows.Select(r => (r.Operator!.Value, r.HouseholdId, r.Month)).ToList();
    }
}
