using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Sunshine.Infrastructure.Identity;

/// <summary>Registers (or updates) the Swagger UI client with this deployment's redirect address.</summary>
public sealed class OAuthClientSeeder(IOpenIddictApplicationManager applications, IOpenIddictScopeManager scopes, IOptions<AuthOptions> options)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await scopes.FindByNameAsync(OAuthClients.ApiScope, cancellationToken) is null)
        {
            await scopes.CreateAsync(
                new OpenIddictScopeDescriptor { Name = OAuthClients.ApiScope, DisplayName = "Sunshine REST API" },
                cancellationToken);
        }

        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = OAuthClients.SwaggerClientId,
            ClientType = ClientTypes.Public,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = "Swagger UI",
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.ResponseTypes.Code,
                Permissions.Prefixes.Scope + OAuthClients.ApiScope,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        descriptor.RedirectUris.Add(new Uri(options.Value.PublicBaseUrl, "swagger/oauth2-redirect.html"));

        var existing = await applications.FindByClientIdAsync(OAuthClients.SwaggerClientId, cancellationToken);
        if (existing is null)
        {
            await applications.CreateAsync(descriptor, cancellationToken);
        }
        else
        {
            await applications.UpdateAsync(existing, descriptor, cancellationToken);
        }
    }
}
