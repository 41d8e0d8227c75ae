using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sunshine.Reliability.Tests.Infrastructure;

namespace Sunshine.Reliability.Tests;

/// <summary>
/// Two API instances on one PostgreSQL behind nginx (<c>deploy/nginx/sunshine.conf</c>): a session or a key made on
/// one is honoured on the other, a revoked session is refused by both, rate limits are each instance's own, the
/// reminder schedule fires once for the cluster and the audit sealers take turns.
/// </summary>
public sealed class SeveralInstancesTests(ITestOutputHelper output)
{
    private const string Database = "sunshine_scale";
    private const int PartnerPerMinute = 5;
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    [Fact]
    [Trait("Category", "Long")]
    public async Task Two_instances_behind_nginx_share_sessions_keys_and_schedules_and_keep_their_own_rate_limits()
    {
        await using var cluster = await PostgresCluster.StartAsync("scale");
        await cluster.CreateAppDatabaseAsync(Database);
        var work = Path.GetDirectoryName(cluster.Folder)!;
        var nginxPort = Machine.FreePort();
        var shared = ApiShared.Create(cluster, Database, work, $"http://127.0.0.1:{nginxPort}");
        var settings = new Dictionary<string, string> { ["RateLimiting__PartnerPerMinute"] = PartnerPerMinute.ToString(CultureInfo.InvariantCulture) };

        // The first instance migrates and seeds; the second finds both done.
        var a = await ApiProcess.StartAsync(shared, "a", settings);
        var b = await ApiProcess.StartAsync(shared, "b", settings);
        try
        {
            await using var nginx = await Nginx.StartAsync(work, nginxPort, a, b);
            var figures = new List<(string, string)>();

            // A session cookie made by one instance is read by the other (shared Data Protection keys), and through nginx.
            var cookies = new CookieContainer();
            using (var onA = await Programme.SignInAsync(a.BaseAddress, "city", cookies))
            using (var onB = Programme.Browser(b.BaseAddress, cookies))
            using (var throughNginx = Programme.Browser(nginx.BaseAddress))
            {
                Assert.Equal("city", (await Programme.ReadAsync(await onB.GetAsync("/api/auth/me"), HttpStatusCode.OK)).GetProperty("userName").GetString());
                Assert.Equal(HttpStatusCode.Unauthorized, (await throughNginx.GetAsync("/api/auth/me")).StatusCode);
                throughNginx.DefaultRequestHeaders.Add("Cookie", cookies.GetCookieHeader(a.BaseAddress));
                for (var i = 0; i < 4; i++)
                {
                    Assert.Equal(HttpStatusCode.OK, (await throughNginx.GetAsync("/api/auth/me")).StatusCode);
                }
            }

            figures.Add(("a session signed in on instance A", "accepted by B and by both through nginx (4 of 4 round-robin requests)"));

            // An idempotency key answered by A is answered again, byte for byte, by B; a partner token of A works on B.
            using var city = await Programme.SignInAsync(a.BaseAddress, "city");
            using var officer = await Programme.SignInAsync(a.BaseAddress, "wuling");
            var countyId = await Programme.RegionIdAsync(city, "430702");
            var client = await Programme.PartnerClientAsync(city);
            // Tokens name their issuer after the public address the instances are reached at (nginx's Host), as in production.
            using var partnerNginx = await Programme.PartnerAsync(nginx.BaseAddress, client);
            using var partnerA = Behind(nginx, a, partnerNginx);
            var shop = await Programme.ShopAsync(officer, countyId, partnerA);
            var json = JsonSerializer.Serialize(new { records = new[] { new { platformShopId = shop, period = "2024-05", orderCount = 3, units = 5, grossAmount = 480.50m, refunds = 0m } } });
            var first = await Programme.WriteAsync(partnerA, HttpMethod.Put, "/api/partner/v1/sales", json, "scale-key-1");
            var firstBody = await Programme.EnsureAsync(first, HttpStatusCode.OK);
            using var partnerB = Behind(nginx, b, partnerNginx);
            var again = await Programme.WriteAsync(partnerB, HttpMethod.Put, "/api/partner/v1/sales", json, "scale-key-1");
            Assert.Equal(firstBody, await Programme.EnsureAsync(again, HttpStatusCode.OK));
            Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
            Assert.Equal(1L, await cluster.ScalarAsync<long>(Database, $"SELECT count(*) FROM sales_records r JOIN shops s ON s.id = r.shop_id WHERE s.platform_shop_id = '{shop}'"));
            Assert.Equal(0L, await cluster.ScalarAsync<long>(Database, $"SELECT count(*) FROM sales_history h JOIN shops s ON s.id = h.shop_id WHERE s.platform_shop_id = '{shop}'"));
            figures.Add(("an Idempotency-Key answered by A, sent to B", "the stored answer, byte for byte, with Idempotent-Replayed: true; one sales row"));

            // Rate limits are each instance's own: a fresh client gets its limit from A, then from B again.
            var limited = await Programme.PartnerClientAsync(city);
            using var limitedNginx = await Programme.PartnerAsync(nginx.BaseAddress, limited);
            using var limitedA = Behind(nginx, a, limitedNginx);
            using var limitedB = Behind(nginx, b, limitedNginx);
            var statusesA = new List<int>();
            var statusesB = new List<int>();
            for (var i = 0; i <= PartnerPerMinute; i++)
            {
                statusesA.Add((int)(await limitedA.GetAsync("/api/partner/v1/shops")).StatusCode);
            }

            for (var i = 0; i <= PartnerPerMinute; i++)
            {
                statusesB.Add((int)(await limitedB.GetAsync("/api/partner/v1/shops")).StatusCode);
            }

            var expected = Enumerable.Repeat(200, PartnerPerMinute).Append(429).ToList();
            Assert.Equal(expected, statusesA);
            Assert.Equal(expected, statusesB);
            figures.Add(("partner rate limit (per instance)", $"limit {PartnerPerMinute}/min: A answered {string.Join(' ', statusesA)}, then B {string.Join(' ', statusesB)}"));

            // Reminders: a deadline tomorrow (China Standard Time), then both instances restart at once; each runs the
            // reminder job as it starts (Reminders:RunOnStart) and the clustered schedule fires on one of them.
            var deadline = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(China).DateTime).AddDays(1);
            var programmes = await Programme.ReadAsync(await city.GetAsync("/api/programmes"), HttpStatusCode.OK);
            var programmeId = (programmes.ValueKind == JsonValueKind.Array ? programmes : programmes.GetProperty("items"))[0].GetProperty("id").GetGuid();
            var round = await Programme.ReadAsync(await city.PostAsJsonAsync("/api/work-plans/rounds", new
            {
                programmeId,
                title = "多实例提醒测试",
                deadline = deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                countyIds = new[] { countyId },
            }), HttpStatusCode.Created);
            var roundId = round.GetProperty("id").GetGuid();
            await Task.WhenAll(a.DisposeAsync().AsTask(), b.DisposeAsync().AsTask());
            var starting = new[] { ApiProcess.StartAsync(shared, "a2", settings), ApiProcess.StartAsync(shared, "b2", settings) };
            try
            {
                var restarted = await Task.WhenAll(starting);
                (a, b) = (restarted[0], restarted[1]);
            }
            catch
            {
                // The one that did start is stopped too, so no API process outlives a failed run.
                foreach (var started in starting.Where(t => t.IsCompletedSuccessfully))
                {
                    await (await started).DisposeAsync();
                }

                throw;
            }
            long reminders = 0;
            for (var wait = 0; wait < 60 && reminders == 0; wait++)
            {
                await Task.Delay(500);
                reminders = await cluster.ScalarAsync<long>(Database, $"SELECT count(*) FROM notifications WHERE subject_id = '{roundId}'");
            }

            // Both instances' start-up runs and the cluster's trigger have had their turn by now.
            await Task.Delay(TimeSpan.FromSeconds(5));
            reminders = await cluster.ScalarAsync<long>(Database, $"SELECT count(*) FROM notifications WHERE subject_id = '{roundId}'");
            var officers = await cluster.ScalarAsync<long>(Database,
                $"SELECT count(DISTINCT n.recipient_id) FROM notifications n WHERE n.subject_id = '{roundId}'");

            var distinct = await cluster.ScalarAsync<long>(Database, $"SELECT count(DISTINCT (recipient_id, stage)) FROM notifications WHERE subject_id = '{roundId}'");
            var schedulers = await cluster.ScalarAsync<long>(Database, "SELECT count(*) FROM qrtz_scheduler_state");
            Assert.True(officers > 0, "No reminder was sent.");
            Assert.Equal(officers, reminders);
            Assert.Equal(reminders, distinct);
            Assert.True(schedulers >= 2, $"{schedulers} scheduler instances checked in");
            figures.Add(("reminders of a deadline after both instances restarted at once", $"{reminders} notifications for {officers} county officers (one each); {schedulers} schedulers checked in to the clustered store"));

            // The audit trail, written through both instances, is one unbroken chain sealed by one sealer at a time.
            using var auditor = await Programme.SignInAsync(b.BaseAddress, "auditor");
            using var officerB = await Programme.SignInAsync(b.BaseAddress, "wuling");
            using var officerA = await Programme.SignInAsync(a.BaseAddress, "wuling2");
            await Task.WhenAll(Enumerable.Range(0, 10).Select(i => (i % 2 == 0 ? officerA : officerB)
                .PostAsJsonAsync("/api/persons", Programme.PersonBody(countyId, Programme.NewIdNumber(), "双实例" + i))));
            JsonElement verification = default;
            for (var wait = 0; wait < 30; wait++)
            {
                verification = await Programme.ReadAsync(await auditor.GetAsync("/api/audit-entries/verification"), HttpStatusCode.OK);
                if (verification.GetProperty("unsealedPending").GetInt64() == 0)
                {
                    break;
                }

                await Task.Delay(1000);
            }

            Assert.True(verification.GetProperty("isIntact").GetBoolean(), verification.ToString());
            Assert.Equal(0, verification.GetProperty("unsealedPending").GetInt64());
            figures.Add(("audit trail written through both instances", $"intact, {verification.GetProperty("entriesChecked").GetInt64()} entries checked, none left unsealed"));

            // A session ended on A (the account disabled there) is refused by A at its next request, and by B once B's reuse of
            // the session record it read is over (Sessions:CheckReuse, 10 s; the requirement is within a minute).
            var victimCookies = new CookieContainer();
            using var victimOnA = await Programme.SignInAsync(a.BaseAddress, "wuling3", victimCookies);
            using var victimOnB = Programme.Browser(b.BaseAddress); // a copy of the cookie: A's refusal deletes A's
            victimOnB.DefaultRequestHeaders.Add("Cookie", victimCookies.GetCookieHeader(a.BaseAddress));
            Assert.Equal(HttpStatusCode.OK, (await victimOnB.GetAsync("/api/auth/me")).StatusCode);
            using var admin = await Programme.SignInAsync(a.BaseAddress, "admin");
            var victimId = (await Programme.ReadAsync(await victimOnA.GetAsync("/api/auth/me"), HttpStatusCode.OK)).GetProperty("id").GetGuid();
            await Programme.EnsureAsync(await admin.PostAsJsonAsync($"/api/accounts/{victimId}/disable", new { }), HttpStatusCode.OK, HttpStatusCode.NoContent);
            var disabledAt = Stopwatch.StartNew();
            Assert.Equal(HttpStatusCode.Unauthorized, (await victimOnA.GetAsync("/api/auth/me")).StatusCode);
            var okOnB = 0;
            while ((await victimOnB.GetAsync("/api/auth/me")).StatusCode == HttpStatusCode.OK)
            {
                okOnB++;
                Assert.True(disabledAt.Elapsed < TimeSpan.FromSeconds(15), $"B still accepts the session {disabledAt.Elapsed.TotalSeconds:0.0} s after the account was disabled.");
                await Task.Delay(250);
            }

            var refusedByB = disabledAt.Elapsed;
            Assert.True(refusedByB < TimeSpan.FromSeconds(12), $"B refused the session only after {refusedByB.TotalSeconds:0.0} s.");
            Assert.Equal(HttpStatusCode.Unauthorized, (await victimOnA.GetAsync("/api/auth/me")).StatusCode);
            figures.Add(("a session whose account was disabled on A",
                $"refused (401) by A at the next request, by B {refusedByB.TotalSeconds:0.0} s later ({okOnB} requests accepted in between; reuse window 10 s, required within a minute)"));

            Figures.Report(output, "Several instances (two API processes, one PostgreSQL, nginx)", figures);
        }
        finally
        {
            await Task.WhenAll(a.DisposeAsync().AsTask(), b.DisposeAsync().AsTask());
        }
    }

    /// <summary>A partner's client sent to one instance as nginx would forward it (its Host header and the token).</summary>
    private static HttpClient Behind(Nginx nginx, ApiProcess instance, HttpClient partner)
    {
        var http = new HttpClient { BaseAddress = instance.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Host = nginx.BaseAddress.Authority;
        http.DefaultRequestHeaders.Authorization = partner.DefaultRequestHeaders.Authorization;
        return http;
    }
}
