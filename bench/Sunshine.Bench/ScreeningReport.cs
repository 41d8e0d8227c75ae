using System.Globalization;
using System.Text;

namespace Sunshine.Bench;

/// <summary>Scenario 2's section of docs/benchmarks.md.</summary>
public static class ScreeningReport
{
    public const string Begin = "<!-- bench:screening -->";
    public const string End = "<!-- /bench:screening -->";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Section(ScreeningOptions options, ScreeningWorld world, string machine, IReadOnlyList<ScreeningStats> stats, IReadOnlyList<Check> checks, string countyCode)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(stats);
        ArgumentNullException.ThrowIfNull(checks);
        var p = world.Profile;
        var d = world.Data;
        var s = new StringBuilder();
        s.AppendLine(Begin);
        s.AppendLine("## Scenario 2: award screening at programme scale");
        s.AppendLine();
        s.Append(Invariant, $"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC with `{options.Command}` (seed {options.Seed}). ")
            .Append(Invariant, $"`GET /api/awards/screening?type=DemonstrationHouseholdAward` (city-wide, and `&countyId=` for {countyCode}, the county with the most people on the list) as the city officer: ")
            .Append(Invariant, $"every active person whose shops' counted net sales of {p.SalesYear} (the calendar year before today, China time) reach the threshold of the policy in force (¥{world.Threshold:N0}; {world.PolicySource}) ")
            .Append("and who has no open or approved application of the award, with each decision and its facts ")
            .AppendLine(world.HasOwnerYearRollup
                ? "(this build finds the candidates in the owners' year roll-up `owner_year_sales` and sums each candidate's shop-months from `shop_month_sales` for the facts)."
                : "(the API sums a year of the monthly roll-up `shop_month_sales` per shop owner for the candidates, then each candidate's shop-months for the facts).");
        s.AppendLine();
        s.Append(Invariant, $"The limit is the same answer from the raw rows, straight from `sales_records` by Npgsql: the sum of the counted net (partner figures, staff figures once confirmed) over the year's periods grouped by the shop's owner, ")
            .AppendLine("the person active, the threshold read from the policy store's tables, no open or approved application in `benefits` (the query is `ScreeningScenario.RawSql`). The two run interleaved; every answer of both is compared, person by person and to the fen.");
        s.AppendLine();
        s.Append(Invariant, $"The data, all from the seed and loaded by binary COPY (`ProgrammeData`, `ScreeningSetup`): {p.People:N0} registered disabled people with valid fictional ID numbers (address prefix 4399xx, never allocated) ")
            .Append(Invariant, $"in {world.Counties.Count} county-level regions, their ID, certificate and phone numbers encrypted with the API's own key file and blind-indexed ({p.InactivePeople:N0} deceased or moved away); ")
            .Append(Invariant, $"{p.Shops:N0} shops on {options.Platforms} partner platforms (enterprises with the PartnerPlatform role), {p.PersonShops:N0} of them owned by {p.Sellers:N0} sellers (most one shop, some several) and {p.EnterpriseShops:N0} by {d.Enterprises} e-commerce enterprises; ")
            .Append(Invariant, $"{p.Records:N0} rows in `sales_records` over {options.Months} months, {d.FirstMonth:yyyy-MM} to {d.LastMonth:yyyy-MM}: the {p.DailyShops:N0} largest-ish shops report a row a day ({p.DailyRecords:N0} rows), the rest a row a month, ")
            .Append(Invariant, $"a quarter of the shops opening during the window; skewed as sales are (log-normal shop sizes, σ {SalesData.SizeSigma}: the top 1 % of shops sell {p.TopPercentToMedian:N0}× the median shop, {p.TopPercentShare:P0} of the gross; the season, the weekday, growth and noise); ")
            .Append(Invariant, $"{p.StaffShops:N0} staff-registered shops whose figures count once confirmed ({ProgrammeData.ConfirmedShare:P0} are). `shop_month_sales` and `county_month_sales` are summed from the rows by INSERT … SELECT … GROUP BY after the COPY. ")
            .Append(Invariant, $"In {p.SalesYear}, {p.PeopleWithSalesInYear:N0} people sold ¥{p.SalesYearNetFen / 100m / 1_000_000m:N1} million (counted net) between them; {p.PeopleOverThreshold:N0} active people reached the threshold; ")
            .Append(Invariant, $"every 8th of those has an application of the award ({string.Join(", ", world.Applications.OrderBy(a => a.Key).Select(a => $"{a.Key} {a.Value}"))}), so {world.ExpectedBenchRows.Count:N0} of them are on the list (with the demo data's few). ")
            .Append(Invariant, $"Generating and loading took {world.LoadSeconds:N0} s (")
            .Append(string.Join("; ", world.Steps.Where(x => x.Seconds >= 1).Select(x => string.Create(Invariant, $"{x.Step} {x.Seconds:N0} s"))))
            .AppendLine(").");
        s.AppendLine();
        s.AppendLine(machine);
        s.AppendLine();
        s.AppendLine("| query | scope | runs | median | p95 | p99 | min – max | people listed | response | CPU ms per run: API / PostgreSQL (median) |");
        s.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var x in stats)
        {
            var method = x.Method == "API" ? "**API** (roll-ups)" : "raw SQL (the limit)";
            var size = x.MegaBytes > 0 ? string.Create(Invariant, $"{x.MegaBytes:N1} MB JSON") : "–";
            s.AppendLine(Invariant,
                $"| {method} | {x.Scope} | {x.Runs} | {x.Median:N0} ms | {x.P95:N0} ms | {x.P99:N0} ms | {x.Min:N0} – {x.Max:N0} ms | {x.Rows:N0} | {size} | {x.ApiCpuMs:N0} / {x.PostgresCpuMs:N0} |");
        }

        s.AppendLine();
        for (var i = 0; i + 1 < stats.Count; i += 2)
        {
            var (api, raw) = (stats[i], stats[i + 1]);
            s.AppendLine(Invariant, $"- {api.Scope}: **raw SQL / API = {raw.Median / api.Median:N1}×** (medians {raw.Median:N0} ms and {api.Median:N0} ms).");
        }

        var city = (Api: stats[0], Raw: stats[1]);
        var met = city.Api.Median < 500 && city.Raw.Median / city.Api.Median >= 5;
        s.AppendLine();
        s.Append(Invariant,
                $"Target: city-wide under 500 ms and at least 5× faster than the raw SQL — **{(met ? "met" : "not met")}** (median {city.Api.Median:N0} ms, p99 {city.Api.P99:N0} ms, {city.Raw.Median / city.Api.Median:N1}×). ")
            .AppendLine("p95 and p99 are nearest-rank over the timed runs (with few runs p99 is the slowest run); the CPU columns come from /proc and move less than the wall clock when other work runs.");
        s.AppendLine();
        s.AppendLine("Correctness:");
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
}
