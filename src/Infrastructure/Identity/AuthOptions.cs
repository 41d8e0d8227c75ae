namespace Sunshine.Infrastructure.Identity;

/// <summary>Settings for the OAuth 2.0 server (OpenIddict).</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>Public base address, used for the Swagger UI redirect address.</summary>
    public Uri PublicBaseUrl { get; set; } = new("http://127.0.0.1:5080");

    /// <summary>PFX file with the token signing key (production). Without it: development certificates or ephemeral keys.</summary>
    public string? SigningCertificatePath { get; set; }

    /// <summary>PFX file with the token encryption key (production).</summary>
    public string? EncryptionCertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>Use keys that live only as long as the process (tests).</summary>
    public bool UseEphemeralKeys { get; set; }

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(30);
}
