using System.Collections.Frozen;

namespace Sunshine.Domain.AccessControl;

/// <summary>One role: what it is for, whether it is bound to a county, and its permissions.</summary>
/// <param name="Name">Role name, as stored on accounts.</param>
/// <param name="Summary">What the role may do, in one line (the same line as in docs/security.md).</param>
/// <param name="CountyBound">Accounts in this role are bound to exactly one county-level region.</param>
/// <param name="Permissions">Permissions every holder of the role has.</param>
/// <param name="Grantable">Permissions that may be granted to a holder on top of the defaults.</param>
/// <param name="IsMachine">Held by OAuth clients of partner platforms, never by a person's account.</param>
public sealed record RoleDefinition(
    string Name,
    string Summary,
    bool CountyBound,
    IReadOnlySet<string> Permissions,
    IReadOnlySet<string> Grantable,
    bool IsMachine = false);

/// <summary>
/// The one role and permission table. docs/security.md shows the same table and a test keeps the
/// two equal; later modules extend this table rather than adding checks elsewhere.
/// </summary>
public static class RoleTable
{
    private static readonly FrozenDictionary<string, RoleDefinition> Definitions = new RoleDefinition[]
    {
        new(
            Roles.SystemAdmin,
            "manage accounts and regions; no programme data, no audit log",
            CountyBound: false,
            Set(Permissions.ReferenceRead, Permissions.AccountsRead, Permissions.AccountsManage, Permissions.RegionsManage),
            Set()),
        new(
            Roles.SecurityAdmin,
            "assign roles, counties and permissions to accounts; no programme data",
            CountyBound: false,
            Set(Permissions.ReferenceRead, Permissions.AccountsRead, Permissions.AccessAssign),
            Set()),
        new(
            Roles.CityOfficer,
            "read and change programme data of every county; city-level decisions",
            CountyBound: false,
            Set(Permissions.ReferenceRead, Permissions.ProgrammeRead, Permissions.ProgrammeWrite, Permissions.CityDecide,
                Permissions.AuditRead, Permissions.PiiReveal, Permissions.PartnersManage),
            Set()),
        new(
            Roles.CountyOfficer,
            "bound to one county: read and change that county's programme data; county-level decisions",
            CountyBound: true,
            Set(Permissions.ReferenceRead, Permissions.ProgrammeRead, Permissions.ProgrammeWrite, Permissions.CountyDecide,
                Permissions.PiiReveal),
            Set()),
        new(
            Roles.Auditor,
            "read everything including the audit log; never change anything",
            CountyBound: false,
            Set(Permissions.ReferenceRead, Permissions.ProgrammeRead, Permissions.AuditRead, Permissions.AccountsRead),
            Set(Permissions.PiiReveal)),
        new(
            Roles.PartnerPlatform,
            "a partner platform's API client: its own platform's shops and sales, the catalogue, its own employment records; only the scopes it was given",
            CountyBound: false,
            Set(),
            Set(Permissions.PartnerShopsWrite, Permissions.PartnerSalesWrite, Permissions.PartnerCatalogRead, Permissions.PartnerEmploymentWrite),
            IsMachine: true),
    }.ToFrozenDictionary(d => d.Name, StringComparer.Ordinal);

    /// <summary>
    /// Pairs of roles one account may never hold together: the administrators and the auditor are
    /// separated from each other and from programme work, and an officer is either city or county.
    /// </summary>
    private static readonly (string, string)[] Conflicts =
    [
        (Roles.SystemAdmin, Roles.SecurityAdmin),
        (Roles.SystemAdmin, Roles.Auditor),
        (Roles.SecurityAdmin, Roles.Auditor),
        (Roles.SystemAdmin, Roles.CityOfficer),
        (Roles.SystemAdmin, Roles.CountyOfficer),
        (Roles.SecurityAdmin, Roles.CityOfficer),
        (Roles.SecurityAdmin, Roles.CountyOfficer),
        (Roles.Auditor, Roles.CityOfficer),
        (Roles.Auditor, Roles.CountyOfficer),
        (Roles.CityOfficer, Roles.CountyOfficer),
    ];

    public static IReadOnlyCollection<RoleDefinition> All => Definitions.Values;

    public static bool Exists(string role) => Definitions.ContainsKey(role);

    public static RoleDefinition Get(string role) =>
        Definitions.TryGetValue(role, out var definition)
            ? definition
            : throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown role.");

    /// <summary>True when the two roles may not be held by one account.</summary>
    public static bool AreInConflict(string first, string second) =>
        Conflicts.Any(c => (c.Item1 == first && c.Item2 == second) || (c.Item1 == second && c.Item2 == first));

    /// <summary>The permissions an account holds: its roles' defaults plus grants its roles allow.</summary>
    public static IReadOnlySet<string> EffectivePermissions(IEnumerable<string> roles, IEnumerable<string> grants)
    {
        var known = roles.Where(Exists).Select(Get).ToList();
        var result = new HashSet<string>(known.SelectMany(r => r.Permissions), StringComparer.Ordinal);
        foreach (var grant in grants)
        {
            if (known.Any(r => r.Grantable.Contains(grant)))
            {
                result.Add(grant);
            }
        }

        return result;
    }

    private static FrozenSet<string> Set(params string[] permissions) => permissions.ToFrozenSet(StringComparer.Ordinal);
}
