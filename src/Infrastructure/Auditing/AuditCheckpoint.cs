namespace Sunshine.Infrastructure.Auditing;

/// <summary>
/// A signed statement of the audit chain's head: "sequence N had hash H at this time", HMAC-signed with the
/// audit key by the sealer and also written to the structured log. Rows removed from the end of the trail
/// leave a checkpoint pointing past the last row.
/// </summary>
public sealed class AuditCheckpoint
{
    private AuditCheckpoint()
    {
        HeadHash = null!;
        Signature = null!;
    }

    public AuditCheckpoint(long sequence, byte[] headHash, DateTimeOffset createdAt, byte[] signature)
    {
        Sequence = sequence;
        HeadHash = headHash;
        CreatedAt = createdAt;
        Signature = signature;
    }

    public long Id { get; private set; }

    /// <summary>The sequence of the chain's head row when the checkpoint was written.</summary>
    public long Sequence { get; private set; }

    /// <summary>That row's hash.</summary>
    public byte[] HeadHash { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>HMAC-SHA256 over sequence, head hash and time under the audit key.</summary>
    public byte[] Signature { get; private set; }
}
