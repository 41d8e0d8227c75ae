namespace Sunshine.Domain.Training;

/// <summary>Course level: counties teach the basics, the city advanced shop operation with partner platforms.</summary>
public enum CourseLevel
{
    County,
    City,
}

/// <summary>Course topics, from the action plan §三(一).</summary>
public enum CourseTopic
{
    OpeningShop,
    ShopDecoration,
    CustomerService,
    OperationsAndPromotion,
    ImageProcessing,
    InternetTechnology,
    EnterpriseManagement,
    MarketingAndSales,
    ProductPromotion,
    BusinessManagement,
    RightsProtection,
    ComputerOperation,
    JobSkills,
    ShopRegistration,
    BuyingOnline,
    OnlineBankingAndPayment,
}

/// <summary>Who a course is for.</summary>
public enum AudienceTrack
{
    EnterpriseFoundersAndManagers,
    ShopOperators,
    EcommerceEmployees,
    WouldBeEntrepreneurs,
}

public enum ProviderType
{
    EcommerceEnterprise,
    VocationalCollege,
    TrainingInstitution,
}

/// <summary>Who pays for the course.</summary>
public enum FeeModel
{
    /// <summary>Free for participants, paid by the federation or its partners.</summary>
    Free,

    /// <summary>Partly paid by the participant.</summary>
    CoPaid,

    /// <summary>Paid by the participant (who may claim a training subsidy).</summary>
    ParticipantPaid,
}

public enum EnrolmentKind
{
    /// <summary>A disabled person from the registry.</summary>
    DisabledPerson,

    /// <summary>A family member of a registry person, by name and relation.</summary>
    FamilyMember,

    /// <summary>A specialist committee member (残疾人专职委员), who need not be disabled.</summary>
    SpecialistCommitteeMember,
}

public enum EnrolmentStatus
{
    Enrolled,
    Completed,
    Dropped,
}
