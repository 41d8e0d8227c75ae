using System.Collections.Concurrent;
using Npgsql;
using Sunshine.Infrastructure.Persistence;

namespace Sunshine.Infrastructure.Partners;

/// <summary>What became of an attempt to claim an idempotency key.</summary>
public abstract record IdempotencyClaim
{
    /// <summary>The key is this request's: run it, then complete or release the key.</summary>
    public sealed record Claimed : IdempotencyClaim;

    /// <summary>The key answered this same request before: send the stored answer again.</summary>
    public sealed record Replay(int Status, string? ContentType, byte[] Body, string? Headers) : IdempotencyClaim;

    /// <summary>The key was used with another request.</summary>
    public sealed record Mismatch : IdempotencyClaim;

    /// <summary>A request with the key is running now.</summary>
    public sealed record InProgress : IdempotencyClaim;
}

/// <summary>
/// Idempotency keys of partner writes (table <c>idempotency_records</c>), claimed on their own
/// connection and committed at once so a concurrent request with the same key sees the claim. Keys
/// are kept 24 hours per client. A claim whose request never finished (the process stopped) is taken
/// over after <see cref="AbandonedAfter"/>.
/// <para>
/// When the database goes away between the claim and the request's end, the outcome is kept in memory and
/// written by <see cref="SettlePendingAsync"/> once the database is back: a request that wrote is answered
/// (and its answer replayed to the retry), one that did not gives its key back within seconds of the
/// restart instead of after <see cref="AbandonedAfter"/>.
/// </para>
/// </summary>
public sealed class IdempotencyStore(NpgsqlDataSource dataSource, TimeProvider clock)
{
    /// <summary>Outcomes not yet written, by (client, key); a null answer gives the key back.</summary>
    private readonly ConcurrentDictionary<(Guid ClientId, string Key), PendingAnswer?> _pending = new();

    public const int MaxKeyLength = 100;

    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(2);

    public async Task<IdempotencyClaim> ClaimAsync(Guid clientId, string key, byte[] requestHash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requestHash);
        var now = clock.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var expired = new NpgsqlCommand("DELETE FROM idempotency_records WHERE client_id = @client AND key = @key AND expires_at <= @now", connection))
        {
            expired.Parameters.AddWithValue("client", clientId);
            expired.Parameters.AddWithValue("key", key);
            expired.Parameters.AddWithValue("now", now);
            await expired.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var claim = new NpgsqlCommand(
            """
            INSERT INTO idempotency_records (client_id, key, request_hash, response_status, created_at, expires_at)
            VALUES (@client, @key, @hash, 0, @now, @expires)
            ON CONFLICT (client_id, key) DO NOTHING
            RETURNING true;
            """, connection))
        {
            claim.Parameters.AddWithValue("client", clientId);
            claim.Parameters.AddWithValue("key", key);
            claim.Parameters.AddWithValue("hash", requestHash);
            claim.Parameters.AddWithValue("now", now);
            claim.Parameters.AddWithValue("expires", now + Retention);

            // A row comes back when this request claimed the key.
            if (await claim.ExecuteScalarAsync(cancellationToken) is true)
            {
                return new IdempotencyClaim.Claimed();
            }
        }

        await using var read = new NpgsqlCommand(
            """
            SELECT request_hash, response_status, response_content_type, response_body, response_headers::text, created_at
            FROM idempotency_records WHERE client_id = @client AND key = @key
            """, connection);
        read.Parameters.AddWithValue("client", clientId);
        read.Parameters.AddWithValue("key", key);
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            // The holder released it between our insert and this read: the caller may simply retry.
            return new IdempotencyClaim.InProgress();
        }

        var storedHash = reader.GetFieldValue<byte[]>(0);
        if (!storedHash.AsSpan().SequenceEqual(requestHash))
        {
            return new IdempotencyClaim.Mismatch();
        }

        var status = reader.GetInt32(1);
        if (status != 0)
        {
            return new IdempotencyClaim.Replay(
                status, reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? [] : reader.GetFieldValue<byte[]>(3), reader.IsDBNull(4) ? null : reader.GetString(4));
        }

        var createdAt = reader.GetFieldValue<DateTimeOffset>(5);
        await reader.DisposeAsync();
        return createdAt <= now - AbandonedAfter && await TakeOverAsync(connection, clientId, key, createdAt, now, cancellationToken)
            ? new IdempotencyClaim.Claimed()
            : new IdempotencyClaim.InProgress();
    }

    /// <summary>Outcomes waiting for the database.</summary>
    public int PendingCount => _pending.Count;

    /// <summary>Stores the answer to replay; if the database is out of reach, keeps it for <see cref="SettlePendingAsync"/>.</summary>
    public async Task CompleteAsync(Guid clientId, string key, int status, string? contentType, byte[] body, string? headers, CancellationToken cancellationToken)
    {
        var answer = new PendingAnswer(status, contentType, body, headers);
        try
        {
            await WriteAnswerAsync(clientId, key, answer, cancellationToken);
        }
        catch (Exception e) when (DatabaseFailures.IsUnavailable(e))
        {
            _pending[(clientId, key)] = answer;
        }
    }

    /// <summary>
    /// Gives the key back (the request wrote nothing): the client may fix the request and send it again with the
    /// same key. If the database is out of reach, the key is given back by <see cref="SettlePendingAsync"/>.
    /// </summary>
    public async Task ReleaseAsync(Guid clientId, string key, CancellationToken cancellationToken)
    {
        try
        {
            await DeleteClaimAsync(clientId, key, cancellationToken);
        }
        catch (Exception e) when (DatabaseFailures.IsUnavailable(e))
        {
            _pending[(clientId, key)] = null;
        }
    }

    /// <summary>Writes the outcomes kept while the database was out of reach; returns how many are still waiting.</summary>
    public async Task<int> SettlePendingAsync(CancellationToken cancellationToken)
    {
        foreach (var ((clientId, key), answer) in _pending.ToArray())
        {
            try
            {
                if (answer is null)
                {
                    await DeleteClaimAsync(clientId, key, cancellationToken);
                }
                else
                {
                    await WriteAnswerAsync(clientId, key, answer, cancellationToken);
                }
            }
            catch (Exception e) when (DatabaseFailures.IsUnavailable(e))
            {
                return _pending.Count;
            }

            _pending.TryRemove(new KeyValuePair<(Guid, string), PendingAnswer?>((clientId, key), answer));
        }

        return _pending.Count;
    }

    private async Task WriteAnswerAsync(Guid clientId, string key, PendingAnswer answer, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            UPDATE idempotency_records
            SET response_status = @status, response_content_type = @type, response_body = @body, response_headers = @headers::jsonb
            WHERE client_id = @client AND key = @key
            """, connection);
        command.Parameters.AddWithValue("client", clientId);
        command.Parameters.AddWithValue("key", key);
        command.Parameters.AddWithValue("status", answer.Status);
        command.Parameters.AddWithValue("type", (object?)answer.ContentType ?? DBNull.Value);
        command.Parameters.AddWithValue("body", answer.Body);
        command.Parameters.AddWithValue("headers", (object?)answer.Headers ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task DeleteClaimAsync(Guid clientId, string key, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("DELETE FROM idempotency_records WHERE client_id = @client AND key = @key AND response_status = 0", connection);
        command.Parameters.AddWithValue("client", clientId);
        command.Parameters.AddWithValue("key", key);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Deletes keys older than the retention; returns how many.</summary>
    public async Task<int> PurgeExpiredAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("DELETE FROM idempotency_records WHERE expires_at <= @now", connection);
        command.Parameters.AddWithValue("now", clock.GetUtcNow());
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<bool> TakeOverAsync(NpgsqlConnection connection, Guid clientId, string key, DateTimeOffset createdAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "UPDATE idempotency_records SET created_at = @now WHERE client_id = @client AND key = @key AND response_status = 0 AND created_at = @created", connection);
        command.Parameters.AddWithValue("client", clientId);
        command.Parameters.AddWithValue("key", key);
        command.Parameters.AddWithValue("created", createdAt);
        command.Parameters.AddWithValue("now", now);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private sealed record PendingAnswer(int Status, string? ContentType, byte[] Body, string? Headers);
}
