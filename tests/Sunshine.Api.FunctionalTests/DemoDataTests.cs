using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sunshine.Api.FunctionalTests.Infrastructure;
using Sunshine.Infrastructure.Persistence.Seeding;

namespace Sunshine.Api.FunctionalTests;

/// <summary>The demo data set that <c>./run</c> seeds: it loads, it is consistent, and its accounts work.</summary>
public sealed class DemoDataTests : IAsyncLifetime
{
    private readonly SunshineApp _app = new();

    /// <summary>A host of its own, seeded as <c>./run</c> seeds in Development (the test host runs as Testing).</summary>
    public async ValueTask InitializeAsync()
    {
        await _app.InitializeAsync();
        await using var scope = _app.Services.CreateAsyncScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(TestContext.Current.CancellationToken));
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task<HttpClient> SignInAsync(string userName)
    {
        var client = _app.CreateBrowser();
        (await client.PostAsJsonAsync("/api/auth/sign-in", new { userName, password = DemoDataSeeder.DemoPassword })).EnsureSuccessStatusCode();
        return client;
    }

    [Fact]
    public async Task The_demo_set_has_shops_sales_and_products_with_roll_ups_equal_to_the_raw_sums()
    {
        var city = await SignInAsync("city");
        var shops = await (await city.GetAsync("/api/shops?pageSize=100")).ShouldBeJsonAsync();
        Assert.Equal(25, shops.GetProperty("totalCount").GetInt32());
        var pending = await (await city.GetAsync("/api/shops/sales/pending")).ShouldBeJsonAsync();
        Assert.Equal(2, pending.GetProperty("totalCount").GetInt32());
        Assert.All(pending.GetProperty("items").EnumerateArray(), p => Assert.True(p.GetProperty("canConfirm").GetBoolean()));
        var products = await (await city.GetAsync("/api/products")).ShouldBeJsonAsync();
        Assert.Equal(6, products.GetProperty("totalCount").GetInt32());

        // A county officer sees their county's shops only; the one who entered the figures cannot confirm them.
        var dingcheng = await SignInAsync("dingcheng");
        var own = await (await dingcheng.GetAsync("/api/shops?pageSize=100")).ShouldBeJsonAsync();
        Assert.All(own.GetProperty("items").EnumerateArray(), s => Assert.Equal("鼎城区", s.GetProperty("countyName").GetString()));
        Assert.InRange(own.GetProperty("totalCount").GetInt32(), 1, 24);
        Assert.All((await (await dingcheng.GetAsync("/api/shops/sales/pending")).ShouldBeJsonAsync()).GetProperty("items").EnumerateArray(),
            p => Assert.False(p.GetProperty("canConfirm").GetBoolean()));
        var second = await SignInAsync("dingcheng2");
        Assert.All((await (await second.GetAsync("/api/shops/sales/pending")).ShouldBeJsonAsync()).GetProperty("items").EnumerateArray(),
            p => Assert.True(p.GetProperty("canConfirm").GetBoolean()));

        // The evidence set: the enterprise's counts on a date in 2025, its product links of 2024 (4, 6, 8 and 10 months).
        var enterprises = await (await city.GetAsync("/api/enterprises?name=绿野")).ShouldBeJsonAsync();
        var enterpriseId = enterprises.GetProperty("items")[0].GetProperty("id").GetString();
        var evidence = await (await city.GetAsync($"/api/enterprises/{enterpriseId}/evidence?date=2025-06-01&year=2024")).ShouldBeJsonAsync();
        Assert.Equal((2, 3), (evidence.GetProperty("basesWithActiveAgreements").GetInt32(), evidence.GetProperty("disabledEmployees").GetInt32()));
        Assert.Equal(3, evidence.GetProperty("stablyLinkedHouseholds").GetInt32());
        Assert.Equal(1, (await (await dingcheng.GetAsync("/api/loans")).ShouldBeJsonAsync()).GetProperty("totalCount").GetInt32());

        var (rawShops, rollShops, rawCounties, rollCounties, rows) = await _app.QueryAsync(async db => (
            await db.SalesRecords.IgnoreQueryFilters().SumAsync(r => r.Net),
            await db.ShopMonthSales.SumAsync(r => r.Net),
            await db.SalesRecords.IgnoreQueryFilters().Where(r => r.ConfirmedById != null || r.Source == Domain.Shops.RecordSource.Partner).SumAsync(r => r.Net),
            await db.CountyMonthSales.SumAsync(r => r.CountedNet),
            await db.SalesRecords.IgnoreQueryFilters().CountAsync()));
        Assert.Equal(24 * 18 + 2, rows);
        Assert.Equal(rawShops, rollShops);
        Assert.Equal(rawCounties, rollCounties);
    }
}
