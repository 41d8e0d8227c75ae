using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Npgsql;

namespace Sunshine.Bench;

/// <summary>Writes the scenario's section of docs/benchmarks.md between its markers, leaving the rest of the file as it is.</summary>
public static class Report
{
    public const string Begin = "<!-- bench:ingest -->";
    public const string End = "<!-- /bench:ingest -->";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Section(BenchOptions options, BenchWorld world, SalesProfile profile, string machine, IReadOnlyList<RunResult> copy, IReadOnlyList<RunResult> api, IReadOnlyList<RunResult> full, IReadOnlyList<Check> checks)
    {
        var copyMedian = Median(copy.Select(r => r.RowsPerSecond));
        var headline = full[^1];
        var s = new StringBuilder();
        s.AppendLine(Begin);
        s.AppendLine("## Scenario 1: partner sales ingestion");
        s.AppendLine();
        var platforms = string.Join(", ", world.Platforms.Select(p =>
            string.Create(Invariant, $"{p.Name} {world.Shops.Count(s => s.Platform == p.Index):N0}")));
        var lastMonth = SalesData.Month(profile.Months - 1);
        var lastMonthRecords = options.Records - (profile.Months - 1) * options.Shops;
        s.Append(Invariant, $"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC with `{options.Command}` (seed {options.Seed}). ")
            .Append(Invariant, $"The data, all from the seed: {world.People:N0} registered disabled people with valid fictional ID numbers (address prefix 4399xx, never allocated) ")
            .Append(Invariant, $"in {world.Counties} counties, imported through `POST /api/person-imports` (which encrypts the sensitive columns) and consenting to partner sharing; ")
            .Append(Invariant, $"{world.Platforms.Count} partner platforms with {options.Shops:N0} monthly shops between them ({platforms}), owned by those people and in their counties ")
            .Append(Invariant, $"({options.ApiShops:N0} shops registered through the partner API with seller verification, the rest copied in by binary COPY as the same rows). ")
            .Append(Invariant, $"Records are shop-months over {profile.Months} months, {MonthText(SalesData.FirstMonth)} to {MonthText(lastMonth)}")
            .Append(lastMonthRecords < options.Shops ? string.Create(Invariant, $" (the last month for {lastMonthRecords:N0} of the shops)") : string.Empty)
            .Append(Invariant, $", skewed as sales are: each shop's size is log-normal (σ {SalesData.SizeSigma}), so the top 1 % of shops sell {profile.TopPercentToMedian:N0}× the median shop ")
            .Append(Invariant, $"({profile.TopPercentShare:P0} of the gross); the season (February's lull, 618, Double 11), a growth rate per shop and noise move the months; ")
            .Append(Invariant, $"{profile.ZeroMonths:P1} of shop-months have no sales; refunds are {profile.RefundShare:P1} of the gross. ")
            .Append(Invariant, $"They are sent month by month in batches of {options.BatchSize:N0} records of one platform's shops (the platforms' batches interleaved) ")
            .Append("(`PUT /api/partner/v1/sales`, each request with its own `Idempotency-Key`; every concurrent sender holds its own partner client and token of each platform ")
            .Append("and sends each batch with the client of that batch's platform, requests taken from one shared queue). The limit is one binary COPY (`BeginBinaryImport`) of the same rows into the same `sales_records` ")
            .AppendLine("table with the same indexes and constraints; the sales tables and idempotency keys are emptied before every run.");
        s.AppendLine();
        s.AppendLine(machine);
        s.AppendLine();
        s.AppendLine("| method | concurrent clients | records per run | runs | rows/s (median) | min – max | of COPY | request p50 / p95 | CPU ms per 1,000 rows: API / PostgreSQL / client |");
        s.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        Row(s, "binary COPY (the limit)", copy, copyMedian);
        foreach (var run in full)
        {
            Row(s, run == headline ? "**API (headline run)**" : "API", [run], copyMedian);
        }

        foreach (var group in api.GroupBy(r => r.Concurrency).OrderBy(g => g.Key))
        {
            Row(s, "API, repeated", group.ToList(), copyMedian);
        }
        s.AppendLine();
        var ratio = headline.RowsPerSecond / copyMedian;
        s.Append(Invariant, $"**API / COPY = {ratio:P1}** in the headline run ({headline.Records:N0} records, {headline.Concurrency} clients, ")
            .Append(Invariant, $"{headline.RowsPerSecond:N0} rows/s against COPY's median {copyMedian:N0} rows/s); target ≥ 25 %. ")
            .Append("Every API row also writes the shop-month and county-month roll-ups, the history on change, an audit row per batch and the stored ")
            .Append("idempotent answer; COPY writes `sales_records` alone. The CPU columns (medians, from /proc) are the steadier figures on a shared ")
            .AppendLine("machine: they move little when other work slows the wall clock. During COPY the API is idle; its small CPU figure there is its background work.");
        s.AppendLine();
        s.AppendLine("Correctness, checked after the headline run:");
        s.AppendLine();
        s.AppendLine("| check | result | detail |");
        s.AppendLine("|---|---|---|");
        foreach (var check in checks)
        {
            s.AppendLine(Invariant, $"| {check.Name} | {(check.Passed ? "pass" : "**FAIL**")} | {check.Detail} |");
        }

        if (options.Note is { Length: > 0 } note)
        {
            s.AppendLine();
            s.AppendLine(note);
        }

        s.AppendLine(End);
        return s.ToString();
    }

    /// <summary>Replaces the section between the markers, or appends it (creating the file with its header if need be).</summary>
    public static void Write(string path, string section) => Write(path, section, Begin, End);

    /// <summary>Replaces the section between a scenario's markers, or appends it (creating the file with its header if need be).</summary>
    public static void Write(string path, string section, string beginMarker, string endMarker)
    {
        ArgumentNullException.ThrowIfNull(beginMarker);
        ArgumentNullException.ThrowIfNull(endMarker);
        var text = File.Exists(path) ? File.ReadAllText(path) : "# Benchmarks\n\nFigures measured by the harness in `bench/`.\n";
        var begin = text.IndexOf(beginMarker, StringComparison.Ordinal);
        var end = text.IndexOf(endMarker, StringComparison.Ordinal);
        if (begin >= 0 && end > begin)
        {
            var after = end + endMarker.Length;
            if (after < text.Length && text[after] == '\n')
            {
                after++;
            }

            text = text[..begin] + section + text[after..];
        }
        else
        {
            text = text.TrimEnd('\n') + "\n\n" + section;
        }

        File.WriteAllText(path, text);
    }

    public static async Task<string> MachineAsync(NpgsqlDataSource database, string loadAtStart)
    {
        var cpu = ReadFirst("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString();
        var memory = ReadFirst("/proc/meminfo", "MemTotal") is { } m && long.TryParse(m.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], Invariant, out var kb)
            ? $"{kb / 1024.0 / 1024.0:N1} GiB"
            : "unknown";
        await using var command = database.CreateCommand(
            "SELECT current_setting('server_version'), current_setting('fsync'), current_setting('synchronous_commit'), current_setting('full_page_writes'), current_setting('shared_buffers')");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return string.Create(Invariant,
            $"Machine: {Environment.ProcessorCount} cores ({cpu}), {memory} memory; PostgreSQL {reader.GetString(0)} (throwaway cluster: fsync {reader.GetString(1)}, " +
            $"synchronous_commit {reader.GetString(2)}, full_page_writes {reader.GetString(3)}, shared_buffers {reader.GetString(4)} — the same for both methods); " +
            $"{RuntimeInformation.FrameworkDescription}; the API (Release build), PostgreSQL and the bench client share the machine " +
            $"(load average at the start {loadAtStart}, at the end {LoadAverage()}).");
    }

    /// <summary>The 1, 5 and 15 minute load averages: how busy the machine was with other work too.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static void Row(StringBuilder s, string method, IReadOnlyList<RunResult> runs, double copyMedian)
    {
        var median = Median(runs.Select(r => r.RowsPerSecond));
        var latencies = runs.SelectMany(r => r.LatenciesMs).ToList();
        var p = latencies.Count == 0 ? "–" : string.Create(Invariant, $"{Percentile(latencies, 0.50):N0} / {Percentile(latencies, 0.95):N0} ms");
        var cpu = string.Join(" / ", new[]
        {
            Median(runs.Select(r => r.CpuMsPerThousand.Api)), Median(runs.Select(r => r.CpuMsPerThousand.Postgres)), Median(runs.Select(r => r.CpuMsPerThousand.Client)),
        }.Select(v => double.IsNaN(v) ? "–" : v.ToString("N1", Invariant)));
        s.Append(Invariant, $"| {method} | {runs[0].Concurrency} | {runs[0].Records:N0} | {runs.Count} | {median:N0} | ")
            .AppendLine(Invariant, $"{runs.Min(r => r.RowsPerSecond):N0} – {runs.Max(r => r.RowsPerSecond):N0} | {median / copyMedian:P1} | {p} | {cpu} |");
    }

    private static string MonthText(DateOnly month) => month.ToString("yyyy-MM", Invariant);

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count switch
        {
            0 => double.NaN,
            _ when sorted.Count % 2 == 1 => sorted[sorted.Count / 2],
            _ => (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2,
        };
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1))];
    }

    private static string? ReadFirst(string file, string key) =>
        File.Exists(file)
            ? File.ReadLines(file).Where(l => l.StartsWith(key, StringComparison.Ordinal)).Select(l => l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()).FirstOrDefault()
            : null;
}
