using Npgsql;

namespace Sunshine.Api.FunctionalTests.Infrastructure;

/// <summary>A host with a database of its own, so the fuzzer's checksums see no other test's writes.</summary>
public sealed class FuzzSunshineApp : SunshineApp
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private MatrixWorld? _world;

    /// <summary>Both counties and both partners, seeded once for the fuzz tests of this host.</summary>
    public async Task<MatrixWorld> WorldAsync()
    {
        await _gate.WaitAsync();
        try
        {
            return _world ??= await MatrixWorld.SeedAsync(this);
        }
        finally
        {
            _gate.Release();
        }
    }
}

/// <summary>
/// A checksum of every table's content: md5 of all rows as text, in the rows' text order (a total order, so equal
/// contents give equal sums whatever the physical order), per table, read as the superuser.
/// </summary>
public static class FuzzDatabase
{
    /// <summary>
    /// Tables that may change while only refused requests are sent, and why. Everything else must not.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Excluded = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["audit.audit_entries"] = "the audit trail records refused attempts and the background sealer numbers and seals rows",
        ["audit.checkpoints"] = "the sealer signs checkpoints of the chain's head on its own schedule",
        ["public.idempotency_records"] = "a partner write claims its Idempotency-Key before the use case refuses it, then releases it",
    };

    /// <summary>
    /// Columns that may change while only refused requests are sent, and why; the rest of their rows must not.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, (string Column, string Reason)> IgnoredColumns = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["public.staff_sessions"] = ("last_seen_at", "any signed-in request, refused or not, is activity: it moves the session's last-seen time (at most every 10 s)"),
    };

    /// <summary>Also the scheduler's clustered job store (<c>qrtz_*</c>): its instances check in every few seconds.</summary>
    public static bool IsExcluded(string table) => Excluded.ContainsKey(table) || table.StartsWith("public.qrtz_", StringComparison.Ordinal);

    public static async Task<SortedDictionary<string, string>> ChecksumAsync(SunshineApp app)
    {
        var sums = new SortedDictionary<string, string>(StringComparer.Ordinal);
        await using var connection = new NpgsqlConnection(app.Database.AdminConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            """
            SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname)
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_%'
            ORDER BY 1
            """, connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        foreach (var table in tables)
        {
            var row = IgnoredColumns.TryGetValue(table, out var ignored) ? $"(to_jsonb(t) - '{ignored.Column}')::text" : "t::text";
            await using var sum = new NpgsqlCommand(
                $"SELECT count(*) || ':' || md5(coalesce(string_agg({row}, E'\\n' ORDER BY {row}), '')) FROM {table} t", connection);
            sums[table] = (string)(await sum.ExecuteScalarAsync())!;
        }

        return sums;
    }

    /// <summary>Waits until two checksums a second apart agree (background work such as imports has finished).</summary>
    public static async Task<SortedDictionary<string, string>> SettledChecksumAsync(SunshineApp app)
    {
        var previous = await ChecksumAsync(app);
        for (var attempt = 0; attempt < 30; attempt++)
        {
            await Task.Delay(1_000);
            var current = await ChecksumAsync(app);
            if (Differing(previous, current).Count == 0)
            {
                return current;
            }

            previous = current;
        }

        throw new TimeoutException("The database kept changing for 30 s with no request being sent: " + string.Join(", ", Differing(previous, await ChecksumAsync(app))));
    }

    /// <summary>Tables (not excluded) whose checksum differs.</summary>
    public static List<string> Differing(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        before.Keys.Union(after.Keys).Where(t => !IsExcluded(t) && before.GetValueOrDefault(t) != after.GetValueOrDefault(t)).Order(StringComparer.Ordinal).ToList();
}
