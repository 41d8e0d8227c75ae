namespace Sunshine.Domain.AccessControl;

/// <summary>The roles an account can hold. <see cref="RoleTable"/> says what each may do.</summary>
public static class Roles
{
    public const string SystemAdmin = "SystemAdmin";
    public const string SecurityAdmin = "SecurityAdmin";
    public const string CityOfficer = "CityOfficer";
    public const string CountyOfficer = "CountyOfficer";
    public const string Auditor = "Auditor";

    public static IReadOnlyList<string> All { get; } = [SystemAdmin, SecurityAdmin, CityOfficer, CountyOfficer, Auditor];
}
