using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Sunshine.Infrastructure.Identity;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Sunshine.Api.Endpoints;

/// <summary>
/// The OAuth 2.0 endpoints OpenIddict passes through: the authorization endpoint signs the person in
/// with their web session (or sends them to the sign-in page), the token endpoint exchanges the code.
/// </summary>
public static class Connect
{
    public static void MapConnectEndpoints(this WebApplication app)
    {
        app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], Authorize).ExcludeFromDescription();
        app.MapPost("/connect/token", Exchange).ExcludeFromDescription().DisableAntiforgery();
    }

    private static async Task<IResult> Authorize(HttpContext http, UserManager<ApplicationUser> users, TokenPrincipalFactory tokens)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var session = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (!session.Succeeded)
        {
            var query = http.Request.HasFormContentType ? QueryString.Create(http.Request.Form) : http.Request.QueryString;
            var returnUrl = http.Request.PathBase + http.Request.Path + query;
            return Results.Redirect("/login?returnUrl=" + Uri.EscapeDataString(returnUrl));
        }

        var user = await users.GetUserAsync(session.Principal);
        if (user is null || !await tokens.CanHoldTokenAsync(user))
        {
            return Refuse(Errors.AccessDenied, "The account may not sign in.");
        }

        return Results.SignIn(await tokens.CreateAsync(user, request.GetScopes()), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> Exchange(HttpContext http, UserManager<ApplicationUser> users, TokenPrincipalFactory tokens)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (!request.IsAuthorizationCodeGrantType())
        {
            return Refuse(Errors.UnsupportedGrantType, "Only the authorization code grant is supported.");
        }

        var code = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var user = await users.FindByIdAsync(code.Principal?.GetClaim(Claims.Subject) ?? string.Empty);
        if (!await tokens.CanHoldTokenAsync(user))
        {
            return Refuse(Errors.InvalidGrant, "The account may no longer sign in.");
        }

        return Results.SignIn(await tokens.CreateAsync(user!, code.Principal!.GetScopes()), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static IResult Refuse(string error, string description) =>
        Results.Forbid(
            new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
            }),
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
