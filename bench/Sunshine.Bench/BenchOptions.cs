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

    public int Shops { get; init; } = 10_000;

    /// <summary>Shops registered through the partner API (seller verification and all); the rest are copied in as the same rows.</summary>
    public int ApiShops { get; init; } = 100;

    public int Sellers { get; init; } = 28;

    public string? Report { get; init; }

    /// <summary>The API's process id, to measure its CPU time per run.</summary>
    public int? ApiPid { get; init; }

    /// <summary>The PostgreSQL postmaster's process id, to measure the cluster's CPU time per run.</summary>
    public int? PostmasterPid { get; init; }

    public string Command { get; init; } = "bench/run";

    public string? Note { get; init; }

    /// <summary>How many months (from January 2017) the records span: a month is one record per shop.</summary>
    public int Months => (Records + Shops - 1) / Shops;

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
            Shops = Int("shops", 10_000),
            ApiShops = Int("api-shops", 100),
            Sellers = Int("sellers", 28),
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

        if (options.ApiShops > options.Shops || options.Sellers < 1)
        {
            throw new ArgumentException("--api-shops is at most --shops, and there is at least one seller.");
        }

        if (options.FullConcurrency.Count == 0)
        {
            throw new ArgumentException("--full-concurrency names at least one level (the last is the headline run).");
        }

        return options;
    }

    private static List<int> Ints(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(x => int.Parse(x, CultureInfo.InvariantCulture)).ToList();
}
