using Sunshine.Application.Accounts;
using Sunshine.Application.Common.Paging;
using Sunshine.Domain.AccessControl;

namespace Sunshine.Application.Common.Interfaces;

/// <summary>
/// Accounts and sign-in, implemented with ASP.NET Core Identity. Failures the caller can act on
/// throw the application's coded exceptions (not found, conflict, invalid password).
/// </summary>
public interface IAccountService
{
    Task<PagedList<AccountDto>> ListAsync(string? search, string? role, int page, int pageSize, CancellationToken cancellationToken);

    Task<AccountDto?> FindAsync(Guid id, CancellationToken cancellationToken);

    Task<AccountDto> CreateAsync(string userName, string displayName, string? email, string password, CancellationToken cancellationToken);

    Task<AccountDto> SetDisabledAsync(Guid id, bool disabled, CancellationToken cancellationToken);

    Task<AccountDto> UnlockAsync(Guid id, CancellationToken cancellationToken);

    Task ResetPasswordAsync(Guid id, string newPassword, CancellationToken cancellationToken);

    Task<AccountDto> SetAccessAsync(Guid id, AccountAccess access, CancellationToken cancellationToken);

    /// <summary>Checks the password (counting failures towards lockout) and starts a cookie session.</summary>
    Task<(SignInOutcome Outcome, Guid? AccountId)> SignInAsync(string userName, string password, CancellationToken cancellationToken);

    /// <summary>The second step of a sign-in for an account with a second factor: the TOTP code (each code once).</summary>
    Task<(SignInOutcome Outcome, Guid? AccountId)> SignInWithTwoFactorAsync(string code, CancellationToken cancellationToken);

    /// <summary>Ends the caller's session: its server-side record and the cookie.</summary>
    Task SignOutAsync(CancellationToken cancellationToken);

    /// <summary>Makes a new TOTP secret for the account (not in force until confirmed); 409 when one is in force.</summary>
    Task<TwoFactorEnrolmentDto> StartTwoFactorEnrolmentAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Puts the pending secret in force when the code matches it (400 otherwise).</summary>
    Task ConfirmTwoFactorEnrolmentAsync(Guid id, string code, CancellationToken cancellationToken);

    /// <summary>Removes the account's second factor (recovery) and ends its sessions.</summary>
    Task<AccountDto> ResetTwoFactorAsync(Guid id, CancellationToken cancellationToken);

    Task ChangePasswordAsync(Guid id, string currentPassword, string newPassword, CancellationToken cancellationToken);
}
