using System.Data;
using Npgsql;
using Sunshine.Application.Common.Interfaces;

namespace Sunshine.Infrastructure.Auditing;

/// <summary>
/// Recomputes the keyed hash chain in the application (the key is not in the database), in one snapshot: every
/// sealed row in sequence order must carry the next sequence, point at the previous row's hash and carry the HMAC
/// of its own content; every checkpoint must be signed with the key and match the row at its sequence (so rows
/// removed from the end are noticed); and no unsealed row may sort before sealed ones in commit order (a row slipped
/// in behind the sealer cannot pass for one still waiting). The first broken position is named.
/// </summary>
public sealed class AuditChainVerifier(NpgsqlDataSource dataSource, AuditSealKey key) : IAuditChainVerifier
{
    public async Task<AuditChainVerification> VerifyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        await using (var readOnly = new NpgsqlCommand("SET TRANSACTION READ ONLY", connection, transaction))
        {
            await readOnly.ExecuteNonQueryAsync(cancellationToken);
        }

        var checkpoints = await ReadCheckpointsAsync(connection, transaction, cancellationToken);
        var checkpointSequences = checkpoints.Select(c => c.Checkpoint.Sequence).ToHashSet();
        var hashesAtCheckpoints = new Dictionary<long, (long Id, byte[]? Hash)>();
        Break? first = null;
        void Found(Break found)
        {
            if (first is null || found.Sequence < first.Sequence)
            {
                first = found;
            }
        }

        long checkedRows = 0;
        long expected = 1;
        var previousHash = Array.Empty<byte>();
        AuditRow? last = null;
        await using (var command = new NpgsqlCommand(
            $"SELECT {AuditRow.Columns} FROM audit.audit_entries e WHERE e.sequence IS NOT NULL ORDER BY e.sequence", connection, transaction))
        await using (var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var row = AuditRow.Read(reader);
                var sequence = row.Sequence!.Value;
                checkedRows++;
                if (sequence != expected)
                {
                    Found(new Break(expected, null, AuditChainBreak.RowsMissing));
                }
                else if (!AuditSealKey.Matches(previousHash, row.PreviousHash))
                {
                    Found(new Break(sequence, row.Id, AuditChainBreak.LinkAltered));
                }

                if (!AuditSealKey.Matches(key.SealRow(row, sequence, row.PreviousHash ?? []), row.Hash))
                {
                    Found(new Break(sequence, row.Id, AuditChainBreak.ContentAltered));
                }

                if (checkpointSequences.Contains(sequence))
                {
                    hashesAtCheckpoints[sequence] = (row.Id, row.Hash);
                }

                previousHash = row.Hash ?? [];
                expected = sequence + 1;
                last = row;
            }
        }

        foreach (var (_, checkpoint, genuine) in checkpoints)
        {
            if (!genuine)
            {
                Found(new Break(checkpoint.Sequence, null, AuditChainBreak.CheckpointForged));
            }
            else if (checkpoint.Sequence >= expected)
            {
                // The chain ends before a position the sealer signed for: the rows from the end are gone.
                Found(new Break(expected, null, AuditChainBreak.RowsMissing));
            }
            else if (hashesAtCheckpoints.TryGetValue(checkpoint.Sequence, out var atCheckpoint)
                && !AuditSealKey.Matches(checkpoint.HeadHash, atCheckpoint.Hash))
            {
                Found(new Break(checkpoint.Sequence, atCheckpoint.Id, AuditChainBreak.CheckpointMismatch));
            }
        }

        var (pending, outOfOrder) = await ReadUnsealedAsync(connection, transaction, last, cancellationToken);
        if (outOfOrder is not null)
        {
            Found(outOfOrder);
        }

        await transaction.CommitAsync(cancellationToken);
        var newest = checkpoints.Count == 0 ? null : checkpoints.MaxBy(c => c.Id);
        return new AuditChainVerification(
            first is null,
            checkedRows,
            pending,
            first?.Sequence,
            first?.Id,
            first?.Reason,
            newest is null
                ? null
                : new AuditCheckpointInfo(
                    newest.Checkpoint.Sequence, Convert.ToHexStringLower(newest.Checkpoint.HeadHash), newest.Checkpoint.CreatedAt, newest.Genuine));
    }

    private async Task<List<CheckedCheckpoint>> ReadCheckpointsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var checkpoints = new List<CheckedCheckpoint>();
        await using var command = new NpgsqlCommand(
            "SELECT id, sequence, head_hash, created_at, signature FROM audit.checkpoints ORDER BY id", connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var checkpoint = new AuditCheckpoint(
                reader.GetInt64(1), reader.GetFieldValue<byte[]>(2), reader.GetFieldValue<DateTimeOffset>(3), reader.GetFieldValue<byte[]>(4));
            var genuine = AuditSealKey.Matches(key.SignCheckpoint(checkpoint.Sequence, checkpoint.HeadHash, checkpoint.CreatedAt), checkpoint.Signature);
            checkpoints.Add(new CheckedCheckpoint(reader.GetInt64(0), checkpoint, genuine));
        }

        return checkpoints;
    }

    /// <summary>
    /// Unsealed rows, and the first of them that sorts before the last sealed row: the sealer takes rows in
    /// (transaction id, id) order only once every earlier transaction has ended, so a genuine row still waiting
    /// always sorts after every sealed one.
    /// </summary>
    private static async Task<(long Pending, Break? OutOfOrder)> ReadUnsealedAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, AuditRow? last, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            WITH early AS (
                SELECT u.id, u.xact_id FROM audit.audit_entries u
                WHERE u.sequence IS NULL AND $1 AND (u.xact_id IS NULL OR (u.xact_id, u.id) < ($2, $3))
                ORDER BY u.xact_id NULLS FIRST, u.id LIMIT 1
            )
            SELECT (SELECT count(*) FROM audit.audit_entries WHERE sequence IS NULL),
                   early.id,
                   (SELECT min(s.sequence) FROM audit.audit_entries s
                    WHERE s.sequence IS NOT NULL AND (s.xact_id, s.id) > (coalesce(early.xact_id, -1), early.id))
            FROM (SELECT 1) one LEFT JOIN early ON true
            """,
            connection,
            transaction)
        {
            Parameters =
            {
                new() { Value = last is not null },
                new() { Value = last?.TransactionId ?? -1L },
                new() { Value = last?.Id ?? -1L },
            },
        };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var pending = reader.GetInt64(0);
        if (reader.IsDBNull(1))
        {
            return (pending, null);
        }

        var id = reader.GetInt64(1);
        var before = reader.IsDBNull(2) ? last!.Sequence!.Value : reader.GetInt64(2);
        return (pending, new Break(before, id, AuditChainBreak.UnsealedOutOfOrder));
    }

    private sealed record Break(long Sequence, long? Id, AuditChainBreak Reason);

    private sealed record CheckedCheckpoint(long Id, AuditCheckpoint Checkpoint, bool Genuine);
}
