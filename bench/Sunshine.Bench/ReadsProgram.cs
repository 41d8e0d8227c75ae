using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;

namespace Sunshine.Bench;

/// <summary>One timed load run of scenario 4 or 5: requests answered in the run's seconds, and their latencies.</summary>
public sealed record LoadRun(string Scenario, string Method, int Round, long Requests, double Seconds, IReadOnlyList<double> Latencies, double PeakRssMb)
{
    public double PerSecond => Requests / Seconds;
}

/// <summary>
/// Scenarios 4–7 on scenario 2's data set: a person by id and a page of 50 people of one county, read by a
/// signed-in county officer through the API at 32 connections, each against a raw-Npgsql endpoint without
/// authentication answering the same JSON (<see cref="RawServer"/>); the API's memory idle and under that load;
/// and its start-up to ready on the migrated database.
/// </summary>
public static class ReadsProgram
{
    public const string Begin = "<!-- bench:reads -->";
    public const string End = "<!-- /bench:reads -->";

    private const string CountyOfficer = "wuling";
    private const string CountyCode = "430702";
    private const string DemoPassword = "Sunshine@2026";
    private const int PageSize = 50;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static async Task<bool> RunAsync(ScreeningOptions options, NpgsqlDataSource database, ScreeningWorld world, string loadAtStart, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(world);
        if (options.RawApiUrl is not { } rawUrl || options.ApiStart is not { } script || options.ApiPid is not { } firstPid)
        {
            throw new ArgumentException("Scenarios 4–7 need --raw-api, --api-start and --api-pid (bench/run gives them).");
        }

        Say(string.Create(Invariant, $"Scenario 7: start-up to ready on the migrated database, {options.StartupRuns} times (each followed by 5 s idle: scenario 6's idle memory)"));
        await StopAsync(firstPid, ct);
        var startups = new List<double>();
        var idle = new List<double>();
        Process? api = null;
        for (var i = 0; i < options.StartupRuns; i++)
        {
            var (process, ms) = await StartAsync(script, options.ApiUrl, ct);
            startups.Add(ms);
            await Task.Delay(TimeSpan.FromSeconds(5), ct);
            idle.Add(RssMb(process.Id));
            Console.WriteLine(string.Create(Invariant, $"  start-up {ms,7:N0} ms to ready; idle RSS {idle[^1]:N1} MB"));
            if (i < options.StartupRuns - 1)
            {
                await StopAsync(process.Id, ct);
                await process.WaitForExitAsync(ct);
                process.Dispose();
            }
            else
            {
                api = process;
            }
        }

        try
        {
            return await LoadAsync(options, database, world, rawUrl, api!, startups, idle, loadAtStart, ct);
        }
        finally
        {
            await StopAsync(api!.Id, CancellationToken.None);
            await api.WaitForExitAsync(CancellationToken.None);
            api.Dispose();
        }
    }

    private static async Task<bool> LoadAsync(
        ScreeningOptions options, NpgsqlDataSource database, ScreeningWorld world, Uri rawUrl, Process api,
        List<double> startups, List<double> idle, string loadAtStart, CancellationToken ct)
    {
        var countyId = world.Counties[CountyCode];
        var ids = world.PersonIds.Where((_, i) => world.Data.People[i].CountyCode == CountyCode).ToList();
        await using (var command = database.CreateCommand("SELECT count(*) FROM persons WHERE county_id = $1"))
        {
            command.Parameters.AddWithValue(countyId);
            var people = (long)(await command.ExecuteScalarAsync(ct))!;
            var lastPage = (int)Math.Min(20, (people + PageSize - 1) / PageSize);
            Say(string.Create(Invariant,
                $"Scenarios 4 and 5: {CountyOfficer} (county officer of {CountyCode}, {people:N0} people) reads a random one of {ids.Count:N0} people by id, and a random page of 50 of the first {lastPage} pages; {options.Connections} connections, {options.ReadSeconds} s a run, {options.ReadRounds} rounds of raw then API"));
            using var officer = Client(options.Connections, cookies: true, options.ApiUrl);
            using var signIn = await officer.PostAsJsonAsync("/api/auth/sign-in", new { userName = CountyOfficer, password = DemoPassword }, ct);
            if (signIn.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"Signing in as {CountyOfficer} answered {(int)signIn.StatusCode}.");
            }

            using var raw = Client(options.Connections, cookies: false, rawUrl);
            var scenarios = new (string Name, string Api, string Raw, Func<Random, string> Path)[]
            {
                ("person by id", "/api/persons/", "/persons/", r => ids[r.Next(ids.Count)].ToString()),
                ("people list page of 50, one county", string.Create(Invariant, $"/api/persons?countyId={countyId}&pageSize={PageSize}&page="),
                    string.Create(Invariant, $"/persons?countyId={countyId}&pageSize={PageSize}&page="), r => (r.Next(lastPage) + 1).ToString(Invariant)),
            };

            Say("Checking that the API and the raw endpoint answer the same");
            var checks = new List<Check>
            {
                await SameAsync("person by id: API = raw endpoint", officer, raw, ids.Take(25).Select(id => ("/api/persons/" + id, "/persons/" + id)), ct),
                await SameAsync("people list: API = raw endpoint", officer, raw,
                    new[] { 1, lastPage }.Distinct().Select(p => (scenarios[1].Api + p.ToString(Invariant), scenarios[1].Raw + p.ToString(Invariant))), ct),
            };
            foreach (var check in checks)
            {
                Console.WriteLine($"  {(check.Passed ? "pass" : "FAIL")}  {check.Name}: {check.Detail}");
            }

            Say("Warm-up (not counted): 3 s of each");
            foreach (var s in scenarios)
            {
                await RunAsync(s.Name, "raw", 0, raw, s.Raw, s.Path, 3, options.Connections, null, ct);
                await RunAsync(s.Name, "API", 0, officer, s.Api, s.Path, 3, options.Connections, null, ct);
            }

            var runs = new List<LoadRun>();
            for (var round = 1; round <= options.ReadRounds; round++)
            {
                foreach (var s in scenarios)
                {
                    runs.Add(Print(await RunAsync(s.Name, "raw", round, raw, s.Raw, s.Path, options.ReadSeconds, options.Connections, null, ct)));
                    runs.Add(Print(await RunAsync(s.Name, "API", round, officer, s.Api, s.Path, options.ReadSeconds, options.Connections, api.Id, ct)));
                }
            }

            var peak = HighWaterMb(api.Id);
            var figures = Figures(scenarios.Select(s => s.Name).ToList(), runs, startups, idle);
            var section = Section(options, scenarios.Select(s => s.Name).ToList(), runs, startups, idle, peak, checks, people,
                await Report.MachineAsync(database, loadAtStart));
            if (options.Report is { Length: > 0 } report)
            {
                Report.Write(report, section, Begin, End);
                Chart.Record(report, "4-7 reads", figures);
                Say($"Wrote {report} and its chart");
            }
            else
            {
                Console.WriteLine(section);
            }

            return checks.All(c => c.Passed);
        }
    }

    private static List<Figure> Figures(List<string> names, List<LoadRun> runs, List<double> startups, List<double> idle)
    {
        const string Scenario = "4-7 reads";
        var figures = new List<Figure>();
        foreach (var name in names)
        {
            var ratio = Report.Median(runs.Where(r => r.Scenario == name && r.Method == "API").Select(r => r.PerSecond))
                / Report.Median(runs.Where(r => r.Scenario == name && r.Method == "raw").Select(r => r.PerSecond));
            figures.Add(new Figure(Scenario, name + ": API ÷ raw req/s", ratio, 0.5, AtLeast: true, "×", string.Create(Invariant, $"{ratio:P0} of raw (≥ 50 %)")));
        }

        var load = runs.Where(r => r.Method == "API").Max(r => r.PeakRssMb);
        figures.Add(new Figure(Scenario, "memory idle", idle.Max(), 100, AtLeast: false, "MB", string.Create(Invariant, $"{idle.Max():N0} MB (< 100 MB)")));
        figures.Add(new Figure(Scenario, "memory under the read load", load, 200, AtLeast: false, "MB", string.Create(Invariant, $"{load:N0} MB (< 200 MB)")));
        figures.Add(new Figure(Scenario, "start-up to ready", startups.Max(), 3000, AtLeast: false, "ms", string.Create(Invariant, $"{startups.Max() / 1000:N1} s (< 3 s)")));
        return figures;
    }

    private static HttpClient Client(int connections, bool cookies, Uri address) =>
        new(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseCookies = cookies,
            CookieContainer = new CookieContainer(),
        })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromMinutes(1),
        };

    /// <summary><paramref name="connections"/> requests in flight for <paramref name="seconds"/>; the API's resident memory sampled every 50 ms.</summary>
    private static async Task<LoadRun> RunAsync(
        string scenario, string method, int round, HttpClient client, string prefix, Func<Random, string> path, int seconds, int connections, int? pid, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var until = started + (long)(seconds * Stopwatch.Frequency);
        var peak = 0.0;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var sampler = pid is { } p
            ? Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    peak = Math.Max(peak, RssMb(p));
                    await Task.Delay(50, CancellationToken.None);
                }
            }, CancellationToken.None)
            : Task.CompletedTask;
        var workers = Enumerable.Range(0, connections).Select(w => Task.Run(async () =>
        {
            var random = new Random(HashCode.Combine(scenario, method, round, w));
            var latencies = new List<double>();
            while (Stopwatch.GetTimestamp() < until)
            {
                var url = prefix + path(random);
                var sent = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(url, HttpCompletionOption.ResponseContentRead, ct);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
                }

                latencies.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            }

            return latencies;
        }, ct)).ToList();
        var all = (await Task.WhenAll(workers)).SelectMany(l => l).Order().ToList();
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        await stop.CancelAsync();
        await sampler;
        return new LoadRun(scenario, method, round, all.Count, elapsed, all, peak);
    }

    /// <summary>Both answers parsed and compared member by member (the order of members aside).</summary>
    private static async Task<Check> SameAsync(string name, HttpClient api, HttpClient raw, IEnumerable<(string Api, string Raw)> pairs, CancellationToken ct)
    {
        var compared = 0;
        var differences = new List<string>();
        foreach (var (apiPath, rawPath) in pairs)
        {
            using var a = JsonDocument.Parse(await api.GetStringAsync(apiPath, ct));
            using var b = JsonDocument.Parse(await raw.GetStringAsync(rawPath, ct));
            compared++;
            if (!Equal(a.RootElement, b.RootElement))
            {
                differences.Add($"{apiPath}: {Shorten(a.RootElement.GetRawText())} vs {Shorten(b.RootElement.GetRawText())}");
            }
        }

        return new Check(name, compared > 0 && differences.Count == 0,
            differences.Count == 0
                ? string.Create(Invariant, $"{compared} answers compared, every member equal")
                : string.Create(Invariant, $"{differences.Count} of {compared} differ; first: {differences[0]}"));
    }

    private static bool Equal(JsonElement a, JsonElement b)
    {
        if (a.ValueKind == JsonValueKind.Object && b.ValueKind == JsonValueKind.Object)
        {
            var left = a.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
            var right = b.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
            return left.Count == right.Count && left.All(p => right.TryGetValue(p.Key, out var v) && Equal(p.Value, v));
        }

        if (a.ValueKind == JsonValueKind.Array && b.ValueKind == JsonValueKind.Array)
        {
            return a.GetArrayLength() == b.GetArrayLength() && a.EnumerateArray().Zip(b.EnumerateArray()).All(x => Equal(x.First, x.Second));
        }

        return JsonElement.DeepEquals(a, b);
    }

    private static string Shorten(string text) => text.Length > 400 ? text[..400] + "…" : text;

    private static async Task<(Process Process, double Milliseconds)> StartAsync(string script, Uri apiUrl, CancellationToken ct)
    {
        using var probe = new HttpClient { BaseAddress = apiUrl, Timeout = TimeSpan.FromSeconds(2) };
        var started = Stopwatch.GetTimestamp();
        var process = Process.Start(new ProcessStartInfo("bash", [script]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("The API did not start.");
        while (Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(120))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The API exited with {process.ExitCode} before it was ready.");
            }

            try
            {
                using var response = await probe.GetAsync("/health/ready", ct);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return (process, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                // Listening, not answering yet.
            }

            await Task.Delay(10, ct);
        }

        throw new InvalidOperationException("The API was not ready within 120 s.");
    }

    /// <summary>SIGTERM (a clean shutdown, as systemd or the container runtime stops it), then waits for the process to go.</summary>
    private static async Task StopAsync(int pid, CancellationToken ct)
    {
        using (var kill = Process.Start("kill", ["-TERM", pid.ToString(Invariant)]))
        {
            await kill.WaitForExitAsync(ct);
        }

        var waited = Stopwatch.StartNew();
        while (Running(pid) && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(20, ct);
        }
    }

    /// <summary>Alive and not a zombie waiting to be reaped by its parent.</summary>
    private static bool Running(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        try
        {
            var text = File.ReadAllText(stat);
            return text[(text.LastIndexOf(')') + 2)..].FirstOrDefault() is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static double RssMb(int pid) => StatusKb(pid, "VmRSS:") / 1024.0;

    private static double HighWaterMb(int pid) => StatusKb(pid, "VmHWM:") / 1024.0;

    private static long StatusKb(int pid, string key)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line[key.Length..].Trim().Split(' ')[0], Invariant);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static LoadRun Print(LoadRun run)
    {
        Console.WriteLine(string.Create(Invariant,
            $"  round {run.Round} {run.Method,-4} {run.Scenario,-36} {run.PerSecond,8:N0} req/s ({run.Requests:N0} in {run.Seconds:N1} s), p50 {Rank(run.Latencies, 0.5):N1} ms, p95 {Rank(run.Latencies, 0.95):N1} ms{(run.PeakRssMb > 0 ? $", RSS peak {run.PeakRssMb:N0} MB" : string.Empty)}"));
        return run;
    }

    private static double Rank(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1))];

    private static string Section(
        ScreeningOptions options, List<string> names, List<LoadRun> runs, List<double> startups, List<double> idle, double highWater,
        List<Check> checks, long people, string machine)
    {
        var s = new StringBuilder();
        s.AppendLine(Begin);
        s.AppendLine("## Scenarios 4–7: reads at 32 connections, memory and start-up");
        s.AppendLine();
        s.Append(Invariant, $"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC with `{options.Command}` (seed {options.Seed}), on scenario 2's data set ")
            .Append(Invariant, $"({WorldText(options)}). The county officer `{CountyOfficer}` ({people:N0} people in county {CountyCode}) signs in once; {options.Connections} connections keep a request each in flight for {options.ReadSeconds} s a run: ")
            .Append("a random person of the county by id (`GET /api/persons/{id}`: the person with county, household and consents, ID, certificate and phone decrypted and masked), ")
            .Append(Invariant, $"and a random page of {PageSize} of the county's people (`GET /api/persons?countyId=…&pageSize={PageSize}&page=N`, N of the first 20 pages, sorted by name, with the total). ")
            .Append("The limit is a minimal ASP.NET Core endpoint over raw Npgsql in a process of its own (`bench/Sunshine.Bench/RawServer.cs`): no authentication, no pipeline, no EF Core, ")
            .Append("one statement (a page and its count as one batch), the same JSON with the same columns decrypted by the same key — checked member by member below. ")
            .AppendLine("Each round runs the raw endpoint and then the API of both reads; the rate of a method is the median over the rounds.");
        s.AppendLine();
        s.AppendLine(machine);
        s.AppendLine();
        s.AppendLine("| scenario | API req/s (median of rounds) | raw endpoint req/s | API / raw | API latency p50 / p95 / p99 | raw latency p50 / p95 | target |");
        s.AppendLine("|---|---:|---:|---:|---:|---:|---|");
        foreach (var name in names)
        {
            var api = runs.Where(r => r.Scenario == name && r.Method == "API").ToList();
            var raw = runs.Where(r => r.Scenario == name && r.Method == "raw").ToList();
            var apiRate = Report.Median(api.Select(r => r.PerSecond));
            var rawRate = Report.Median(raw.Select(r => r.PerSecond));
            var ratio = apiRate / rawRate;
            var apiLatency = api.SelectMany(r => r.Latencies).Order().ToList();
            var rawLatency = raw.SelectMany(r => r.Latencies).Order().ToList();
            s.AppendLine(Invariant,
                $"| {name} | {apiRate:N0} ({string.Join(", ", api.Select(r => r.PerSecond.ToString("N0", Invariant)))}) | {rawRate:N0} ({string.Join(", ", raw.Select(r => r.PerSecond.ToString("N0", Invariant)))}) | **{ratio:P0}** | {Rank(apiLatency, 0.5):N1} / {Rank(apiLatency, 0.95):N1} / {Rank(apiLatency, 0.99):N1} ms | {Rank(rawLatency, 0.5):N1} / {Rank(rawLatency, 0.95):N1} ms | ≥ 50 % of raw: **{(ratio >= 0.5 ? "met" : "not met")}** |");
        }

        var idleMedian = Report.Median(idle);
        var loadPeak = runs.Where(r => r.Method == "API").Max(r => r.PeakRssMb);
        var startupMedian = Report.Median(startups);
        s.AppendLine(Invariant,
            $"| API memory idle (5 s after ready, each start-up) | {idleMedian:N1} MB median ({string.Join(", ", idle.Select(m => m.ToString("N1", Invariant)))}) | – | – | – | – | < 100 MB: **{(idle.Max() < 100 ? "met" : "not met")}** |");
        s.AppendLine(Invariant,
            $"| API memory under the read load (resident, sampled every 50 ms) | {loadPeak:N1} MB peak (process high-water mark {highWater:N1} MB) | – | – | – | – | < 200 MB: **{(loadPeak < 200 ? "met" : "not met")}** |");
        s.AppendLine(Invariant,
            $"| start-up to ready (migrated database, process start to `/health/ready` 200) | {startupMedian:N0} ms median ({string.Join(", ", startups.Select(m => m.ToString("N0", Invariant)))} ms) | – | – | – | – | < 3 s: **{(startups.Max() < 3000 ? "met" : "not met")}** |");
        s.AppendLine();
        s.AppendLine("Correctness:");
        s.AppendLine();
        s.AppendLine("| check | result | detail |");
        s.AppendLine("|---|---|---|");
        foreach (var check in checks)
        {
            s.AppendLine(Invariant, $"| {check.Name} | {(check.Passed ? "pass" : "**FAIL**")} | {check.Detail} |");
        }

        s.AppendLine(End);
        return s.ToString();

        static string WorldText(ScreeningOptions o) => string.Create(Invariant, $"{o.People:N0} people, {o.Shops:N0} shops, {o.Records:N0} sales rows");
    }

    private static void Say(string message) => Console.WriteLine($"==> {message}");
}
