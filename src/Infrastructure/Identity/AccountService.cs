using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using Sunshine.Application.Accounts;
using Sunshine.Application.Common.Exceptions;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Paging;
using Sunshine.Domain.AccessControl;
using Sunshine.Infrastructure.Persistence;

namespace Sunshine.Infrastructure.Identity;

/// <summary>Accounts and sign-in on ASP.NET Core Identity; every change goes through the audited DbContext.</summary>
public sealed class AccountService(
    ApplicationDbContext db,
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signIn,
    IOpenIddictTokenManager tokens,
    IAuditTrail audit,
    TimeProvider clock,
    StaffSessions sessions,
    TotpAuthenticator totp,
    ISensitiveDataProtector protector) : IAccountService
{
    public async Task<PagedList<AccountDto>> ListAsync(string? search, string? role, int page, int pageSize, CancellationToken cancellationToken)
    {
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = "%" + LikePattern.Escape(search.Trim()) + "%";
            query = query.Where(u => EF.Functions.ILike(u.UserName!, pattern) || EF.Functions.ILike(u.DisplayName, pattern));
        }

        if (!string.IsNullOrWhiteSpace(role))
        {
            var normalised = role.ToUpperInvariant();
            query = query.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id
                && db.Roles.Any(r => r.Id == ur.RoleId && r.NormalizedName == normalised)));
        }

        var paged = await query.OrderBy(u => u.UserName).ToPagedListAsync(page, pageSize, cancellationToken);
        var dtos = await ToDtosAsync(paged.Items, cancellationToken);
        return new PagedList<AccountDto>(dtos, paged.Page, paged.PageSize, paged.TotalCount);
    }

    public async Task<AccountDto?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        return user is null ? null : (await ToDtosAsync([user], cancellationToken))[0];
    }

    public async Task<AccountDto> CreateAsync(string userName, string displayName, string? email, string password, CancellationToken cancellationToken)
    {
        if (await users.FindByNameAsync(userName) is not null)
        {
            throw new ConflictException("account.user_name_taken", $"The user name '{userName}' is taken.", "userName");
        }

        var user = new ApplicationUser
        {
            UserName = userName,
            DisplayName = displayName,
            Email = string.IsNullOrEmpty(email) ? null : email,
            CreatedAt = clock.GetUtcNow(),
            LockoutEnabled = true,
        };
        EnsureSucceeded(await users.CreateAsync(user, password), "password");
        return await RequireDtoAsync(user.Id, cancellationToken);
    }

    public async Task<AccountDto> SetDisabledAsync(Guid id, bool disabled, CancellationToken cancellationToken)
    {
        var user = await RequireUserAsync(id);
        if (user.IsDisabled != disabled)
        {
            user.IsDisabled = disabled;
            EnsureSucceeded(await users.UpdateAsync(user), null);
            if (disabled)
            {
                await EndSessionsAsync(user, StaffSessionEndReasons.AccountDisabled, cancellationToken);
            }
        }

        return await RequireDtoAsync(id, cancellationToken);
    }

    public async Task<AccountDto> UnlockAsync(Guid id, CancellationToken cancellationToken)
    {
        var user = await RequireUserAsync(id);
        EnsureSucceeded(await users.SetLockoutEndDateAsync(user, null), null);
        EnsureSucceeded(await users.ResetAccessFailedCountAsync(user), null);
        return await RequireDtoAsync(id, cancellationToken);
    }

    public async Task ResetPasswordAsync(Guid id, string newPassword, CancellationToken cancellationToken)
    {
        var user = await RequireUserAsync(id);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        EnsureSucceeded(await users.ResetPasswordAsync(user, token, newPassword), "newPassword");
        await EndSessionsAsync(user, StaffSessionEndReasons.PasswordReset, cancellationToken);
        audit.Record("Account", id.ToString(), new { password = "reset" });
    }

    public async Task<AccountDto> SetAccessAsync(Guid id, AccountAccess access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(access);
        var user = await RequireUserAsync(id);
        var beforeRoles = (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).ToList();
        var beforeGrants = (await users.GetClaimsAsync(user)).Where(c => c.Type == SunshineClaimTypes.Permission)
            .Select(c => c.Value).Order(StringComparer.Ordinal).ToList();
        var beforeCounty = user.CountyId;

        EnsureSucceeded(await users.RemoveFromRolesAsync(user, beforeRoles.Except(access.Roles)), "roles");
        EnsureSucceeded(await users.AddToRolesAsync(user, access.Roles.Except(beforeRoles)), "roles");
        var claims = await users.GetClaimsAsync(user);
        EnsureSucceeded(await users.RemoveClaimsAsync(user, claims.Where(c => c.Type == SunshineClaimTypes.Permission && !access.Grants.Contains(c.Value))), "permissions");
        EnsureSucceeded(await users.AddClaimsAsync(user, access.Grants.Except(beforeGrants).Select(g => new Claim(SunshineClaimTypes.Permission, g))), "permissions");
        user.CountyId = access.CountyId;
        EnsureSucceeded(await users.UpdateAsync(user), null);

        // Bearer tokens carry the old roles: revoke them. Cookie sessions pick up new claims at revalidation.
        await tokens.RevokeBySubjectAsync(user.Id.ToString(), cancellationToken);

        audit.Record("Account", id.ToString(), new
        {
            operation = "access_changed",
            roles = new { before = beforeRoles, after = access.Roles },
            permissions = new { before = beforeGrants, after = access.Grants },
            countyId = new { before = beforeCounty, after = access.CountyId },
        });
        return await RequireDtoAsync(id, cancellationToken);
    }

    public async Task<(SignInOutcome Outcome, Guid? AccountId)> SignInAsync(string userName, string password, CancellationToken cancellationToken)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is null)
        {
            return (SignInOutcome.InvalidCredentials, null);
        }

        // A disabled account is only named as such to someone who knows its password.
        if (user.IsDisabled)
        {
            return (await users.CheckPasswordAsync(user, password) ? SignInOutcome.Disabled : SignInOutcome.InvalidCredentials, user.Id);
        }

        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await SignedInAsync(user);
            return (SignInOutcome.Succeeded, user.Id);
        }

        if (result.RequiresTwoFactor)
        {
            // The password was right: the failure count starts again, and the code is asked for next (a five-minute cookie).
            return (SignInOutcome.RequiresTwoFactor, user.Id);
        }

        return (result.IsLockedOut ? SignInOutcome.LockedOut : SignInOutcome.InvalidCredentials, user.Id);
    }

    public async Task<(SignInOutcome Outcome, Guid? AccountId)> SignInWithTwoFactorAsync(string code, CancellationToken cancellationToken)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return (SignInOutcome.TwoFactorNotStarted, null);
        }

        if (user.IsDisabled)
        {
            return (SignInOutcome.Disabled, user.Id);
        }

        if (await users.IsLockedOutAsync(user))
        {
            return (SignInOutcome.LockedOut, user.Id);
        }

        var step = user.TwoFactorEnabled && user.TotpSecret is { } secret
            ? totp.Verify(protector.UnprotectBytes(SensitiveKind.TotpSecret, secret), code, user.TotpLastTimeStep)
            : null;
        if (step is null)
        {
            // Wrong or replayed codes count towards lockout like wrong passwords.
            EnsureSucceeded(await users.AccessFailedAsync(user), null);
            return (await users.IsLockedOutAsync(user) ? SignInOutcome.LockedOut : SignInOutcome.TwoFactorCodeInvalid, user.Id);
        }

        user.TotpLastTimeStep = step;
        await users.ResetAccessFailedCountAsync(user);
        await signIn.Context.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        await signIn.SignInAsync(user, isPersistent: false, authenticationMethod: "mfa");
        await SignedInAsync(user);
        return (SignInOutcome.Succeeded, user.Id);
    }

    public async Task SignOutAsync(CancellationToken cancellationToken)
    {
        if (Guid.TryParse(signIn.Context.User.FindFirstValue(SunshineClaimTypes.Session), out var session))
        {
            await sessions.EndAsync(session, StaffSessionEndReasons.SignedOut, cancellationToken);
        }

        await signIn.SignOutAsync();
    }

    public async Task<TwoFactorEnrolmentDto> StartTwoFactorEnrolmentAsync(Guid id, CancellationToken cancellationToken)
    {
        var user = await RequireUserAsync(id);
        if (user.TwoFactorEnabled)
        {
            throw new ConflictException("auth.two_factor_already_enrolled", "A second factor is in force. A security administrator can reset it.");
        }

        var secret = TotpAuthenticator.NewSecret();
        user.TotpSecret = protector.Protect(SensitiveKind.TotpSecret, secret);
        user.TotpLastTimeStep = null;
        EnsureSucceeded(await users.UpdateAsync(user), null);
        audit.Record("Account", id.ToString(), new { twoFactor = "enrolment_started" });
        return new TwoFactorEnrolmentDto(totp.OtpAuthUri(secret, user.UserName!), TotpAuthenticator.ManualKey(secret));
    }

    public async Task ConfirmTwoFactorEnrolmentAsync(Guid id, string code, CancellationToken cancellationToken)
    {
        var user = await RequireUserAsync(id);
        if (user.TwoFactorEnabled || user.TotpSecret is null)
        {
            throw new ConflictException(
                user.TwoFactorEnabled ? "auth.two_factor_already_enrolled" : "auth.two_factor_not_started",
                user.TwoFactorEnabled ? "A second factor is in force already." : "Start the enrolment first.");
        }

        var step = totp.Verify(protector.UnprotectBytes(SensitiveKind.TotpSecret, user.TotpSecret), code, user.TotpLastTimeStep)
            ?? throw new RequestValidationException("code", "auth.two_factor_code_invalid", "The code does not match. Check the key and the phone's time, and enter the current code.");
        user.TotpLastTimeStep = step;
        user.TwoFactorEnabled = true;
        EnsureSucceeded(await users.UpdateAsync(user), null);
    }

    public async Task<AccountDto> ResetTwoFactorAsync(Guid id, CancellationToken cancellationToken)
    {
        var user = await RequireUserAsync(id);
        var wasEnabled = user.TwoFactorEnabled;
        user.TwoFactorEnabled = false;
        user.TotpSecret = null;
        user.TotpLastTimeStep = null;
        EnsureSucceeded(await users.UpdateAsync(user), null);
        await EndSessionsAsync(user, StaffSessionEndReasons.TwoFactorReset, cancellationToken);
        audit.Record("Account", id.ToString(), new { twoFactor = "reset", wasEnabled });
        return await RequireDtoAsync(id, cancellationToken);
    }

    /// <summary>After a complete sign-in: the time, and the new principal for the rest of this request.</summary>
    private async Task SignedInAsync(ApplicationUser user)
    {
        user.LastSignInAt = clock.GetUtcNow();
        EnsureSucceeded(await users.UpdateAsync(user), null);

        // The cookie takes effect from the next request; the rest of this one acts as the new user.
        signIn.Context.User = await signIn.CreateUserPrincipalAsync(user);
    }

    public async Task ChangePasswordAsync(Guid id, string currentPassword, string newPassword, CancellationToken cancellationToken)
    {
        var user = await RequireUserAsync(id);
        var result = await users.ChangePasswordAsync(user, currentPassword, newPassword);
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
        {
            throw new RequestValidationException("currentPassword", "password.mismatch", "The current password is not correct.");
        }

        EnsureSucceeded(result, "newPassword");
        await signIn.RefreshSignInAsync(user);
        audit.Record("Account", id.ToString(), new { password = "changed" });
    }

    private async Task EndSessionsAsync(ApplicationUser user, string reason, CancellationToken cancellationToken)
    {
        await sessions.EndAllAsync(user.Id, reason, cancellationToken);
        EnsureSucceeded(await users.UpdateSecurityStampAsync(user), null);
        await tokens.RevokeBySubjectAsync(user.Id.ToString(), cancellationToken);
    }

    private async Task<ApplicationUser> RequireUserAsync(Guid id) =>
        await users.FindByIdAsync(id.ToString()) ?? throw new NotFoundException("account", id);

    private async Task<AccountDto> RequireDtoAsync(Guid id, CancellationToken cancellationToken) =>
        await FindAsync(id, cancellationToken) ?? throw new NotFoundException("account", id);

    private async Task<List<AccountDto>> ToDtosAsync(IReadOnlyList<ApplicationUser> accounts, CancellationToken cancellationToken)
    {
        var ids = accounts.Select(a => a.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        var grants = await db.UserClaims.Where(c => ids.Contains(c.UserId) && c.ClaimType == SunshineClaimTypes.Permission)
            .Select(c => new { c.UserId, c.ClaimValue }).ToListAsync(cancellationToken);
        var countyIds = accounts.Where(a => a.CountyId != null).Select(a => a.CountyId!.Value).Distinct().ToList();
        var counties = await db.Regions.Where(r => countyIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);
        var now = clock.GetUtcNow();

        return accounts.Select(a => new AccountDto(
            a.Id,
            a.UserName!,
            a.DisplayName,
            a.Email,
            roles.Where(r => r.UserId == a.Id).Select(r => r.Name!).Order(StringComparer.Ordinal).ToList(),
            grants.Where(g => g.UserId == a.Id).Select(g => g.ClaimValue!).Order(StringComparer.Ordinal).ToList(),
            a.CountyId,
            a.CountyId is { } c ? counties.GetValueOrDefault(c) : null,
            a.IsDisabled,
            a.LockoutEnd is { } end && end > now,
            a.LockoutEnd,
            a.CreatedAt,
            a.LastSignInAt,
            a.TwoFactorEnabled)).ToList();
    }

    private static void EnsureSucceeded(IdentityResult result, string? field)
    {
        if (result.Succeeded)
        {
            return;
        }

        if (result.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateUserName)))
        {
            throw new ConflictException("account.user_name_taken", "The user name is taken.", "userName");
        }

        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)))
        {
            throw new PreconditionFailedException();
        }

        throw new RequestValidationException(result.Errors
            .Select(e => new FieldError(field ?? string.Empty, e.Code, e.Description))
            .ToList());
    }
}
