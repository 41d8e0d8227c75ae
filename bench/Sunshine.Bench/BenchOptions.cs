using System.Globalization;

namespace Sunshine.Bench;

/// <summary>The command line of the bench: where the API and the database are, how much data, how many runs.</summary>
public sealed record BenchOptions
{
    public required Uri ApiUrl { get; init; }

    /// <summary>A superuser connection to the application database: the COPY baseline, clearing between runs, and the checks.</summary>
    public required string Database { get; init; }

    public int Seed { get; init; } = 20_170_101;

    /// <summary>Records of the headline API run (and of each COPY run).</summary>
    public int Records { get; init; } = 1_000_000;

    /// <summary>Records of each repeated API run at every concurrency level.</summary>
    public int RepeatRecords { get; init; } = 200_000;

    public int Runs { get; init; } = 3;

    public int CopyRuns { get; init; } = 3;

    public IReadOnlyList<int> Concurrency { get; init; } = [1, 2, 4];

    /// <summary>Concurrency levels of the full-size API runs (one run each); the last is the headline.</summary>
    public IReadOnlyList<int> FullConcurrency { get; init; } = [1, 2, 4];

    public int BatchSize { get; init; } = 1_000;

    /// <summary>Shops of all platforms together: about <see cref="Records"/> / 36, so the records span 36 months.</summary>
    public int Shops { get; init; } = 28_000;

    /// <summary>Shops registered through the partner API (seller verification and all), spread over the platforms; the rest are copied in as the same rows.</summary>
    public int ApiShops { get; init; } = 99;

    /// <summary>Registered disabled people (imported through the API) who own the shops.</summary>
    public int People { get; init; } = 5_000;

    /// <summary>Partner platforms; their shares of the shops fall off as 1, 1/2, 1/3, … (in whole batches).</summary>
    public int Platforms { get; init; } = 3;

    public string? Report { get; init; }

    /// <summary>The API's process id, to measure its CPU time per run.</summary>
    public int? ApiPid { get; init; }

    /// <summary>The PostgreSQL postmaster's process id, to measure the cluster's CPU time per run.</summary>
    public int? PostmasterPid { get; init; }

    public string Command { get; init; } = "bench/run";

    public string? Note { get; init; }

    /// <summary>How many months (from January 2017) the records span: a month is one record per shop (the last may be partial).</summary>
    public int Months => (Records + Shops - 1) / Shops;

    /// <summary>
    /// How many shops each platform has: shares 1, 1/2, 1/3, … of <see cref="Shops"/>, each a whole number of
    /// batches (at least one), so that every batch holds one platform's shops.
    /// </summary>
    public IReadOnlyList<int> PlatformShopCounts()
    {
        var chunks = Shops / BatchSize;
        var weights = Enumerable.Range(1, Platforms).Select(p => 1.0 / p).ToList();
        var counts = weights.Select(w => Math.Max(1, (int)Math.Round(chunks * w / weights.Sum()))).ToList();
        counts[0] += chunks - counts.Sum();
        return counts.Select(c => c * BatchSize).ToList();
    }

    /// <summary>How many of each platform's shops are registered through the partner API.</summary>
    public IReadOnlyList<int> PlatformApiShopCounts() =>
        Enumerable.Range(0, Platforms).Select(p => ApiShops / Platforms + (p < ApiShops % Platforms ? 1 : 0)).ToList();

    public static BenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"Unexpected argument '{args[i]}': options are --name value.");
            }

            values[args[i][2..]] = args[++i];
        }

        string Required(string name) => values.TryGetValue(name, out var v) ? v : throw new ArgumentException($"--{name} is required.");
        int Int(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

        var options = new BenchOptions
        {
            ApiUrl = new Uri(Required("api")),
            Database = Required("db"),
            Seed = Int("seed", 20_170_101),
            Records = Int("records", 1_000_000),
            RepeatRecords = Int("repeat-records", 200_000),
            Runs = Int("runs", 3),
            CopyRuns = Int("copy-runs", 3),
            Concurrency = values.TryGetValue("concurrency", out var c) ? Ints(c) : [1, 2, 4],
            FullConcurrency = values.TryGetValue("full-concurrency", out var f) ? Ints(f) : [1, 2, 4],
            BatchSize = Int("batch-size", 1_000),
            Shops = Int("shops", 28_000),
            ApiShops = Int("api-shops", 99),
            People = Int("people", 5_000),
            Platforms = Int("platforms", 3),
            Report = values.GetValueOrDefault("report"),
            ApiPid = values.TryGetValue("api-pid", out var api) ? int.Parse(api, CultureInfo.InvariantCulture) : null,
            PostmasterPid = values.TryGetValue("postmaster-pid", out var pm) ? int.Parse(pm, CultureInfo.InvariantCulture) : null,
            Command = values.GetValueOrDefault("command") ?? "bench/run",
            Note = values.GetValueOrDefault("note"),
        };
        if (options.Shops % options.BatchSize != 0 || options.Records % options.BatchSize != 0 || options.RepeatRecords % options.BatchSize != 0)
        {
            throw new ArgumentException("--shops, --records and --repeat-records must be multiples of --batch-size.");
        }

        // Periods may not lie in the future: the records' months, from January 2017, must end by this month.
        if (SalesData.Month(options.Months - 1) > DateOnly.FromDateTime(DateTime.UtcNow))
        {
            throw new ArgumentException($"{options.Records:N0} records over {options.Shops:N0} shops reach past this month: use more shops.");
        }

        if (options.Platforms < 1 || options.Shops / options.BatchSize < options.Platforms)
        {
            throw new ArgumentException("There is at least one platform, and at least one batch of shops per platform (--shops ≥ --platforms × --batch-size).");
        }

        if (options.PlatformShopCounts().Any(c => c < options.BatchSize))
        {
            throw new ArgumentException("Every platform needs at least one batch of shops: use more --shops or fewer --platforms.");
        }

        if (options.ApiShops < 1 || options.PlatformApiShopCounts().Zip(options.PlatformShopCounts()).Any(p => p.First > p.Second))
        {
            throw new ArgumentException("--api-shops is at least 1 (a registered shop is the template of the copied ones) and fits in every platform's shops.");
        }

        if (options.People is < 1 or > 100_000)
        {
            throw new ArgumentException("--people is between 1 and 100,000 (the made-up ID numbers are unique up to 100,000).");
        }

        if (options.FullConcurrency.Count == 0)
        {
            throw new ArgumentException("--full-concurrency names at least one level (the last is the headline run).");
        }

        return options;
    }

    private static List<int> Ints(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(x => int.Parse(x, CultureInfo.InvariantCulture)).ToList();
}
