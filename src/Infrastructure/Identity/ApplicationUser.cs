using Microsoft.AspNetCore.Identity;

namespace Sunshine.Infrastructure.Identity;

/// <summary>A staff account (账户). Roles and extra permissions are Identity roles and claims.</summary>
public sealed class ApplicationUser : IdentityUser<Guid>
{
    public ApplicationUser() => Id = Guid.CreateVersion7();

    public string DisplayName { get; set; } = string.Empty;

    /// <summary>The county-level region a county officer is bound to.</summary>
    public Guid? CountyId { get; set; }

    /// <summary>A disabled account cannot sign in; it is kept for the audit trail, never deleted.</summary>
    public bool IsDisabled { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastSignInAt { get; set; }

    /// <summary>
    /// The TOTP secret (RFC 6238), encrypted like sensitive data; set at enrolment, in force once
    /// <see cref="IdentityUser{TKey}.TwoFactorEnabled"/> is true (confirmed with a code).
    /// </summary>
    public byte[]? TotpSecret { get; set; }

    /// <summary>The time step of the last code accepted: a code of that step or an earlier one is never accepted again.</summary>
    public long? TotpLastTimeStep { get; set; }
}

public sealed class ApplicationRole : IdentityRole<Guid>
{
    public ApplicationRole() => Id = Guid.CreateVersion7();

    public ApplicationRole(string roleName)
        : this()
    {
        Name = roleName;
        NormalizedName = roleName.ToUpperInvariant();
    }
}

/// <summary>Claim types shared by cookie sessions and bearer tokens (OpenID Connect names).</summary>
public static class SunshineClaimTypes
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string DisplayName = "display_name";
    public const string Role = "role";
    public const string County = "county_id";
    public const string Permission = "permission";

    /// <summary>A session's record of the account (its concurrency stamp) and of the role table when the session's claims were made.</summary>
    public const string AccountStamp = "account_stamp";

    public const string RolesStamp = "roles_stamp";

    /// <summary>The server-side session record a cookie belongs to (<see cref="StaffSession"/>).</summary>
    public const string Session = "sid";

    /// <summary>"true" when the account's role requires a second factor it has not enrolled yet.</summary>
    public const string TwoFactorEnrolmentRequired = "two_factor_enrolment_required";

    /// <summary>The partner platform (enterprise id) a partner API client acts for.</summary>
    public const string Platform = "platform_id";
}
