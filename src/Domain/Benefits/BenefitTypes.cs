namespace Sunshine.Domain.Benefits;

/// <summary>The kinds of benefit that go through the one benefit workflow.</summary>
public enum BenefitType
{
    /// <summary>Training subsidy (培训补贴) for training the person paid for.</summary>
    TrainingSubsidy,

    /// <summary>Loan interest subsidy (贷款贴息) for one period of a poverty-alleviation microcredit or a disabled entrepreneur's loan.</summary>
    LoanInterestSubsidy,

    /// <summary>County demonstration household (县级阳光致富示范户): a one-time grant to a disabled person whose shops sold enough the year before.</summary>
    DemonstrationHouseholdAward,

    /// <summary>City demonstration base (市级阳光扶贫示范基地): a one-time grant to a Sunshine base that stably carries enough households and sells enough.</summary>
    DemonstrationBaseAward,

    /// <summary>Enterprise into Sunshine poverty-alleviation base support (企业进阳光扶贫基地): an enterprise with supply agreements with enough Sunshine bases.</summary>
    PovertyAlleviationBaseEnterpriseAward,

    /// <summary>Enterprise into Sunshine employment base support (企业进阳光就业基地): an enterprise employing enough disabled people.</summary>
    EmploymentBaseEnterpriseAward,
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

    /// <summary>Reviewed and publicly announced (公示) for the policy's number of days; objections may be raised.</summary>
    PublicNotice,

    /// <summary>Finally approved by the county after the public notice.</summary>
    Approved,

    /// <summary>Finally approved with an amount of 0: a recognition without money, nothing to pay.</summary>
    Recognised,
}

/// <summary>Who approves a type finally and whose funds pay it.</summary>
public enum BenefitLevel
{
    County,
    City,
}

/// <summary>Who or what a benefit is for.</summary>
public enum BeneficiaryKind
{
    Person,
    Base,
    Enterprise,
}

/// <summary>The workflow steps a benefit type needs, as configuration.</summary>
/// <param name="Type">The type.</param>
/// <param name="Level">County benefits are approved and paid by the county; city benefits by the city.</param>
/// <param name="RequiresPublicNotice">After the county review, the benefit is publicly announced (公示) before final approval.</param>
/// <param name="Beneficiary">Who the benefit is for.</param>
public sealed record BenefitTypeDefinition(BenefitType Type, BenefitLevel Level, bool RequiresPublicNotice, BeneficiaryKind Beneficiary)
{
    /// <summary>After the county review (and notice), the city approves.</summary>
    public bool RequiresCityApproval => Level == BenefitLevel.City;

    /// <summary>An award (one of the programme's one-time grants and recognitions).</summary>
    public bool IsAward => RequiresPublicNotice;
}

public static class BenefitTypes
{
    private static readonly Dictionary<BenefitType, BenefitTypeDefinition> Definitions = new()
    {
        [BenefitType.TrainingSubsidy] = new(BenefitType.TrainingSubsidy, BenefitLevel.County, false, BeneficiaryKind.Person),
        [BenefitType.LoanInterestSubsidy] = new(BenefitType.LoanInterestSubsidy, BenefitLevel.County, false, BeneficiaryKind.Person),
        [BenefitType.DemonstrationHouseholdAward] = new(BenefitType.DemonstrationHouseholdAward, BenefitLevel.County, true, BeneficiaryKind.Person),
        [BenefitType.DemonstrationBaseAward] = new(BenefitType.DemonstrationBaseAward, BenefitLevel.City, true, BeneficiaryKind.Base),
        [BenefitType.PovertyAlleviationBaseEnterpriseAward] = new(BenefitType.PovertyAlleviationBaseEnterpriseAward, BenefitLevel.City, true, BeneficiaryKind.Enterprise),
        [BenefitType.EmploymentBaseEnterpriseAward] = new(BenefitType.EmploymentBaseEnterpriseAward, BenefitLevel.City, true, BeneficiaryKind.Enterprise),
    };

    public static IReadOnlyCollection<BenefitTypeDefinition> All => Definitions.Values;

    public static IReadOnlyList<BenefitType> Awards { get; } = [.. Definitions.Values.Where(d => d.IsAward).Select(d => d.Type)];

    public static BenefitTypeDefinition Get(BenefitType type) => Definitions[type];
}
