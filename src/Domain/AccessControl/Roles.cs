namespace Sunshine.Domain.AccessControl;

/// <summary>The roles an account can hold. <see cref="RoleTable"/> says what each may do.</summary>
public static class Roles
{
    public const string SystemAdmin = "SystemAdmin";
    public const string SecurityAdmin = "SecurityAdmin";
    public const string CityOfficer = "CityOfficer";
    public const string CountyOfficer = "CountyOfficer";
    public const string Auditor = "Auditor";

    /// <summary>The role of a partner platform's API client (never of a person's account).</summary>
    public const string PartnerPlatform = "PartnerPlatform";

    public static IReadOnlyList<string> All { get; } = [SystemAdmin, SecurityAdmin, CityOfficer, CountyOfficer, Auditor, PartnerPlatform];

    /// <summary>The roles a person's account can hold.</summary>
    public static IReadOnlyList<string> ForAccounts { get; } = [SystemAdmin, SecurityAdmin, CityOfficer, CountyOfficer, Auditor];
}
