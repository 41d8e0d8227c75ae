namespace Sunshine.Domain.Benefits;

/// <summary>The kinds of benefit that go through the one benefit workflow.</summary>
public enum BenefitType
{
    /// <summary>Training subsidy (培训补贴) for training the person paid for.</summary>
    TrainingSubsidy,

    /// <summary>Loan interest subsidy (贷款贴息) for one period of a poverty-alleviation microcredit or a disabled entrepreneur's loan.</summary>
    LoanInterestSubsidy,
}

/// <summary>Where a benefit is in the workflow.</summary>
public enum BenefitState
{
    Draft,
    Submitted,
    CountyReviewed,
    CityApproved,
    Paid,
    Rejected,
    Withdrawn,
}

/// <summary>The workflow steps a benefit type needs, as configuration.</summary>
/// <param name="Type">The type.</param>
/// <param name="RequiresCityApproval">After the county review, the city approves (city-level awards).</param>
public sealed record BenefitTypeDefinition(BenefitType Type, bool RequiresCityApproval);

public static class BenefitTypes
{
    private static readonly Dictionary<BenefitType, BenefitTypeDefinition> Definitions = new()
    {
        [BenefitType.TrainingSubsidy] = new(BenefitType.TrainingSubsidy, RequiresCityApproval: false),
        [BenefitType.LoanInterestSubsidy] = new(BenefitType.LoanInterestSubsidy, RequiresCityApproval: false),
    };

    public static BenefitTypeDefinition Get(BenefitType type) => Definitions[type];
}
