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
    DateTimeOffset? LastSignInAt);

/// <summary>How a sign-in attempt ended.</summary>
public enum SignInOutcome
{
    Succeeded,
    InvalidCredentials,
    LockedOut,
    Disabled,
}
