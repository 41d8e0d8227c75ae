using Sunshine.Domain.Bases;
using Sunshine.Domain.Benefits;
using Sunshine.Domain.Common;
using Sunshine.Domain.Registry;

namespace Sunshine.Domain.Awards;

/// <summary>One shop's counted net sales over the assessed year (from the monthly roll-ups).</summary>
public sealed record ShopSales(Guid ShopId, string ShopName, Money Net);

/// <summary>
/// Everything an award's rules look at, gathered by the use case on the assessment date (the
/// submission date, China Standard Time). "Previous calendar year" and "annual" are
/// <see cref="SalesYear"/>, the calendar year before the assessment date.
/// </summary>
public abstract record AwardFacts(DateOnly AssessmentDate, Guid? PolicyVersionId, bool HoldsAwardOfType)
{
    /// <summary>The award type the facts are for.</summary>
    public abstract BenefitType Type { get; }

    public int SalesYear => AwardRules.SalesYearOf(AssessmentDate);
}

/// <summary>A county demonstration household application: the person's registry status (null when not registered), each of their shops with its counted net sales of the sales year, and the parameters in force.</summary>
public sealed record DemonstrationHouseholdFacts(
    DateOnly AssessmentDate, Guid? PolicyVersionId, bool HoldsAwardOfType, PersonStatus? PersonStatus, IReadOnlyList<ShopSales> Shops,
    DemonstrationHouseholdPolicy? Policy)
    : AwardFacts(AssessmentDate, PolicyVersionId, HoldsAwardOfType)
{
    public override BenefitType Type => BenefitType.DemonstrationHouseholdAward;

    public Money TotalSales => Shops.Aggregate(Money.Zero, (sum, s) => sum + s.Net);
}

/// <summary>A city demonstration base application: the base's status (null when unknown), the distinct disabled households whose products its operator carried in at least the stable-link minimum of months of the sales year, and the operator's shops with their counted net sales of the sales year.</summary>
public sealed record DemonstrationBaseFacts(
    DateOnly AssessmentDate, Guid? PolicyVersionId, bool HoldsAwardOfType, BaseStatus? BaseStatus, int StablyLinkedHouseholds, int StableLinkMonths,
    IReadOnlyList<ShopSales> Shops, DemonstrationBasePolicy? Policy)
    : AwardFacts(AssessmentDate, PolicyVersionId, HoldsAwardOfType)
{
    public override BenefitType Type => BenefitType.DemonstrationBaseAward;

    public Money TotalSales => Shops.Aggregate(Money.Zero, (sum, s) => sum + s.Net);
}

/// <summary>An enterprise recognition application: the enterprise's bases under agreement and disabled employees on the assessment date.</summary>
public sealed record EnterpriseRecognitionFacts(
    BenefitType Recognition, DateOnly AssessmentDate, Guid? PolicyVersionId, bool HoldsAwardOfType, int BasesWithActiveAgreements, int DisabledEmployees,
    EnterpriseRecognitionPolicy? Policy)
    : AwardFacts(AssessmentDate, PolicyVersionId, HoldsAwardOfType)
{
    public override BenefitType Type => Recognition;
}
