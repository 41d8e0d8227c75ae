namespace Sunshine.Application.Accounts;

/// <summary>An account as administrators see it. <c>Permissions</c> lists grants beyond the role defaults.</summary>
public sealed record AccountDto(
    Guid Id,
    string UserName,
    string DisplayName,
    string? Email,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Permissions,
    Guid? CountyId,
    string? CountyName,
    bool IsDisabled,
    bool IsLockedOut,
    DateTimeOffset? LockoutEnd,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastSignInAt,
    bool TwoFactorEnabled);

/// <summary>How a sign-in attempt ended.</summary>
public enum SignInOutcome
{
    Succeeded,
    InvalidCredentials,
    LockedOut,
    Disabled,

    /// <summary>The password was right and the account has a second factor: the code is asked for next.</summary>
    RequiresTwoFactor,

    /// <summary>The second step: the code was wrong or already used.</summary>
    TwoFactorCodeInvalid,

    /// <summary>The second step without a first (or after its five minutes).</summary>
    TwoFactorNotStarted,
}

/// <summary>A second factor being enrolled: the secret as an otpauth URI (for a QR code) and as a key to type in.</summary>
public sealed record TwoFactorEnrolmentDto(string OtpAuthUri, string ManualKey);
