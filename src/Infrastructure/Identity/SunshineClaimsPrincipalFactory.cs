using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Sunshine.Infrastructure.Identity;

/// <summary>
/// Adds the display name and county to the claims Identity puts in a session, the stamps the session
/// validator compares (<see cref="SunshineSecurityStampValidator"/>), and whether a second factor is owed.
/// </summary>
public sealed class SunshineClaimsPrincipalFactory(
    UserManager<ApplicationUser> userManager,
    RoleManager<ApplicationRole> roleManager,
    IOptions<IdentityOptions> options,
    RoleTableStamp rolesStamp,
    IOptions<TwoFactorOptions> twoFactor)
    : UserClaimsPrincipalFactory<ApplicationUser, ApplicationRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(SunshineClaimTypes.DisplayName, user.DisplayName));
        if (user.CountyId is { } county)
        {
            identity.AddClaim(new Claim(SunshineClaimTypes.County, county.ToString()));
        }

        if (user.ConcurrencyStamp is { } stamp)
        {
            identity.AddClaim(new Claim(SunshineClaimTypes.AccountStamp, stamp));
        }

        identity.AddClaim(new Claim(SunshineClaimTypes.RolesStamp, await rolesStamp.GetAsync()));

        // Enrolling changes the account (and so its concurrency stamp): the session's claims are made again without this.
        if (!user.TwoFactorEnabled && twoFactor.Value.TwoFactorRequiredRoles.Count > 0
            && identity.FindAll(SunshineClaimTypes.Role).Any(r => twoFactor.Value.TwoFactorRequiredRoles.Contains(r.Value, StringComparer.Ordinal)))
        {
            identity.AddClaim(new Claim(SunshineClaimTypes.TwoFactorEnrolmentRequired, "true"));
        }

        return identity;
    }
}
