using System.Globalization;
using Npgsql;
using Sunshine.Bench;

// The scenarios against a running API and its database; bench/run starts both.
//   --scenario ingest (the default): scenario 1, partner sales ingestion
//   --scenario screening:            scenarios 2–7 on one data set: award screening, the city dashboard, and with --raw-api the reads,
//                                    memory and start-up (--only screening, dashboard or reads for one part)
//   --scenario chart:                redraws docs/benchmarks.png from docs/benchmarks.json
//   --scenario raw-server:           the raw-Npgsql limit of scenarios 4 and 5 (--db, --key-file, --urls), as its own process
var scenarioAt = Array.IndexOf(args, "--scenario");
var scenario = scenarioAt >= 0 && scenarioAt + 1 < args.Length ? args[scenarioAt + 1] : "ingest";
args = scenarioAt >= 0 ? [.. args[..scenarioAt], .. args[Math.Min(args.Length, scenarioAt + 2)..]] : args;
if (scenario == "chart")
{
    // Redraws docs/benchmarks.png from docs/benchmarks.json (each scenario run records its figures there).
    var chartOf = args.SkipWhile(a => a != "--report").Skip(1).FirstOrDefault() ?? "docs/benchmarks.md";
    var figures = System.Text.Json.JsonSerializer.Deserialize<List<Figure>>(
        File.ReadAllText(Path.ChangeExtension(chartOf, ".json")), new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)) ?? [];
    Chart.Draw(figures, Path.ChangeExtension(chartOf, ".png"));
    return 0;
}

if (scenario == "raw-server")
{
    return await RawServer.RunAsync(args);
}

if (scenario == "screening")
{
    return await ScreeningProgram.RunAsync(args);
}

if (scenario != "ingest")
{
    Console.Error.WriteLine($"Unknown scenario '{scenario}': ingest or screening.");
    return 2;
}

var options = BenchOptions.Parse(args);
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
var ct = cancel.Token;
await using var database = NpgsqlDataSource.Create(options.Database);
var loadAtStart = Report.LoadAverage();

Say($"Setting up: {options.People:N0} people (person import), {options.Platforms} partner platforms, " +
    $"{options.Shops:N0} shops ({string.Join(" / ", options.PlatformShopCounts().Select(c => c.ToString("N0", CultureInfo.InvariantCulture)))}; {options.ApiShops:N0} through the partner API)");
var setupClock = System.Diagnostics.Stopwatch.StartNew();
var world = await new BenchSetup(options, database).RunAsync(ct);
var data = new SalesData(options, world.Shops);
var profile = data.Profile(options.Records / options.BatchSize);
Say(string.Create(CultureInfo.InvariantCulture,
    $"Set up in {setupClock.Elapsed.TotalSeconds:N0} s; {options.Records:N0} records over {profile.Months} months: the top 1 % of shops sell {profile.TopPercentToMedian:N0}× the median shop " +
    $"({profile.TopPercentShare:P0} of the gross), refunds {profile.RefundShare:P1} of the gross, {profile.ZeroMonths:P1} of shop-months without sales"));
var ingest = new IngestScenario(options, database, world, data, new CpuMeter(options.ApiPid, options.PostmasterPid));

Say("Warm-up (not counted): the API's JIT settles over the first few hundred requests");
await ingest.RunApiAsync(Math.Min(options.RepeatRecords, 200 * options.BatchSize), options.FullConcurrency[^1], ct);
await ingest.RunCopyAsync(Math.Min(options.Records, 100 * options.BatchSize), ct);

// Interleaved rounds, so a drift in the machine's speed touches every method alike.
var copy = new List<RunResult>();
var api = new List<RunResult>();
for (var round = 1; round <= Math.Max(options.Runs, options.CopyRuns); round++)
{
    if (round <= options.CopyRuns)
    {
        copy.Add(Print(await ingest.RunCopyAsync(options.Records, ct)));
    }

    if (round <= options.Runs)
    {
        foreach (var concurrency in options.Concurrency)
        {
            api.Add(Print(await ingest.RunApiAsync(options.RepeatRecords, concurrency, ct)));
        }
    }
}

Say($"Full size: {options.Records:N0} records through the API with {string.Join(", then ", options.FullConcurrency)} clients (the last is the headline)");
var full = new List<RunResult>();
foreach (var concurrency in options.FullConcurrency)
{
    full.Add(Print(await ingest.RunApiAsync(options.Records, concurrency, ct)));
}

var headline = full[^1];

Say("Checking correctness (after the headline run)");
var checks = await new Correctness(options, database, world, data).RunAsync(options.Records, ct);
foreach (var check in checks)
{
    Console.WriteLine($"  {(check.Passed ? "pass" : "FAIL")}  {check.Name}: {check.Detail}");
}

var copyMedian = Report.Median(copy.Select(r => r.RowsPerSecond));
Say(string.Create(CultureInfo.InvariantCulture,
    $"COPY median {copyMedian:N0} rows/s; API headline {headline.RowsPerSecond:N0} rows/s = {headline.RowsPerSecond / copyMedian:P1} of COPY (target ≥ 25 %)"));

var section = Report.Section(options, world, profile, await Report.MachineAsync(database, loadAtStart), copy, api, full, checks);
if (options.Report is { Length: > 0 } report)
{
    Report.Write(report, section);
    var ratio = headline.RowsPerSecond / copyMedian;
    Chart.Record(report, "1 ingestion", [new Figure("1 ingestion", "API rows/s ÷ binary COPY", ratio, 0.25, AtLeast: true, "×",
        string.Create(CultureInfo.InvariantCulture, $"{ratio:P1} of COPY (≥ 25 %)"))]);
    Say($"Wrote {report} and its chart");
}
else
{
    Console.WriteLine(section);
}

return checks.All(c => c.Passed) ? 0 : 1;

static void Say(string message) => Console.WriteLine($"==> {message}");

static RunResult Print(RunResult run)
{
    var sorted = run.LatenciesMs.Order().ToList();
    var latency = sorted.Count == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture,
        $", request p50 {sorted[sorted.Count / 2]:N0} ms, p95 {sorted[(int)(sorted.Count * 0.95)]:N0} ms");
    var cpu = run.CpuMsPerThousand;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  {run.Method,-4} x{run.Concurrency}  {run.Records,9:N0} records in {run.Seconds,6:N1} s = {run.RowsPerSecond,8:N0} rows/s{latency}; " +
        $"CPU ms per 1,000 rows: API {cpu.Api:N1}, PostgreSQL {cpu.Postgres:N1}, client {cpu.Client:N1}"));
    return run;
}
