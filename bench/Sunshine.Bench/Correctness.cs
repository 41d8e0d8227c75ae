using System.Net;
using System.Text.Json;
using Npgsql;

namespace Sunshine.Bench;

/// <summary>One correctness check: what was checked, whether it held, and the figures behind it.</summary>
public sealed record Check(string Name, bool Passed, string Detail);

/// <summary>
/// Checks the database after the headline API run: every record is there with the generated totals, the
/// shop-month and county-month roll-ups equal sums over the records, a batch re-sent with changed
/// figures supersedes the records and puts the old figures in the history, an unchanged re-send writes
/// nothing, and an exact retry with the same key answers the stored response without writing.
/// </summary>
public sealed class Correctness(BenchOptions options, NpgsqlDataSource database, BenchWorld world, SalesData data)
{
    private const string ShopRollupMismatches =
        """
        SELECT count(*) FILTER (WHERE a.shop_id IS NULL OR m.shop_id IS NULL OR a.o <> m.order_count OR a.u <> m.units OR a.g <> m.gross
                                   OR a.r <> m.refunds OR a.n <> m.net OR a.c <> m.counted_net), count(*)
        FROM (SELECT shop_id, month, sum(order_count) o, sum(units) u, sum(gross) g, sum(refunds) r, sum(net) n,
                     sum(CASE WHEN source = 'Partner' OR confirmed_by_id IS NOT NULL THEN net ELSE 0 END) c
              FROM sales_records GROUP BY shop_id, month) a
        FULL JOIN shop_month_sales m ON m.shop_id = a.shop_id AND m.month = a.month
        """;

    private const string CountyRollupMismatches =
        """
        SELECT count(*) FILTER (WHERE a.county_id IS NULL OR m.county_id IS NULL OR a.o <> m.order_count OR a.u <> m.units OR a.g <> m.gross
                                   OR a.r <> m.refunds OR a.n <> m.net OR a.c <> m.counted_net), count(*)
        FROM (SELECT county_id, month, sum(order_count) o, sum(units) u, sum(gross) g, sum(refunds) r, sum(net) n,
                     sum(CASE WHEN source = 'Partner' OR confirmed_by_id IS NOT NULL THEN net ELSE 0 END) c
              FROM sales_records GROUP BY county_id, month) a
        FULL JOIN county_month_sales m ON m.county_id = a.county_id AND m.month = a.month
        """;

    public async Task<IReadOnlyList<Check>> RunAsync(int records, CancellationToken ct)
    {
        var checks = new List<Check>();
        var expected = data.Totals(records / options.BatchSize);
        var (count, orders, units, gross, refunds) = await TotalsAsync(ct);
        checks.Add(new Check("records stored", count == expected.Records,
            $"{count:N0} rows in sales_records, {expected.Records:N0} sent"));
        checks.Add(new Check("figures stored", orders == expected.Orders && units == expected.Units && gross == expected.GrossFen / 100m && refunds == expected.RefundsFen / 100m,
            $"orders {orders:N0}, units {units:N0}, gross ¥{gross:N2}, refunds ¥{refunds:N2} (generated: ¥{expected.GrossFen / 100m:N2}, ¥{expected.RefundsFen / 100m:N2})"));
        checks.AddRange(await RollupChecksAsync("after the run", ct));

        const int batch = 0;
        using var partner = await BenchSetup.ConnectAsync(options.ApiUrl, world.Platforms[data.PlatformOf(batch)].Clients[0], ct);

        // Re-sent with changed figures: every record updated, the old figures kept in the history.
        var historyBefore = await ScalarAsync<long>("SELECT count(*) FROM sales_history", ct);
        var historyGrossBefore = await ScalarAsync<decimal>("SELECT coalesce(sum(gross), 0) FROM sales_history", ct);
        var changed = data.BodyOf(batch, version: 1);
        var key = $"bench-{options.Seed}-resend-{Guid.NewGuid():N}";
        var (status, body, _) = await SendAsync(partner, changed, key, ct);
        var result = JsonDocument.Parse(body).RootElement;
        var historyAfter = await ScalarAsync<long>("SELECT count(*) FROM sales_history", ct);
        var oldGross = data.KeysOf(batch).Where(k => data.FiguresOf(k.Shop, k.Month) != data.FiguresOf(k.Shop, k.Month, 1))
            .Sum(k => data.FiguresOf(k.Shop, k.Month).GrossFen) / 100m;
        var historyGross = await ScalarAsync<decimal>("SELECT coalesce(sum(gross), 0) FROM sales_history", ct) - historyGrossBefore;
        var newGross = data.KeysOf(batch).Sum(k => data.FiguresOf(k.Shop, k.Month, 1).GrossFen) / 100m;
        var storedGross = await BatchGrossAsync(batch, ct);
        var changedCount = data.KeysOf(batch).Count(k => data.FiguresOf(k.Shop, k.Month) != data.FiguresOf(k.Shop, k.Month, 1));
        checks.Add(new Check("changed re-send supersedes",
            status == HttpStatusCode.OK && Count(result, "updated") == changedCount && historyAfter - historyBefore == changedCount
                && historyGross == oldGross && storedGross == newGross && await ScalarAsync<long>("SELECT count(*) FROM sales_records", ct) == count,
            $"{(int)status}, updated {Count(result, "updated")} of {options.BatchSize} ({changedCount} differ); history +{historyAfter - historyBefore} rows holding the old gross ¥{historyGross:N2} (the changed records' sent before: ¥{oldGross:N2}); records now ¥{storedGross:N2} (sent: ¥{newGross:N2})"));
        checks.AddRange(await RollupChecksAsync("after the re-send", ct));

        // Re-sent unchanged under a new key: nothing written.
        var (sameStatus, sameBody, _) = await SendAsync(partner, changed, $"bench-{options.Seed}-same-{Guid.NewGuid():N}", ct);
        var same = JsonDocument.Parse(sameBody).RootElement;
        var historyAfterSame = await ScalarAsync<long>("SELECT count(*) FROM sales_history", ct);
        checks.Add(new Check("unchanged re-send writes nothing",
            sameStatus == HttpStatusCode.OK && Count(same, "unchanged") == options.BatchSize && historyAfterSame == historyAfter,
            $"{(int)sameStatus}, unchanged {Count(same, "unchanged")} of {options.BatchSize}; history +{historyAfterSame - historyAfter} rows"));

        // The exact retry of the changed batch with its key: the stored answer, byte for byte, and no write.
        var before = await SnapshotAsync(ct);
        var (retryStatus, retryBody, replayed) = await SendAsync(partner, changed, key, ct);
        var after = await SnapshotAsync(ct);
        checks.Add(new Check("exact retry replays without writing",
            retryStatus == status && retryBody == body && replayed && before == after,
            $"{(int)retryStatus}, Idempotent-Replayed: {(replayed ? "true" : "absent")}, body {(retryBody == body ? "identical" : "different")} ({body.Length:N0} bytes); " +
            $"records/history/audit rows/last write {before} → {after}"));
        return checks;
    }

    private async Task<IEnumerable<Check>> RollupChecksAsync(string when, CancellationToken ct)
    {
        var (shopBad, shopRows) = await PairAsync(ShopRollupMismatches, ct);
        var (countyBad, countyRows) = await PairAsync(CountyRollupMismatches, ct);
        return
        [
            new Check($"shop-month roll-ups = sums ({when})", shopBad == 0, $"{shopBad:N0} of {shopRows:N0} shop-months differ"),
            new Check($"county-month roll-ups = sums ({when})", countyBad == 0, $"{countyBad:N0} of {countyRows:N0} county-months differ"),
        ];
    }

    private static async Task<(HttpStatusCode Status, string Body, bool Replayed)> SendAsync(HttpClient partner, byte[] body, string key, CancellationToken ct)
    {
        using var response = await BenchSetup.WriteAsync(partner, HttpMethod.Put, IngestScenario.SalesUrl, body, key, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        var replayed = response.Headers.TryGetValues("Idempotent-Replayed", out var values) && values.Contains("true");
        return (response.StatusCode, text, replayed);
    }

    private static int Count(JsonElement result, string name) =>
        result.ValueKind == JsonValueKind.Object && result.TryGetProperty(name, out var v) ? v.GetInt32() : -1;

    private async Task<decimal> BatchGrossAsync(int batch, CancellationToken ct)
    {
        await using var command = database.CreateCommand("SELECT coalesce(sum(gross), 0) FROM sales_records WHERE shop_id = ANY($1) AND period_start = $2");
        command.Parameters.AddWithValue(data.KeysOf(batch).Select(k => data.Shops[k.Shop].Id).ToArray());
        command.Parameters.AddWithValue(SalesData.Month(data.KeysOf(batch).First().Month));
        return (decimal)(await command.ExecuteScalarAsync(ct))!;
    }

    private Task<string> SnapshotAsync(CancellationToken ct) =>
        ScalarAsync<string>(
            """
            SELECT concat_ws('/', (SELECT count(*) FROM sales_records), (SELECT count(*) FROM sales_history), (SELECT count(*) FROM audit.audit_entries),
                   (SELECT to_char(max(recorded_at) AT TIME ZONE 'UTC', 'HH24:MI:SS.US') FROM sales_records))
            """, ct);

    private async Task<(long, long, long, decimal, decimal)> TotalsAsync(CancellationToken ct)
    {
        await using var command = database.CreateCommand("SELECT count(*), coalesce(sum(order_count), 0), coalesce(sum(units), 0), coalesce(sum(gross), 0), coalesce(sum(refunds), 0) FROM sales_records");
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetDecimal(3), reader.GetDecimal(4));
    }

    private async Task<(long, long)> PairAsync(string sql, CancellationToken ct)
    {
        await using var command = database.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private async Task<T> ScalarAsync<T>(string sql, CancellationToken ct)
    {
        await using var command = database.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync(ct))!;
    }
}
