namespace Sunshine.Infrastructure.Identity;

/// <summary>The OAuth clients the system registers itself.</summary>
public static class OAuthClients
{
    /// <summary>Swagger UI: a public client using the authorization code flow with PKCE.</summary>
    public const string SwaggerClientId = "sunshine-swagger";

    /// <summary>The scope that grants access to the REST API.</summary>
    public const string ApiScope = "api";
}
