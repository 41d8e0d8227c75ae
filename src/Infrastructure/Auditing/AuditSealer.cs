using System.Data;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Sunshine.Infrastructure.Auditing;

/// <summary>What one sealing run did.</summary>
/// <param name="Ran">False when another sealer held the lock and this run did nothing.</param>
/// <param name="Sealed">Rows chained by this run.</param>
/// <param name="HeadSequence">The chain's head after the run.</param>
/// <param name="Checkpoint">The checkpoint this run signed, if one was due.</param>
public sealed record AuditSealResult(bool Ran, int Sealed, long? HeadSequence, AuditCheckpoint? Checkpoint);

/// <summary>
/// Chains committed, unsealed audit rows in commit order with HMAC-SHA256 and signs checkpoints (ADR 0014).
/// One sealer at a time across every instance: each batch runs in a transaction holding a PostgreSQL advisory
/// lock. A row is sealed only when its transaction is older than every transaction still running (the snapshot's
/// xmin), so no row that commits later can ever belong in front of a sealed one; rows are taken in
/// (transaction id, id) order, which is then fixed forever.
/// </summary>
public sealed partial class AuditSealer(
    NpgsqlDataSource dataSource,
    AuditSealKey key,
    IOptions<AuditTrailOptions> options,
    TimeProvider clock,
    ILogger<AuditSealer> logger)
{
    /// <summary>The advisory lock key of the sealer ("SUNSEAL" in ASCII).</summary>
    public const long LockKey = 0x53554E5345414C;

    private const int CheckpointsConsidered = 100;

    /// <summary>
    /// Seals everything that may be sealed now, in batches, and writes a checkpoint when one is due. With
    /// <paramref name="waitForOtherSealer"/> false (the background service) a run that finds another sealer at
    /// work returns at once; true waits for it (tests, tools).
    /// </summary>
    public async Task<AuditSealResult> SealAsync(bool waitForOtherSealer, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var batchSize = Math.Max(1, settings.BatchSize);
        var total = 0;
        while (true)
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
            if (!await LockAsync(connection, transaction, waitForOtherSealer, cancellationToken))
            {
                return new AuditSealResult(false, total, null, null);
            }

            var head = await ReadHeadAsync(connection, transaction, cancellationToken);
            var checkpoint = await ReadLastValidCheckpointAsync(connection, transaction, cancellationToken);
            var pending = await ReadPendingAsync(connection, transaction, head, batchSize, cancellationToken);

            // Rows missing from the end (deleted behind a signed checkpoint): keep counting after the checkpoint, so
            // the gap stays visible to the verifier instead of being filled by new rows.
            var nextSequence = (head?.Sequence ?? 0) + 1;
            var previousHash = head?.Hash ?? [];
            if (checkpoint is not null && checkpoint.Sequence >= nextSequence)
            {
                LogRowsMissing(logger, nextSequence, checkpoint.Sequence);
                nextSequence = checkpoint.Sequence + 1;
                previousHash = checkpoint.HeadHash;
            }

            if (pending.Count > 0)
            {
                var ids = new long[pending.Count];
                var previousHashes = new byte[pending.Count][];
                var hashes = new byte[pending.Count][];
                for (var i = 0; i < pending.Count; i++)
                {
                    ids[i] = pending[i].Id;
                    previousHashes[i] = previousHash;
                    hashes[i] = key.SealRow(pending[i], nextSequence + i, previousHash);
                    previousHash = hashes[i];
                }

                await using var seal = new NpgsqlCommand("SELECT audit.seal_entries($1, $2, $3, $4)", connection, transaction)
                {
                    Parameters =
                    {
                        new() { Value = nextSequence },
                        new() { Value = ids },
                        new() { Value = previousHashes, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea },
                        new() { Value = hashes, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea },
                    },
                };
                await seal.ExecuteScalarAsync(cancellationToken);
                var last = pending[^1];
                head = new ChainHead(nextSequence + pending.Count - 1, hashes[^1], last.TransactionId, last.Id);
                total += pending.Count;
            }

            var done = pending.Count < batchSize;
            AuditCheckpoint? written = null;
            if (done && head is not null && IsCheckpointDue(head, checkpoint, settings.CheckpointInterval))
            {
                written = await WriteCheckpointAsync(connection, transaction, head, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            if (pending.Count > 0)
            {
                LogSealed(logger, pending.Count, head!.Sequence);
            }

            if (written is not null)
            {
                LogCheckpoint(written);
            }

            if (done)
            {
                return new AuditSealResult(true, total, head?.Sequence, written);
            }
        }
    }

    private static async Task<bool> LockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, bool wait, CancellationToken cancellationToken)
    {
        // Transaction-scoped, so it is released by commit, rollback or a dropped connection, never left on a pooled one.
        await using var command = new NpgsqlCommand(
            wait ? "SELECT pg_advisory_xact_lock($1), true" : "SELECT pg_try_advisory_xact_lock($1)", connection, transaction)
        {
            Parameters = { new() { Value = LockKey } },
        };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return reader.GetBoolean(reader.FieldCount - 1);
    }

    private static async Task<ChainHead?> ReadHeadAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT sequence, hash, xact_id, id FROM audit.audit_entries WHERE sequence IS NOT NULL ORDER BY sequence DESC LIMIT 1",
            connection,
            transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new ChainHead(
            reader.GetInt64(0),
            reader.IsDBNull(1) ? [] : reader.GetFieldValue<byte[]>(1),
            reader.IsDBNull(2) ? null : reader.GetInt64(2),
            reader.GetInt64(3));
    }

    /// <summary>The newest checkpoint with a valid signature (forged ones are ignored here and reported by the verifier).</summary>
    private async Task<AuditCheckpoint?> ReadLastValidCheckpointAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT sequence, head_hash, created_at, signature FROM audit.checkpoints ORDER BY id DESC LIMIT $1", connection, transaction)
        {
            Parameters = { new() { Value = CheckpointsConsidered } },
        };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var checkpoint = new AuditCheckpoint(
                reader.GetInt64(0), reader.GetFieldValue<byte[]>(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetFieldValue<byte[]>(3));
            if (IsGenuine(checkpoint))
            {
                return checkpoint;
            }
        }

        return null;
    }

    internal bool IsGenuine(AuditCheckpoint checkpoint) =>
        AuditSealKey.Matches(key.SignCheckpoint(checkpoint.Sequence, checkpoint.HeadHash, checkpoint.CreatedAt), checkpoint.Signature);

    private static async Task<List<AuditRow>> ReadPendingAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, ChainHead? head, int batchSize, CancellationToken cancellationToken)
    {
        // One statement, one snapshot: every transaction below its xmin has ended, so each of their rows is visible
        // now, and any row still to come belongs to a transaction at or above it and sorts after these.
        await using var command = new NpgsqlCommand(
            $"""
            WITH horizon AS MATERIALIZED (SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS xmin)
            SELECT {AuditRow.Columns}
            FROM audit.audit_entries e, horizon h
            WHERE e.sequence IS NULL AND e.xact_id < h.xmin AND (e.xact_id, e.id) > ($1, $2)
            ORDER BY e.xact_id, e.id
            LIMIT $3
            """,
            connection,
            transaction)
        {
            Parameters =
            {
                new() { Value = head?.TransactionId ?? -1L },
                new() { Value = head?.Id ?? -1L },
                new() { Value = batchSize },
            },
        };
        var rows = new List<AuditRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(AuditRow.Read(reader));
        }

        return rows;
    }

    private bool IsCheckpointDue(ChainHead head, AuditCheckpoint? last, TimeSpan interval) =>
        last is null || (head.Sequence > last.Sequence && clock.GetUtcNow() - last.CreatedAt >= interval);

    private async Task<AuditCheckpoint> WriteCheckpointAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, ChainHead head, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUniversalTime();
        var createdAt = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % 10), TimeSpan.Zero);
        var checkpoint = new AuditCheckpoint(head.Sequence, head.Hash, createdAt, key.SignCheckpoint(head.Sequence, head.Hash, createdAt));
        await using var command = new NpgsqlCommand(
            "INSERT INTO audit.checkpoints (sequence, head_hash, created_at, signature) VALUES ($1, $2, $3, $4)", connection, transaction)
        {
            Parameters =
            {
                new() { Value = checkpoint.Sequence },
                new() { Value = checkpoint.HeadHash },
                new() { Value = checkpoint.CreatedAt },
                new() { Value = checkpoint.Signature },
            },
        };
        await command.ExecuteNonQueryAsync(cancellationToken);
        return checkpoint;
    }

    /// <summary>The checkpoint also goes to the structured log, so a copy lives outside the database.</summary>
    private void LogCheckpoint(AuditCheckpoint checkpoint)
    {
        var headHash = Convert.ToHexStringLower(checkpoint.HeadHash);
        var signature = Convert.ToHexStringLower(checkpoint.Signature);
        LogCheckpoint(logger, checkpoint.Sequence, headHash, checkpoint.CreatedAt, signature);
    }

    private sealed record ChainHead(long Sequence, byte[] Hash, long? TransactionId, long Id);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sealed {Count} audit rows; the chain's head is sequence {Sequence}")]
    private static partial void LogSealed(ILogger logger, int count, long sequence);

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit checkpoint: sequence {AuditSequence}, head hash {AuditHeadHash}, at {AuditCheckpointAt:O}, signature {AuditCheckpointSignature}")]
    private static partial void LogCheckpoint(ILogger logger, long auditSequence, string auditHeadHash, DateTimeOffset auditCheckpointAt, string auditCheckpointSignature);

    [LoggerMessage(Level = LogLevel.Error, Message = "Audit rows from sequence {From} to {To} are missing behind a signed checkpoint; sealing continues after it")]
    private static partial void LogRowsMissing(ILogger logger, long from, long to);
}
