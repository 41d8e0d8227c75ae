namespace Sunshine.Infrastructure.Auditing;

/// <summary>
/// The audit trail's sealer and its key. The key is never in the database and never committed: configuration
/// (environment or secret store) in production; in Development a key file under .data/ that the application
/// creates on first run, like the sensitive-data keys.
/// </summary>
public sealed class AuditTrailOptions
{
    public const string Section = "AuditTrail";

    /// <summary>The HMAC-SHA256 key of the chain and the checkpoints (base64, 32 bytes).</summary>
    public string? Key { get; set; }

    /// <summary>A file holding the key (base64); Development creates it when it is missing.</summary>
    public string? KeyFile { get; set; }

    /// <summary>Run the background sealer in this instance (instances take turns through a database lock).</summary>
    public bool Sealer { get; set; } = true;

    /// <summary>How often the sealer chains the rows committed since its last run.</summary>
    public TimeSpan SealInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The least time between two signed checkpoints (one is written only when the chain has grown).</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Rows sealed per transaction.</summary>
    public int BatchSize { get; set; } = 1000;
}
