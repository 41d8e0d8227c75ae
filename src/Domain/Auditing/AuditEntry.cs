namespace Sunshine.Domain.Auditing;

/// <summary>
/// One row of the append-only audit trail (审计日志): a change to one entity, a bulk command's
/// summary, or an unmasked read of sensitive data. Rows arrive unsealed; a background sealer chains
/// them in commit order with a keyed hash (HMAC-SHA256, key held outside the database). The database
/// refuses UPDATE (other than sealing an unsealed row once), DELETE and TRUNCATE.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
        Action = null!;
        EntityType = null!;
        Changes = null!;
    }

    public AuditEntry(
        DateTimeOffset occurredAt,
        Guid? actorId,
        string? actorName,
        string? actorRole,
        Guid? countyId,
        string action,
        string entityType,
        string? entityId,
        string changes,
        string? traceId)
    {
        OccurredAt = occurredAt;
        ActorId = actorId;
        ActorName = actorName;
        ActorRole = actorRole;
        CountyId = countyId;
        Action = action;
        EntityType = entityType;
        EntityId = entityId;
        Changes = changes;
        TraceId = traceId;
    }

    public long Id { get; private set; }

    /// <summary>Position in the hash chain, assigned by the sealer; null until the row is sealed.</summary>
    public long? Sequence { get; private set; }

    /// <summary>The writing transaction's id, stamped by the database: the sealer's commit-order key.</summary>
    public long? TransactionId { get; private set; }

    /// <summary>When it happened (UTC).</summary>
    public DateTimeOffset OccurredAt { get; private set; }

    public Guid? ActorId { get; private set; }

    public string? ActorName { get; private set; }

    /// <summary>The actor's roles at the time, comma-separated.</summary>
    public string? ActorRole { get; private set; }

    /// <summary>The actor's county (county officers) at the time.</summary>
    public Guid? CountyId { get; private set; }

    /// <summary>The use case that made the change, e.g. <c>UpdateRegion</c>.</summary>
    public string Action { get; private set; }

    public string EntityType { get; private set; }

    public string? EntityId { get; private set; }

    /// <summary>JSON: changed fields with before/after (sensitive values masked), or a batch summary.</summary>
    public string Changes { get; private set; }

    public string? TraceId { get; private set; }

    /// <summary>The previous sealed row's <see cref="Hash"/> (empty for the first); null until sealed.</summary>
    public byte[]? PreviousHash { get; private set; }

    /// <summary>HMAC-SHA256 of this row's content, sequence and <see cref="PreviousHash"/>; null until sealed.</summary>
    public byte[]? Hash { get; private set; }
}
