using Sunshine.Domain.Enterprises;

namespace Sunshine.Application.Partners;

/// <summary>The OAuth side of partner clients (OpenIddict): secrets are generated here, stored only as hashes.</summary>
public interface IPartnerCredentials
{
    /// <summary>Registers the client and returns its secret, which is never shown again.</summary>
    Task<string> CreateAsync(string clientId, string displayName, PartnerScopes scopes, CancellationToken cancellationToken);

    /// <summary>Replaces the secret and ends the tokens issued with the old one; returns the new secret.</summary>
    Task<string> RotateSecretAsync(string clientId, CancellationToken cancellationToken);

    /// <summary>The client can no longer get tokens, and its tokens stop working at once.</summary>
    Task RevokeAsync(string clientId, CancellationToken cancellationToken);
}

/// <summary>The OAuth scope names of <see cref="PartnerScopes"/>.</summary>
public static class PartnerScopeNames
{
    public const string ShopsWrite = "shops.write";
    public const string SalesWrite = "sales.write";
    public const string CatalogRead = "catalog.read";
    public const string EmploymentWrite = "employment.write";

    public static IReadOnlyList<string> Of(PartnerScopes scopes) =>
        new[] { (PartnerScopes.ShopsWrite, ShopsWrite), (PartnerScopes.SalesWrite, SalesWrite), (PartnerScopes.CatalogRead, CatalogRead), (PartnerScopes.EmploymentWrite, EmploymentWrite) }
            .Where(s => scopes.HasFlag(s.Item1)).Select(s => s.Item2).ToList();

    /// <summary>The permission of the role table each scope grants.</summary>
    public static string PermissionOf(string scope) => scope switch
    {
        ShopsWrite => Domain.AccessControl.Permissions.PartnerShopsWrite,
        SalesWrite => Domain.AccessControl.Permissions.PartnerSalesWrite,
        CatalogRead => Domain.AccessControl.Permissions.PartnerCatalogRead,
        EmploymentWrite => Domain.AccessControl.Permissions.PartnerEmploymentWrite,
        _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, "Unknown scope."),
    };
}
