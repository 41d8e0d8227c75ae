using Npgsql;

namespace Sunshine.Infrastructure.Auditing;

/// <summary>An audit row as the sealer and the verifier read it: both hash exactly these values.</summary>
internal sealed record AuditRow(
    long Id,
    long? TransactionId,
    long? Sequence,
    byte[]? PreviousHash,
    byte[]? Hash,
    long OccurredAtTicks,
    Guid? ActorId,
    string? ActorName,
    string? ActorRole,
    Guid? CountyId,
    string Action,
    string EntityType,
    string? EntityId,
    string Changes,
    string? TraceId)
{
    /// <summary>The columns <see cref="Read"/> expects, in order (<c>changes</c> as PostgreSQL's canonical jsonb text).</summary>
    public const string Columns =
        "e.id, e.xact_id, e.sequence, e.previous_hash, e.hash, e.occurred_at, e.actor_id, e.actor_name, e.actor_role, " +
        "e.county_id, e.action, e.entity_type, e.entity_id, e.changes::text, e.trace_id";

    public static AuditRow Read(NpgsqlDataReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        T? Nullable<T>(int ordinal) where T : struct => reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<T>(ordinal);
        string? Text(int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
        byte[]? Bytes(int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<byte[]>(ordinal);
        return new AuditRow(
            reader.GetInt64(0),
            Nullable<long>(1),
            Nullable<long>(2),
            Bytes(3),
            Bytes(4),
            reader.GetFieldValue<DateTime>(5).Ticks,
            Nullable<Guid>(6),
            Text(7),
            Text(8),
            Nullable<Guid>(9),
            reader.GetString(10),
            reader.GetString(11),
            Text(12),
            reader.GetString(13),
            Text(14));
    }
}
