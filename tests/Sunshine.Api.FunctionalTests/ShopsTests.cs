using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sunshine.Api.FunctionalTests.Infrastructure;
using Sunshine.Domain.AccessControl;

namespace Sunshine.Api.FunctionalTests;

/// <summary>Shops, staff-entered sales, the sales import and the confirmation queue, as officers use them.</summary>
public sealed class ShopsTests(SunshineApp app)
{
    private const string Header = "平台,平台店铺编号,期间,订单数,商品件数,销售额（元）,退款（元）";

    private async Task<(HttpClient City, Guid Platform, string PlatformName)> PlatformAsync()
    {
        var city = await TestPartners.CityOfficerAsync(app);
        var platform = await TestPartners.CreatePlatformAsync(city);
        var name = (await (await city.GetAsync($"/api/enterprises/{platform}")).ShouldBeJsonAsync()).GetProperty("name").GetString()!;
        return (city, platform, name);
    }

    private static async Task<JsonElement> CreateShopAsync(HttpClient officer, Guid platform, Guid personId, string granularity = "Monthly")
    {
        var response = await officer.PostAsJsonAsync("/api/shops", new
        {
            ownerPersonId = personId,
            platformId = platform,
            platformShopId = "staff-" + Guid.NewGuid().ToString("N")[..10],
            name = "县里登记的小店",
            url = (string?)null,
            granularity,
            openedOn = "2024-01-01",
        });
        return await response.ShouldBeJsonAsync(HttpStatusCode.Created);
    }

    private async Task<(HttpClient Officer, TestAccount Account, Guid County, JsonElement Shop)> CountyShopAsync(Guid platform, string countyCode = "430721")
    {
        var county = await app.RegionIdAsync(countyCode);
        var (officer, account) = await app.SignInAsNewAsync(Roles.CountyOfficer, county);
        var person = await TestPeople.CreateAsync(officer, county);
        return (officer, account, county, await CreateShopAsync(officer, platform, person.GetProperty("id").GetGuid()));
    }

    private Task<decimal> CountedNetAsync(Guid shopId, string month) =>
        app.QueryAsync(db => db.ShopMonthSales.IgnoreQueryFilters().Where(s => s.ShopId == shopId && s.Month == DateOnly.Parse(month + "-01", System.Globalization.CultureInfo.InvariantCulture))
            .Select(s => s.CountedNet).SingleAsync());

    private Task<decimal> OwnerYearCountedNetAsync(Guid ownerId, int year) =>
        app.QueryAsync(db => db.OwnerYearSales.Where(s => s.OwnerId == ownerId && s.Year == year).Select(s => s.CountedNet).SingleAsync());

    [Fact]
    public async Task A_county_officer_sees_and_changes_only_shops_of_their_county()
    {
        var (_, platform, _) = await PlatformAsync();
        var (officerA, _, countyA, shopA) = await CountyShopAsync(platform, "430721");
        var (officerB, _, _, shopB) = await CountyShopAsync(platform, "430722");
        var idA = shopA.GetProperty("id").GetGuid();

        await (await officerB.GetAsync($"/api/shops/{idA}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "shop.not_found");
        await (await officerB.GetAsync($"/api/shops/{idA}/sales")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "shop.not_found");
        await (await officerB.PutAsJsonAsync($"/api/shops/{idA}/sales", new { period = "2024-05", orderCount = 1, units = 1, grossAmount = 10m, refunds = 0m }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "shop.not_found");
        await (await officerB.PostAsJsonAsync($"/api/shops/{idA}/closure", new { closedOn = "2024-06-01" })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "shop.not_found");

        var listB = await (await officerB.GetAsync($"/api/shops?platformId={platform}")).ShouldBeJsonAsync();
        var ids = listB.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetGuid()).ToList();
        Assert.Equal([shopB.GetProperty("id").GetGuid()], ids);

        // A county officer cannot register a shop for another county's person either.
        var foreignPerson = await TestPeople.CreateAsync(officerA, countyA);
        var refused = await officerB.PostAsJsonAsync("/api/shops", new
        {
            ownerPersonId = foreignPerson.GetProperty("id").GetGuid(),
            platformId = platform,
            platformShopId = "x-" + Guid.NewGuid().ToString("N")[..8],
            name = "越权",
            granularity = "Monthly",
            openedOn = "2024-01-01",
        });
        await refused.ShouldBeProblemAsync(HttpStatusCode.NotFound, "person.not_found");
    }

    [Fact]
    public async Task Staff_sales_count_only_after_another_officer_confirms_them()
    {
        var (_, platform, _) = await PlatformAsync();
        var (maker, _, county, shop) = await CountyShopAsync(platform);
        var shopId = shop.GetProperty("id").GetGuid();
        var (checker, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, county);

        var entered = await (await maker.PutAsJsonAsync($"/api/shops/{shopId}/sales", new { period = "2024-05", orderCount = 4, units = 6, grossAmount = 1200.50m, refunds = 200.50m }))
            .ShouldBeJsonAsync();
        Assert.False(entered.GetProperty("isCounted").GetBoolean());
        Assert.Equal(0m, await CountedNetAsync(shopId, "2024-05"));
        var ownerId = shop.GetProperty("ownerPersonId").GetGuid();
        Assert.Equal(0m, await OwnerYearCountedNetAsync(ownerId, 2024));

        var pending = await (await maker.GetAsync($"/api/shops/sales/pending?shopId={shopId}")).ShouldBeJsonAsync();
        var item = Assert.Single(pending.GetProperty("items").EnumerateArray());
        Assert.False(item.GetProperty("canConfirm").GetBoolean());
        Assert.True((await (await checker.GetAsync($"/api/shops/sales/pending?shopId={shopId}")).ShouldBeJsonAsync()).GetProperty("items")[0].GetProperty("canConfirm").GetBoolean());

        var salesId = entered.GetProperty("id").GetGuid();
        await (await maker.PostAsync($"/api/shops/sales/{salesId}/confirmation", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "sales.maker_checker");
        var confirmed = await (await checker.PostAsync($"/api/shops/sales/{salesId}/confirmation", null)).ShouldBeJsonAsync();
        Assert.True(confirmed.GetProperty("isCounted").GetBoolean());
        Assert.Equal(1000m, await CountedNetAsync(shopId, "2024-05"));
        Assert.Equal(1000m, await OwnerYearCountedNetAsync(ownerId, 2024));
        await (await checker.PostAsync($"/api/shops/sales/{salesId}/confirmation", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "sales.already_confirmed");
        Assert.Equal(0, (await (await maker.GetAsync($"/api/shops/sales/pending?shopId={shopId}")).ShouldBeJsonAsync()).GetProperty("totalCount").GetInt32());

        // A correction is staff-entered again: it stops counting until it is confirmed in turn.
        await (await maker.PutAsJsonAsync($"/api/shops/{shopId}/sales", new { period = "2024-05", orderCount = 4, units = 6, grossAmount = 1500m, refunds = 0m })).ShouldBeJsonAsync();
        Assert.Equal(0m, await CountedNetAsync(shopId, "2024-05"));

        // The owner's year roll-up (screening) follows every step: entered, confirmed, corrected.
        Assert.Equal(0m, await OwnerYearCountedNetAsync(ownerId, 2024));
    }

    [Fact]
    public async Task A_batch_confirmation_is_all_or_nothing_and_names_the_failing_item()
    {
        var (_, platform, _) = await PlatformAsync();
        var (maker, _, county, shop) = await CountyShopAsync(platform);
        var shopId = shop.GetProperty("id").GetGuid();
        var (checker, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, county);
        var ids = new List<Guid>();
        foreach (var month in new[] { "2024-01", "2024-02", "2024-03" })
        {
            var record = await (await maker.PutAsJsonAsync($"/api/shops/{shopId}/sales", new { period = month, orderCount = 1, units = 1, grossAmount = 100m, refunds = 0m })).ShouldBeJsonAsync();
            ids.Add(record.GetProperty("id").GetGuid());
        }

        var own = await (await checker.PutAsJsonAsync($"/api/shops/{shopId}/sales", new { period = "2024-04", orderCount = 1, units = 1, grossAmount = 100m, refunds = 0m })).ShouldBeJsonAsync();
        var mixed = await checker.PostAsJsonAsync("/api/shops/sales/confirmation", new { ids = new[] { ids[0], ids[1], own.GetProperty("id").GetGuid() } });
        var problem = await mixed.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "sales.maker_checker");
        Assert.Contains("ids[2]", HttpAssertions.FieldsOf(problem));
        Assert.Equal(0m, await CountedNetAsync(shopId, "2024-01"));

        await (await checker.PostAsJsonAsync("/api/shops/sales/confirmation", new { ids = new[] { ids[0], ids[0] } })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        await (await checker.PostAsJsonAsync("/api/shops/sales/confirmation", new { ids = Array.Empty<Guid>() })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        var tooMany = await checker.PostAsJsonAsync("/api/shops/sales/confirmation", new { ids = Enumerable.Range(0, 501).Select(_ => Guid.NewGuid()) });
        Assert.Contains("ids", HttpAssertions.FieldsOf(await tooMany.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed")));

        // Another county's officer does not find the records at all.
        var (stranger, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, await app.RegionIdAsync("430726"));
        var foreign = await (await stranger.PostAsJsonAsync("/api/shops/sales/confirmation", new { ids })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "sales_record.not_found");
        Assert.Contains("ids[0]", HttpAssertions.FieldsOf(foreign));
        var single = await checker.PostAsJsonAsync("/api/shops/sales/confirmation", new { ids = new[] { own.GetProperty("id").GetGuid() } });
        Assert.Contains("ids[0]", HttpAssertions.FieldsOf(await single.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "sales.maker_checker")));
        Assert.Equal(0, (await (await stranger.GetAsync($"/api/shops/sales/pending?shopId={shopId}")).ShouldBeJsonAsync()).GetProperty("totalCount").GetInt32());

        var result = await (await checker.PostAsJsonAsync("/api/shops/sales/confirmation", new { ids })).ShouldBeJsonAsync();
        Assert.Equal(3, result.GetProperty("confirmed").GetInt32());
        Assert.Equal(300m, result.GetProperty("net").GetDecimal());
        Assert.Equal(100m, await CountedNetAsync(shopId, "2024-03"));
    }

    [Fact]
    public async Task The_sales_template_has_the_chinese_headers()
    {
        var (officer, _) = await app.SignInAsNewAsync(Roles.CityOfficer);
        var response = await officer.GetAsync("/api/sales-imports/template?format=Csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Trim();
        Assert.Equal(Header, text);
    }

    [Fact]
    public async Task A_sales_file_is_checked_row_by_row_and_only_an_allowed_import_writes_unconfirmed_figures()
    {
        var (_, platform, platformName) = await PlatformAsync();
        var (officer, account, county, shop) = await CountyShopAsync(platform);
        var (_, _, _, foreign) = await CountyShopAsync(platform, "430722");
        var code = shop.GetProperty("platformShopId").GetString()!;
        var creditCode = (await app.QueryAsync(db => db.Enterprises.Where(e => e.Id == platform).Select(e => e.CreditCode).SingleAsync())).Value;
        var rows = new[]
        {
            $"{platformName},{code},2024-01,3,5,300.00,0",
            $"{creditCode},{code},2024-02-01,2,2,\"1,200.00\",",  // Excel's first-of-month date and a thousands separator
            $"{platformName},{code},2024-03,1,1,50,10",
            $"不存在的平台,{code},2024-04,1,1,50,0",
            $"{platformName},no-such-shop,2024-04,1,1,50,0",
            $"{platformName},{foreign.GetProperty("platformShopId").GetString()},2024-04,1,1,50,0",
            $"{platformName},{code},2024-13,1,1,50,0",
            $"{platformName},{code},2024-05,-1,1,-50,0",
            $"{platformName},{code},2024-01,9,9,900,0",
        };
        var watermark = await app.AuditWatermarkAsync();

        var checkedOnly = await ImportAsync(officer, Csv(rows), importValidRows: false);
        Assert.Equal("Sales", checkedOnly.GetProperty("kind").GetString());
        Assert.Equal(9, checkedOnly.GetProperty("totalRows").GetInt32());
        Assert.Equal(3, checkedOnly.GetProperty("validRows").GetInt32());
        Assert.Equal(0, checkedOnly.GetProperty("importedRows").GetInt32());
        var rejections = checkedOnly.GetProperty("rejections").EnumerateArray()
            .Select(r => (r.GetProperty("row").GetInt32(), r.GetProperty("field").GetString(), r.GetProperty("code").GetString())).ToList();
        Assert.Contains((5, "platform", "import.platform_unknown"), rejections);
        Assert.Contains((6, "platformShopId", "shop.not_found"), rejections);
        Assert.Contains((7, "platformShopId", "shop.not_found"), rejections);
        Assert.Contains(rejections, r => r.Item1 == 8 && r.Item2 == "period");
        Assert.Contains((9, "orderCount", "import.count_invalid"), rejections);
        Assert.Contains(rejections, r => r.Item1 == 9 && r.Item2 == "grossAmount");
        Assert.Contains((10, "period", "import.period_repeated"), rejections);
        Assert.DoesNotContain(rejections, r => r.Item1 <= 4);
        var shopId = shop.GetProperty("id").GetGuid();
        Assert.Empty((await (await officer.GetAsync($"/api/shops/{shopId}/sales")).ShouldBeJsonAsync()).EnumerateArray());

        var imported = await ImportAsync(officer, Csv(rows), importValidRows: true);
        Assert.Equal(3, imported.GetProperty("importedRows").GetInt32());
        var sales = (await (await officer.GetAsync($"/api/shops/{shopId}/sales")).ShouldBeJsonAsync()).EnumerateArray().ToList();
        Assert.Equal(["2024-01", "2024-02", "2024-03"], sales.Select(s => s.GetProperty("period").GetString()));
        Assert.Equal([300m, 1200m, 40m], sales.Select(s => s.GetProperty("net").GetDecimal()));
        Assert.All(sales, s => Assert.Equal("Staff", s.GetProperty("source").GetString()));
        Assert.All(sales, s => Assert.False(s.GetProperty("isCounted").GetBoolean()));

        var audit = Assert.Single(await app.AuditRowsAfterAsync(watermark, actorId: account.Id), r => r.Action == "ProcessSalesImport" && r.EntityType == "SalesImport");
        Assert.Equal(3, JsonDocument.Parse(audit.Changes).RootElement.GetProperty("created").GetInt32());

        // The imported figures wait in the queue; a second officer confirms them in one batch.
        var pending = await (await officer.GetAsync($"/api/shops/sales/pending?shopId={shopId}")).ShouldBeJsonAsync();
        Assert.Equal(3, pending.GetProperty("totalCount").GetInt32());
        var (checker, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, county);
        var ids = pending.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).ToArray();
        var result = await (await checker.PostAsJsonAsync("/api/shops/sales/confirmation", new { ids })).ShouldBeJsonAsync();
        Assert.Equal(1540m, result.GetProperty("net").GetDecimal());

        // The jobs list shows sales imports only, in the officer's county.
        var jobs = await (await officer.GetAsync("/api/sales-imports")).ShouldBeJsonAsync();
        Assert.All(jobs.GetProperty("items").EnumerateArray(), j => Assert.Equal("Sales", j.GetProperty("kind").GetString()));
        Assert.Equal(2, jobs.GetProperty("totalCount").GetInt32());
        var personJobs = await (await officer.GetAsync("/api/person-imports")).ShouldBeJsonAsync();
        Assert.Equal(0, personJobs.GetProperty("totalCount").GetInt32());
        var (other, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, await app.RegionIdAsync("430722"));
        await (await other.GetAsync($"/api/sales-imports/{imported.GetProperty("id").GetString()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "import.not_found");
        await (await officer.GetAsync($"/api/person-imports/{imported.GetProperty("id").GetString()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "import.not_found");
    }

    [Fact]
    public async Task A_county_officer_edits_only_enterprises_of_their_county_but_sees_all()
    {
        var city = await TestPartners.CityOfficerAsync(app);
        var countyA = await app.RegionIdAsync("430721");
        var countyB = await app.RegionIdAsync("430723");
        var created = await (await city.PostAsJsonAsync("/api/enterprises", new
        {
            name = "鼎城电商企业" + Random.Shared.Next(100_000),
            creditCode = TestPartners.NewCreditCode(),
            countyId = countyB,
            roles = new[] { "EcommerceEnterprise" },
        })).ShouldBeJsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        var (officerA, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, countyA);
        var (officerB, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, countyB);

        var seen = await officerA.GetAsync($"/api/enterprises/{id}");
        Assert.Equal(HttpStatusCode.OK, seen.StatusCode);
        var etag = seen.Headers.ETag!.Tag;
        var body = new { name = "改名", creditCode = created.GetProperty("creditCode").GetString(), countyId = countyB, roles = new[] { "EcommerceEnterprise" } };
        await (await officerA.PutJsonAsync($"/api/enterprises/{id}", body, etag)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "scope.county_not_allowed");

        var response = await officerB.PutJsonAsync($"/api/enterprises/{id}", body, etag);
        Assert.Equal("改名", (await response.ShouldBeJsonAsync()).GetProperty("name").GetString());

        // Moving it out of their county, or creating one for no county, is the city's work.
        var moved = await officerB.PutJsonAsync($"/api/enterprises/{id}", body with { countyId = countyA }, response.Headers.ETag!.Tag);
        await moved.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "scope.county_not_allowed");
        var noCounty = await officerB.PostAsJsonAsync("/api/enterprises", new { name = "无县企业", creditCode = TestPartners.NewCreditCode(), countyId = (Guid?)null, roles = new[] { "PartnerPlatform" } });
        await noCounty.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "scope.county_not_allowed");
    }

    private static (byte[] Content, string Name) Csv(IEnumerable<string> rows) =>
        (Encoding.UTF8.GetBytes(Header + "\n" + string.Join('\n', rows) + "\n"), "sales.csv");

    private static Task<JsonElement> ImportAsync(HttpClient client, (byte[] Content, string Name) file, bool importValidRows) =>
        TestImports.RunAsync(client, "sales-imports", file, importValidRows);
}
