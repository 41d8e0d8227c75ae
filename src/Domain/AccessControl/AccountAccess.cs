using Sunshine.Domain.Common;

namespace Sunshine.Domain.AccessControl;

/// <summary>
/// The access an account is given: its roles, the county it is bound to and extra permissions.
/// Only valid combinations can be constructed.
/// </summary>
public sealed record AccountAccess
{
    private AccountAccess(IReadOnlyList<string> roles, Guid? countyId, IReadOnlyList<string> grants)
    {
        Roles = roles;
        CountyId = countyId;
        Grants = grants;
    }

    public IReadOnlyList<string> Roles { get; }

    public Guid? CountyId { get; }

    public IReadOnlyList<string> Grants { get; }

    public bool IsCountyBound => Roles.Any(r => RoleTable.Get(r).CountyBound);

    /// <summary>Checks the combination against the role table.</summary>
    /// <param name="roles">Requested roles.</param>
    /// <param name="countyId">The county for a county-bound role; otherwise null.</param>
    /// <param name="countyIsCountyLevel">Whether <paramref name="countyId"/> names an active county-level region (ignored when null).</param>
    /// <param name="grants">Permissions granted beyond the roles' defaults.</param>
    public static AccountAccess Create(IEnumerable<string> roles, Guid? countyId, bool countyIsCountyLevel, IEnumerable<string> grants)
    {
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(grants);
        var roleList = roles.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var grantList = grants.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

        var unknown = roleList.FirstOrDefault(r => !RoleTable.Exists(r));
        if (unknown is not null)
        {
            throw new DomainException("account.role_unknown", $"There is no role '{unknown}'.", field: "roles");
        }

        var machine = roleList.FirstOrDefault(r => RoleTable.Get(r).IsMachine);
        if (machine is not null)
        {
            throw new DomainException("account.role_machine_only", $"{machine} belongs to partner API clients, not to accounts.", field: "roles");
        }

        for (var i = 0; i < roleList.Count; i++)
        {
            for (var j = i + 1; j < roleList.Count; j++)
            {
                if (RoleTable.AreInConflict(roleList[i], roleList[j]))
                {
                    throw new DomainException(
                        "account.role_conflict",
                        $"One account may not hold both {roleList[i]} and {roleList[j]}.",
                        DomainErrorKind.Conflict,
                        "roles");
                }
            }
        }

        var countyBound = roleList.Any(r => RoleTable.Get(r).CountyBound);
        if (countyBound && countyId is null)
        {
            throw new DomainException("account.county_required", "A county officer must be bound to a county.", field: "countyId");
        }

        if (!countyBound && countyId is not null)
        {
            throw new DomainException("account.county_not_allowed", "Only a county-bound role is given a county.", field: "countyId");
        }

        if (countyId is not null && !countyIsCountyLevel)
        {
            throw new DomainException("account.county_invalid", "The county must be an active county-level region.", field: "countyId");
        }

        foreach (var grant in grantList)
        {
            if (!roleList.Any(r => RoleTable.Get(r).Grantable.Contains(grant)))
            {
                throw new DomainException(
                    "account.permission_not_grantable",
                    $"The permission '{grant}' cannot be granted to an account with these roles.",
                    field: "permissions");
            }
        }

        return new AccountAccess(roleList, countyId, grantList);
    }

    /// <summary>Permissions this access gives: the roles' defaults and the grants.</summary>
    public IReadOnlySet<string> EffectivePermissions => RoleTable.EffectivePermissions(Roles, Grants);
}
