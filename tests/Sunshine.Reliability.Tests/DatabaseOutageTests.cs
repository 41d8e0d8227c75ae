using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sunshine.Reliability.Tests.Infrastructure;

namespace Sunshine.Reliability.Tests;

/// <summary>
/// The database crashes under write load (<c>pg_ctl stop -m immediate</c> on a durable cluster) and comes back ten
/// seconds later. While it is away the API answers 503 <c>database.unavailable</c> with <c>Retry-After</c> and nothing
/// else, readiness turns 503 while liveness stays 200; within 30 seconds of the restart the API serves again; every
/// write that was acknowledged is in the database, and none is there twice.
/// </summary>
public sealed class DatabaseOutageTests(ITestOutputHelper output)
{
    private const string Database = "sunshine_fault";
    private const int PartnerLoops = 2;
    private const int OfficerLoops = 2;
    private const int ShopsPerPartnerLoop = 3;
    private static readonly TimeSpan LoadBeforeCrash = TimeSpan.FromSeconds(8);
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan LoadAfterRecovery = TimeSpan.FromSeconds(5);

    private readonly Stopwatch _clock = new();
    private readonly ConcurrentQueue<Answer> _answers = new();
    private readonly ConcurrentQueue<(double At, int Live, int Ready)> _probes = new();
    private readonly ConcurrentBag<(string Shop, string Period, decimal Gross)> _salesAcknowledged = [];
    private readonly ConcurrentBag<Guid> _personsAcknowledged = [];
    private readonly ConcurrentBag<string> _personsUnanswered = [];
    private readonly ConcurrentBag<(Guid Household, Guid Head)> _householdsAcknowledged = [];
    private readonly ConcurrentBag<Guid> _householdsUnanswered = [];
    private int _salesAttempts;
    private volatile bool _stopping;

    [Fact]
    [Trait("Category", "Long")]
    public async Task A_database_crash_under_write_load_gives_503s_then_full_service_and_loses_or_doubles_no_acknowledged_write()
    {
        await using var cluster = await PostgresCluster.StartAsync("fault");
        await cluster.CreateAppDatabaseAsync(Database);
        var shared = ApiShared.Create(cluster, Database, Path.GetDirectoryName(cluster.Folder)!, "http://127.0.0.1");
        await using var api = await ApiProcess.StartAsync(shared, "fault", new Dictionary<string, string>
        {
            ["RateLimiting__PartnerPerMinute"] = "1000000",
        });

        // The programme: a platform with one client per partner loop, each with shops of its own; county officers.
        using var city = await Programme.SignInAsync(api.BaseAddress, "city");
        var countyId = await Programme.RegionIdAsync(city, "430702");
        var partners = new List<(HttpClient Client, List<string> Shops)>();
        using var setupOfficer = await Programme.SignInAsync(api.BaseAddress, "wuling");
        for (var p = 0; p < PartnerLoops; p++)
        {
            var partner = await Programme.PartnerAsync(api.BaseAddress, await Programme.PartnerClientAsync(city));
            var shops = new List<string>();
            for (var s = 0; s < ShopsPerPartnerLoop; s++)
            {
                shops.Add(await Programme.ShopAsync(setupOfficer, countyId, partner));
            }

            partners.Add((partner, shops));
        }

        var officers = new List<HttpClient>();
        foreach (var userName in new[] { "wuling2", "wuling3" }.Take(OfficerLoops))
        {
            officers.Add(await Programme.SignInAsync(api.BaseAddress, userName));
        }

        _clock.Start();
        using var stopProbes = new CancellationTokenSource();
        var probes = ProbeHealthAsync(api.BaseAddress, stopProbes.Token);
        var loops = partners.Select((p, i) => PartnerLoopAsync(i, p.Client, p.Shops))
            .Concat(officers.Select((o, i) => OfficerLoopAsync(i, o, countyId)))
            .ToList();

        await Task.Delay(LoadBeforeCrash);
        var crashAt = _clock.Elapsed.TotalSeconds;
        await cluster.CrashAsync();
        var crashedAt = _clock.Elapsed.TotalSeconds;
        await Task.Delay(Outage);
        var restartAt = _clock.Elapsed.TotalSeconds;
        await cluster.StartAgainAsync();
        var restartedAt = _clock.Elapsed.TotalSeconds;

        // Full service: ready, and every loop has had a write acknowledged since the restart.
        double? fullServiceAt = null;
        while (_clock.Elapsed.TotalSeconds < restartAt + 60)
        {
            var ready = _probes.Any(p => p.At > restartAt && p.Ready == 200);
            var everyLoopServed = Enumerable.Range(0, PartnerLoops).All(i => _answers.Any(a => a.Loop == $"partner-{i}" && a.At > restartAt && a.Status is >= 200 and < 300))
                && Enumerable.Range(0, OfficerLoops).All(i => _answers.Any(a => a.Loop == $"officer-{i}" && a.At > restartAt && a.Status is >= 200 and < 300));
            if (ready && everyLoopServed)
            {
                fullServiceAt = _clock.Elapsed.TotalSeconds;
                break;
            }

            await Task.Delay(100);
        }

        await Task.Delay(LoadAfterRecovery);
        _stopping = true;
        await Task.WhenAll(loops);
        await stopProbes.CancelAsync();
        await probes;
        foreach (var client in partners.Select(p => p.Client).Concat(officers))
        {
            client.Dispose();
        }

        // What the database holds.
        var shopList = string.Join(',', partners.SelectMany(p => p.Shops).Select(s => $"'{s}'"));
        var salesRows = (await cluster.RowsAsync(Database,
                $"SELECT s.platform_shop_id, to_char(r.period_start, 'YYYY-MM'), r.gross FROM sales_records r JOIN shops s ON s.id = r.shop_id WHERE s.platform_shop_id IN ({shopList})"))
            .Select(r => ((string)r[0], (string)r[1], (decimal)r[2])).ToList();
        var rollUp = await cluster.ScalarAsync<decimal>(Database,
            $"SELECT coalesce(sum(m.gross), 0) FROM shop_month_sales m JOIN shops s ON s.id = m.shop_id WHERE s.platform_shop_id IN ({shopList})");
        var countyMismatches = await cluster.ScalarAsync<long>(Database,
            """
            SELECT count(*) FROM county_month_sales c
            FULL JOIN (SELECT county_id, month, sum(gross) AS gross FROM shop_month_sales GROUP BY county_id, month) s USING (county_id, month)
            WHERE c.gross IS DISTINCT FROM s.gross
            """);
        var personIds = string.Join(',', _personsAcknowledged.Select(id => $"'{id}'"));
        var personsFound = _personsAcknowledged.IsEmpty ? 0 : await cluster.ScalarAsync<long>(Database, $"SELECT count(*) FROM persons WHERE id IN ({personIds})");
        var personsStored = await cluster.ScalarAsync<long>(Database, "SELECT count(*) FROM persons WHERE name LIKE '故障测试%'");
        var householdIds = string.Join(',', _householdsAcknowledged.Select(h => $"'{h.Household}'"));
        var householdsFound = _householdsAcknowledged.IsEmpty ? 0 : await cluster.ScalarAsync<long>(Database, $"SELECT count(*) FROM households WHERE id IN ({householdIds})");
        var householdsStored = await cluster.ScalarAsync<long>(Database,
            "SELECT count(*) FROM households h WHERE EXISTS (SELECT 1 FROM household_members m JOIN persons p ON p.id = m.person_id WHERE m.household_id = h.id AND p.name LIKE '故障测试%')");

        var answers = _answers.ToList();
        var duringOutage = answers.Where(a => a.At >= crashedAt && a.At <= restartAt).ToList();
        var outage503 = duringOutage.Count(IsUnavailableProblem);
        var readyTurned = _probes.FirstOrDefault(p => p.At >= crashAt && p.Ready == 503);
        var liveFailures = _probes.Count(p => p.Live != 200);
        var recoveredReady = _probes.FirstOrDefault(p => p.At > restartAt && p.Ready == 200);
        var unexpected = answers.Where(a => !(a.Status is >= 200 and < 300 || IsUnavailableProblem(a)
            || (a.Status == 409 && a.Code == "idempotency.in_progress" && a.At > restartAt)
            || (a.Status == 409 && a.Code is "person.id_number_taken" or "household.person_in_other_household" && a.AfterUnavailable))).ToList();

        Figures.Report(output, "Database outage (pg_ctl stop -m immediate, durable cluster)",
        [
            ("load", $"{PartnerLoops} partner loops (sales reports, one record per Idempotency-Key, {ShopsPerPartnerLoop} shops each), {OfficerLoops} officer loops (a person, then a household headed by them)"),
            ("server stopped (immediate) at", $"{crashAt:0.0} s into the load, for {restartAt - crashedAt:0.0} s"),
            ("sales reports acknowledged (2xx) / found in the database", $"{_salesAcknowledged.Count} / {salesRows.Count(r => _salesAcknowledged.Contains(r))} (keys sent: {_salesAttempts}; rows stored for the loops' shops: {salesRows.Count})"),
            ("sales roll-up (shop-month) vs raw rows", $"{rollUp.ToString("0.00", CultureInfo.InvariantCulture)} vs {salesRows.Sum(r => r.Item3).ToString("0.00", CultureInfo.InvariantCulture)} yuan; county-month rows differing from the shop-months: {countyMismatches}"),
            ("persons acknowledged / found; stored in all (incl. answered only by a 503)", $"{_personsAcknowledged.Count} / {personsFound}; {personsStored} (unanswered: {_personsUnanswered.Count})"),
            ("households acknowledged / found; stored in all", $"{_householdsAcknowledged.Count} / {householdsFound}; {householdsStored} (unanswered: {_householdsUnanswered.Count})"),
            ("answers during the outage", $"{duringOutage.Count}: {outage503} × 503 database.unavailable with Retry-After, {duringOutage.Count(a => a.Status is >= 200 and < 300)} × 2xx (finished as it began), {duringOutage.Count - outage503 - duringOutage.Count(a => a.Status is >= 200 and < 300)} other"),
            ("answers in all / unexpected", $"{answers.Count} / {unexpected.Count}"),
            ("/health/ready 503 after the stop", readyTurned == default ? "never" : $"{readyTurned.At - crashAt:0.0} s"),
            ("/health/live answers other than 200", liveFailures.ToString(CultureInfo.InvariantCulture)),
            ("/health/ready 200 after the restart", recoveredReady == default ? "never" : $"{recoveredReady.At - restartedAt:0.0} s after pg_ctl start returned ({recoveredReady.At - restartAt:0.0} s after it was called)"),
            ("full service (ready and every loop acknowledged) after the restart", fullServiceAt is { } at ? $"{at - restartedAt:0.0} s" : "not within 60 s"),
        ]);

        Assert.Empty(unexpected.Select(a => a.ToString()));
        Assert.True(outage503 > 0, "No request was answered during the outage: the load did not reach the database.");
        Assert.All(duringOutage.Where(a => a.Status is not (>= 200 and < 300)), a => Assert.True(IsUnavailableProblem(a), a.ToString()));
        Assert.NotEqual(default, readyTurned);
        Assert.InRange(readyTurned.At - crashAt, 0, 10);
        Assert.Equal(0, liveFailures);
        Assert.NotNull(fullServiceAt);
        Assert.InRange(fullServiceAt.Value - restartedAt, 0, 30);

        // Every acknowledged write is there, exactly once; every key ended acknowledged, so nothing else is there.
        Assert.Equal(_salesAttempts, _salesAcknowledged.Count);
        Assert.Equal(_salesAcknowledged.OrderBy(s => s).ToList(), salesRows.OrderBy(s => s).ToList());
        Assert.Equal(salesRows.Sum(r => r.Item3), rollUp);
        Assert.Equal(0, countyMismatches);
        Assert.Equal(_personsAcknowledged.Count, personsFound);
        Assert.Equal(_personsAcknowledged.Count + _personsUnanswered.Count, personsStored);
        Assert.Equal(_householdsAcknowledged.Count, householdsFound);
        Assert.Equal(_householdsAcknowledged.Count + _householdsUnanswered.Count, householdsStored);
    }

    private static bool IsUnavailableProblem(Answer a) => a is { Status: 503, RetryAfter: true, Code: "database.unavailable" };

    /// <summary>Sales reports, one record per key, each (shop, month) once; a key is sent again until it is answered.</summary>
    private async Task PartnerLoopAsync(int loop, HttpClient partner, List<string> shops)
    {
        for (var n = 0; !_stopping && n < shops.Count * 300; n++)
        {
            var shop = shops[n % shops.Count];
            var month = new DateOnly(2000, 1, 1).AddMonths(n / shops.Count);
            var period = month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            var gross = 100 + (loop * 1000) + n + 0.25m;
            var json = JsonSerializer.Serialize(new
            {
                records = new[] { new { platformShopId = shop, period, orderCount = 3, units = 5, grossAmount = gross, refunds = 0m } },
            });
            var key = $"fault-{loop}-{n}";
            Interlocked.Increment(ref _salesAttempts);
            await SendUntilAnsweredAsync($"partner-{loop}", () => Programme.WriteAsync(partner, HttpMethod.Put, "/api/partner/v1/sales", json, key), (status, _) =>
            {
                if (status is >= 200 and < 300)
                {
                    _salesAcknowledged.Add((shop, period, gross));
                    return true;
                }

                return false;
            });
            await Task.Delay(40);
        }
    }

    /// <summary>An officer registers a person, then a household headed by them; each request is sent again until answered.</summary>
    private async Task OfficerLoopAsync(int loop, HttpClient officer, Guid countyId)
    {
        for (var n = 0; !_stopping; n++)
        {
            var idNumber = Programme.NewIdNumber();
            Guid? personId = null;
            var person = Programme.PersonBody(countyId, idNumber, $"故障测试{loop}-{n}");
            var personAnswered = await SendUntilAnsweredAsync($"officer-{loop}", () => officer.PostAsJsonAsync("/api/persons", person), (status, body) =>
            {
                if (status == 201)
                {
                    personId = body.GetProperty("id").GetGuid();
                    _personsAcknowledged.Add(personId.Value);
                    return true;
                }

                return false;
            });
            if (!personAnswered)
            {
                _personsUnanswered.Add(idNumber);
                continue;
            }

            if (personId is not { } head)
            {
                continue;
            }

            var household = new { countyId, headPersonId = head, isRegisteredPoor = false };
            var householdAnswered = await SendUntilAnsweredAsync($"officer-{loop}", () => officer.PostAsJsonAsync("/api/households", household), (status, body) =>
            {
                if (status == 201)
                {
                    _householdsAcknowledged.Add((body.GetProperty("id").GetGuid(), head));
                    return true;
                }

                return false;
            });
            if (!householdAnswered)
            {
                _householdsUnanswered.Add(head);
            }

            await Task.Delay(40);
        }
    }

    /// <summary>
    /// Sends until a 2xx (true), or a refusal after an earlier 503 showing the first attempt was stored after all (false).
    /// A 503 or a claim still in progress waits half a second and sends the same request again.
    /// </summary>
    private async Task<bool> SendUntilAnsweredAsync(string loop, Func<Task<HttpResponseMessage>> send, Func<int, JsonElement, bool> accept)
    {
        var hadUnavailable = false;
        var deadline = _clock.Elapsed + TimeSpan.FromSeconds(90);
        while (_clock.Elapsed < deadline)
        {
            Answer answer;
            JsonElement body = default;
            try
            {
                using var response = await send();
                var text = await response.Content.ReadAsStringAsync();
                if (text.Length > 0 && text[0] == '{')
                {
                    body = JsonDocument.Parse(text).RootElement.Clone();
                }

                var code = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("code", out var c) ? c.GetString() : null;
                answer = new Answer(_clock.Elapsed.TotalSeconds, loop, (int)response.StatusCode, response.Headers.RetryAfter is not null, code, hadUnavailable, null);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                answer = new Answer(_clock.Elapsed.TotalSeconds, loop, 0, false, null, hadUnavailable, e.GetBaseException().Message);
            }

            _answers.Enqueue(answer);
            if (answer.Status is >= 200 and < 300 && accept(answer.Status, body))
            {
                return true;
            }

            if (answer.Status == 409 && hadUnavailable && answer.Code is "person.id_number_taken" or "household.person_in_other_household")
            {
                return false;
            }

            if (answer.Status is not (503 or 409) && answer.Status != 0)
            {
                throw new InvalidOperationException($"Unexpected answer: {answer}: {body}");
            }

            hadUnavailable |= answer.Status == 503;
            await Task.Delay(500);
        }

        throw new InvalidOperationException($"{loop}: no answer within 90 seconds.");
    }

    private async Task ProbeHealthAsync(Uri api, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = api, Timeout = TimeSpan.FromSeconds(5) };
        while (!ct.IsCancellationRequested)
        {
            var live = await StatusAsync(http, "/health/live");
            var ready = await StatusAsync(http, "/health/ready");
            _probes.Enqueue((_clock.Elapsed.TotalSeconds, live, ready));
            try
            {
                await Task.Delay(200, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static async Task<int> StatusAsync(HttpClient http, string path)
    {
        try
        {
            using var response = await http.GetAsync(path);
            return (int)response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return 0;
        }
    }

    private sealed record Answer(double At, string Loop, int Status, bool RetryAfter, string? Code, bool AfterUnavailable, string? Error);
}
