namespace Sunshine.Infrastructure.Security;

/// <summary>
/// Keys for sensitive personal data. Never in the database and never committed: configuration
/// (environment or secret store) in production; in Development a key file under .data/ that the
/// application creates on first run.
/// </summary>
public sealed class SensitiveDataOptions
{
    public const string Section = "SensitiveData";

    /// <summary>Encryption keys by id (base64, 32 bytes each). Old keys stay to decrypt old values.</summary>
    public Dictionary<string, string> EncryptionKeys { get; set; } = [];

    /// <summary>The key id new values are encrypted with (1–255); default: the highest id.</summary>
    public byte? CurrentKeyId { get; set; }

    /// <summary>Key of the blind index (base64, 32 bytes). Changing it needs the indexes rebuilt.</summary>
    public string? IndexKey { get; set; }

    /// <summary>Development only: a JSON file holding generated keys, created when missing.</summary>
    public string? KeyFile { get; set; }
}
