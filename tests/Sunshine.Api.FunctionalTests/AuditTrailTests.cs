using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Sunshine.Api.FunctionalTests.Infrastructure;
using Sunshine.Domain.AccessControl;
using Sunshine.Infrastructure.Auditing;

namespace Sunshine.Api.FunctionalTests;

public sealed class AuditTrailTests(SunshineApp app)
{
    [Theory]
    [InlineData("UPDATE audit.audit_entries SET action = 'Forged' WHERE sequence = 1")]
    [InlineData("UPDATE audit.audit_entries SET sequence = 999999999, previous_hash = '\\x00', hash = '\\x00' WHERE sequence IS NULL")]
    [InlineData("DELETE FROM audit.audit_entries WHERE sequence = 1")]
    [InlineData("TRUNCATE audit.audit_entries")]
    [InlineData("UPDATE audit.checkpoints SET sequence = 0")]
    [InlineData("DELETE FROM audit.checkpoints")]
    [InlineData("TRUNCATE audit.checkpoints")]
    public async Task The_application_role_cannot_change_or_remove_audit_rows_or_checkpoints(string sql)
    {
        await app.SealAuditTrailAsync(throughId: 1);
        await using var connection = new NpgsqlConnection(app.Database.AppConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);

        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
    }

    [Theory]
    [InlineData("UPDATE audit.audit_entries SET action = 'Forged' WHERE sequence = 1")]
    [InlineData("UPDATE audit.audit_entries SET hash = sha256(hash) WHERE sequence = 1")]
    [InlineData("UPDATE audit.audit_entries SET sequence = NULL, previous_hash = NULL, hash = NULL WHERE sequence = 1")]
    [InlineData("DELETE FROM audit.audit_entries WHERE sequence = 1")]
    [InlineData("TRUNCATE audit.audit_entries")]
    [InlineData("UPDATE audit.checkpoints SET sequence = 0")]
    [InlineData("DELETE FROM audit.checkpoints")]
    [InlineData("TRUNCATE audit.checkpoints")]
    public async Task Even_the_owner_role_cannot_change_or_remove_sealed_rows_or_checkpoints(string sql)
    {
        await app.SealAuditTrailAsync(throughId: 1);
        await using var connection = new NpgsqlConnection(app.Database.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);

        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());

        Assert.Contains("append-only", error.MessageText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sealing_an_unsealed_row_cannot_change_its_content()
    {
        await using var connection = new NpgsqlConnection(app.Database.OwnerConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var insert = new NpgsqlCommand(
            "INSERT INTO audit.audit_entries (occurred_at, action, entity_type, changes) VALUES (now(), 'Probe', 'Test', '{}') RETURNING id",
            connection,
            transaction);
        var id = (long)(await insert.ExecuteScalarAsync())!;
        await using var forge = new NpgsqlCommand(
            "UPDATE audit.audit_entries SET action = 'Forged', sequence = 999999999, previous_hash = '\\x00', hash = '\\x00' WHERE id = $1",
            connection,
            transaction) { Parameters = { new() { Value = id } } };

        var error = await Assert.ThrowsAsync<PostgresException>(() => forge.ExecuteNonQueryAsync());

        Assert.Contains("append-only", error.MessageText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_row_inserted_with_a_seal_is_stored_unsealed_and_stamped_with_its_transaction()
    {
        await using var connection = new NpgsqlConnection(app.Database.AppConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var insert = new NpgsqlCommand(
            """
            INSERT INTO audit.audit_entries (occurred_at, action, entity_type, changes, sequence, previous_hash, hash, xact_id)
            VALUES (now(), 'Forged', 'Test', '{}', 999999999, '\x00', '\x00', 1)
            RETURNING sequence IS NULL AND previous_hash IS NULL AND hash IS NULL, xact_id = pg_current_xact_id()::text::bigint
            """,
            connection,
            transaction);
        await using var reader = await insert.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());

        Assert.True(reader.GetBoolean(0), "the seal columns were not cleared");
        Assert.True(reader.GetBoolean(1), "the row was not stamped with the inserting transaction");
    }

    [Fact]
    public async Task The_application_role_owns_nothing_and_is_not_a_superuser()
    {
        await using var connection = new NpgsqlConnection(app.Database.AppConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT r.rolsuper, (SELECT count(*) FROM pg_class c WHERE c.relowner = r.oid)
            FROM pg_roles r WHERE r.rolname = current_user
            """,
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());

        Assert.False(reader.GetBoolean(0));
        Assert.Equal(0, reader.GetInt64(1));
    }

    [Fact]
    public async Task Auditors_and_city_officers_read_the_trail_filtered_and_others_may_not()
    {
        var (admin, adminAccount) = await app.SignInAsNewAsync(Roles.SystemAdmin);
        await (await admin.PostAsJsonAsync("/api/accounts", new { userName = "audited" + Guid.NewGuid().ToString("N")[..8], displayName = "被审计", email = (string?)null, password = "Good-Passw0rd" }))
            .ShouldBeJsonAsync(HttpStatusCode.Created);
        var (auditor, _) = await app.SignInAsNewAsync(Roles.Auditor);
        var (city, _) = await app.SignInAsNewAsync(Roles.CityOfficer);
        var (county, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, await app.RegionIdAsync("430702"));
        await app.SealAuditTrailAsync();

        var page = await (await auditor.GetAsync($"/api/audit-entries?actorId={adminAccount.Id}&entityType=Account&action=CreateAccount&pageSize=10")).ShouldBeJsonAsync();
        var entry = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal("CreateAccount", entry.GetProperty("action").GetString());
        Assert.Equal(64, entry.GetProperty("hash").GetString()!.Length);
        Assert.True(entry.GetProperty("sequence").GetInt64() > 0);

        Assert.Equal(HttpStatusCode.OK, (await city.GetAsync("/api/audit-entries")).StatusCode);
        await (await county.GetAsync("/api/audit-entries")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.permission_required");
        await (await admin.GetAsync("/api/audit-entries")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.permission_required");
        await (await county.GetAsync("/api/audit-entries/verification")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.permission_required");

        var future = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(1).ToString("O"));
        var empty = await (await auditor.GetAsync($"/api/audit-entries?from={future}")).ShouldBeJsonAsync();
        Assert.Equal(0, empty.GetProperty("totalCount").GetInt32());
        var inverted = await auditor.GetAsync($"/api/audit-entries?from={future}&to=2020-01-01T00:00:00Z");
        await inverted.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
    }

    [Fact]
    public async Task The_keyed_chain_of_a_working_system_verifies_up_to_a_signed_checkpoint()
    {
        var (auditor, _) = await app.SignInAsNewAsync(Roles.Auditor);
        var sealing = await app.SealAuditTrailAsync();

        var result = await (await auditor.GetAsync("/api/audit-entries/verification")).ShouldBeJsonAsync();

        Assert.True(result.GetProperty("isIntact").GetBoolean(), result.ToString());
        Assert.True(result.GetProperty("entriesChecked").GetInt64() >= sealing.HeadSequence, result.ToString());
        Assert.Equal(JsonValueKind.Null, result.GetProperty("firstBrokenSequence").ValueKind);
        Assert.Equal(JsonValueKind.Null, result.GetProperty("brokenReason").ValueKind);
        var checkpoint = result.GetProperty("lastCheckpoint");
        Assert.True(checkpoint.GetProperty("signatureValid").GetBoolean());
        Assert.True(checkpoint.GetProperty("sequence").GetInt64() >= 1);
        Assert.Equal(64, checkpoint.GetProperty("headHash").GetString()!.Length);
    }

    [Fact]
    public void Every_instance_runs_the_background_sealer()
    {
        Assert.Single(app.Services.GetServices<IHostedService>().OfType<AuditSealerWorker>());
    }
}

/// <summary>The sealer on a database of its own: nothing but these tests writes or seals there.</summary>
public sealed class AuditSealerApp : SunshineApp;

public sealed class AuditSealerTests(AuditSealerApp app, ITestOutputHelper output) : IClassFixture<AuditSealerApp>
{
    [Fact]
    public async Task The_background_sealer_seals_new_rows_within_seconds_and_logs_a_signed_checkpoint()
    {
        var id = await InsertRowsAsync(1);

        var sealedAs = await PollAsync(() => SequenceOfAsync(id), TimeSpan.FromSeconds(30));

        var checkpoint = await PollAsync(
            async () =>
            {
                await using var connection = await OpenAsync(app.Database.AdminConnectionString);
                await using var command = new NpgsqlCommand(
                    "SELECT sequence, encode(head_hash, 'hex') FROM audit.checkpoints WHERE sequence >= $1 ORDER BY id LIMIT 1", connection)
                {
                    Parameters = { new() { Value = sealedAs } },
                };
                await using var reader = await command.ExecuteReaderAsync();
                return await reader.ReadAsync() ? (reader.GetInt64(0), reader.GetString(1)) : ((long, string)?)null;
            },
            TimeSpan.FromSeconds(30));

        // The log line follows the commit; the checkpoint's sequence and head hash are in it as properties.
        var logged = await PollAsync(
            () => Task.FromResult(app.Logs.All.Split('\n').Any(line =>
                line.Contains($"AuditSequence={checkpoint.Item1} ", StringComparison.Ordinal)
                && line.Contains(checkpoint.Item2, StringComparison.Ordinal)
                && line.Contains("AuditCheckpointSignature=", StringComparison.Ordinal)) ? true : (bool?)null),
            TimeSpan.FromSeconds(10));
        Assert.True(logged);
    }

    [Fact]
    public async Task Writers_do_not_wait_on_each_other_and_a_row_is_never_sealed_before_an_earlier_transaction_commits()
    {
        await app.SealAuditTrailAsync();
        var sealer = app.Services.GetRequiredService<AuditSealer>();

        // The first writer starts first (smaller transaction id) and stays open.
        await using var first = await OpenAsync(app.Database.AppConnectionString);
        await using var firstTransaction = await first.BeginTransactionAsync();
        var firstId = await InsertAsync(first, firstTransaction);

        // A second writer neither waits for the first nor gets sealed ahead of it.
        await using (var second = await OpenAsync(app.Database.AppConnectionString))
        {
            await using var timeout = new NpgsqlCommand("SET lock_timeout = '2s'", second);
            await timeout.ExecuteNonQueryAsync();
            var secondId = await InsertAsync(second, null);
            await sealer.SealAsync(waitForOtherSealer: true, CancellationToken.None);
            Assert.Null(await SequenceOfAsync(secondId));

            await firstTransaction.CommitAsync();
            await app.SealAuditTrailAsync(secondId);
            var firstSequence = await SequenceOfAsync(firstId);
            var secondSequence = await SequenceOfAsync(secondId);
            Assert.True(firstSequence < secondSequence, $"first {firstSequence}, second {secondSequence}");
        }
    }

    [Fact]
    public async Task While_one_sealer_holds_the_lock_no_other_seals()
    {
        await using var holder = await OpenAsync(app.Database.AdminConnectionString);
        await using var holding = await holder.BeginTransactionAsync();
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", holder, holding) { Parameters = { new() { Value = AuditSealer.LockKey } } })
        {
            await take.ExecuteNonQueryAsync();
        }

        var id = await InsertRowsAsync(1);
        var skipped = await app.Services.GetRequiredService<AuditSealer>().SealAsync(waitForOtherSealer: false, CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(3)); // three turns of the background sealer

        Assert.False(skipped.Ran);
        Assert.Null(await SequenceOfAsync(id));

        await holding.CommitAsync();
        await app.SealAuditTrailAsync(id);
        Assert.NotNull(await SequenceOfAsync(id));
    }

    [Fact]
    public async Task Concurrent_writers_and_concurrent_sealers_make_one_unbroken_chain()
    {
        const int Writers = 8;
        const int RowsPerWriter = 150;
        var sealer = app.Services.GetRequiredService<AuditSealer>();
        using var writing = new CancellationTokenSource();
        var sealerRuns = 0;
        var sealers = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            while (!writing.IsCancellationRequested)
            {
                if ((await sealer.SealAsync(waitForOtherSealer: false, CancellationToken.None)).Ran)
                {
                    Interlocked.Increment(ref sealerRuns);
                }
            }
        })).ToList();

        var writers = Enumerable.Range(0, Writers).Select(_ => Task.Run(async () =>
        {
            await using var connection = await OpenAsync(app.Database.AppConnectionString);
            for (var i = 0; i < RowsPerWriter; i++)
            {
                await InsertAsync(connection, null);
            }
        })).ToList();
        await Task.WhenAll(writers);
        await writing.CancelAsync();
        await Task.WhenAll(sealers); // a sealer that raced another would have thrown here
        await app.SealAuditTrailAsync();

        var (auditor, _) = await app.SignInAsNewAsync(Roles.Auditor);
        await app.SealAuditTrailAsync();
        var result = await (await auditor.GetAsync("/api/audit-entries/verification")).ShouldBeJsonAsync();
        Assert.True(result.GetProperty("isIntact").GetBoolean(), result.ToString());
        Assert.True(sealerRuns > 0);

        await using var connection = await OpenAsync(app.Database.AdminConnectionString);
        await using var command = new NpgsqlCommand(
            """
            SELECT count(*), count(sequence), min(sequence), max(sequence),
                   bool_and(ordered)
            FROM (SELECT sequence, (xact_id, id) > lag((xact_id, id)) OVER (ORDER BY sequence) IS NOT FALSE AS ordered
                  FROM audit.audit_entries) rows
            """,
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        var rows = reader.GetInt64(0);
        Assert.True(rows >= Writers * RowsPerWriter);
        Assert.Equal(rows, reader.GetInt64(1));
        Assert.Equal(1, reader.GetInt64(2));
        Assert.Equal(rows, reader.GetInt64(3));
        Assert.True(reader.GetBoolean(4), "the chain is not in (transaction, id) order");
        Assert.Equal(rows, result.GetProperty("entriesChecked").GetInt64());
    }

    [Fact]
    public async Task The_sealer_keeps_up_with_a_burst()
    {
        const int Burst = 20_000;
        await app.SealAuditTrailAsync();
        await using (var connection = await OpenAsync(app.Database.AppConnectionString))
        await using (var burst = new NpgsqlCommand(
            "INSERT INTO audit.audit_entries (occurred_at, action, entity_type, entity_id, changes) " +
            "SELECT now(), 'Burst', 'Test', g::text, jsonb_build_object('n', g) FROM generate_series(1, $1) g",
            connection) { Parameters = { new() { Value = Burst } } })
        {
            await burst.ExecuteNonQueryAsync();
        }

        var watch = Stopwatch.StartNew();
        await app.SealAuditTrailAsync();
        watch.Stop();

        var (auditor, _) = await app.SignInAsNewAsync(Roles.Auditor);
        var verifyWatch = Stopwatch.StartNew();
        var result = await (await auditor.GetAsync("/api/audit-entries/verification")).ShouldBeJsonAsync();
        verifyWatch.Stop();
        Assert.True(result.GetProperty("isIntact").GetBoolean(), result.ToString());
        output.WriteLine(
            $"sealed {Burst} rows in {watch.ElapsedMilliseconds} ms ({Burst / watch.Elapsed.TotalSeconds:F0} rows/s); " +
            $"verified {result.GetProperty("entriesChecked").GetInt64()} rows in {verifyWatch.ElapsedMilliseconds} ms");
    }

    private async Task<long> InsertRowsAsync(int count)
    {
        await using var connection = await OpenAsync(app.Database.AppConnectionString);
        long id = 0;
        for (var i = 0; i < count; i++)
        {
            id = await InsertAsync(connection, null);
        }

        return id;
    }

    private static async Task<long> InsertAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction)
    {
        await using var insert = new NpgsqlCommand(
            "INSERT INTO audit.audit_entries (occurred_at, action, entity_type, changes) VALUES (now(), 'SealerTest', 'Test', '{\"probe\": true}') RETURNING id",
            connection,
            transaction);
        return (long)(await insert.ExecuteScalarAsync())!;
    }

    private async Task<long?> SequenceOfAsync(long id)
    {
        await using var connection = await OpenAsync(app.Database.AdminConnectionString);
        await using var command = new NpgsqlCommand("SELECT sequence FROM audit.audit_entries WHERE id = $1", connection)
        {
            Parameters = { new() { Value = id } },
        };
        return await command.ExecuteScalarAsync() is long sequence ? sequence : null;
    }

    private static async Task<NpgsqlConnection> OpenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<T> PollAsync<T>(Func<Task<T?>> probe, TimeSpan timeout)
        where T : struct
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(200);
        }
    }
}

/// <summary>
/// Tampering as the PostgreSQL superuser (triggers bypassed), each case on a database of its own: the verifier names
/// the first broken position. The sealer's lock is held while tampering, so the background sealer cannot interleave.
/// </summary>
public sealed class AuditTamperingTests : IAsyncLifetime
{
    private readonly SunshineApp _app = new();

    public ValueTask InitializeAsync() => _app.InitializeAsync();

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    public static TheoryData<string, string, string> Tamperings => new()
    {
        {
            "edit a sealed row",
            "UPDATE audit.audit_entries SET changes = '{\"forged\": true}' WHERE sequence = 3 RETURNING sequence, id",
            "ContentAltered"
        },
        {
            "delete a sealed row",
            "DELETE FROM audit.audit_entries WHERE sequence = 3 RETURNING sequence, NULL::bigint",
            "RowsMissing"
        },
        {
            "insert a forged row with a plausibly computed SHA-256 hash",
            """
            INSERT INTO audit.audit_entries (occurred_at, action, entity_type, entity_id, changes, xact_id, sequence, previous_hash, hash)
            SELECT now(), 'CreateAccount', 'Account', gen_random_uuid()::text, '{}', h.xact_id, h.sequence + 1, h.hash,
                   sha256(h.hash || convert_to(concat_ws(chr(31), h.sequence + 1, 'CreateAccount', 'Account'), 'UTF8'))
            FROM (SELECT * FROM audit.audit_entries WHERE sequence IS NOT NULL ORDER BY sequence DESC LIMIT 1) h
            RETURNING sequence, id
            """,
            "ContentAltered"
        },
        {
            "insert a forged row with a random hash",
            """
            INSERT INTO audit.audit_entries (occurred_at, action, entity_type, changes, xact_id, sequence, previous_hash, hash)
            SELECT now(), 'UpdateRegion', 'Region', '{}', h.xact_id, h.sequence + 1, h.hash, sha256(random()::text::bytea)
            FROM (SELECT * FROM audit.audit_entries WHERE sequence IS NOT NULL ORDER BY sequence DESC LIMIT 1) h
            RETURNING sequence, id
            """,
            "ContentAltered"
        },
        {
            "insert an unsealed row in front of sealed ones",
            """
            WITH target AS (
                SELECT e.sequence, e.xact_id FROM audit.audit_entries e
                WHERE e.sequence > 1 AND e.xact_id > (SELECT p.xact_id FROM audit.audit_entries p WHERE p.sequence = e.sequence - 1)
                ORDER BY e.sequence DESC LIMIT 1)
            INSERT INTO audit.audit_entries (occurred_at, action, entity_type, changes, xact_id)
            SELECT now() - interval '1 day', 'CreateAccount', 'Account', '{}', target.xact_id - 1 FROM target
            RETURNING (SELECT sequence FROM target), id
            """,
            "UnsealedOutOfOrder"
        },
        {
            "delete the tail",
            """
            DELETE FROM audit.audit_entries
            WHERE sequence > (SELECT max(sequence) FROM audit.checkpoints) - 2
            RETURNING sequence, NULL::bigint
            """,
            "RowsMissing"
        },
    };

    [Theory]
    [MemberData(nameof(Tamperings))]
    public async Task Tampering_as_the_superuser_breaks_the_chain_at_that_row(string what, string tampering, string reason)
    {
        var (admin, _) = await _app.SignInAsNewAsync(Roles.SystemAdmin);
        for (var i = 0; i < 4; i++)
        {
            // Separate transactions, so the chain has several transaction boundaries to tamper at.
            await (await admin.PostAsJsonAsync("/api/accounts", new { userName = "tamper" + Guid.NewGuid().ToString("N")[..8], displayName = "篡改", email = (string?)null, password = "Good-Passw0rd" }))
                .ShouldBeJsonAsync(HttpStatusCode.Created);
        }

        var (auditor, _) = await _app.SignInAsNewAsync(Roles.Auditor);
        await _app.SealAuditTrailAsync();
        var before = await (await auditor.GetAsync("/api/audit-entries/verification")).ShouldBeJsonAsync();
        Assert.True(before.GetProperty("isIntact").GetBoolean(), before.ToString());
        Assert.True(before.GetProperty("entriesChecked").GetInt64() >= 6);

        var (expectedSequence, expectedId) = await TamperAsync(tampering);

        var result = await (await auditor.GetAsync("/api/audit-entries/verification")).ShouldBeJsonAsync();
        Assert.False(result.GetProperty("isIntact").GetBoolean(), what);
        Assert.Equal(expectedSequence, result.GetProperty("firstBrokenSequence").GetInt64());
        Assert.Equal(reason, result.GetProperty("brokenReason").GetString());
        if (expectedId is { } id)
        {
            Assert.Equal(id, result.GetProperty("firstBrokenId").GetInt64());
        }
        else
        {
            Assert.Equal(JsonValueKind.Null, result.GetProperty("firstBrokenId").ValueKind);
        }

        // The trail goes on: new rows are sealed after the break and do not paper over it.
        await _app.SignInAsNewAsync(Roles.Auditor);
        await _app.Services.GetRequiredService<AuditSealer>().SealAsync(waitForOtherSealer: true, CancellationToken.None);
        var after = await (await auditor.GetAsync("/api/audit-entries/verification")).ShouldBeJsonAsync();
        Assert.Equal(expectedSequence, after.GetProperty("firstBrokenSequence").GetInt64());
    }

    [Fact]
    public async Task A_checkpoint_not_signed_with_the_key_is_reported()
    {
        var (auditor, _) = await _app.SignInAsNewAsync(Roles.Auditor);
        await _app.SealAuditTrailAsync();

        var (sequence, _) = await TamperAsync(
            """
            INSERT INTO audit.checkpoints (sequence, head_hash, created_at, signature)
            SELECT sequence, hash, now(), sha256(hash) FROM audit.audit_entries WHERE sequence IS NOT NULL ORDER BY sequence DESC LIMIT 1
            RETURNING sequence, NULL::bigint
            """);

        var result = await (await auditor.GetAsync("/api/audit-entries/verification")).ShouldBeJsonAsync();
        Assert.False(result.GetProperty("isIntact").GetBoolean());
        Assert.Equal(sequence, result.GetProperty("firstBrokenSequence").GetInt64());
        Assert.Equal("CheckpointForged", result.GetProperty("brokenReason").GetString());
        Assert.False(result.GetProperty("lastCheckpoint").GetProperty("signatureValid").GetBoolean());
    }

    /// <summary>Runs the tampering as the superuser with triggers off, holding the sealer's lock; returns the first row it hit.</summary>
    private async Task<(long Sequence, long? Id)> TamperAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_app.Database.AdminConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", connection, transaction)
        {
            Parameters = { new() { Value = AuditSealer.LockKey } },
        })
        {
            await take.ExecuteNonQueryAsync();
        }

        await using (var triggersOff = new NpgsqlCommand("SET LOCAL session_replication_role = replica", connection, transaction))
        {
            await triggersOff.ExecuteNonQueryAsync();
        }

        var hits = new List<(long Sequence, long? Id)>();
        await using (var command = new NpgsqlCommand(sql, connection, transaction))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                hits.Add((reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetInt64(1)));
            }
        }

        await transaction.CommitAsync();
        Assert.NotEmpty(hits);
        return hits.MinBy(h => h.Sequence);
    }
}
