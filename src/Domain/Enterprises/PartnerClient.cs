using Sunshine.Domain.Common;

namespace Sunshine.Domain.Enterprises;

/// <summary>What a partner client may do through the partner API (its OAuth scopes).</summary>
[Flags]
public enum PartnerScopes
{
    None = 0,
    ShopsWrite = 1,
    SalesWrite = 2,
    CatalogRead = 4,
    EmploymentWrite = 8,
}

/// <summary>
/// A partner platform's machine client (OAuth 2.0 client credentials). It belongs to one platform
/// and sees only that platform's shops. The secret is shown once and stored only as a hash.
/// </summary>
public sealed class PartnerClient : Entity
{
    private PartnerClient()
    {
        ClientId = null!;
        DisplayName = null!;
    }

    private PartnerClient(Guid platformId, string clientId, string displayName, PartnerScopes scopes, Guid createdById, DateTimeOffset createdAt)
    {
        PlatformId = platformId;
        ClientId = clientId;
        DisplayName = displayName;
        Scopes = scopes;
        CreatedById = createdById;
        CreatedAt = createdAt;
        SecretIssuedAt = createdAt;
    }

    /// <summary>The partner-platform enterprise the client acts for.</summary>
    public Guid PlatformId { get; private set; }

    /// <summary>The OAuth client_id.</summary>
    public string ClientId { get; private set; }

    public string DisplayName { get; private set; }

    public PartnerScopes Scopes { get; private set; }

    public Guid CreatedById { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset SecretIssuedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsActive => RevokedAt is null;

    public static PartnerClient Create(Enterprise platform, string displayName, PartnerScopes scopes, Guid createdById, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(platform);
        if (!platform.IsPartnerPlatform)
        {
            throw new DomainException("partner_client.not_platform", "Only a partner platform has API clients.", field: "platformId");
        }

        var name = displayName?.Trim() ?? string.Empty;
        if (name.Length is 0 or > 100)
        {
            throw new DomainException("partner_client.name_invalid", "A client name is 1 to 100 characters.", field: "displayName");
        }

        if (scopes == PartnerScopes.None)
        {
            throw new DomainException("partner_client.scopes_required", "Give the client at least one scope.", field: "scopes");
        }

        var clientId = "partner-" + Guid.CreateVersion7().ToString("N")[..20];
        return new PartnerClient(platform.Id, clientId, name, scopes, createdById, createdAt);
    }

    public void SecretRotated(DateTimeOffset at)
    {
        EnsureActive();
        SecretIssuedAt = at;
    }

    public void Revoke(DateTimeOffset at)
    {
        EnsureActive();
        RevokedAt = at;
    }

    private void EnsureActive()
    {
        if (!IsActive)
        {
            throw new DomainException("partner_client.revoked", "The client is revoked.", DomainErrorKind.Conflict);
        }
    }
}
