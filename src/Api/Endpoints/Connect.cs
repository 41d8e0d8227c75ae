using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Partners;
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

    private static async Task<IResult> Exchange(HttpContext http, UserManager<ApplicationUser> users, TokenPrincipalFactory tokens, IApplicationDbContext db)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (request.IsClientCredentialsGrantType())
        {
            return await IssuePartnerTokenAsync(request, db, http.RequestAborted);
        }

        if (!request.IsAuthorizationCodeGrantType())
        {
            return Refuse(Errors.UnsupportedGrantType, "Use the authorization code grant (people) or client credentials (partner platforms).");
        }

        var code = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var user = await users.FindByIdAsync(code.Principal?.GetClaim(Claims.Subject) ?? string.Empty);
        if (!await tokens.CanHoldTokenAsync(user))
        {
            return Refuse(Errors.InvalidGrant, "The account may no longer sign in.");
        }

        return Results.SignIn(await tokens.CreateAsync(user!, code.Principal!.GetScopes()), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>
    /// A partner platform's client (OpenIddict has checked its secret): a short-lived token for its
    /// platform, carrying the scopes it asked for among those it was given.
    /// </summary>
    private static async Task<IResult> IssuePartnerTokenAsync(OpenIddictRequest request, IApplicationDbContext db, CancellationToken cancellationToken)
    {
        var client = await db.PartnerClients.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(c => c.ClientId == request.ClientId, cancellationToken);
        if (client is not { IsActive: true })
        {
            return Refuse(Errors.InvalidClient, "The client is not an active partner client.");
        }

        var granted = PartnerScopeNames.Of(client.Scopes);
        var requested = request.GetScopes();
        var scopes = requested.IsEmpty ? granted : granted.Intersect(requested).ToList();
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, SunshineClaimTypes.Name, SunshineClaimTypes.Role);
        identity.AddClaim(new Claim(SunshineClaimTypes.Subject, client.Id.ToString()));
        identity.AddClaim(new Claim(SunshineClaimTypes.Name, client.ClientId));
        identity.AddClaim(new Claim(SunshineClaimTypes.Role, Domain.AccessControl.Roles.PartnerPlatform));
        identity.AddClaim(new Claim(SunshineClaimTypes.Platform, client.PlatformId.ToString()));
        identity.AddClaims(scopes.Select(s => new Claim(SunshineClaimTypes.Permission, PartnerScopeNames.PermissionOf(s))));
        identity.SetScopes(scopes);
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        var principal = new ClaimsPrincipal(identity);
        principal.SetAccessTokenLifetime(PartnerTokenLifetime);
        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>Partner tokens live 5 minutes; every request also checks the token is not revoked.</summary>
    public static readonly TimeSpan PartnerTokenLifetime = TimeSpan.FromMinutes(5);

    private static IResult Refuse(string error, string description) =>
        Results.Forbid(
            new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
            }),
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
