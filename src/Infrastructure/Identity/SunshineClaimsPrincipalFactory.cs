using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Sunshine.Infrastructure.Identity;

/// <summary>
/// Adds the display name and county to the claims Identity puts in a session, and the stamps the session
/// validator compares (<see cref="SunshineSecurityStampValidator"/>).
/// </summary>
public sealed class SunshineClaimsPrincipalFactory(
    UserManager<ApplicationUser> userManager,
    RoleManager<ApplicationRole> roleManager,
    IOptions<IdentityOptions> options,
    RoleTableStamp rolesStamp)
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

        return identity;
    }
}
