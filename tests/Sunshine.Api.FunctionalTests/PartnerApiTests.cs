using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Sunshine.Api.FunctionalTests.Infrastructure;
using Sunshine.Domain.AccessControl;
using Sunshine.Infrastructure.Sales;

namespace Sunshine.Api.FunctionalTests;

/// <summary>The partner platform API over HTTP with real client-credentials tokens.</summary>
public sealed class PartnerApiTests(SunshineApp app)
{
    private const string Sales = "/api/partner/v1/sales";
    private const string Shops = "/api/partner/v1/shops";

    private async Task<(HttpClient Officer, Guid County, TestPartnerClient Client, HttpClient Partner, string Shop)> PartnerWithShopAsync(string granularity = "Monthly")
    {
        var officer = await TestPartners.CityOfficerAsync(app);
        var county = await app.RegionIdAsync("430721");
        var client = await TestPartners.CreatePlatformWithClientAsync(officer);
        var partner = await TestPartners.ConnectAsync(app, client);
        var seller = await TestPartners.ConsentingSellerAsync(officer, county);
        var shop = await TestPartners.RegisterShopAsync(partner, seller, granularity);
        return (officer, county, client, partner, shop);
    }

    private Task<Guid> ShopIdAsync(string platformShopId) =>
        app.QueryAsync(db => db.Shops.IgnoreQueryFilters().Where(s => s.PlatformShopId == platformShopId).Select(s => s.Id).SingleAsync());

    private Task<int> SalesCountAsync(Guid shopId) => app.QueryAsync(db => db.SalesRecords.IgnoreQueryFilters().CountAsync(s => s.ShopId == shopId));

    private Task<int> KeyCountAsync(Guid clientId) => app.QueryAsync(db => db.IdempotencyRecords.CountAsync(r => r.ClientId == clientId));

    [Fact]
    public async Task A_client_gets_a_short_lived_token_carrying_only_the_scopes_it_was_given()
    {
        var officer = await TestPartners.CityOfficerAsync(app);
        var platform = await TestPartners.CreatePlatformAsync(officer);
        var client = await TestPartners.CreateClientAsync(officer, platform, "catalog.read");

        var response = await TestPartners.RequestTokenAsync(app, client.ClientId, client.Secret);
        var token = await response.ShouldBeJsonAsync();
        Assert.Equal("Bearer", token.GetProperty("token_type").GetString());
        Assert.InRange(token.GetProperty("expires_in").GetInt32(), 1, 300);

        // A scope the client was not given is refused; so is a wrong secret.
        var refused = await (await TestPartners.RequestTokenAsync(app, client.ClientId, client.Secret, "sales.write")).ShouldBeJsonAsync(HttpStatusCode.BadRequest);
        Assert.False(refused.TryGetProperty("access_token", out _));
        Assert.Contains("scope", refused.GetProperty("error_description").GetString()!, StringComparison.OrdinalIgnoreCase);
        var wrongSecret = await TestPartners.RequestTokenAsync(app, client.ClientId, client.Secret + "x");
        Assert.Equal("invalid_client", (await wrongSecret.ShouldBeJsonAsync(HttpStatusCode.Unauthorized)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task No_token_is_401_and_a_token_without_sales_write_is_403()
    {
        var (officer, _, _, _, shop) = await PartnerWithShopAsync();
        var body = new { records = new[] { TestPartners.Record(shop, "2024-05", 100m) } };

        var anonymous = app.CreateClient();
        await (await anonymous.WriteAsync(HttpMethod.Put, Sales, body)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.unauthenticated");

        var platform = await TestPartners.CreatePlatformAsync(officer);
        var catalogueOnly = await TestPartners.ConnectAsync(app, await TestPartners.CreateClientAsync(officer, platform, "catalog.read", "shops.write"));
        await (await catalogueOnly.WriteAsync(HttpMethod.Put, Sales, body)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.permission_required");

        // A client holding the scope, asking for a token without it, is refused too.
        var (_, _, client, _, _) = await PartnerWithShopAsync();
        var narrowed = await TestPartners.ConnectAsync(app, client, "catalog.read");
        await (await narrowed.WriteAsync(HttpMethod.Put, Sales, body)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.permission_required");

        // Officers' sessions do not reach the partner API either.
        await (await officer.WriteAsync(HttpMethod.Put, Sales, body)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.permission_required");
    }

    [Fact]
    public async Task Revoking_a_client_or_rotating_its_secret_stops_its_tokens_at_once()
    {
        var officer = await TestPartners.CityOfficerAsync(app);
        var client = await TestPartners.CreatePlatformWithClientAsync(officer);
        var partner = await TestPartners.ConnectAsync(app, client);
        (await partner.GetAsync(Shops)).EnsureSuccessStatusCode();

        var rotated = await (await officer.PostAsync($"/api/partner-clients/{client.Id}/secret", null)).ShouldBeJsonAsync();
        var newSecret = rotated.GetProperty("clientSecret").GetString()!;
        Assert.NotEqual(client.Secret, newSecret);
        Assert.Equal(HttpStatusCode.Unauthorized, (await partner.GetAsync(Shops)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await TestPartners.RequestTokenAsync(app, client.ClientId, client.Secret)).StatusCode);

        var renewed = await TestPartners.ConnectAsync(app, client with { Secret = newSecret });
        (await renewed.GetAsync(Shops)).EnsureSuccessStatusCode();

        var revoked = await (await officer.PostAsync($"/api/partner-clients/{client.Id}/revocation", null)).ShouldBeJsonAsync();
        Assert.False(revoked.GetProperty("isActive").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await renewed.GetAsync(Shops)).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await TestPartners.RequestTokenAsync(app, client.ClientId, newSecret)).StatusCode);

        // The list never shows a secret.
        var list = await (await officer.GetAsync($"/api/partner-clients?platformId={client.PlatformId}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(newSecret, list, StringComparison.Ordinal);
        Assert.DoesNotContain("secret\"", list.ToLowerInvariant().Replace("secretissuedat", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seller_verification_gives_one_uniform_refusal_and_audits_every_attempt()
    {
        var officer = await TestPartners.CityOfficerAsync(app);
        var county = await app.RegionIdAsync("430721");
        var client = await TestPartners.CreatePlatformWithClientAsync(officer);
        var partner = await TestPartners.ConnectAsync(app, client);
        var seller = await TestPartners.ConsentingSellerAsync(officer, county);
        var noConsentId = TestPeople.NewIdNumber();
        await TestPeople.CreateAsync(officer, county, noConsentId);

        object Shop(string certificate, string name) => new
        {
            platformShopId = "v-" + Guid.NewGuid().ToString("N")[..10],
            name = "小店",
            granularity = "Monthly",
            openedOn = "2024-01-01",
            seller = new { certificateNumber = certificate, name },
        };

        var watermark = await app.AuditWatermarkAsync();
        var attempts = new[]
        {
            Shop(seller.CertificateNumber, "别人的名字"),                 // name does not match
            Shop(noConsentId + "42", "测试人员"),                          // registered, no consent to sharing
            Shop(TestPeople.NewIdNumber() + "42", "测试人员"),             // not registered
        };
        var bodies = new List<string>();
        foreach (var attempt in attempts)
        {
            var problem = await (await partner.WriteAsync(HttpMethod.Post, Shops, attempt)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "seller.not_verified");
            bodies.Add(problem.GetProperty("detail").GetString() + "|" + string.Join(',', HttpAssertions.FieldsOf(problem)));
        }

        Assert.Single(bodies.Distinct());
        var rows = await app.AuditRowsAfterAsync(watermark, actorId: client.Id);
        var verifications = rows.Where(r => r.EntityType == "SellerVerification").ToList();
        Assert.Equal(3, verifications.Count);
        Assert.All(verifications, r => Assert.DoesNotContain(noConsentId, r.Changes ?? string.Empty, StringComparison.Ordinal));
        Assert.DoesNotContain(rows, r => r.EntityType == "Shop");

        // The same seller verified registers a shop; the answer says nothing about the seller.
        var created = await (await partner.WriteAsync(HttpMethod.Post, Shops, Shop(seller.CertificateNumber, seller.Name))).Content.ReadAsStringAsync();
        Assert.DoesNotContain(seller.CertificateNumber, created, StringComparison.Ordinal);
        Assert.DoesNotContain(seller.Id.ToString(), created, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"Open\"", created, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_partner_cannot_see_or_write_another_platforms_shop()
    {
        var (_, _, clientA, partnerA, shopA) = await PartnerWithShopAsync();
        var (_, _, clientB, partnerB, shopB) = await PartnerWithShopAsync();
        var shopAId = await ShopIdAsync(shopA);
        var watermark = await app.AuditWatermarkAsync();
        var keys = await KeyCountAsync(clientB.Id);

        await (await partnerB.WriteAsync(HttpMethod.Put, Sales, new { records = new[] { TestPartners.Record(shopB, "2024-05", 10m), TestPartners.Record(shopA, "2024-05", 10m) } }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "shop.not_found");
        await (await partnerB.WriteAsync(HttpMethod.Patch, $"{Shops}/{shopA}", new { closedOn = "2024-06-01" })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "shop.not_found");
        await (await partnerB.GetAsync($"{Sales}?platformShopId={shopA}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "shop.not_found");
        var listed = await (await partnerB.GetAsync($"{Shops}?pageSize=100")).ShouldBeJsonAsync();
        Assert.DoesNotContain(listed.GetProperty("items").EnumerateArray(), s => s.GetProperty("platformShopId").GetString() == shopA);

        // Nothing written: no sales, no audit rows from B, and the keys were given back.
        Assert.Equal(0, await SalesCountAsync(shopAId));
        Assert.Equal(0, await SalesCountAsync(await ShopIdAsync(shopB)));
        Assert.Empty(await app.AuditRowsAfterAsync(watermark, actorId: clientB.Id));
        Assert.Equal(keys, await KeyCountAsync(clientB.Id));

        // A sees its own.
        (await partnerA.GetAsync($"{Sales}?platformShopId={shopA}")).EnsureSuccessStatusCode();
        Assert.NotEqual(clientA.Id, clientB.Id);
    }

    [Fact]
    public async Task Idempotency_key_is_required_and_replays_the_first_answer_byte_for_byte()
    {
        var (_, _, client, partner, shop) = await PartnerWithShopAsync();
        var shopId = await ShopIdAsync(shop);
        var body = JsonSerializer.Serialize(new { records = new[] { TestPartners.Record(shop, "2024-05", 120.50m, 20m), TestPartners.Record(shop, "2024-06", 99m) } }, HttpAssertions.Json);

        // Missing key: 400, nothing written.
        var noKey = new HttpRequestMessage(HttpMethod.Put, Sales) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        await (await partner.SendAsync(noKey)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "idempotency.key_missing");
        Assert.Equal(0, await SalesCountAsync(shopId));

        var keys = await KeyCountAsync(client.Id);
        var key = Guid.NewGuid().ToString();
        var first = await partner.WriteAsync(HttpMethod.Put, Sales, body, key);
        var firstBytes = await first.Content.ReadAsByteArrayAsync();
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var watermark = await app.AuditWatermarkAsync();
        var history = await app.QueryAsync(db => db.SalesHistory.CountAsync(h => h.ShopId == shopId));

        // Same key, same body: the stored answer, nothing written again.
        var replay = await partner.WriteAsync(HttpMethod.Put, Sales, body, key);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal(firstBytes, await replay.Content.ReadAsByteArrayAsync());
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(2, await SalesCountAsync(shopId));
        Assert.Equal(history, await app.QueryAsync(db => db.SalesHistory.CountAsync(h => h.ShopId == shopId)));
        Assert.Empty(await app.AuditRowsAfterAsync(watermark, actorId: client.Id));

        // Same key, another body: 422, nothing written.
        var other = body.Replace("120.5", "130.5", StringComparison.Ordinal);
        Assert.NotEqual(body, other);
        await (await partner.WriteAsync(HttpMethod.Put, Sales, other, key)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency.key_reused");
        var stored = await app.QueryAsync(db => db.SalesRecords.IgnoreQueryFilters().Where(s => s.ShopId == shopId).OrderBy(s => s.PeriodStart).Select(s => s.Gross).ToListAsync());
        Assert.Equal(120.50m, stored[0].Yuan);
        Assert.Empty(await app.AuditRowsAfterAsync(watermark, actorId: client.Id));
        Assert.Equal(keys + 1, await KeyCountAsync(client.Id));

        // Keys are per client: another platform's client may use the same key for its own request.
        var (_, _, otherClient, otherPartner, otherShop) = await PartnerWithShopAsync();
        var otherKeys = await KeyCountAsync(otherClient.Id);
        var otherResponse = await otherPartner.WriteAsync(HttpMethod.Put, Sales, new { records = new[] { TestPartners.Record(otherShop, "2024-05", 1m) } }, key);
        Assert.Equal(HttpStatusCode.OK, otherResponse.StatusCode);
        Assert.Equal(otherKeys + 1, await KeyCountAsync(otherClient.Id));
    }

    [Fact]
    public async Task Concurrent_requests_with_one_key_run_once_and_the_other_gets_409()
    {
        var (_, _, client, partner, shop) = await PartnerWithShopAsync();
        var shopId = await ShopIdAsync(shop);
        var body = JsonSerializer.Serialize(new { records = new[] { TestPartners.Record(shop, "2024-07", 500m) } }, HttpAssertions.Json);
        var key = Guid.NewGuid().ToString();

        // Hold the shop's write lock so the first request waits inside its transaction, key claimed.
        await using var blocker = new NpgsqlConnection(app.Database.OwnerConnectionString);
        await blocker.OpenAsync();
        await using var transaction = await blocker.BeginTransactionAsync();
        await using (var lockShop = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@k)", blocker, transaction))
        {
            lockShop.Parameters.AddWithValue("k", SalesWriter.LockKey(shopId));
            await lockShop.ExecuteNonQueryAsync();
        }

        var keys = await KeyCountAsync(client.Id);
        var firstTask = partner.WriteAsync(HttpMethod.Put, Sales, body, key);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await KeyCountAsync(client.Id) == keys && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        var second = await partner.WriteAsync(HttpMethod.Put, Sales, body, key);
        await second.ShouldBeProblemAsync(HttpStatusCode.Conflict, "idempotency.in_progress");
        Assert.False(firstTask.IsCompleted);

        await transaction.CommitAsync();
        var first = await firstTask;
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(1, await SalesCountAsync(shopId));

        // Once answered, the key replays.
        var third = await partner.WriteAsync(HttpMethod.Put, Sales, body, key);
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await third.Content.ReadAsByteArrayAsync());
        Assert.Equal(1, await SalesCountAsync(shopId));
    }

    [Fact]
    public async Task A_batch_with_one_negative_amount_is_refused_whole_naming_the_record()
    {
        var (_, _, client, partner, shop) = await PartnerWithShopAsync();
        var shopId = await ShopIdAsync(shop);
        var watermark = await app.AuditWatermarkAsync();
        var keys = await KeyCountAsync(client.Id);
        var records = new[]
        {
            TestPartners.Record(shop, "2024-01", 10m),
            TestPartners.Record(shop, "2024-02", 20m),
            TestPartners.Record(shop, "2024-03", -5m),
            TestPartners.Record(shop, "2024-04", 40m),
        };

        var problem = await (await partner.WriteAsync(HttpMethod.Put, Sales, new { records })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");

        Assert.Equal(["records[2].grossAmount"], HttpAssertions.FieldsOf(problem));
        Assert.Equal(0, await SalesCountAsync(shopId));
        Assert.Empty(await app.AuditRowsAfterAsync(watermark, actorId: client.Id));
        Assert.Equal(keys, await KeyCountAsync(client.Id));

        // A rule broken deeper in the batch (a day for a monthly shop) is refused whole too, named.
        var wrongPeriod = await (await partner.WriteAsync(HttpMethod.Put, Sales, new { records = new[] { records[0], TestPartners.Record(shop, "2024-02-03", 1m) } }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "sales.granularity_mismatch");
        Assert.Equal(["records[1].period"], HttpAssertions.FieldsOf(wrongPeriod));
        Assert.Equal(0, await SalesCountAsync(shopId));
    }

    [Fact]
    public async Task Batches_are_limited_to_1000_records_and_bodies_to_1_MB()
    {
        var (_, _, _, partner, shop) = await PartnerWithShopAsync("Daily");
        var start = new DateOnly(2024, 1, 1);
        object Day(int i) => TestPartners.Record(shop, start.AddDays(i).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), 1m);

        var tooMany = await (await partner.WriteAsync(HttpMethod.Put, Sales, new { records = Enumerable.Range(0, 1001).Select(Day).ToArray() }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        Assert.Contains("records", HttpAssertions.FieldsOf(tooMany));

        var full = await (await partner.WriteAsync(HttpMethod.Put, Sales, new { records = Enumerable.Range(0, 1000).Select(Day).ToArray() })).ShouldBeJsonAsync();
        Assert.Equal(1000, full.GetProperty("created").GetInt32());
        Assert.Equal(1000, await SalesCountAsync(await ShopIdAsync(shop)));

        var padding = new string(' ', 1024 * 1024);
        await (await partner.WriteAsync(HttpMethod.Put, Sales, "{\"records\":[]" + padding + "}")).ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, "request.too_large");
    }

    [Fact]
    public async Task A_resent_period_supersedes_and_the_history_keeps_the_old_figures()
    {
        var (_, _, _, partner, shop) = await PartnerWithShopAsync();
        var shopId = await ShopIdAsync(shop);

        var first = await (await partner.WriteAsync(HttpMethod.Put, Sales, new { records = new[] { TestPartners.Record(shop, "2024-05", 100m, 10m, orders: 4, units: 6) } })).ShouldBeJsonAsync();
        Assert.Equal("Created", first.GetProperty("results")[0].GetProperty("outcome").GetString());
        var again = await (await partner.WriteAsync(HttpMethod.Put, Sales, new { records = new[] { TestPartners.Record(shop, "2024-05", 100m, 10m, orders: 4, units: 6) } })).ShouldBeJsonAsync();
        Assert.Equal("Unchanged", again.GetProperty("results")[0].GetProperty("outcome").GetString());
        var corrected = await (await partner.WriteAsync(HttpMethod.Put, Sales, new { records = new[] { TestPartners.Record(shop, "2024-05", 150m, 30m, orders: 5, units: 8) } })).ShouldBeJsonAsync();
        Assert.Equal("Updated", corrected.GetProperty("results")[0].GetProperty("outcome").GetString());

        var readBack = await (await partner.GetAsync($"{Sales}?platformShopId={shop}&from=2024-01-01&to=2024-12-31")).ShouldBeJsonAsync();
        var record = readBack.EnumerateArray().Single();
        Assert.Equal("2024-05", record.GetProperty("period").GetString());
        Assert.Equal(150m, record.GetProperty("grossAmount").GetDecimal());
        Assert.Equal(120m, record.GetProperty("net").GetDecimal());
        Assert.Equal(1, record.GetProperty("supersededVersions").GetInt32());

        var history = await app.QueryAsync(db => db.SalesHistory.Where(h => h.ShopId == shopId).ToListAsync());
        var old = Assert.Single(history);
        Assert.Equal((4, 6, 100m, 10m), (old.OrderCount, old.Units, old.Gross.Yuan, old.Refunds.Yuan));
        var month = await app.QueryAsync(db => db.ShopMonthSales.SingleAsync(m => m.ShopId == shopId));
        Assert.Equal((5L, 8L, 150m, 30m, 120m, 120m), ((long)month.OrderCount, (long)month.Units, month.Gross, month.Refunds, month.Net, month.CountedNet));
    }

    [Fact]
    public async Task A_batch_mixing_new_changed_and_unchanged_periods_answers_each_and_keeps_only_the_changed_ones_history()
    {
        var (_, _, _, partner, shop) = await PartnerWithShopAsync();
        var shopId = await ShopIdAsync(shop);
        (await partner.WriteAsync(HttpMethod.Put, Sales, new
        {
            records = new[] { TestPartners.Record(shop, "2024-01", 100m, 10m), TestPartners.Record(shop, "2024-02", 200m, 20m) },
        })).EnsureSuccessStatusCode();

        var mixed = await (await partner.WriteAsync(HttpMethod.Put, Sales, new
        {
            records = new[]
            {
                TestPartners.Record(shop, "2024-03", 300m),
                TestPartners.Record(shop, "2024-02", 250m, 20m),
                TestPartners.Record(shop, "2024-01", 100m, 10m),
            },
        })).ShouldBeJsonAsync();

        Assert.Equal(["Created", "Updated", "Unchanged"], mixed.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("outcome").GetString()));
        Assert.Equal((1, 1, 1), (mixed.GetProperty("created").GetInt32(), mixed.GetProperty("updated").GetInt32(), mixed.GetProperty("unchanged").GetInt32()));
        var old = Assert.Single(await app.QueryAsync(db => db.SalesHistory.Where(h => h.ShopId == shopId).ToListAsync()));
        Assert.Equal((new DateOnly(2024, 2, 1), 200m, 20m), (old.PeriodStart, old.Gross.Yuan, old.Refunds.Yuan));
        var months = await app.QueryAsync(db => db.ShopMonthSales.Where(m => m.ShopId == shopId).OrderBy(m => m.Month).Select(m => m.Gross).ToListAsync());
        Assert.Equal([100m, 250m, 300m], months);
    }

    [Fact]
    public async Task Roll_ups_equal_a_direct_sum_over_the_raw_rows_after_random_writes_and_corrections()
    {
        var officer = await TestPartners.CityOfficerAsync(app);
        var (confirmer, _) = await app.SignInAsNewAsync(Roles.CityOfficer);
        var counties = new[] { await app.RegionIdAsync("430721"), await app.RegionIdAsync("430725") };
        var client = await TestPartners.CreatePlatformWithClientAsync(officer);
        var partner = await TestPartners.ConnectAsync(app, client);
        var shops = new List<(string Id, string Granularity)>();
        for (var i = 0; i < 4; i++)
        {
            var granularity = i % 2 == 0 ? "Monthly" : "Daily";
            shops.Add((await TestPartners.RegisterShopAsync(partner, await TestPartners.ConsentingSellerAsync(officer, counties[i % 2]), granularity), granularity));
        }

        var random = new Random(20261129);
        string Period((string Id, string Granularity) shop) => shop.Granularity == "Monthly"
            ? $"2024-{random.Next(1, 5):00}"
            : $"2024-{random.Next(1, 5):00}-{random.Next(1, 4):00}";

        for (var round = 0; round < 12; round++)
        {
            var batch = new Dictionary<(string, string), object>();
            for (var r = 0; r < random.Next(1, 15); r++)
            {
                var shop = shops[random.Next(shops.Count)];
                var period = Period(shop);
                batch[(shop.Id, period)] = TestPartners.Record(shop.Id, period, random.Next(0, 100_000) / 100m, random.Next(0, 1_000) / 100m, random.Next(0, 50), random.Next(0, 80));
            }

            (await partner.WriteAsync(HttpMethod.Put, Sales, new { records = batch.Values.ToArray() })).EnsureSuccessStatusCode();

            // Officers also enter and correct figures, and some are confirmed.
            var staffShop = shops[random.Next(shops.Count)];
            var staffShopId = await ShopIdAsync(staffShop.Id);
            var entered = await (await officer.PutAsJsonAsync($"/api/shops/{staffShopId}/sales", new
            {
                period = Period(staffShop), orderCount = random.Next(0, 9), units = random.Next(0, 9), grossAmount = random.Next(0, 50_000) / 100m, refunds = 0m,
            })).ShouldBeJsonAsync();
            if (random.Next(2) == 0)
            {
                (await confirmer.PostAsync($"/api/shops/sales/{entered.GetProperty("id").GetGuid()}/confirmation", null)).EnsureSuccessStatusCode();
            }
        }

        // One statement, one snapshot each: every roll-up row against the raw rows, over the whole database.
        Assert.Equal(0, await RollUpMismatchesAsync("shop_id", "shop_month_sales"));
        Assert.Equal(0, await RollUpMismatchesAsync("county_id", "county_month_sales"));
        Assert.Equal(0, await OwnerYearMismatchesAsync());
        Assert.True(await app.QueryAsync(db => db.SalesHistory.CountAsync()) > 0, "The sequence should have superseded some figures.");
    }

    /// <summary>Roll-up rows that differ from a GROUP BY over sales_records (or exist on one side only).</summary>
    private Task<int> RollUpMismatchesAsync(string key, string table) =>
#pragma warning disable EF1002 // the names are this class's constants, never input
        app.QueryAsync(db => db.Database.SqlQueryRaw<int>(
            $"""
            SELECT count(*)::int AS "Value" FROM (
              SELECT {key}, month, sum(order_count)::bigint o, sum(units)::bigint u, sum(gross) g, sum(refunds) r, sum(net) n,
                     sum(CASE WHEN source = 'Partner' OR confirmed_by_id IS NOT NULL THEN net ELSE 0 END) c
              FROM sales_records GROUP BY {key}, month
            ) raw FULL JOIN {table} m USING ({key}, month)
            WHERE raw.o IS DISTINCT FROM m.order_count OR raw.u IS DISTINCT FROM m.units OR raw.g IS DISTINCT FROM m.gross
               OR raw.r IS DISTINCT FROM m.refunds OR raw.n IS DISTINCT FROM m.net OR raw.c IS DISTINCT FROM m.counted_net
            """).SingleAsync());
#pragma warning restore EF1002

    /// <summary>Owner-year roll-up rows (screening's) that differ from a GROUP BY over sales_records by the shops' owners.</summary>
    private Task<int> OwnerYearMismatchesAsync() =>
        app.QueryAsync(db => db.Database.SqlQueryRaw<int>(
            """
            SELECT count(*)::int AS "Value" FROM (
              SELECT coalesce(s.owner_person_id, s.owner_enterprise_id) AS owner_id, extract(year FROM r.month)::int AS year, sum(r.net) n,
                     sum(CASE WHEN r.source = 'Partner' OR r.confirmed_by_id IS NOT NULL THEN r.net ELSE 0 END) c
              FROM sales_records r JOIN shops s ON s.id = r.shop_id GROUP BY 1, 2
            ) raw FULL JOIN owner_year_sales y USING (owner_id, year)
            WHERE raw.n IS DISTINCT FROM y.net OR raw.c IS DISTINCT FROM y.counted_net
            """).SingleAsync());

    [Fact]
    public async Task Partners_list_rename_and_close_their_shops()
    {
        var (_, _, _, partner, shop) = await PartnerWithShopAsync();

        var renamed = await (await partner.WriteAsync(HttpMethod.Patch, $"{Shops}/{shop}", new { name = "阳光小店（新）" })).ShouldBeJsonAsync();
        Assert.Equal("阳光小店（新）", renamed.GetProperty("name").GetString());
        Assert.Equal("Open", renamed.GetProperty("status").GetString());

        await (await partner.WriteAsync(HttpMethod.Patch, $"{Shops}/{shop}", new { })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        await (await partner.WriteAsync(HttpMethod.Patch, $"{Shops}/{shop}", new { closedOn = "2023-12-31" }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "shop.closed_on_invalid");
        var closed = await (await partner.WriteAsync(HttpMethod.Patch, $"{Shops}/{shop}", new { closedOn = "2024-06-30" })).ShouldBeJsonAsync();
        Assert.Equal("Closed", closed.GetProperty("status").GetString());

        var list = await (await partner.GetAsync($"{Shops}?status=Closed&pageSize=100")).ShouldBeJsonAsync();
        Assert.Contains(list.GetProperty("items").EnumerateArray(), s => s.GetProperty("platformShopId").GetString() == shop);

        // Sales after the closing are refused; before it they are taken.
        await (await partner.WriteAsync(HttpMethod.Put, Sales, new { records = new[] { TestPartners.Record(shop, "2024-08", 1m) } }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "sales.period_outside_shop");
        (await partner.WriteAsync(HttpMethod.Put, Sales, new { records = new[] { TestPartners.Record(shop, "2024-06", 1m) } })).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task Staff_figures_count_only_once_another_officer_confirms_them()
    {
        var (officer, _, _, _, shop) = await PartnerWithShopAsync();
        var (second, _) = await app.SignInAsNewAsync(Roles.CityOfficer);
        var shopId = await ShopIdAsync(shop);

        var entered = await (await officer.PutAsJsonAsync($"/api/shops/{shopId}/sales", new { period = "2024-03", orderCount = 2, units = 2, grossAmount = 300m, refunds = 0m }))
            .ShouldBeJsonAsync();
        Assert.Equal("Staff", entered.GetProperty("source").GetString());
        Assert.False(entered.GetProperty("isCounted").GetBoolean());
        var month = await app.QueryAsync(db => db.ShopMonthSales.SingleAsync(m => m.ShopId == shopId));
        Assert.Equal((300m, 0m), (month.Net, month.CountedNet));

        var salesId = entered.GetProperty("id").GetGuid();
        await (await officer.PostAsync($"/api/shops/sales/{salesId}/confirmation", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "sales.maker_checker");
        var confirmed = await (await second.PostAsync($"/api/shops/sales/{salesId}/confirmation", null)).ShouldBeJsonAsync();
        Assert.True(confirmed.GetProperty("isCounted").GetBoolean());
        month = await app.QueryAsync(db => db.ShopMonthSales.SingleAsync(m => m.ShopId == shopId));
        Assert.Equal((300m, 300m), (month.Net, month.CountedNet));
    }

    [Fact]
    public async Task The_catalogue_is_paged_with_tombstones_and_answers_304_while_unchanged()
    {
        var officer = await TestPartners.CityOfficerAsync(app);
        var county = await app.RegionIdAsync("430726");
        var person = await TestPeople.CreateAsync(officer, county);
        var personId = person.GetProperty("id").GetGuid();
        (await officer.PostAsJsonAsync("/api/households", new
        {
            countyId = county, headPersonId = personId, isRegisteredPoor = true, registeredPoorYear = 2015, poorHouseholdNumber = $"4307261500{Random.Shared.Next(10, 99)}",
        })).EnsureSuccessStatusCode();
        var created = await (await officer.PostAsJsonAsync("/api/products", new
        {
            name = "石门柑橘", category = "FarmProduct", producerPersonId = personId, price = 6.5m, unit = "斤",
            description = "产地直发", availability = "Available",
        })).ShouldBeJsonAsync(HttpStatusCode.Created);
        var productId = created.GetProperty("id").GetGuid();
        var client = await TestPartners.CreatePlatformWithClientAsync(officer);
        var partner = await TestPartners.ConnectAsync(app, client, "catalog.read");
        var since = created.GetProperty("updatedAt").GetDateTimeOffset().AddTicks(-10);
        var url = $"/api/partner/v1/products?county=430726&updatedSince={Uri.EscapeDataString(since.ToString("O"))}";

        var first = await partner.GetAsync(url);
        var page = await first.ShouldBeJsonAsync();
        var item = page.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == productId);
        Assert.Equal(JsonValueKind.Null, item.GetProperty("producerName").ValueKind); // no consent to publication yet
        Assert.Equal("430726", item.GetProperty("countyCode").GetString());
        var etag = first.Headers.ETag!;

        var conditional = new HttpRequestMessage(HttpMethod.Get, url);
        conditional.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await partner.SendAsync(conditional)).StatusCode);

        // Consent to publication names the producer: the content, and so the tag, changes.
        (await officer.PostAsJsonAsync($"/api/persons/{personId}/consents", new { scope = "Publication", givenOn = "2024-03-01" })).EnsureSuccessStatusCode();
        var named = new HttpRequestMessage(HttpMethod.Get, url);
        named.Headers.IfNoneMatch.Add(etag);
        var namedResponse = await partner.SendAsync(named);
        var namedItem = (await namedResponse.ShouldBeJsonAsync()).GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == productId);
        Assert.Equal("测试人员", namedItem.GetProperty("producerName").GetString());

        // A removed product comes back as a tombstone to those following changes, and leaves the current list.
        (await officer.PostAsync($"/api/products/{productId}/removal", null)).EnsureSuccessStatusCode();
        var tombstone = (await (await partner.GetAsync(url)).ShouldBeJsonAsync()).GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == productId);
        Assert.True(tombstone.GetProperty("removed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, tombstone.GetProperty("producerName").ValueKind);
        var current = await (await partner.GetAsync("/api/partner/v1/products?county=430726&pageSize=100")).ShouldBeJsonAsync();
        Assert.DoesNotContain(current.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == productId);

        await (await partner.GetAsync("/api/partner/v1/products?county=43")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
    }
}

/// <summary>Rate limits on a host of their own, with low limits.</summary>
public sealed class PartnerRateLimitTests : IAsyncLifetime
{
    private readonly LowLimitApp _app = new();

    public ValueTask InitializeAsync() => _app.InitializeAsync();

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task A_client_over_its_limit_gets_429_with_Retry_After_and_other_clients_are_unaffected()
    {
        var officer = await TestPartners.CityOfficerAsync(_app);
        var busy = await TestPartners.ConnectAsync(_app, await TestPartners.CreatePlatformWithClientAsync(officer));
        var quiet = await TestPartners.ConnectAsync(_app, await TestPartners.CreatePlatformWithClientAsync(officer));

        for (var i = 0; i < 5; i++)
        {
            (await busy.GetAsync("/api/partner/v1/shops")).EnsureSuccessStatusCode();
        }

        var refused = await busy.GetAsync("/api/partner/v1/shops");
        await refused.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "request.rate_limited");
        Assert.InRange(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        (await quiet.GetAsync("/api/partner/v1/shops")).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task Seller_verifications_have_a_tighter_limit()
    {
        var officer = await TestPartners.CityOfficerAsync(_app);
        var partner = await TestPartners.ConnectAsync(_app, await TestPartners.CreatePlatformWithClientAsync(officer));
        var attempt = new
        {
            platformShopId = "probe", name = "小店", granularity = "Monthly", openedOn = "2024-01-01",
            seller = new { certificateNumber = TestPeople.NewIdNumber() + "42", name = "某人" },
        };

        for (var i = 0; i < 2; i++)
        {
            await (await partner.WriteAsync(HttpMethod.Post, "/api/partner/v1/shops", attempt)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "seller.not_verified");
        }

        await (await partner.WriteAsync(HttpMethod.Post, "/api/partner/v1/shops", attempt)).ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "request.rate_limited");
    }

    private sealed class LowLimitApp : SunshineApp
    {
        protected override int PartnerPerMinute => 5;

        protected override int SellerVerificationPerMinute => 2;
    }
}
