using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Sunshine.Infrastructure.Identity;

/// <summary>Adds the display name and county to the claims Identity puts in a session.</summary>
public sealed class SunshineClaimsPrincipalFactory(
    UserManager<ApplicationUser> userManager,
    RoleManager<ApplicationRole> roleManager,
    IOptions<IdentityOptions> options)
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

        return identity;
    }
}
