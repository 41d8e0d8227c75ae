using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Awards;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Training;
using Sunshine.Domain.Benefits;
using Sunshine.Domain.Evidence;
using Sunshine.Domain.Registry;
using Sunshine.Domain.Statistics;

namespace Sunshine.Application.Statistics;

/// <summary>A county in a statistics table.</summary>
public sealed record CountyRef(Guid Id, string Code, string Name);

/// <summary>One county's figure of an indicator.</summary>
public sealed record CountyFigure(Guid CountyId, decimal Value);

/// <summary>An indicator's figures: the total over the counties of the table (distinct where the indicator is) and each county's.</summary>
public sealed record IndicatorFigures(string Code, decimal Total, IReadOnlyList<CountyFigure> ByCounty);

/// <summary>
/// The indicators of a period for a set of counties. <see cref="CityWide"/> is true when the set is
/// every county (a city officer's table): then totals also hold what belongs to no county (city-organised
/// events) and distinct totals are distinct across all counties.
/// </summary>
public sealed record IndicatorTable(
    StatisticsPeriod Period, DateOnly? SalesFrom, DateOnly? SalesTo, bool CityWide, IReadOnlyList<CountyRef> Counties, IReadOnlyList<IndicatorFigures> Rows)
{
    public IndicatorFigures this[string code] => Rows.Single(r => r.Code == code);
}

/// <summary>
/// Computes the indicators (<see cref="Indicators"/>) for a period and a set of counties. Sales come from
/// the monthly county roll-up (<c>county_month_sales</c>) and, for the chain, the shop-month roll-up of the
/// registered-poor households' members — never from the raw sales; distinct counts come from the small
/// tables they count (enrolments, employment, links, incubation, households). The statistics endpoints,
/// bulletins and annual summaries all use this one calculation.
/// </summary>
public sealed class IndicatorCalculator(IApplicationDbContext context, IParallelReads reads)
{
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    /// <summary>
    /// Computes <paramref name="codes"/> (every indicator when null) for <paramref name="counties"/>. The reads fall
    /// into three independent lanes, each on its own context and connection (<see cref="IParallelReads"/>), so a
    /// year's table of some sixteen reads takes the time of its longest lane rather than of all of them.
    /// </summary>
    public async Task<IndicatorTable> ComputeAsync(
        StatisticsPeriod period, IReadOnlyList<CountyRef> counties, bool cityWide, IReadOnlyCollection<string>? codes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(counties);
        var wanted = codes == null ? Indicators.All.Select(d => d.Code).ToHashSet() : codes.ToHashSet();
        var ids = counties.Select(c => c.Id).ToList();
        var lanes = await Task.WhenAll(
            reads.ReadAsync(db => TrainingShopsSalesAsync(db, wanted, period, ids, cancellationToken), cancellationToken),
            reads.ReadAsync(db => AwardsEmploymentAsync(db, wanted, period, ids, cancellationToken), cancellationToken),
            HouseholdsLeadersEventsAsync(context, wanted, period, ids, cityWide, cancellationToken));
        var figures = lanes.SelectMany(lane => lane).ToDictionary(f => f.Key, f => f.Value);
        var months = period.SalesMonths;
        var rows = Indicators.All.Where(d => wanted.Contains(d.Code))
            .Select(d => figures[d.Code].Row(d.Code, ids))
            .ToList();
        return new IndicatorTable(period, months?.First, months?.Last, cityWide, counties, rows);
    }

    /// <summary>Lane 1: training (distinct people), shop counts, sales from the county-month roll-up.</summary>
    private static async Task<Dictionary<string, Figures>> TrainingShopsSalesAsync(
        IApplicationDbContext db, HashSet<string> wanted, StatisticsPeriod period, List<Guid> ids, CancellationToken cancellationToken)
    {
        var figures = new Dictionary<string, Figures>();
        var (from, to) = (period.From, period.To);
        var months = period.SalesMonths;
        if (wanted.Overlaps([Indicators.TrainedPersons, Indicators.TrainedFamilyMembers]))
        {
            var trained = await db.TrainedPeopleMembersAsync(from, to, cancellationToken);
            figures[Indicators.TrainedPersons] = Figures.Distinct(trained.Persons, ids);
            figures[Indicators.TrainedFamilyMembers] = Figures.Distinct(trained.FamilyMembers, ids);
        }

        if (wanted.Overlaps([Indicators.ShopsOpened, Indicators.ShopsActive]))
        {
            var shops = await ShopCountsAsync(db, ids, from, to, cancellationToken);
            figures[Indicators.ShopsOpened] = Figures.Sum(shops.ToDictionary(s => s.Key, s => (decimal)s.Value.Opened));
            figures[Indicators.ShopsActive] = Figures.Sum(shops.ToDictionary(s => s.Key, s => (decimal)s.Value.Active));
        }

        if (wanted.Overlaps([Indicators.SalesOrders, Indicators.SalesAmount]))
        {
            var sales = months is var (first, last)
                ? await db.CountyMonthSales.AsNoTracking().Where(m => ids.Contains(m.CountyId) && m.Month >= first && m.Month <= last)
                    .GroupBy(m => m.CountyId).Select(g => new { g.Key, Orders = g.Sum(m => m.OrderCount), Net = g.Sum(m => m.CountedNet) })
                    .ToListAsync(cancellationToken)
                : [];
            figures[Indicators.SalesOrders] = Figures.Sum(sales.ToDictionary(s => s.Key, s => (decimal)s.Orders));
            figures[Indicators.SalesAmount] = Figures.Sum(sales.ToDictionary(s => s.Key, s => s.Net));
        }

        return figures;
    }

    /// <summary>Lane 2: awards approved and paid, subsidies paid, employment and the recruits of service stations.</summary>
    private static async Task<Dictionary<string, Figures>> AwardsEmploymentAsync(
        IApplicationDbContext db, HashSet<string> wanted, StatisticsPeriod period, List<Guid> ids, CancellationToken cancellationToken)
    {
        var figures = new Dictionary<string, Figures>();
        var (from, to) = (period.From, period.To);
        if (wanted.Any(c => c.StartsWith("awards.", StringComparison.Ordinal)))
        {
            await AwardsApprovedAsync(db, figures, period, ids, cancellationToken);
        }

        if (wanted.Any(c => c.StartsWith("awards.", StringComparison.Ordinal) || c.StartsWith("subsidies.", StringComparison.Ordinal)))
        {
            await PaymentsAsync(db, figures, period, ids, cancellationToken);
        }

        if (wanted.Contains(Indicators.DisabledEmployed))
        {
            var employed = await db.EmploymentRecords.IgnoreQueryFilters().AsNoTracking().Where(DatedRecord.OverlapsPeriod<EmploymentRecord>(from, to))
                .Where(e => ids.Contains(e.CountyId)).Select(e => new { e.CountyId, e.PersonId }).Distinct().ToListAsync(cancellationToken);
            figures[Indicators.DisabledEmployed] = Figures.Distinct(employed.Select(e => (e.CountyId, (object)e.PersonId)), ids);
        }

        if (wanted.Contains(Indicators.StationRecruits))
        {
            var recruits = await db.ServiceStations.IgnoreQueryFilters().AsNoTracking().Where(s => ids.Contains(s.CountyId))
                .SelectMany(s => s.Recruits.Where(r => r.StartDate <= to).Select(r => new { s.CountyId, r.PersonId })).Distinct().ToListAsync(cancellationToken);
            figures[Indicators.StationRecruits] = Figures.Distinct(recruits.Select(r => (r.CountyId, (object)r.PersonId)), ids);
        }

        return figures;
    }

    /// <summary>Lane 3, on the request's own context: the registered-poor households and the chain, prosperity leaders, incubation, event sales, operation services.</summary>
    private static async Task<Dictionary<string, Figures>> HouseholdsLeadersEventsAsync(
        IApplicationDbContext db, HashSet<string> wanted, StatisticsPeriod period, List<Guid> ids, bool cityWide, CancellationToken cancellationToken)
    {
        var figures = new Dictionary<string, Figures>();
        var (from, to) = (period.From, period.To);
        if (wanted.Overlaps([Indicators.LinkedPoorHouseholds, Indicators.HouseholdsIncomeAboveBaseline, Indicators.AverageIncomeIncrease,
                Indicators.PovertyExits, Indicators.HouseholdsInChain, Indicators.HouseholdsInChainIncomeUp]))
        {
            await HouseholdsAsync(db, figures, period, ids, cancellationToken);
        }

        if (wanted.Contains(Indicators.ProsperityLeaders))
        {
            var leaders = await db.ProsperityLeadersAsync(EndOf(to), cancellationToken);
            figures[Indicators.ProsperityLeaders] = Figures.Sum(leaders.Where(l => ids.Contains(l.Key)).ToDictionary(l => l.Key, l => (decimal)l.Value));
        }

        if (wanted.Contains(Indicators.Incubatees))
        {
            var incubatees = await db.Incubations.IgnoreQueryFilters().AsNoTracking().Where(DatedRecord.OverlapsPeriod<Domain.Incubation.IncubationRecord>(from, to))
                .Where(e => ids.Contains(e.CountyId)).Select(e => new { e.CountyId, e.PersonId }).Distinct().ToListAsync(cancellationToken);
            figures[Indicators.Incubatees] = Figures.Distinct(incubatees.Select(e => (e.CountyId, (object)e.PersonId)), ids);
        }

        if (wanted.Contains(Indicators.EventSales))
        {
            var events = await db.Exhibitions.IgnoreQueryFilters().AsNoTracking().Where(e => e.EndDate >= from && e.EndDate <= to && (e.CountyId == null || ids.Contains(e.CountyId.Value)))
                .Select(e => new { e.CountyId, e.SalesAmount }).ToListAsync(cancellationToken);
            var byCounty = events.Where(e => e.CountyId != null).GroupBy(e => e.CountyId!.Value).ToDictionary(g => g.Key, g => g.Sum(e => e.SalesAmount.Yuan));
            figures[Indicators.EventSales] = Figures.Sum(byCounty, cityWide ? events.Where(e => e.CountyId == null).Sum(e => e.SalesAmount.Yuan) : 0m);
        }

        if (wanted.Contains(Indicators.ServiceRecipients))
        {
            // A recipient is a household, a base or a person: the kind is part of the member, so ids of different kinds never meet.
            var served = await db.OperationServices.IgnoreQueryFilters().AsNoTracking().Where(s => s.ServedOn >= from && s.ServedOn <= to && ids.Contains(s.CountyId))
                .Select(s => new { s.CountyId, s.HouseholdId, s.BaseId, s.PersonId }).Distinct().ToListAsync(cancellationToken);
            figures[Indicators.ServiceRecipients] = Figures.Distinct(served.Select(s => (s.CountyId, (object)(s.HouseholdId, s.BaseId, s.PersonId))), ids);
        }

        return figures;
    }

    /// <summary>
    /// Per county, the shops opened from <paramref name="from"/> to <paramref name="to"/> and those active at the end
    /// of <paramref name="to"/>, from the counts the database keeps as shops are written (never a pass over the shops):
    /// a running total up to a day is its whole months from <c>county_shop_months</c> plus the days of its own month
    /// from <c>county_shop_days</c>. Active = opened by the day − closed by it (a shop is closed on the later of its
    /// closing and opening days, so closed by a day means opened by it).
    /// </summary>
    private static async Task<Dictionary<Guid, (int Opened, int Active)>> ShopCountsAsync(IApplicationDbContext db, List<Guid> ids, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var before = from.AddDays(-1);
        var beforeMonth = new DateOnly(before.Year, before.Month, 1);
        var toMonth = new DateOnly(to.Year, to.Month, 1);
        var months = await db.CountyShopMonths.AsNoTracking().Where(m => ids.Contains(m.CountyId) && m.Month < toMonth)
            .GroupBy(m => m.CountyId)
            .Select(g => new
            {
                g.Key,
                OpenedTo = g.Sum(m => m.Opened),
                ClosedTo = g.Sum(m => m.Closed),
                OpenedBefore = g.Sum(m => m.Month < beforeMonth ? m.Opened : 0),
            })
            .ToListAsync(cancellationToken);
        var days = await db.CountyShopDays.AsNoTracking()
            .Where(d => ids.Contains(d.CountyId) && ((d.Day >= toMonth && d.Day <= to) || (d.Day >= beforeMonth && d.Day <= before)))
            .GroupBy(d => d.CountyId)
            .Select(g => new
            {
                g.Key,
                OpenedTo = g.Sum(d => d.Day >= toMonth && d.Day <= to ? d.Opened : 0),
                ClosedTo = g.Sum(d => d.Day >= toMonth && d.Day <= to ? d.Closed : 0),
                OpenedBefore = g.Sum(d => d.Day >= beforeMonth && d.Day <= before ? d.Opened : 0),
            })
            .ToListAsync(cancellationToken);
        var result = new Dictionary<Guid, (int Opened, int Active)>();
        foreach (var county in months.Select(m => m.Key).Union(days.Select(d => d.Key)))
        {
            var m = months.FirstOrDefault(x => x.Key == county);
            var d = days.FirstOrDefault(x => x.Key == county);
            var openedTo = (m?.OpenedTo ?? 0) + (d?.OpenedTo ?? 0);
            var openedBefore = (m?.OpenedBefore ?? 0) + (d?.OpenedBefore ?? 0);
            var closedTo = (m?.ClosedTo ?? 0) + (d?.ClosedTo ?? 0);
            result[county] = (openedTo - openedBefore, openedTo - closedTo);
        }

        return result;
    }

    /// <summary>The start of the day after <paramref name="date"/> in China Standard Time: instants before it are on or before the date.</summary>
    public static DateTimeOffset EndOf(DateOnly date) => new DateTimeOffset(date.AddDays(1).ToDateTime(TimeOnly.MinValue), ChinaOffset).ToUniversalTime();

    private static DateTimeOffset StartOf(DateOnly date) => new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), ChinaOffset).ToUniversalTime();

    private static async Task AwardsApprovedAsync(IApplicationDbContext db, Dictionary<string, Figures> figures, StatisticsPeriod period, List<Guid> ids, CancellationToken cancellationToken)
    {
        var (start, end) = (StartOf(period.From), EndOf(period.To));
        var types = Indicators.AwardTypes.Select(a => a.Type).ToList();

        // Few rows (the awards finally approved in a period): the decided amount is read from the stored decision.
        var approved = await db.Benefits.IgnoreQueryFilters().AsNoTracking()
            .Where(b => types.Contains(b.Type) && b.IsFinallyApproved && ids.Contains(b.CountyId)
                && b.Transitions.Any(t => (t.To == BenefitState.Approved || t.To == BenefitState.Recognised) && t.At >= start && t.At < end))
            .Select(b => new { b.Type, b.CountyId, b.Decision }).ToListAsync(cancellationToken);
        foreach (var (type, _, _, _) in Indicators.AwardTypes)
        {
            var ofType = approved.Where(b => b.Type == type).ToList();
            figures[Indicators.AwardCode(type, paid: false, amount: false)] = Figures.Sum(ofType.GroupBy(b => b.CountyId).ToDictionary(g => g.Key, g => (decimal)g.Count()));
            figures[Indicators.AwardCode(type, paid: false, amount: true)] =
                Figures.Sum(ofType.GroupBy(b => b.CountyId).ToDictionary(g => g.Key, g => g.Sum(b => b.Decision?.Amount.Yuan ?? 0m)));
        }
    }

    private static async Task PaymentsAsync(IApplicationDbContext db, Dictionary<string, Figures> figures, StatisticsPeriod period, List<Guid> ids, CancellationToken cancellationToken)
    {
        var (from, to) = (period.From, period.To);
        var perBenefit = await db.FundPayments.AsNoTracking()
            .Where(p => ids.Contains(p.CountyId) && p.PaymentDate >= from && p.PaymentDate <= to)
            .GroupBy(p => new { p.BenefitType, p.CountyId, p.BenefitId })
            .Select(g => new { g.Key.BenefitType, g.Key.CountyId, Amount = g.Sum(p => p.Amount) })
            .ToListAsync(cancellationToken);

        void Add(BenefitType type, string countCode, string amountCode)
        {
            var ofType = perBenefit.Where(p => p.BenefitType == type).ToList();
            figures[countCode] = Figures.Sum(ofType.Where(p => p.Amount > 0).GroupBy(p => p.CountyId).ToDictionary(g => g.Key, g => (decimal)g.Count()));
            figures[amountCode] = Figures.Sum(ofType.GroupBy(p => p.CountyId).ToDictionary(g => g.Key, g => g.Sum(p => p.Amount)));
        }

        foreach (var (type, _, _, _) in Indicators.AwardTypes)
        {
            Add(type, Indicators.AwardCode(type, paid: true, amount: false), Indicators.AwardCode(type, paid: true, amount: true));
        }

        Add(BenefitType.TrainingSubsidy, Indicators.TrainingSubsidiesPaidCount, Indicators.TrainingSubsidiesPaidAmount);
        Add(BenefitType.LoanInterestSubsidy, Indicators.InterestSubsidiesPaidCount, Indicators.InterestSubsidiesPaidAmount);
    }

    private static async Task HouseholdsAsync(IApplicationDbContext db, Dictionary<string, Figures> figures, StatisticsPeriod period, List<Guid> ids, CancellationToken cancellationToken)
    {
        var (from, to) = (period.From, period.To);
        var (first, last) = period.SalesMonths ?? (DateOnly.MaxValue, DateOnly.MinValue);

        // The sub-queries are composed here, outside the projection, so the projection captures them as whole
        // queries (inlined as they are) and nothing in it has to be evaluated — compiled — on every execution.
        // The root's IgnoreQueryFilters covers them: they are parts of its one query.
        var links = db.BenefitLinks.Where(DatedRecord.OverlapsPeriod<BenefitLink>(from, to));
        var employment = db.EmploymentRecords.Where(DatedRecord.OverlapsPeriod<EmploymentRecord>(from, to));
        var sellingShops = db.Shops.Where(s => s.OwnerPersonId != null
            && db.ShopMonthSales.Any(x => x.ShopId == s.Id && x.Month >= first && x.Month <= last && x.OrderCount > 0));

        var households = await db.Households.IgnoreQueryFilters().AsNoTracking()
            .Where(h => h.IsRegisteredPoor && ids.Contains(h.CountyId))
            .Select(h => new
            {
                h.Id,
                h.CountyId,
                h.PovertyExitDate,
                h.BaselineYear,
                h.BaselinePerCapitaIncome,
                Linked = links.Any(l => l.HouseholdId == h.Id),
                Employed = h.Members.Any(m => m.PersonId != null && employment.Any(e => e.PersonId == m.PersonId)),
                Selling = h.Members.Any(m => m.PersonId != null && sellingShops.Any(s => s.OwnerPersonId == m.PersonId)),
            })
            .ToListAsync(cancellationToken);
        var incomes = (await db.Households.IgnoreQueryFilters().AsNoTracking()
                .Where(h => h.IsRegisteredPoor && h.BaselineYear != null && ids.Contains(h.CountyId))
                .SelectMany(h => h.IncomeRecords.Where(r => r.Year <= to.Year && r.Year > h.BaselineYear).Select(r => new { Household = h.Id, r.Year, r.PerCapitaIncome }))
                .ToListAsync(cancellationToken))
            .ToLookup(r => r.Household, r => (r.Year, r.PerCapitaIncome));

        var change = households.ToDictionary(
            h => h.Id, h => Household.IncomeChange(h.BaselineYear, h.BaselinePerCapitaIncome, incomes[h.Id], to.Year));
        var withChange = households.Where(h => change[h.Id] != null).ToList();
        var inChain = households.Where(h => h.Linked || h.Employed || h.Selling).ToList();

        figures[Indicators.LinkedPoorHouseholds] = Figures.Distinct(households.Where(h => h.Linked).Select(h => (h.CountyId, (object)h.Id)), ids);
        figures[Indicators.HouseholdsIncomeAboveBaseline] = Figures.Sum(withChange.Where(h => change[h.Id] > 0).GroupBy(h => h.CountyId).ToDictionary(g => g.Key, g => (decimal)g.Count()));
        figures[Indicators.AverageIncomeIncrease] = Figures.Average(withChange.Select(h => (h.CountyId, change[h.Id]!.Value)));
        figures[Indicators.PovertyExits] = Figures.Sum(households.Where(h => h.PovertyExitDate >= from && h.PovertyExitDate <= to)
            .GroupBy(h => h.CountyId).ToDictionary(g => g.Key, g => (decimal)g.Count()));
        figures[Indicators.HouseholdsInChain] = Figures.Distinct(inChain.Select(h => (h.CountyId, (object)h.Id)), ids);
        figures[Indicators.HouseholdsInChainIncomeUp] = Figures.Distinct(inChain.Where(h => change[h.Id] > 0).Select(h => (h.CountyId, (object)h.Id)), ids);
    }

    /// <summary>An indicator's figures while they are gathered: per county, and how the total is made.</summary>
    private sealed class Figures
    {
        private Dictionary<Guid, decimal> _byCounty = [];
        private Func<IReadOnlyList<Guid>, decimal> _total = _ => 0m;

        public static Figures Sum(Dictionary<Guid, decimal> byCounty, decimal outsideCounties = 0m) =>
            new() { _byCounty = byCounty, _total = ids => ids.Sum(byCounty.GetValueOrDefault) + outsideCounties };

        /// <summary>Distinct members per county; the total counts a member once however many counties it is in.</summary>
        public static Figures Distinct<TMember>(IEnumerable<(Guid County, TMember Member)> members, IReadOnlyList<Guid> ids)
        {
            var list = members.Where(m => ids.Contains(m.County)).Distinct().ToList();
            return new()
            {
                _byCounty = list.GroupBy(m => m.County).ToDictionary(g => g.Key, g => (decimal)g.Count()),
                _total = _ => list.Select(m => m.Member).Distinct().Count(),
            };
        }

        public static Figures Average(IEnumerable<(Guid County, decimal Value)> values)
        {
            var list = values.ToList();
            return new()
            {
                _byCounty = list.GroupBy(v => v.County).ToDictionary(g => g.Key, g => decimal.Round(g.Average(v => v.Value), 2, MidpointRounding.AwayFromZero)),
                _total = _ => list.Count == 0 ? 0m : decimal.Round(list.Average(v => v.Value), 2, MidpointRounding.AwayFromZero),
            };
        }

        public IndicatorFigures Row(string code, IReadOnlyList<Guid> ids) =>
            new(code, _total(ids), ids.Select(id => new CountyFigure(id, _byCounty.GetValueOrDefault(id))).ToList());
    }
}
