using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Sunshine.Infrastructure.Identity;

/// <summary>
/// Identity's sign-in manager, refusing disabled accounts, asking for the second factor of enrolled accounts, and
/// recording every new cookie session server-side (<see cref="StaffSessions"/>): the cookie carries the record's id.
/// </summary>
public sealed class SunshineSignInManager(
    UserManager<ApplicationUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation,
    StaffSessions sessions)
    : SignInManager<ApplicationUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    private string? _refreshedSession;

    public override async Task<bool> CanSignInAsync(ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return !user.IsDisabled && await base.CanSignInAsync(user);
    }

    /// <summary>The second factor is the account's TOTP secret (not one of Identity's token providers).</summary>
    public override Task<bool> IsTwoFactorEnabledAsync(ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Task.FromResult(user.TwoFactorEnabled && user.TotpSecret is not null);
    }

    /// <summary>Renewing a session's cookie (after a password change) keeps its record: its limits do not start again.</summary>
    public override async Task RefreshSignInAsync(ApplicationUser user)
    {
        _refreshedSession = Context.User.FindFirstValue(SunshineClaimTypes.Session);
        try
        {
            await base.RefreshSignInAsync(user);
        }
        finally
        {
            _refreshedSession = null;
        }
    }

    public override async Task SignInWithClaimsAsync(ApplicationUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        ArgumentNullException.ThrowIfNull(user);
        string sessionId;
        if (_refreshedSession is { } refreshed)
        {
            sessionId = refreshed;
        }
        else
        {
            var session = await sessions.StartAsync(user.Id, Context.RequestAborted);
            Context.Features.Set(session);
            sessionId = session.SessionId.ToString();
        }

        await base.SignInWithClaimsAsync(user, authenticationProperties, [.. additionalClaims, new Claim(SunshineClaimTypes.Session, sessionId)]);
    }
}
