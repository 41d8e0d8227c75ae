using System.Globalization;

namespace Sunshine.Bench;

/// <summary>The command line of scenario 2 (award screening at programme scale): the data set's size and the runs.</summary>
public sealed record ScreeningOptions
{
    public required Uri ApiUrl { get; init; }

    /// <summary>A superuser connection to the application database: loading the data set and the raw-SQL limit.</summary>
    public required string Database { get; init; }

    /// <summary>The API's sensitive-data key file (its Development key file): the people's columns are encrypted with it.</summary>
    public required string KeyFile { get; init; }

    public int Seed { get; init; } = 20_170_101;

    /// <summary>Registered disabled people (about 40 % of them sell online).</summary>
    public int People { get; init; } = 200_000;

    /// <summary>Shops of all platforms together (2 % owned by enterprises, the rest by people).</summary>
    public int Shops { get; init; } = 100_000;

    /// <summary>Rows of <c>sales_records</c>: monthly shops have a row a month, the largest shops a row a day, as many as it takes.</summary>
    public int Records { get; init; } = 10_000_000;

    /// <summary>Months of sales, ending with the last full month before today (China Standard Time).</summary>
    public int Months { get; init; } = 36;

    public int Platforms { get; init; } = 5;

    /// <summary>Timed API screenings of each scope (city-wide and one county), after the warm-up.</summary>
    public int Runs { get; init; } = 60;

    /// <summary>Timed raw-SQL runs of each scope, interleaved with the API's.</summary>
    public int RawRuns { get; init; } = 6;

    /// <summary>Untimed API requests of each scope first (one raw query of each too): the API's JIT settles over about ten requests of this size.</summary>
    public int WarmUp { get; init; } = 10;

    public string? Report { get; init; }

    /// <summary>Scenario 3 (the city dashboard) on the same data: timed rounds of its four calls, and as many page loads.</summary>
    public int DashboardRuns { get; init; } = 200;

    /// <summary>Timed runs of the dashboard's raw aggregate, spread among the API's.</summary>
    public int DashboardRawRuns { get; init; } = 5;

    /// <summary>Untimed rounds of the dashboard's calls first.</summary>
    public int DashboardWarmUp { get; init; } = 30;

    /// <summary>Only one part on this data set: <c>screening</c>, <c>dashboard</c> or <c>reads</c> (scenarios 4–7); all when not given.</summary>
    public string? Only { get; init; }

    /// <summary>Scenarios 4–7: the raw-Npgsql limit's address (bench/run starts it with <c>--scenario raw-server</c>).</summary>
    public Uri? RawApiUrl { get; init; }

    /// <summary>Scenarios 6 and 7: a shell script that starts the API on the migrated database (exec, so its process is the API's).</summary>
    public string? ApiStart { get; init; }

    /// <summary>Seconds of load per timed run of scenarios 4 and 5.</summary>
    public int ReadSeconds { get; init; } = 10;

    /// <summary>Timed rounds of scenarios 4 and 5: each round runs the raw endpoint, then the API, of both.</summary>
    public int ReadRounds { get; init; } = 3;

    /// <summary>Concurrent connections (and requests in flight) of scenarios 4 and 5.</summary>
    public int Connections { get; init; } = 32;

    /// <summary>Scenario 7: start-ups timed (each followed by the idle memory of scenario 6).</summary>
    public int StartupRuns { get; init; } = 5;

    public int? ApiPid { get; init; }

    public int? PostmasterPid { get; init; }

    public string Command { get; init; } = "bench/run screening";

    public string? Note { get; init; }

    /// <summary>Only makes the data and prints its profile (no database writes, no runs): to tune the generator.</summary>
    public bool DryRun { get; init; }

    /// <summary>Times a database this seed was loaded into earlier today again, without loading (for tuning the API).</summary>
    public bool Reuse { get; init; }

    public static ScreeningOptions Parse(string[] args)
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
        int? OptionalInt(string name) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : null;

        var options = new ScreeningOptions
        {
            ApiUrl = new Uri(values.GetValueOrDefault("api") ?? "http://127.0.0.1:1"),
            Database = values.GetValueOrDefault("db") ?? string.Empty,
            KeyFile = values.GetValueOrDefault("key-file") ?? string.Empty,
            Seed = Int("seed", 20_170_101),
            People = Int("people", 200_000),
            Shops = Int("shops", 100_000),
            Records = Int("records", 10_000_000),
            Months = Int("months", 36),
            Platforms = Int("platforms", 5),
            Runs = Int("runs", 60),
            RawRuns = Int("raw-runs", 6),
            WarmUp = Int("warm-up", 10),
            Report = values.GetValueOrDefault("report"),
            DashboardRuns = Int("dashboard-runs", 200),
            DashboardRawRuns = Int("dashboard-raw-runs", 5),
            DashboardWarmUp = Int("dashboard-warm-up", 30),
            Only = values.GetValueOrDefault("only"),
            RawApiUrl = values.TryGetValue("raw-api", out var raw) ? new Uri(raw) : null,
            ApiStart = values.GetValueOrDefault("api-start"),
            ReadSeconds = Int("read-seconds", 10),
            ReadRounds = Int("read-rounds", 3),
            Connections = Int("connections", 32),
            StartupRuns = Int("startup-runs", 5),
            ApiPid = OptionalInt("api-pid"),
            PostmasterPid = OptionalInt("postmaster-pid"),
            Command = values.GetValueOrDefault("command") ?? "bench/run screening",
            Note = values.GetValueOrDefault("note"),
            DryRun = values.TryGetValue("dry-run", out var dry) && bool.Parse(dry),
            Reuse = values.TryGetValue("reuse", out var reuse) && bool.Parse(reuse),
        };
        if (!options.DryRun)
        {
            _ = Required("api");
            _ = Required("db");
            _ = Required("key-file");
        }

        if (options.People < 100 || options.Shops < 100 || options.Shops > 1_000_000)
        {
            throw new ArgumentException("--people is at least 100 and --shops between 100 and 1,000,000.");
        }

        if (options.Months is < 13 or > 120)
        {
            throw new ArgumentException("--months is between 13 and 120 (the window holds the whole previous calendar year).");
        }

        if (options.Platforms is < 1 or > 20 || options.Runs < 1 || options.RawRuns < 1 || options.WarmUp < 0)
        {
            throw new ArgumentException("--platforms is 1 to 20; --runs and --raw-runs at least 1; --warm-up at least 0.");
        }

        if (options.ReadSeconds < 1 || options.ReadRounds < 1 || options.Connections < 1 || options.StartupRuns < 1)
        {
            throw new ArgumentException("--read-seconds, --read-rounds, --connections and --startup-runs are at least 1.");
        }

        if (options.Only is not (null or "screening" or "dashboard" or "reads") || options.DashboardRuns < 1 || options.DashboardRawRuns < 1 || options.DashboardWarmUp < 0)
        {
            throw new ArgumentException("--only is screening, dashboard or reads; --dashboard-runs and --dashboard-raw-runs at least 1; --dashboard-warm-up at least 0.");
        }

        return options;
    }
}
