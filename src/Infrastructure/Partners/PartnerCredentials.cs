using System.Security.Cryptography;
using OpenIddict.Abstractions;
using Sunshine.Application.Common.Exceptions;
using Sunshine.Application.Partners;
using Sunshine.Domain.Enterprises;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Sunshine.Infrastructure.Partners;

/// <summary>Partner clients as confidential OpenIddict applications using the client credentials grant.</summary>
public sealed class PartnerCredentials(IOpenIddictApplicationManager applications, IOpenIddictTokenManager tokens) : IPartnerCredentials
{
    public async Task<string> CreateAsync(string clientId, string displayName, PartnerScopes scopes, CancellationToken cancellationToken)
    {
        var secret = NewSecret();
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = displayName,
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials },
        };
        foreach (var scope in PartnerScopeNames.Of(scopes))
        {
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        }

        await applications.CreateAsync(descriptor, cancellationToken);
        return secret;
    }

    public async Task<string> RotateSecretAsync(string clientId, CancellationToken cancellationToken)
    {
        var application = await RequireAsync(clientId, cancellationToken);
        var secret = NewSecret();
        await applications.UpdateAsync(application, secret, cancellationToken);
        await RevokeTokensAsync(application, cancellationToken);
        return secret;
    }

    public async Task RevokeAsync(string clientId, CancellationToken cancellationToken)
    {
        var application = await RequireAsync(clientId, cancellationToken);
        var descriptor = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(descriptor, application, cancellationToken);
        descriptor.Permissions.Clear();
        await applications.UpdateAsync(application, descriptor, cancellationToken);
        await RevokeTokensAsync(application, cancellationToken);
    }

    private async Task RevokeTokensAsync(object application, CancellationToken cancellationToken)
    {
        var id = await applications.GetIdAsync(application, cancellationToken)
            ?? throw new InvalidOperationException("The application has no id.");
        await tokens.RevokeByApplicationIdAsync(id, cancellationToken);
    }

    private async Task<object> RequireAsync(string clientId, CancellationToken cancellationToken) =>
        await applications.FindByClientIdAsync(clientId, cancellationToken) ?? throw new NotFoundException("partner_client", clientId);

    /// <summary>256 random bits, URL-safe.</summary>
    private static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
