using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Npgsql;

namespace Sunshine.Bench;

/// <summary>One timed screening: how long, the CPU it took on each side, and what it answered (person id → the year's counted net sales).</summary>
public sealed record ScreeningRun(string Method, string Scope, double Milliseconds, CpuSample Cpu, int Bytes, IReadOnlyDictionary<Guid, decimal> Rows);

/// <summary>
/// Scenario 2: the award screening (<c>GET /api/awards/screening?type=DemonstrationHouseholdAward</c>, city-wide
/// and for one county, as the city officer) against its raw-SQL limit: the same answer computed straight from
/// <c>sales_records</c> with Npgsql (the sum of the counted net of the previous calendar year's periods grouped by the
/// shop's owner, the people active, at or over the threshold of the policy in force, without an open or approved
/// application of the award). A request is timed from sending to the last byte of the body; a raw query from sending
/// to the last row read.
/// </summary>
public sealed class ScreeningScenario(NpgsqlDataSource database, HttpClient officer, CpuMeter cpu)
{
    public const string Type = "DemonstrationHouseholdAward";

    /// <summary>The raw-SQL limit: the screening's answer from the raw rows, the policy read as the policy store reads it.</summary>
    public const string RawSql =
        """
        WITH policy AS (
            SELECT (v.content ->> 'salesThreshold')::numeric AS threshold
            FROM policy_versions v
            WHERE v.programme_id = (SELECT id FROM programmes WHERE period_start <= $1 AND period_end >= $1 ORDER BY period_start DESC LIMIT 1)
              AND v.key = 'DemonstrationHouseholdAward' AND v.effective_from <= $1
            ORDER BY v.effective_from DESC LIMIT 1)
        SELECT s.owner_person_id, sum(CASE WHEN r.source = 'Partner' OR r.confirmed_by_id IS NOT NULL THEN r.net ELSE 0 END) AS total
        FROM sales_records r
        JOIN shops s ON s.id = r.shop_id
        JOIN persons p ON p.id = s.owner_person_id
        WHERE r.period_start >= $2 AND r.period_start < $3
          AND ($4::uuid IS NULL OR p.county_id = $4)
          AND p.status = 'Active'
          AND NOT EXISTS (
              SELECT FROM benefits b
              WHERE b.type = 'DemonstrationHouseholdAward' AND b.one_time_key = replace(p.id::text, '-', '')
                AND (b.is_finally_approved OR b.state NOT IN ('Rejected', 'Withdrawn')))
        GROUP BY s.owner_person_id
        HAVING sum(CASE WHEN r.source = 'Partner' OR r.confirmed_by_id IS NOT NULL THEN r.net ELSE 0 END) >= (SELECT threshold FROM policy)
        """;

    public async Task<ScreeningRun> ApiAsync(string scope, Guid? countyId, CancellationToken ct)
    {
        var url = $"/api/awards/screening?type={Type}" + (countyId is { } c ? $"&countyId={c}" : string.Empty);
        var before = cpu.Sample();
        var started = Stopwatch.GetTimestamp();
        using var response = await officer.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, ct);
        var body = await response.Content.ReadAsByteArrayAsync(ct);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var used = cpu.Sample() - before;
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body)[..Math.Min(body.Length, 2000)]}");
        }

        return new ScreeningRun("API", scope, elapsed, used, body.Length, ReadRows(body));
    }

    public async Task<ScreeningRun> RawAsync(string scope, Guid? countyId, CancellationToken ct)
    {
        var today = ScreeningSetup.Today;
        var year = today.Year - 1;
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand(RawSql, connection) { CommandTimeout = 0 };
        command.Parameters.AddWithValue(today);
        command.Parameters.AddWithValue(new DateOnly(year, 1, 1));
        command.Parameters.AddWithValue(new DateOnly(year + 1, 1, 1));
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid, Value = (object?)countyId ?? DBNull.Value });
        var rows = new Dictionary<Guid, decimal>();
        var before = cpu.Sample();
        var started = Stopwatch.GetTimestamp();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                rows[reader.GetGuid(0)] = reader.GetDecimal(1);
            }
        }

        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        return new ScreeningRun("raw SQL", scope, elapsed, cpu.Sample() - before, 0, rows);
    }

    /// <summary>The plan of the raw SQL, for the report's reader (EXPLAIN ANALYZE, city-wide).</summary>
    public async Task<string> ExplainRawAsync(Guid? countyId, CancellationToken ct)
    {
        var today = ScreeningSetup.Today;
        var year = today.Year - 1;
        await using var command = database.CreateCommand("EXPLAIN (ANALYZE, BUFFERS) " + RawSql);
        command.CommandTimeout = 0;
        command.Parameters.AddWithValue(today);
        command.Parameters.AddWithValue(new DateOnly(year, 1, 1));
        command.Parameters.AddWithValue(new DateOnly(year + 1, 1, 1));
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid, Value = (object?)countyId ?? DBNull.Value });
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }

    /// <summary>The screening's rows as person id → the facts' total sales; every row must be an eligible decision of the type.</summary>
    private static Dictionary<Guid, decimal> ReadRows(byte[] body)
    {
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        if (root.GetProperty("type").GetString() != Type)
        {
            throw new InvalidOperationException($"The screening answered type {root.GetProperty("type")}.");
        }

        var rows = new Dictionary<Guid, decimal>();
        foreach (var row in root.GetProperty("rows").EnumerateArray())
        {
            if (!row.GetProperty("decision").GetProperty("eligible").GetBoolean())
            {
                throw new InvalidOperationException($"The screening lists an ineligible row: {row}");
            }

            if (!rows.TryAdd(row.GetProperty("beneficiaryId").GetGuid(), row.GetProperty("facts").GetProperty("totalSales").GetDecimal()))
            {
                throw new InvalidOperationException($"The screening lists {row.GetProperty("beneficiaryId")} twice.");
            }
        }

        return rows;
    }

    /// <summary>The assessment date and sales year the API screened for (to hold the bench's own dates to).</summary>
    public async Task<(DateOnly AssessmentDate, int SalesYear)> DatesAsync(CancellationToken ct)
    {
        using var response = await officer.GetAsync($"/api/awards/screening?type={Type}&countyId={Guid.Empty}", ct);
        var body = await BenchSetup.ReadJsonAsync(response, HttpStatusCode.OK, ct);
        return (DateOnly.ParseExact(body.GetProperty("assessmentDate").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture), body.GetProperty("salesYear").GetInt32());
    }
}
