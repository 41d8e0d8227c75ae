using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sunshine.Api.FunctionalTests.Infrastructure;
using Sunshine.Domain.AccessControl;

namespace Sunshine.Api.FunctionalTests;

public sealed class RegionsTests(SunshineApp app)
{
    [Fact]
    public async Task The_seeded_regions_are_changde_and_its_fourteen_county_level_units()
    {
        var (client, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, await app.RegionIdAsync("430703"));

        var regions = await (await client.GetAsync("/api/regions")).ShouldBeJsonAsync();

        var list = regions.EnumerateArray().ToList();
        Assert.Equal("430700", list[0].GetProperty("code").GetString());
        var city = list[0].GetProperty("id").GetGuid();
        var codes = list.Where(r => r.GetProperty("parentId").ValueKind == JsonValueKind.String && r.GetProperty("parentId").GetGuid() == city)
            .Select(r => r.GetProperty("code").GetString()).ToHashSet();
        Assert.Superset(
            new HashSet<string?> { "430702", "430703", "430721", "430722", "430723", "430724", "430725", "430726", "430781", "430771", "4307Z1", "4307Z2", "4307Z3", "4307Z4" },
            codes);
        var xihu = list.Single(r => r.GetProperty("code").GetString() == "4307Z1");
        Assert.Equal("西湖管理区", xihu.GetProperty("name").GetString());
        Assert.False(xihu.GetProperty("hasStatisticalCode").GetBoolean());
    }

    [Fact]
    public async Task Updating_a_region_needs_the_current_etag_428_without_412_when_stale()
    {
        var (admin, _) = await app.SignInAsNewAsync(Roles.SystemAdmin);
        var city = await app.RegionIdAsync("430700");
        var created = await admin.PostAsJsonAsync("/api/regions", NewZone(city, "4307Y" + Random.Shared.Next(0, 9)));
        var body = await created.ShouldBeJsonAsync(HttpStatusCode.Created);
        var id = body.GetProperty("id").GetGuid();
        var etag = created.Headers.ETag!.Tag;

        var update = new { code = body.GetProperty("code").GetString(), name = "改名区", nameEn = "Renamed Zone", kind = "ManagementZone", parentId = city, sortOrder = 500, isActive = true };

        await (await admin.PutJsonAsync($"/api/regions/{id}", update, ifMatch: null)).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired, "concurrency.if_match_required");
        await (await admin.PutJsonAsync($"/api/regions/{id}", update, "\"1\"")).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "concurrency.stale");

        var ok = await admin.PutJsonAsync($"/api/regions/{id}", update, etag);
        var updated = await ok.ShouldBeJsonAsync();
        Assert.Equal("改名区", updated.GetProperty("name").GetString());
        Assert.NotEqual(etag, ok.Headers.ETag!.Tag);

        await (await admin.PutJsonAsync($"/api/regions/{id}", update, etag)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "concurrency.stale");
    }

    [Fact]
    public async Task Creating_and_updating_a_region_writes_one_audit_row_each_with_the_changed_fields()
    {
        var (admin, account) = await app.SignInAsNewAsync(Roles.SystemAdmin);
        var city = await app.RegionIdAsync("430700");
        var watermark = await app.AuditWatermarkAsync();

        var created = await admin.PostAsJsonAsync("/api/regions", NewZone(city, "4307X" + Random.Shared.Next(0, 9)));
        var body = await created.ShouldBeJsonAsync(HttpStatusCode.Created);
        var id = body.GetProperty("id").GetString()!;
        var update = new { code = body.GetProperty("code").GetString(), name = body.GetProperty("name").GetString(), nameEn = "Another Name", kind = "ManagementZone", parentId = city, sortOrder = 900, isActive = true };
        await (await admin.PutJsonAsync($"/api/regions/{id}", update, created.Headers.ETag!.Tag)).ShouldBeJsonAsync();

        var rows = await app.AuditRowsAfterAsync(watermark, id);
        Assert.Equal(["CreateRegion", "UpdateRegion"], rows.Select(r => r.Action));
        Assert.All(rows, r => Assert.Equal(account.Id, r.ActorId));
        Assert.All(rows, r => Assert.Equal("Region", r.EntityType));
        var changed = JsonDocument.Parse(rows[1].Changes).RootElement.GetProperty("fields");
        Assert.Equal(["nameEn"], changed.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Another Name", changed.GetProperty("nameEn").GetProperty("after").GetString());
    }

    [Fact]
    public async Task A_duplicate_code_is_409_and_a_bad_code_400_and_nothing_is_written()
    {
        var (admin, account) = await app.SignInAsNewAsync(Roles.SystemAdmin);
        var city = await app.RegionIdAsync("430700");
        var watermark = await app.AuditWatermarkAsync();

        await (await admin.PostAsJsonAsync("/api/regions", NewZone(city, "430702"))).ShouldBeProblemAsync(HttpStatusCode.Conflict, "region.code_taken");
        var bad = await admin.PostAsJsonAsync("/api/regions", NewZone(city, "43-702"));
        Assert.Contains("code", HttpAssertions.FieldsOf(await bad.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed")));
        await (await admin.PostAsJsonAsync("/api/regions", NewZone(city, "4308Z1"))).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "region.code_outside_city");

        Assert.Empty(await app.AuditRowsAfterAsync(watermark, actorId: account.Id));
    }

    [Fact]
    public async Task Only_the_system_admin_edits_regions()
    {
        var (city, _) = await app.SignInAsNewAsync(Roles.CityOfficer);
        var cityId = await app.RegionIdAsync("430700");

        await (await city.PostAsJsonAsync("/api/regions", NewZone(cityId, "4307W1"))).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.permission_required");
    }

    [Fact]
    public async Task An_unknown_region_is_404()
    {
        var (client, _) = await app.SignInAsNewAsync(Roles.Auditor);

        await (await client.GetAsync($"/api/regions/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "region.not_found");
    }

    [Fact]
    public async Task The_first_programme_is_seeded_as_data()
    {
        var (client, _) = await app.SignInAsNewAsync(Roles.CityOfficer);

        var programmes = await (await client.GetAsync("/api/programmes")).ShouldBeJsonAsync();

        var first = Assert.Single(programmes.EnumerateArray(), p => p.GetProperty("code").GetString() == "CD-ECDA-2017");
        Assert.Equal("2017-01-01", first.GetProperty("periodStart").GetString());
        Assert.Equal("2020-12-31", first.GetProperty("periodEnd").GetString());
        Assert.Contains("行动方案", first.GetProperty("documentReference").GetString(), StringComparison.Ordinal);
    }

    private static object NewZone(Guid city, string code) =>
        new { code, name = "测试区" + code, nameEn = "Test Zone " + code, kind = "ManagementZone", parentId = city, sortOrder = 900 };
}
