using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Sunshine.Application.Sales;
using Sunshine.Domain.Shops;
using Sunshine.Infrastructure.Persistence;

namespace Sunshine.Infrastructure.Sales;

/// <summary>
/// Bulk sales writes in a few set-based statements inside the command's transaction: per-shop
/// advisory locks (so concurrent batches for one shop take turns and nothing is counted twice), one
/// insert of the new periods, and only when some periods existed their current rows read under lock,
/// superseded figures copied to the history and the changed rows replaced; then the roll-ups adjusted
/// by the difference.
/// </summary>
public sealed class SalesWriter(ApplicationDbContext db) : ISalesWriter
{
    public async Task<IReadOnlyList<SalesWriteOutcome>> UpsertAsync(IReadOnlyList<SalesWrite> writes, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writes);
        if (writes.Count == 0)
        {
            return [];
        }

        if (writes.Select(w => (w.ShopId, w.Period.Start)).Distinct().Count() != writes.Count)
        {
            throw new ArgumentException("A shop and period may appear only once among the writes.", nameof(writes));
        }

        var connection = await OpenAsync(cancellationToken);
        await LockShopsAsync(connection, writes.Select(w => w.ShopId).Distinct().Order().ToArray(), cancellationToken);

        // Most writes are new periods: all are inserted at once, those whose period exists are skipped. Only
        // when some existed are the rows read back (the shops' locks keep them as they are), to tell the new
        // ones (our ids) from the old ones, whose figures are compared and, when they change, kept in the history.
        var fresh = writes.Select(w => (Id: Guid.CreateVersion7(), Write: w)).ToList();
        var inserted = await WriteRecordsAsync(connection, fresh, at, replaceExisting: false, cancellationToken);
        var existing = inserted == writes.Count ? [] : await ReadExistingAsync(connection, writes, cancellationToken);

        var outcomes = new SalesWriteOutcome[writes.Count];
        var updates = new List<(Guid Id, SalesWrite Write)>();
        var superseded = new List<(Existing Old, SalesWrite Write)>();
        var shopDeltas = new Dictionary<(Guid Shop, DateOnly Month), Delta>();
        var countyDeltas = new Dictionary<(Guid County, DateOnly Month), Delta>();
        var yearDeltas = new Dictionary<(Guid Shop, int Year), Delta>();
        for (var i = 0; i < writes.Count; i++)
        {
            var write = writes[i];
            var figures = write.Figures;
            var counted = write.Source == RecordSource.Partner ? figures.Net : 0m;
            if (!existing.TryGetValue((write.ShopId, write.Period.Start), out var old) || old.Id == fresh[i].Id)
            {
                outcomes[i] = SalesWriteOutcome.Created;
                Add(write, new Delta(figures.OrderCount, figures.Units, figures.Gross.Yuan, figures.Refunds.Yuan, figures.Net, counted));
                continue;
            }

            if (old.OrderCount == figures.OrderCount && old.Units == figures.Units && old.Gross == figures.Gross.Yuan
                && old.Refunds == figures.Refunds.Yuan && old.Source == write.Source.ToString())
            {
                outcomes[i] = SalesWriteOutcome.Unchanged;
                continue;
            }

            outcomes[i] = SalesWriteOutcome.Updated;
            updates.Add((old.Id, write));
            superseded.Add((old, write));
            var oldCounted = old.Source == nameof(RecordSource.Partner) || old.ConfirmedById is not null ? old.Gross - old.Refunds : 0m;
            Add(write, new Delta(
                figures.OrderCount - old.OrderCount,
                figures.Units - old.Units,
                figures.Gross.Yuan - old.Gross,
                figures.Refunds.Yuan - old.Refunds,
                figures.Net - (old.Gross - old.Refunds),
                counted - oldCounted));
        }

        await InsertHistoryAsync(connection, superseded, at, cancellationToken);
        await WriteRecordsAsync(connection, updates, at, replaceExisting: true, cancellationToken);
        await AdjustShopMonthsAsync(connection, shopDeltas, writes, cancellationToken);
        await AdjustCountyMonthsAsync(connection, countyDeltas, cancellationToken);
        await AdjustOwnerYearsAsync(connection, yearDeltas, cancellationToken);
        return outcomes;

        void Add(SalesWrite write, Delta delta)
        {
            var shopKey = (write.ShopId, write.Period.Month);
            shopDeltas[shopKey] = shopDeltas.TryGetValue(shopKey, out var s) ? s + delta : delta;
            var countyKey = (write.CountyId, write.Period.Month);
            countyDeltas[countyKey] = countyDeltas.TryGetValue(countyKey, out var c) ? c + delta : delta;
            var yearKey = (write.ShopId, write.Period.Month.Year);
            yearDeltas[yearKey] = yearDeltas.TryGetValue(yearKey, out var y) ? y + delta : delta;
        }
    }

    public async Task LockShopsAsync(IReadOnlyCollection<Guid> shopIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shopIds);
        await LockShopsAsync(await OpenAsync(cancellationToken), shopIds.Distinct().ToArray(), cancellationToken);
    }

    public async Task CountConfirmedAsync(Guid shopId, Guid countyId, DateOnly month, decimal net, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection,
            """
            UPDATE shop_month_sales SET counted_net = counted_net + @net WHERE shop_id = @shop AND month = @month;
            UPDATE county_month_sales SET counted_net = counted_net + @net WHERE county_id = @county AND month = @month;
            UPDATE owner_year_sales SET counted_net = counted_net + @net
            WHERE owner_id = (SELECT coalesce(owner_person_id, owner_enterprise_id) FROM shops WHERE id = @shop) AND year = @year;
            """);
        command.Parameters.AddWithValue("net", net);
        command.Parameters.AddWithValue("shop", shopId);
        command.Parameters.AddWithValue("county", countyId);
        command.Parameters.AddWithValue("month", month);
        command.Parameters.AddWithValue("year", month.Year);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        return (NpgsqlConnection)db.Database.GetDbConnection();
    }

    private NpgsqlCommand Command(NpgsqlConnection connection, string sql) =>
        new(sql, connection, (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction());

    private async Task LockShopsAsync(NpgsqlConnection connection, Guid[] shops, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, "SELECT count(pg_advisory_xact_lock(k)) FROM unnest(@keys) AS k");
        command.Parameters.AddWithValue("keys", shops.Select(LockKey).Order().ToArray());
        await command.ExecuteScalarAsync(cancellationToken);
    }

    /// <summary>The advisory lock of a shop: its id folded to 64 bits (collisions only make two shops take turns).</summary>
    public static long LockKey(Guid shop)
    {
        Span<byte> bytes = stackalloc byte[16];
        shop.TryWriteBytes(bytes);
        return BitConverter.ToInt64(bytes[..8]) ^ BitConverter.ToInt64(bytes[8..]);
    }

    private async Task<Dictionary<(Guid, DateOnly), Existing>> ReadExistingAsync(NpgsqlConnection connection, IReadOnlyList<SalesWrite> writes, CancellationToken cancellationToken)
    {
        await using var command = Command(connection,
            """
            SELECT s.id, s.shop_id, s.period_start, s.order_count, s.units, s.gross, s.refunds, s.source, s.entered_by_id, s.confirmed_by_id, s.recorded_at
            FROM sales_records s
            JOIN unnest(@shops, @starts) AS k(shop_id, period_start) ON s.shop_id = k.shop_id AND s.period_start = k.period_start
            """);
        command.Parameters.AddWithValue("shops", writes.Select(w => w.ShopId).ToArray());
        command.Parameters.AddWithValue("starts", writes.Select(w => w.Period.Start).ToArray());
        var result = new Dictionary<(Guid, DateOnly), Existing>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new Existing(
                reader.GetGuid(0), reader.GetGuid(1), reader.GetFieldValue<DateOnly>(2), reader.GetInt32(3), reader.GetInt32(4), reader.GetDecimal(5),
                reader.GetDecimal(6), reader.GetString(7), reader.IsDBNull(8) ? null : reader.GetGuid(8), reader.IsDBNull(9) ? null : reader.GetGuid(9),
                reader.GetFieldValue<DateTimeOffset>(10));
            result[(row.ShopId, row.PeriodStart)] = row;
        }

        return result;
    }

    private async Task InsertHistoryAsync(NpgsqlConnection connection, List<(Existing Old, SalesWrite Write)> superseded, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (superseded.Count == 0)
        {
            return;
        }

        await using var command = Command(connection,
            """
            INSERT INTO sales_history (id, sales_record_id, shop_id, period_start, order_count, units, gross, refunds, source, entered_by_id, confirmed_by_id, recorded_at, superseded_at)
            SELECT * FROM unnest(@ids, @records, @shops, @starts, @orders, @units, @gross, @refunds, @sources, @entered, @confirmed, @recorded, @superseded)
            """);
        var olds = superseded.Select(s => s.Old).ToList();
        command.Parameters.AddWithValue("ids", olds.Select(_ => Guid.CreateVersion7()).ToArray());
        command.Parameters.AddWithValue("records", olds.Select(o => o.Id).ToArray());
        command.Parameters.AddWithValue("shops", olds.Select(o => o.ShopId).ToArray());
        command.Parameters.AddWithValue("starts", olds.Select(o => o.PeriodStart).ToArray());
        command.Parameters.AddWithValue("orders", olds.Select(o => o.OrderCount).ToArray());
        command.Parameters.AddWithValue("units", olds.Select(o => o.Units).ToArray());
        command.Parameters.AddWithValue("gross", olds.Select(o => o.Gross).ToArray());
        command.Parameters.AddWithValue("refunds", olds.Select(o => o.Refunds).ToArray());
        command.Parameters.AddWithValue("sources", olds.Select(o => o.Source).ToArray());
        command.Parameters.AddWithValue("entered", olds.Select(o => o.EnteredById).ToArray());
        command.Parameters.AddWithValue("confirmed", olds.Select(o => o.ConfirmedById).ToArray());
        command.Parameters.AddWithValue("recorded", olds.Select(o => o.RecordedAt).ToArray());
        command.Parameters.AddWithValue("superseded", olds.Select(_ => at).ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Inserts the records; an existing (shop, period) is replaced (its new figures, unconfirmed, recorded
    /// now) or, without <paramref name="replaceExisting"/>, left alone. Returns how many rows were written.
    /// </summary>
    private async Task<int> WriteRecordsAsync(
        NpgsqlConnection connection, List<(Guid Id, SalesWrite Write)> upserts, DateTimeOffset at, bool replaceExisting, CancellationToken cancellationToken)
    {
        if (upserts.Count == 0)
        {
            return 0;
        }

        var onConflict = replaceExisting
            ? """
              DO UPDATE SET
                  order_count = EXCLUDED.order_count, units = EXCLUDED.units, gross = EXCLUDED.gross, refunds = EXCLUDED.refunds, net = EXCLUDED.net,
                  source = EXCLUDED.source, entered_by_id = EXCLUDED.entered_by_id, confirmed_by_id = NULL, recorded_at = EXCLUDED.recorded_at
              """
            : "DO NOTHING";
        await using var command = Command(connection,
            $"""
            INSERT INTO sales_records (id, shop_id, county_id, platform_id, period_start, granularity, month, order_count, units, gross, refunds, net,
                                       source, entered_by_id, confirmed_by_id, recorded_at)
            SELECT id, shop_id, county_id, platform_id, period_start, granularity, month, order_count, units, gross, refunds, gross - refunds,
                   source, entered_by_id, NULL, @at
            FROM unnest(@ids, @shops, @counties, @platforms, @starts, @granularities, @months, @orders, @units, @gross, @refunds, @sources, @entered)
                 AS t(id, shop_id, county_id, platform_id, period_start, granularity, month, order_count, units, gross, refunds, source, entered_by_id)
            ON CONFLICT (shop_id, period_start) {onConflict}
            """);
        var w = upserts.Select(u => u.Write).ToList();
        command.Parameters.AddWithValue("ids", upserts.Select(u => u.Id).ToArray());
        command.Parameters.AddWithValue("shops", w.Select(x => x.ShopId).ToArray());
        command.Parameters.AddWithValue("counties", w.Select(x => x.CountyId).ToArray());
        command.Parameters.AddWithValue("platforms", w.Select(x => x.PlatformId).ToArray());
        command.Parameters.AddWithValue("starts", w.Select(x => x.Period.Start).ToArray());
        command.Parameters.AddWithValue("granularities", w.Select(x => x.Period.Granularity.ToString()).ToArray());
        command.Parameters.AddWithValue("months", w.Select(x => x.Period.Month).ToArray());
        command.Parameters.AddWithValue("orders", w.Select(x => x.Figures.OrderCount).ToArray());
        command.Parameters.AddWithValue("units", w.Select(x => x.Figures.Units).ToArray());
        command.Parameters.AddWithValue("gross", w.Select(x => x.Figures.Gross.Yuan).ToArray());
        command.Parameters.AddWithValue("refunds", w.Select(x => x.Figures.Refunds.Yuan).ToArray());
        command.Parameters.AddWithValue("sources", w.Select(x => x.Source.ToString()).ToArray());
        command.Parameters.AddWithValue("entered", w.Select(x => x.EnteredById).ToArray());
        command.Parameters.AddWithValue("at", at);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task AdjustShopMonthsAsync(
        NpgsqlConnection connection, Dictionary<(Guid Shop, DateOnly Month), Delta> deltas, IReadOnlyList<SalesWrite> writes, CancellationToken cancellationToken)
    {
        if (deltas.Count == 0)
        {
            return;
        }

        var shops = writes.GroupBy(w => w.ShopId).ToDictionary(g => g.Key, g => (g.First().CountyId, g.First().PlatformId));
        var keys = deltas.Keys.OrderBy(k => k.Shop).ThenBy(k => k.Month).ToList();
        await using var command = Command(connection,
            """
            INSERT INTO shop_month_sales AS m (shop_id, month, county_id, platform_id, order_count, units, gross, refunds, net, counted_net)
            SELECT * FROM unnest(@shops, @months, @counties, @platforms, @orders, @units, @gross, @refunds, @net, @counted)
            ON CONFLICT (shop_id, month) DO UPDATE SET
                order_count = m.order_count + EXCLUDED.order_count, units = m.units + EXCLUDED.units, gross = m.gross + EXCLUDED.gross,
                refunds = m.refunds + EXCLUDED.refunds, net = m.net + EXCLUDED.net, counted_net = m.counted_net + EXCLUDED.counted_net
            """);
        command.Parameters.AddWithValue("shops", keys.Select(k => k.Shop).ToArray());
        command.Parameters.AddWithValue("months", keys.Select(k => k.Month).ToArray());
        command.Parameters.AddWithValue("counties", keys.Select(k => shops[k.Shop].CountyId).ToArray());
        command.Parameters.AddWithValue("platforms", keys.Select(k => shops[k.Shop].PlatformId).ToArray());
        AddDeltas(command, keys.Select(k => deltas[k]).ToList());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task AdjustCountyMonthsAsync(NpgsqlConnection connection, Dictionary<(Guid County, DateOnly Month), Delta> deltas, CancellationToken cancellationToken)
    {
        if (deltas.Count == 0)
        {
            return;
        }

        var keys = deltas.Keys.OrderBy(k => k.County).ThenBy(k => k.Month).ToList();
        await using var command = Command(connection,
            """
            INSERT INTO county_month_sales AS m (county_id, month, order_count, units, gross, refunds, net, counted_net)
            SELECT * FROM unnest(@counties, @months, @orders, @units, @gross, @refunds, @net, @counted)
            ON CONFLICT (county_id, month) DO UPDATE SET
                order_count = m.order_count + EXCLUDED.order_count, units = m.units + EXCLUDED.units, gross = m.gross + EXCLUDED.gross,
                refunds = m.refunds + EXCLUDED.refunds, net = m.net + EXCLUDED.net, counted_net = m.counted_net + EXCLUDED.counted_net
            """);
        command.Parameters.AddWithValue("counties", keys.Select(k => k.County).ToArray());
        command.Parameters.AddWithValue("months", keys.Select(k => k.Month).ToArray());
        AddDeltas(command, keys.Select(k => deltas[k]).ToList());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The shops' owners' years, summed per owner and taken in key order (concurrent batches lock shared owners' rows in the same order).</summary>
    private async Task AdjustOwnerYearsAsync(NpgsqlConnection connection, Dictionary<(Guid Shop, int Year), Delta> deltas, CancellationToken cancellationToken)
    {
        if (deltas.Count == 0)
        {
            return;
        }

        var keys = deltas.Keys.ToList();
        await using var command = Command(connection,
            """
            INSERT INTO owner_year_sales AS y (owner_id, year, net, counted_net)
            SELECT coalesce(s.owner_person_id, s.owner_enterprise_id), d.year, sum(d.net), sum(d.counted)
            FROM unnest(@shops, @years, @net, @counted) AS d(shop_id, year, net, counted)
            JOIN shops s ON s.id = d.shop_id
            GROUP BY 1, 2
            ORDER BY 1, 2
            ON CONFLICT (owner_id, year) DO UPDATE SET net = y.net + EXCLUDED.net, counted_net = y.counted_net + EXCLUDED.counted_net
            """);
        command.Parameters.AddWithValue("shops", keys.Select(k => k.Shop).ToArray());
        command.Parameters.AddWithValue("years", keys.Select(k => k.Year).ToArray());
        command.Parameters.AddWithValue("net", keys.Select(k => deltas[k].Net).ToArray());
        command.Parameters.AddWithValue("counted", keys.Select(k => deltas[k].Counted).ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddDeltas(NpgsqlCommand command, List<Delta> deltas)
    {
        command.Parameters.AddWithValue("orders", deltas.Select(d => d.Orders).ToArray());
        command.Parameters.AddWithValue("units", deltas.Select(d => d.Units).ToArray());
        command.Parameters.AddWithValue("gross", deltas.Select(d => d.Gross).ToArray());
        command.Parameters.AddWithValue("refunds", deltas.Select(d => d.Refunds).ToArray());
        command.Parameters.AddWithValue("net", deltas.Select(d => d.Net).ToArray());
        command.Parameters.AddWithValue("counted", deltas.Select(d => d.Counted).ToArray());
    }

    private sealed record Existing(
        Guid Id, Guid ShopId, DateOnly PeriodStart, int OrderCount, int Units, decimal Gross, decimal Refunds, string Source,
        Guid? EnteredById, Guid? ConfirmedById, DateTimeOffset RecordedAt);

    private readonly record struct Delta(long Orders, long Units, decimal Gross, decimal Refunds, decimal Net, decimal Counted)
    {
        public static Delta operator +(Delta a, Delta b) =>
            new(a.Orders + b.Orders, a.Units + b.Units, a.Gross + b.Gross, a.Refunds + b.Refunds, a.Net + b.Net, a.Counted + b.Counted);
    }
}
