using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Npgsql;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Domain.Benefits;

namespace Sunshine.Bench;

/// <summary>Scenario 2, award screening at programme scale: makes and loads the data set, then times the API against the raw SQL.</summary>
public static class ScreeningProgram
{
    private const string DemoCityOfficer = "city";
    private const string DemoPassword = "Sunshine@2026";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = ScreeningOptions.Parse(args);
        if (options.DryRun)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var codes = Enumerable.Range(0, 14).Select(i => string.Create(CultureInfo.InvariantCulture, $"4307{i:00}")).ToList();
            var data = new ProgrammeData(options, TimeProvider.System.Today(), codes);
            var (profile, _) = data.Profile(100_000m);
            Console.WriteLine(profile);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"made in {clock.Elapsed.TotalSeconds:N1} s"));
            return 0;
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        var ct = cancel.Token;
        await using var database = NpgsqlDataSource.Create(options.Database);
        var loadAtStart = Report.LoadAverage();
        using var officer = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), UseCookies = true, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = options.ApiUrl,
            Timeout = TimeSpan.FromMinutes(5),
        };
        var signedIn = await BenchSetup.ReadJsonAsync(
            await officer.PostAsJsonAsync("/api/auth/sign-in", new { userName = DemoCityOfficer, password = DemoPassword }, ct), HttpStatusCode.OK, ct);
        var officerId = signedIn.GetProperty("id").GetGuid();
        var counties = (await BenchSetup.ReadJsonAsync(await officer.GetAsync("/api/regions", ct), HttpStatusCode.OK, ct)).EnumerateArray()
            .Where(r => r.GetProperty("kind").GetString() != "City" && r.GetProperty("isActive").GetBoolean())
            .ToDictionary(r => r.GetProperty("code").GetString()!, r => r.GetProperty("id").GetGuid(), StringComparer.Ordinal);

        var scenario = new ScreeningScenario(database, officer, new CpuMeter(options.ApiPid, options.PostmasterPid));
        var (assessmentDate, salesYear) = await scenario.DatesAsync(ct);
        if (assessmentDate != ScreeningSetup.Today || salesYear != ScreeningSetup.Today.Year - 1)
        {
            throw new InvalidOperationException($"The API screens for {assessmentDate:yyyy-MM-dd} (sales year {salesYear}), the bench for {ScreeningSetup.Today:yyyy-MM-dd}: are the clocks apart?");
        }

        Say(string.Create(CultureInfo.InvariantCulture,
            $"{(options.Reuse ? "Reusing" : "Loading")} the programme data set (seed {options.Seed}): {options.People:N0} people, {options.Shops:N0} shops on {options.Platforms} platforms, {options.Records:N0} sales rows over {options.Months} months"));
        var setup = new ScreeningSetup(options, database);
        var world = options.Reuse ? await setup.DescribeAsync(counties, ct) : await setup.RunAsync(counties, officerId, ct);
        var p = world.Profile;
        Say(string.Create(CultureInfo.InvariantCulture,
            $"Loaded in {world.LoadSeconds:N0} s: {p.Records:N0} rows ({p.DailyShops:N0} daily shops: {p.DailyRecords:N0} rows); {p.PeopleOverThreshold:N0} active people at or over ¥{p.Threshold:N0} in {p.SalesYear}; " +
            $"{world.ExpectedBenchRows.Count:N0} of them without an open or approved application"));

        var cpu = new CpuMeter(options.ApiPid, options.PostmasterPid);
        if (options.Only == "reads")
        {
            return await ReadsProgram.RunAsync(options, database, world, loadAtStart, ct) ? 0 : 1;
        }

        if (options.Only == "dashboard")
        {
            return await DashboardProgram.RunAsync(options, database, officer, cpu, world, await Report.MachineAsync(database, loadAtStart), ct) ? 0 : 1;
        }

        // The county screened alone: the one with the most people on the list.
        var countyOf = world.PersonIds.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => world.Data.People[x.i].CountyCode);
        var countyCode = world.ExpectedBenchRows.Keys.GroupBy(id => countyOf[id]).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
        var countyId = counties[countyCode];
        var scopes = new (string Name, Guid? County)[] { ("city-wide", null), ($"one county ({countyCode})", countyId) };

        Say($"Warm-up (not counted): {options.WarmUp} API requests and one raw query of each scope");
        foreach (var (name, county) in scopes)
        {
            Print(await scenario.RawAsync(name, county, ct));
            for (var i = 0; i < options.WarmUp; i++)
            {
                Print(await scenario.ApiAsync(name, county, ct), quiet: i > 0 && i < options.WarmUp - 1);
            }
        }

        Say($"Timed: {options.Runs} API screenings and {options.RawRuns} raw-SQL runs of each scope, interleaved");
        var runs = new List<ScreeningRun>();
        for (var round = 0; round < options.RawRuns; round++)
        {
            var apiRuns = options.Runs / options.RawRuns + (round < options.Runs % options.RawRuns ? 1 : 0);
            foreach (var (name, county) in scopes)
            {
                runs.Add(Print(await scenario.RawAsync(name, county, ct)));
                for (var i = 0; i < apiRuns; i++)
                {
                    runs.Add(Print(await scenario.ApiAsync(name, county, ct), quiet: i > 0));
                }
            }
        }

        Say("The raw SQL's plan (EXPLAIN ANALYZE, city-wide):");
        Console.WriteLine(await scenario.ExplainRawAsync(null, ct));

        Say("Checking correctness");
        var checks = Check(world, runs, scopes, countyOf, countyCode);
        if (world.HasOwnerYearRollup)
        {
            await using var command = database.CreateCommand(
                """
                SELECT count(*) FILTER (WHERE a.o IS NULL OR y.owner_id IS NULL OR a.n <> y.net OR a.c <> y.counted_net), count(*)
                FROM (SELECT coalesce(s.owner_person_id, s.owner_enterprise_id) AS o, extract(year FROM m.month)::int AS yr, sum(m.net) AS n, sum(m.counted_net) AS c
                      FROM shop_month_sales m JOIN shops s ON s.id = m.shop_id GROUP BY 1, 2) a
                FULL JOIN owner_year_sales y ON y.owner_id = a.o AND y.year = a.yr
                """);
            await using var reader = await command.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            var (bad, all) = (reader.GetInt64(0), reader.GetInt64(1));
            checks.Add(new Check("owner-year roll-ups = sums of the shop-months", bad == 0, string.Create(CultureInfo.InvariantCulture, $"{bad:N0} of {all:N0} owner-years differ")));
        }

        foreach (var check in checks)
        {
            Console.WriteLine($"  {(check.Passed ? "pass" : "FAIL")}  {check.Name}: {check.Detail}");
        }

        var stats = scopes.SelectMany(s => new[] { ScreeningStats.Of(runs, "API", s.Name), ScreeningStats.Of(runs, "raw SQL", s.Name) }).ToList();
        foreach (var s in stats)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {s.Method,-7} {s.Scope,-22} median {s.Median,8:N1} ms, p95 {s.P95,8:N1} ms, p99 {s.P99,8:N1} ms ({s.Runs} runs, {s.Rows:N0} rows)"));
        }

        var city = (Api: stats[0], Raw: stats[1]);
        var ratio = city.Raw.Median / city.Api.Median;
        var met = city.Api.Median < 500 && ratio >= 5;
        Say(string.Create(CultureInfo.InvariantCulture,
            $"City-wide: API median {city.Api.Median:N0} ms, raw SQL median {city.Raw.Median:N0} ms: the API is {ratio:N1}× faster (target: < 500 ms and ≥ 5×: {(met ? "met" : "NOT met")})"));

        var section = ScreeningReport.Section(options, world, await Report.MachineAsync(database, loadAtStart), stats, checks, countyCode);
        if (options.Report is { Length: > 0 } report)
        {
            Report.Write(report, section, ScreeningReport.Begin, ScreeningReport.End);
            Chart.Record(report, "2 screening",
            [
                new Figure("2 screening", "city-wide median", city.Api.Median, 500, AtLeast: false, "ms", string.Create(CultureInfo.InvariantCulture, $"{city.Api.Median:N0} ms (< 500 ms)")),
                new Figure("2 screening", "faster than raw SQL", ratio, 5, AtLeast: true, "×", string.Create(CultureInfo.InvariantCulture, $"{ratio:N1}× (≥ 5×)")),
            ]);
            Say($"Wrote {report} and its chart");
        }
        else
        {
            Console.WriteLine(section);
        }

        var dashboardAgrees = options.Only == "screening"
            || await DashboardProgram.RunAsync(options, database, officer, cpu, world, await Report.MachineAsync(database, loadAtStart), ct);
        var readsAgree = options.Only is not null || options.RawApiUrl is null
            || await ReadsProgram.RunAsync(options, database, world, loadAtStart, ct);
        if (!readsAgree)
        {
            Console.Error.WriteLine("FAILED: the API's and the raw endpoint's answers differ (see the checks above).");
            return 1;
        }

        if (checks.Any(c => !c.Passed))
        {
            Console.Error.WriteLine("FAILED: the API's screening and the raw SQL disagree (see the checks above).");
            return 1;
        }

        if (!dashboardAgrees)
        {
            Console.Error.WriteLine("FAILED: the dashboard's figures and the raw SQL disagree (see the checks above).");
            return 1;
        }

        return 0;
    }

    private static List<Check> Check(ScreeningWorld world, List<ScreeningRun> runs, (string Name, Guid? County)[] scopes, Dictionary<Guid, string> countyOf, string countyCode)
    {
        var checks = new List<Check>();
        var benchIds = world.PersonIds.ToHashSet();
        foreach (var (name, _) in scopes)
        {
            var raw = runs.Where(r => r.Method == "raw SQL" && r.Scope == name).ToList();
            var api = runs.Where(r => r.Method == "API" && r.Scope == name).ToList();
            var reference = raw[0].Rows;
            var rawSame = raw.All(r => Same(r.Rows, reference).Count == 0);
            var differences = api.Select(r => Same(r.Rows, reference)).Where(d => d.Count > 0).ToList();
            checks.Add(new Check($"API = raw SQL ({name})", rawSame && differences.Count == 0,
                differences.Count == 0
                    ? string.Create(CultureInfo.InvariantCulture, $"all {api.Count} API answers list the same {reference.Count:N0} people with the same sales as the raw SQL (to the fen)")
                    : string.Create(CultureInfo.InvariantCulture, $"{differences.Count} of {api.Count} API answers differ from the raw SQL's {reference.Count:N0} people; first: {string.Join("; ", differences[0].Take(5))}")));
        }

        // The raw SQL's list of the bench's people against what the generator summed while writing the rows.
        var city = runs.First(r => r.Method == "raw SQL" && r.Scope == scopes[0].Name).Rows;
        var benchRows = city.Where(r => benchIds.Contains(r.Key)).ToDictionary(r => r.Key, r => r.Value);
        var generated = Same(benchRows, world.ExpectedBenchRows);
        checks.Add(new Check("raw SQL = the generated data", generated.Count == 0,
            generated.Count == 0
                ? string.Create(CultureInfo.InvariantCulture, $"the {benchRows.Count:N0} bench people listed are those the generator summed over ¥{world.Threshold:N0}, active and without an open or approved application, with the same sales ({city.Count - benchRows.Count} more are the demo data's)")
                : $"{generated.Count} differences; first: {string.Join("; ", generated.Take(5))}"));

        var county = runs.First(r => r.Method == "raw SQL" && r.Scope == scopes[1].Name).Rows;
        var cityInCounty = benchRows.Where(r => countyOf[r.Key] == countyCode).ToDictionary(r => r.Key, r => r.Value);
        var countyBench = county.Where(r => benchIds.Contains(r.Key)).ToDictionary(r => r.Key, r => r.Value);
        var countyDiff = Same(countyBench, cityInCounty);
        checks.Add(new Check("county = its part of the city-wide list", countyDiff.Count == 0,
            string.Create(CultureInfo.InvariantCulture, $"{county.Count:N0} people in {countyCode} ({countyDiff.Count} differences)")));

        var applied = world.Applications;
        var apiCity = runs.First(r => r.Method == "API" && r.Scope == scopes[0].Name).Rows;
        var open = world.ApplicationOf.Where(a => a.Value is not (BenefitState.Rejected or BenefitState.Withdrawn)).Select(a => a.Key).ToList();
        var closed = world.ApplicationOf.Keys.Except(open).ToList();
        var wronglyListed = open.Count(apiCity.ContainsKey);
        var wronglyLeftOut = closed.Count(id => !apiCity.ContainsKey(id));
        checks.Add(new Check("applications respected", wronglyListed == 0 && wronglyLeftOut == 0,
            string.Create(CultureInfo.InvariantCulture,
                $"{applied.Values.Sum():N0} qualifying people have an application ({string.Join(", ", applied.OrderBy(a => a.Key).Select(a => $"{a.Key} {a.Value}"))}): ") +
            string.Create(CultureInfo.InvariantCulture,
                $"{open.Count - wronglyListed:N0} of the {open.Count:N0} open or approved left out, {closed.Count - wronglyLeftOut:N0} of the {closed.Count:N0} rejected or withdrawn listed")));
        return checks;
    }

    /// <summary>The differences between two lists of person id → sales: missing, extra, or with other sales.</summary>
    private static List<string> Same(IReadOnlyDictionary<Guid, decimal> actual, IReadOnlyDictionary<Guid, decimal> expected)
    {
        var differences = new List<string>();
        foreach (var (id, total) in expected)
        {
            if (!actual.TryGetValue(id, out var found))
            {
                differences.Add($"{id} missing (¥{total})");
            }
            else if (found != total)
            {
                differences.Add($"{id} ¥{found} instead of ¥{total}");
            }
        }

        differences.AddRange(actual.Keys.Where(id => !expected.ContainsKey(id)).Select(id => $"{id} extra (¥{actual[id]})"));
        return differences;
    }

    private static void Say(string message) => Console.WriteLine($"==> {message}");

    private static ScreeningRun Print(ScreeningRun run, bool quiet = false)
    {
        if (!quiet)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {run.Method,-7} {run.Scope,-22} {run.Milliseconds,8:N1} ms, {run.Rows.Count,6:N0} rows{(run.Bytes > 0 ? $", {run.Bytes / 1024.0 / 1024.0:N1} MB" : string.Empty)}; CPU ms: API {run.Cpu.Api * 1000:N0}, PostgreSQL {run.Cpu.Postgres * 1000:N0}"));
        }

        return run;
    }
}

/// <summary>The figures of one method and scope over its timed runs.</summary>
public sealed record ScreeningStats(string Method, string Scope, int Runs, double Median, double P95, double P99, double Min, double Max, int Rows, double MegaBytes, double ApiCpuMs, double PostgresCpuMs)
{
    public static ScreeningStats Of(IReadOnlyList<ScreeningRun> runs, string method, string scope)
    {
        var mine = runs.Where(r => r.Method == method && r.Scope == scope).ToList();
        var ms = mine.Select(r => r.Milliseconds).Order().ToList();
        double Rank(double p) => ms[Math.Min(ms.Count - 1, Math.Max(0, (int)Math.Ceiling(p * ms.Count) - 1))];
        return new ScreeningStats(method, scope, mine.Count, Report.Median(ms), Rank(0.95), Rank(0.99), ms[0], ms[^1], mine[0].Rows.Count,
            mine[0].Bytes / 1024.0 / 1024.0, Report.Median(mine.Select(r => r.Cpu.Api * 1000)), Report.Median(mine.Select(r => r.Cpu.Postgres * 1000)));
    }
}
