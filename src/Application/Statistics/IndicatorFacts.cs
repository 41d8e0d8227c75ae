using Sunshine.Domain.Benefits;
using Sunshine.Domain.Training;

namespace Sunshine.Application.Statistics;

/// <summary>The groups of facts the indicators are made from; a table reads only the groups its indicators need.</summary>
[Flags]
public enum IndicatorFactGroups
{
    None = 0,
    CompletedEnrolments = 1 << 0,
    ShopCounts = 1 << 1,
    Sales = 1 << 2,
    AwardsApproved = 1 << 3,
    Payments = 1 << 4,
    Employed = 1 << 5,
    StationRecruits = 1 << 6,
    Households = 1 << 7,
    ProsperityLeaders = 1 << 8,
    Incubatees = 1 << 9,
    EventSales = 1 << 10,
    ServiceRecipients = 1 << 11,
}

/// <summary>
/// What to read: the period's days (<paramref name="From"/> to <paramref name="To"/>), its whole sales months (none when
/// the period has no whole month), the instants bounding its days in China Standard Time (<paramref name="Start"/>
/// inclusive, <paramref name="End"/> exclusive) and the counties.
/// </summary>
public sealed record IndicatorFactsRequest(
    IndicatorFactGroups Groups,
    DateOnly From,
    DateOnly To,
    (DateOnly First, DateOnly Last)? SalesMonths,
    DateTimeOffset Start,
    DateTimeOffset End,
    IReadOnlyList<Guid> CountyIds);

/// <summary>A completed enrolment of the period (distinct by kind, county, person, household and name).</summary>
public sealed record CompletedEnrolmentFact(EnrolmentKind Kind, Guid CountyId, Guid? PersonId, Guid? HouseholdId, string Name);

/// <summary>A county's running shop totals: opened up to the period's last day, closed by then, opened before its first day.</summary>
public sealed record ShopCountFact(Guid CountyId, int OpenedTo, int ClosedTo, int OpenedBefore);

/// <summary>A county's sales of the period's months, from the county-month roll-up.</summary>
public sealed record CountySalesFact(Guid CountyId, long Orders, decimal CountedNet);

/// <summary>An award finally approved in the period, with the amount of its stored decision (0 when it has none).</summary>
public sealed record ApprovedAwardFact(BenefitType Type, Guid CountyId, decimal Amount);

/// <summary>One benefit's payments in the period, summed (reversals included, so a reversed payment nets to 0).</summary>
public sealed record BenefitPaymentFact(BenefitType Type, Guid CountyId, decimal Amount);

/// <summary>A person counted in a county (employed, recruited by a station, incubated), once per county.</summary>
public sealed record CountyPersonFact(Guid CountyId, Guid PersonId);

/// <summary>
/// A registered-poor household: its baseline, and whether in the period it had an active benefit link, a member employed
/// by an enterprise, or a member whose shop had orders in one of the period's months.
/// </summary>
public sealed record HouseholdFact(
    Guid Id, Guid CountyId, DateOnly? PovertyExitDate, int? BaselineYear, decimal? BaselinePerCapitaIncome, bool Linked, bool Employed, bool Selling);

/// <summary>A yearly per-capita income of a registered-poor household after its baseline year, up to the period's year.</summary>
public sealed record HouseholdIncomeFact(Guid HouseholdId, int Year, decimal PerCapitaIncome);

/// <summary>An event's sales (no county: organised by the city).</summary>
public sealed record EventSalesFact(Guid? CountyId, decimal SalesAmount);

/// <summary>A recipient of an operation service in a county: a household, a base or a person (one of the three).</summary>
public sealed record ServiceRecipientFact(Guid CountyId, Guid? HouseholdId, Guid? BaseId, Guid? PersonId);

/// <summary>The facts of a period read for the indicator calculator; a group not asked for stays empty.</summary>
public sealed class IndicatorFacts
{
    public List<CompletedEnrolmentFact> CompletedEnrolments { get; } = [];

    public List<ShopCountFact> ShopCounts { get; } = [];

    public List<CountySalesFact> Sales { get; } = [];

    public List<ApprovedAwardFact> AwardsApproved { get; } = [];

    public List<BenefitPaymentFact> Payments { get; } = [];

    public List<CountyPersonFact> Employed { get; } = [];

    public List<CountyPersonFact> StationRecruits { get; } = [];

    public List<HouseholdFact> Households { get; } = [];

    public List<HouseholdIncomeFact> HouseholdIncomes { get; } = [];

    /// <summary>Prosperity leaders (<see cref="Awards.ProsperityLeaderCounts"/>) holding their award by the end of the period, per county of the person.</summary>
    public Dictionary<Guid, int> ProsperityLeaders { get; } = [];

    public List<CountyPersonFact> Incubatees { get; } = [];

    public List<EventSalesFact> EventSales { get; } = [];

    public List<ServiceRecipientFact> ServiceRecipients { get; } = [];
}

/// <summary>
/// Reads the facts behind the indicators. The statistics tables are read on every dashboard view, so the reads are
/// few round trips: each independent group of facts is one batch of statements on its own connection, the batches
/// side by side. The definitions are those of the indicators (<see cref="Domain.Statistics.Indicators"/>); the
/// calculator makes the figures from the facts.
/// </summary>
public interface IIndicatorFactsReader
{
    Task<IndicatorFacts> ReadAsync(IndicatorFactsRequest request, CancellationToken cancellationToken);
}
