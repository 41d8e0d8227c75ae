using System.Diagnostics;
using System.Net;
using Npgsql;
using NpgsqlTypes;

namespace Sunshine.Bench;

/// <summary>One timed run: how many records, how long, and the per-request latencies of an API run.</summary>
public sealed record RunResult(string Method, int Concurrency, int Records, double Seconds, IReadOnlyList<double> LatenciesMs, CpuSample Cpu)
{
    public double RowsPerSecond => Records / Seconds;

    /// <summary>CPU milliseconds per 1,000 rows spent by the API, PostgreSQL and the client.</summary>
    public CpuSample CpuMsPerThousand => new(Cpu.Api * 1e6 / Records, Cpu.Postgres * 1e6 / Records, Cpu.Client * 1e6 / Records);
}

/// <summary>
/// Scenario "ingest": the same sales rows written through <c>PUT /api/partner/v1/sales</c> (batches of
/// 1,000 records of one platform's shops, each with its own Idempotency-Key, from 1 to n senders at once,
/// each sending a batch with its client of that batch's platform) and, as the limit, by
/// one binary COPY into the same table with the same indexes and constraints. The sales tables are
/// emptied before every run.
/// </summary>
public sealed class IngestScenario(BenchOptions options, NpgsqlDataSource database, BenchWorld world, SalesData data, CpuMeter cpu)
{
    public const string SalesUrl = "/api/partner/v1/sales";

    private int _runNumber;

    /// <summary>Empties the sales tables and the idempotency keys (not the audit trail: it is append-only).</summary>
    public async Task ClearAsync(CancellationToken ct)
    {
        await using var command = database.CreateCommand(
            "TRUNCATE sales_records, sales_history, shop_month_sales, county_month_sales, idempotency_records");
        await command.ExecuteNonQueryAsync(ct);
        await using var checkpoint = database.CreateCommand("CHECKPOINT");
        await checkpoint.ExecuteNonQueryAsync(ct);
    }

    public async Task<RunResult> RunApiAsync(int records, int concurrency, CancellationToken ct)
    {
        await ClearAsync(ct);
        var run = Interlocked.Increment(ref _runNumber);
        var batches = records / options.BatchSize;
        var bodies = Enumerable.Range(0, batches).Select(b => data.BodyOf(b)).ToArray();
        var platformOf = Enumerable.Range(0, batches).Select(data.PlatformOf).ToArray();

        // Sender i holds client i of every platform (its own token each) and sends each batch with its platform's.
        var senders = new List<HttpClient[]>();
        for (var i = 0; i < concurrency; i++)
        {
            var own = new HttpClient[world.Platforms.Count];
            foreach (var platform in world.Platforms)
            {
                own[platform.Index] = await BenchSetup.ConnectAsync(options.ApiUrl, platform.Clients[i], ct);
            }

            senders.Add(own);
        }

        var latencies = new double[batches];
        var next = -1;
        var cpuBefore = cpu.Sample();
        var clock = Stopwatch.StartNew();
        try
        {
            await Task.WhenAll(senders.Select(clients => Task.Run(async () =>
            {
                int batch;
                while ((batch = Interlocked.Increment(ref next)) < batches)
                {
                    var started = Stopwatch.GetTimestamp();
                    using var response = await BenchSetup.WriteAsync(clients[platformOf[batch]], HttpMethod.Put, SalesUrl, bodies[batch], $"bench-{options.Seed}-{run}-{batch}", ct);
                    var body = await response.Content.ReadAsStringAsync(ct);
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        throw new InvalidOperationException($"Batch {batch} answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 2000)]}");
                    }

                    latencies[batch] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                }
            }, ct)));
        }
        finally
        {
            clock.Stop();
            senders.SelectMany(s => s).ToList().ForEach(c => c.Dispose());
        }

        return new RunResult("API", concurrency, records, clock.Elapsed.TotalSeconds, latencies, cpu.Sample() - cpuBefore);
    }

    /// <summary>
    /// The limit: the same rows (as the API would store them) in one binary COPY. Rows are written
    /// synchronously into Npgsql's buffer (it flushes as it fills): per-field async calls would make the
    /// client, not the server, the bottleneck.
    /// </summary>
    public async Task<RunResult> RunCopyAsync(int records, CancellationToken ct)
    {
        await ClearAsync(ct);
        var batches = records / options.BatchSize;
        await using var connection = await database.OpenConnectionAsync(ct);
        var now = DateTimeOffset.UtcNow;
        var cpuBefore = cpu.Sample();
        var clock = Stopwatch.StartNew();
        await using (var import = await connection.BeginBinaryImportAsync(
            """
            COPY sales_records (id, shop_id, county_id, platform_id, period_start, granularity, month, order_count, units, gross, refunds, net,
                                source, entered_by_id, confirmed_by_id, recorded_at) FROM STDIN (FORMAT BINARY)
            """, ct))
        {
            for (var b = 0; b < batches; b++)
            {
                foreach (var (shopIndex, monthIndex) in data.KeysOf(b))
                {
                    var shop = data.Shops[shopIndex];
                    var month = SalesData.Month(monthIndex);
                    var f = data.FiguresOf(shopIndex, monthIndex);
                    import.StartRow();
                    import.Write(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                    import.Write(shop.Id, NpgsqlDbType.Uuid);
                    import.Write(shop.CountyId, NpgsqlDbType.Uuid);
                    import.Write(shop.PlatformId, NpgsqlDbType.Uuid);
                    import.Write(month, NpgsqlDbType.Date);
                    import.Write("Monthly", NpgsqlDbType.Varchar);
                    import.Write(month, NpgsqlDbType.Date);
                    import.Write(f.Orders, NpgsqlDbType.Integer);
                    import.Write(f.Units, NpgsqlDbType.Integer);
                    import.Write(f.Gross, NpgsqlDbType.Numeric);
                    import.Write(f.Refunds, NpgsqlDbType.Numeric);
                    import.Write(f.Gross - f.Refunds, NpgsqlDbType.Numeric);
                    import.Write("Partner", NpgsqlDbType.Varchar);
                    import.WriteNull();
                    import.WriteNull();
                    import.Write(now, NpgsqlDbType.TimestampTz);
                }
            }

            await import.CompleteAsync(ct);
        }

        clock.Stop();
        return new RunResult("COPY", 1, records, clock.Elapsed.TotalSeconds, [], cpu.Sample() - cpuBefore);
    }
}
