namespace Sunshine.Domain.Registry;

/// <summary>Household registration (户籍) type.</summary>
public enum HouseholdRegistration
{
    Rural,
    Urban,
}

/// <summary>Whether a person is still served by the programme.</summary>
public enum PersonStatus
{
    Active,
    Deceased,
    MovedAway,
}

/// <summary>Roles and situations the programme gives special attention to.</summary>
[Flags]
public enum PersonTags
{
    None = 0,

    /// <summary>Specialist committee member for disabled people (残疾人专职委员).</summary>
    SpecialistCommitteeMember = 1,

    /// <summary>University student (残疾大学生).</summary>
    UniversityStudent = 2,

    /// <summary>Vocational (secondary or higher) student (中高职学生).</summary>
    VocationalStudent = 4,
}

/// <summary>What a person consented to (PIPL): each scope is given and withdrawn separately.</summary>
public enum ConsentScope
{
    /// <summary>Processing of their data for the programme.</summary>
    ProgrammeProcessing,

    /// <summary>Sharing with partner e-commerce platforms.</summary>
    PartnerSharing,

    /// <summary>Publication in typical cases and the priority products catalogue.</summary>
    Publication,
}
