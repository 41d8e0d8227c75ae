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

    Task SignOutAsync();

    Task ChangePasswordAsync(Guid id, string currentPassword, string newPassword, CancellationToken cancellationToken);
}
