using Sunshine.Domain.Benefits;
using Sunshine.Domain.Common;
using Sunshine.Domain.Registry;
using Sunshine.Domain.Statistics;
using Sunshine.Domain.Training;

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
/// bulletins and annual summaries all use this one calculation: the facts are read by
/// <see cref="IIndicatorFactsReader"/> (a few batched round trips), the figures are made here.
/// </summary>
public sealed class IndicatorCalculator(IIndicatorFactsReader reader)
{
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    private static readonly string[] HouseholdCodes =
    [
        Indicators.LinkedPoorHouseholds, Indicators.HouseholdsIncomeAboveBaseline, Indicators.AverageIncomeIncrease,
        Indicators.PovertyExits, Indicators.HouseholdsInChain, Indicators.HouseholdsInChainIncomeUp,
    ];

    /// <summary>Computes <paramref name="codes"/> (every indicator when null) for <paramref name="counties"/>.</summary>
    public async Task<IndicatorTable> ComputeAsync(
        StatisticsPeriod period, IReadOnlyList<CountyRef> counties, bool cityWide, IReadOnlyCollection<string>? codes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(counties);
        var wanted = codes == null ? Indicators.All.Select(d => d.Code).ToHashSet() : codes.ToHashSet();
        var ids = counties.Select(c => c.Id).ToList();
        var months = period.SalesMonths;
        var facts = await reader.ReadAsync(
            new IndicatorFactsRequest(GroupsFor(wanted), period.From, period.To, months, StartOf(period.From), EndOf(period.To), ids), cancellationToken);

        var figures = new Dictionary<string, Figures>();
        TrainingShopsSales(facts, figures, wanted, ids);
        AwardsEmployment(facts, figures, wanted, ids);
        if (wanted.Overlaps(HouseholdCodes))
        {
            Households(facts, figures, period, ids);
        }

        LeadersEventsServices(facts, figures, wanted, ids, cityWide);
        var rows = Indicators.All.Where(d => wanted.Contains(d.Code))
            .Select(d => figures[d.Code].Row(d.Code, ids))
            .ToList();
        return new IndicatorTable(period, months?.First, months?.Last, cityWide, counties, rows);
    }

    /// <summary>The start of the day after <paramref name="date"/> in China Standard Time: instants before it are on or before the date.</summary>
    public static DateTimeOffset EndOf(DateOnly date) => new DateTimeOffset(date.AddDays(1).ToDateTime(TimeOnly.MinValue), ChinaOffset).ToUniversalTime();

    private static DateTimeOffset StartOf(DateOnly date) => new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), ChinaOffset).ToUniversalTime();

    /// <summary>The groups of facts the wanted indicators are made from.</summary>
    private static IndicatorFactGroups GroupsFor(HashSet<string> wanted)
    {
        var groups = IndicatorFactGroups.None;
        void When(bool needed, IndicatorFactGroups group) => groups |= needed ? group : IndicatorFactGroups.None;
        When(wanted.Overlaps([Indicators.TrainedPersons, Indicators.TrainedFamilyMembers]), IndicatorFactGroups.CompletedEnrolments);
        When(wanted.Overlaps([Indicators.ShopsOpened, Indicators.ShopsActive]), IndicatorFactGroups.ShopCounts);
        When(wanted.Overlaps([Indicators.SalesOrders, Indicators.SalesAmount]), IndicatorFactGroups.Sales);
        When(wanted.Any(c => c.StartsWith("awards.", StringComparison.Ordinal)), IndicatorFactGroups.AwardsApproved);
        When(wanted.Any(c => c.StartsWith("awards.", StringComparison.Ordinal) || c.StartsWith("subsidies.", StringComparison.Ordinal)), IndicatorFactGroups.Payments);
        When(wanted.Contains(Indicators.DisabledEmployed), IndicatorFactGroups.Employed);
        When(wanted.Contains(Indicators.StationRecruits), IndicatorFactGroups.StationRecruits);
        When(wanted.Overlaps(HouseholdCodes), IndicatorFactGroups.Households);
        When(wanted.Contains(Indicators.ProsperityLeaders), IndicatorFactGroups.ProsperityLeaders);
        When(wanted.Contains(Indicators.Incubatees), IndicatorFactGroups.Incubatees);
        When(wanted.Contains(Indicators.EventSales), IndicatorFactGroups.EventSales);
        When(wanted.Contains(Indicators.ServiceRecipients), IndicatorFactGroups.ServiceRecipients);
        return groups;
    }

    /// <summary>Training (distinct people), shop counts, sales from the county-month roll-up.</summary>
    private static void TrainingShopsSales(IndicatorFacts facts, Dictionary<string, Figures> figures, HashSet<string> wanted, List<Guid> ids)
    {
        if (wanted.Overlaps([Indicators.TrainedPersons, Indicators.TrainedFamilyMembers]))
        {
            var completed = facts.CompletedEnrolments;
            figures[Indicators.TrainedPersons] = Figures.Distinct(
                completed.Where(e => e.Kind == EnrolmentKind.DisabledPerson && e.PersonId != null).Select(e => (e.CountyId, (object)e.PersonId!.Value)), ids);
            figures[Indicators.TrainedFamilyMembers] = Figures.Distinct(
                completed.Where(e => e.Kind == EnrolmentKind.FamilyMember).Select(e => (e.CountyId, (object)(e.HouseholdId, e.Name))), ids);
        }

        if (wanted.Overlaps([Indicators.ShopsOpened, Indicators.ShopsActive]))
        {
            // Active = opened by the day − closed by it (a shop is closed on the later of its closing and opening days).
            figures[Indicators.ShopsOpened] = Figures.Sum(facts.ShopCounts.ToDictionary(s => s.CountyId, s => (decimal)(s.OpenedTo - s.OpenedBefore)));
            figures[Indicators.ShopsActive] = Figures.Sum(facts.ShopCounts.ToDictionary(s => s.CountyId, s => (decimal)(s.OpenedTo - s.ClosedTo)));
        }

        if (wanted.Overlaps([Indicators.SalesOrders, Indicators.SalesAmount]))
        {
            figures[Indicators.SalesOrders] = Figures.Sum(facts.Sales.ToDictionary(s => s.CountyId, s => (decimal)s.Orders));
            figures[Indicators.SalesAmount] = Figures.Sum(facts.Sales.ToDictionary(s => s.CountyId, s => s.CountedNet));
        }
    }

    /// <summary>Awards approved and paid, subsidies paid, employment and the recruits of service stations.</summary>
    private static void AwardsEmployment(IndicatorFacts facts, Dictionary<string, Figures> figures, HashSet<string> wanted, List<Guid> ids)
    {
        if (wanted.Any(c => c.StartsWith("awards.", StringComparison.Ordinal)))
        {
            foreach (var (type, _, _, _) in Indicators.AwardTypes)
            {
                var ofType = facts.AwardsApproved.Where(b => b.Type == type).ToList();
                figures[Indicators.AwardCode(type, paid: false, amount: false)] = Figures.Sum(ofType.GroupBy(b => b.CountyId).ToDictionary(g => g.Key, g => (decimal)g.Count()));
                figures[Indicators.AwardCode(type, paid: false, amount: true)] =
                    Figures.Sum(ofType.GroupBy(b => b.CountyId).ToDictionary(g => g.Key, g => g.Sum(b => Money.FromYuan(b.Amount).Yuan)));
            }
        }

        if (wanted.Any(c => c.StartsWith("awards.", StringComparison.Ordinal) || c.StartsWith("subsidies.", StringComparison.Ordinal)))
        {
            void Add(BenefitType type, string countCode, string amountCode)
            {
                // A benefit counts as paid when its payments of the period net above zero (a reversed payment does not).
                var ofType = facts.Payments.Where(p => p.Type == type).ToList();
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

        if (wanted.Contains(Indicators.DisabledEmployed))
        {
            figures[Indicators.DisabledEmployed] = Figures.Distinct(facts.Employed.Select(e => (e.CountyId, (object)e.PersonId)), ids);
        }

        if (wanted.Contains(Indicators.StationRecruits))
        {
            figures[Indicators.StationRecruits] = Figures.Distinct(facts.StationRecruits.Select(r => (r.CountyId, (object)r.PersonId)), ids);
        }
    }

    /// <summary>Prosperity leaders, incubation, event sales, operation services.</summary>
    private static void LeadersEventsServices(IndicatorFacts facts, Dictionary<string, Figures> figures, HashSet<string> wanted, List<Guid> ids, bool cityWide)
    {
        if (wanted.Contains(Indicators.ProsperityLeaders))
        {
            figures[Indicators.ProsperityLeaders] = Figures.Sum(facts.ProsperityLeaders.Where(l => ids.Contains(l.Key)).ToDictionary(l => l.Key, l => (decimal)l.Value));
        }

        if (wanted.Contains(Indicators.Incubatees))
        {
            figures[Indicators.Incubatees] = Figures.Distinct(facts.Incubatees.Select(e => (e.CountyId, (object)e.PersonId)), ids);
        }

        if (wanted.Contains(Indicators.EventSales))
        {
            var events = facts.EventSales;
            var byCounty = events.Where(e => e.CountyId != null).GroupBy(e => e.CountyId!.Value).ToDictionary(g => g.Key, g => g.Sum(e => e.SalesAmount));
            figures[Indicators.EventSales] = Figures.Sum(byCounty, cityWide ? events.Where(e => e.CountyId == null).Sum(e => e.SalesAmount) : 0m);
        }

        if (wanted.Contains(Indicators.ServiceRecipients))
        {
            // A recipient is a household, a base or a person: the kind is part of the member, so ids of different kinds never meet.
            figures[Indicators.ServiceRecipients] = Figures.Distinct(
                facts.ServiceRecipients.Select(s => (s.CountyId, (object)(s.HouseholdId, s.BaseId, s.PersonId))), ids);
        }
    }

    private static void Households(IndicatorFacts facts, Dictionary<string, Figures> figures, StatisticsPeriod period, List<Guid> ids)
    {
        var (from, to) = (period.From, period.To);
        var households = facts.Households;
        var incomes = facts.HouseholdIncomes.ToLookup(r => r.HouseholdId, r => (r.Year, Money.FromYuan(r.PerCapitaIncome)));
        var change = households.ToDictionary(
            h => h.Id,
            h => Household.IncomeChange(h.BaselineYear, h.BaselinePerCapitaIncome is { } baseline ? Money.FromYuan(baseline) : null, incomes[h.Id], to.Year));
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
