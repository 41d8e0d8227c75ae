namespace Sunshine.Domain.AccessControl;

/// <summary>
/// Every permission the system checks. Roles grant a default set (see <see cref="RoleTable"/>);
/// some may be granted to an account on top of its role. docs/security.md mirrors this list.
/// </summary>
public static class Permissions
{
    /// <summary>Read reference data every signed-in account needs: regions, programmes, the role table.</summary>
    public const string ReferenceRead = "reference.read";

    /// <summary>Read accounts (without passwords).</summary>
    public const string AccountsRead = "accounts.read";

    /// <summary>Create, disable, enable, unlock accounts and reset their passwords.</summary>
    public const string AccountsManage = "accounts.manage";

    /// <summary>Assign roles, counties and permissions to accounts.</summary>
    public const string AccessAssign = "access.assign";

    /// <summary>Create and edit regions.</summary>
    public const string RegionsManage = "regions.manage";

    /// <summary>Read programme data (people, training, shops, awards…) within the caller's scope.</summary>
    public const string ProgrammeRead = "programme.read";

    /// <summary>Create and change programme data within the caller's scope.</summary>
    public const string ProgrammeWrite = "programme.write";

    /// <summary>Decide county-level matters (review county awards, decide subsidy claims, submit the county's work plan, nominate and publish typical cases).</summary>
    public const string CountyDecide = "decisions.county";

    /// <summary>Decide city-level matters (approve city awards, set policy and targets, open work-plan rounds and file or return plans, nominate and publish typical cases).</summary>
    public const string CityDecide = "decisions.city";

    /// <summary>Read the audit trail.</summary>
    public const string AuditRead = "audit.read";

    /// <summary>Reveal a sensitive personal field with a reason; every reveal is an audited read.</summary>
    public const string PiiReveal = "pii.reveal";

    /// <summary>Create, rotate and revoke partner platforms' API clients.</summary>
    public const string PartnersManage = "partners.manage";

    /// <summary>A partner platform registers and closes its sellers' shops (OAuth scope <c>shops.write</c>).</summary>
    public const string PartnerShopsWrite = "partner.shops.write";

    /// <summary>A partner platform reports and reads back its shops' sales (scope <c>sales.write</c>).</summary>
    public const string PartnerSalesWrite = "partner.sales.write";

    /// <summary>A partner platform reads the priority products catalogue (scope <c>catalog.read</c>).</summary>
    public const string PartnerCatalogRead = "partner.catalog.read";

    /// <summary>Partner clients (scope <c>employment.write</c>): report and read their own enterprise's employment of disabled people.</summary>
    public const string PartnerEmploymentWrite = "partner.employment.write";

    public static IReadOnlyList<string> All { get; } =
    [
        ReferenceRead, AccountsRead, AccountsManage, AccessAssign, RegionsManage,
        ProgrammeRead, ProgrammeWrite, CountyDecide, CityDecide, AuditRead, PiiReveal,
        PartnersManage, PartnerShopsWrite, PartnerSalesWrite, PartnerCatalogRead, PartnerEmploymentWrite,
    ];
}
