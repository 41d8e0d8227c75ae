using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Npgsql;

namespace Sunshine.Bench;

/// <summary>One timed request or query of the dashboard scenario.</summary>
public sealed record DashboardRun(string Name, double Milliseconds, CpuSample Cpu, int Bytes);

/// <summary>
/// Scenario 3, the city dashboard at programme scale, on the screening scenario's data set: the four calls the
/// SPA's home page makes for a city officer (indicator definitions; every indicator of one year per county; the
/// year's monthly trends; progress against the targets), timed one after another and as the page makes them (at
/// once), against the same sales aggregate computed straight from <c>sales_records</c>.
/// </summary>
public sealed class DashboardScenario(NpgsqlDataSource database, HttpClient officer, CpuMeter cpu, int year)
{
    /// <summary>The dashboard's calls, as the SPA makes them (client/src/pages/statistics).</summary>
    public IReadOnlyList<(string Name, string Url)> Calls { get; } =
    [
        ("indicator definitions", "/api/statistics/indicators"),
        ("indicators of the year", string.Create(CultureInfo.InvariantCulture, $"/api/statistics?period=Year&year={year}")),
        ("monthly trends", string.Create(CultureInfo.InvariantCulture, $"/api/statistics/trends?year={year}")),
        ("target progress", "/api/statistics/progress"),
    ];

    /// <summary>
    /// The limit: the dashboard's sales figures of the year (orders and counted net per county, and per month)
    /// straight from the raw rows. Counted = partner figures, and staff figures once a second officer confirmed them.
    /// </summary>
    public const string RawSql =
        """
        SELECT r.county_id, date_trunc('month', r.period_start)::date AS month,
               sum(r.order_count) AS orders,
               sum(CASE WHEN r.source = 'Partner' OR r.confirmed_by_id IS NOT NULL THEN r.net ELSE 0 END) AS net
        FROM sales_records r
        WHERE r.period_start >= $1 AND r.period_start < $2
        GROUP BY 1, 2
        """;

    public async Task<(DashboardRun Run, JsonDocument Body)> CallAsync(string name, string url, CancellationToken ct)
    {
        var before = cpu.Sample();
        var started = Stopwatch.GetTimestamp();
        using var response = await officer.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, ct);
        var body = await response.Content.ReadAsByteArrayAsync(ct);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var used = cpu.Sample() - before;
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode}: {Encoding.UTF8.GetString(body)[..Math.Min(body.Length, 2000)]}");
        }

        return (new DashboardRun(name, elapsed, used, body.Length), JsonDocument.Parse(body));
    }

    /// <summary>The page as the browser loads it: the four calls at once; the time is until the last answers.</summary>
    public async Task<DashboardRun> PageAsync(CancellationToken ct)
    {
        var before = cpu.Sample();
        var started = Stopwatch.GetTimestamp();
        var results = await Task.WhenAll(Calls.Select(c => CallAsync(c.Name, c.Url, ct)));
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        foreach (var (_, body) in results)
        {
            body.Dispose();
        }

        return new DashboardRun("whole page (4 calls at once)", elapsed, cpu.Sample() - before, results.Sum(r => r.Run.Bytes));
    }

    /// <summary>The raw aggregate: per county and month, orders and counted net of the year.</summary>
    public async Task<(DashboardRun Run, Dictionary<(Guid County, DateOnly Month), (long Orders, decimal Net)> Rows)> RawAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand(RawSql, connection) { CommandTimeout = 0 };
        command.Parameters.AddWithValue(new DateOnly(year, 1, 1));
        command.Parameters.AddWithValue(new DateOnly(year + 1, 1, 1));
        var rows = new Dictionary<(Guid, DateOnly), (long, decimal)>();
        var before = cpu.Sample();
        var started = Stopwatch.GetTimestamp();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                rows[(reader.GetGuid(0), reader.GetFieldValue<DateOnly>(1))] = (reader.GetInt64(2), reader.GetDecimal(3));
            }
        }

        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        return (new DashboardRun("raw SQL (the limit)", elapsed, cpu.Sample() - before, 0), rows);
    }

    /// <summary>Shops opened in the year and active at its end, per county, counted from the shops themselves.</summary>
    public async Task<Dictionary<Guid, (int Opened, int Active)>> ShopsAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand(
            """
            SELECT county_id,
                   count(*) FILTER (WHERE opened_on >= $1 AND opened_on <= $2)::int,
                   count(*) FILTER (WHERE opened_on <= $2 AND (closed_on IS NULL OR closed_on > $2))::int
            FROM shops GROUP BY 1
            """, connection);
        command.Parameters.AddWithValue(new DateOnly(year, 1, 1));
        command.Parameters.AddWithValue(new DateOnly(year, 12, 31));
        var rows = new Dictionary<Guid, (int, int)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows[reader.GetGuid(0)] = (reader.GetInt32(1), reader.GetInt32(2));
        }

        return rows;
    }

    /// <summary>A figure of the indicator table: the total, or one county's.</summary>
    public static decimal Figure(JsonDocument table, string code, Guid? county = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        var row = table.RootElement.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("code").GetString() == code);
        return county is { } c
            ? row.GetProperty("byCounty").EnumerateArray().Where(f => f.GetProperty("countyId").GetGuid() == c).Select(f => f.GetProperty("value").GetDecimal()).SingleOrDefault()
            : row.GetProperty("total").GetDecimal();
    }
}

/// <summary>The figures of one call over its timed runs.</summary>
public sealed record DashboardStats(string Name, int Runs, double Median, double P95, double P99, double Min, double Max, int Bytes, double ApiCpuMs, double PostgresCpuMs)
{
    public static DashboardStats Of(IReadOnlyList<DashboardRun> runs, string name)
    {
        var mine = runs.Where(r => r.Name == name).ToList();
        var ms = mine.Select(r => r.Milliseconds).Order().ToList();
        double Rank(double p) => ms[Math.Min(ms.Count - 1, Math.Max(0, (int)Math.Ceiling(p * ms.Count) - 1))];
        return new DashboardStats(name, mine.Count, Report.Median(ms), Rank(0.95), Rank(0.99), ms[0], ms[^1], mine[0].Bytes,
            Report.Median(mine.Select(r => r.Cpu.Api * 1000)), Report.Median(mine.Select(r => r.Cpu.Postgres * 1000)));
    }
}
