using System.Collections.Immutable;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Sunshine.Infrastructure.Identity;

/// <summary>
/// Builds the principal behind an access token from the account as it is now: the same claims as a
/// cookie session (subject, name, roles, county, extra permissions), all copied into the access token.
/// </summary>
public sealed class TokenPrincipalFactory(SignInManager<ApplicationUser> signIn)
{
    private static readonly HashSet<string> Carried = new(StringComparer.Ordinal)
    {
        SunshineClaimTypes.Subject, SunshineClaimTypes.Name, SunshineClaimTypes.DisplayName, SunshineClaimTypes.Role,
        SunshineClaimTypes.County, SunshineClaimTypes.Permission, SunshineClaimTypes.TwoFactorEnrolmentRequired,
    };

    /// <summary>Whether the account may hold a token now (exists, enabled, not locked out).</summary>
    public async Task<bool> CanHoldTokenAsync(ApplicationUser? user) =>
        user is not null && await signIn.CanSignInAsync(user) && !await signIn.UserManager.IsLockedOutAsync(user);

    public async Task<ClaimsPrincipal> CreateAsync(ApplicationUser user, ImmutableArray<string> scopes)
    {
        var session = await signIn.CreateUserPrincipalAsync(user);
        var identity = new ClaimsIdentity(
            OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, SunshineClaimTypes.Name, SunshineClaimTypes.Role);
        identity.AddClaims(session.Claims.Where(c => Carried.Contains(c.Type)).Select(c => new Claim(c.Type, c.Value)));
        identity.SetScopes(scopes.Intersect([OAuthClients.ApiScope]));
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        return new ClaimsPrincipal(identity);
    }
}
