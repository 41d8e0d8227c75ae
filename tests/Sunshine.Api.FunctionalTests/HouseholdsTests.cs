using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sunshine.Api.FunctionalTests.Infrastructure;
using Sunshine.Domain.AccessControl;

namespace Sunshine.Api.FunctionalTests;

public sealed class HouseholdsTests(SunshineApp app)
{
    [Fact]
    public async Task A_household_is_built_around_a_registry_person_with_family_members_and_income_history()
    {
        var county = await app.RegionIdAsync("430722");
        var (officer, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, county);
        var head = await TestPeople.CreateAsync(officer, county);
        var headId = head.GetProperty("id").GetGuid();

        var created = await officer.PostAsJsonAsync("/api/households", new
        {
            countyId = county,
            township = "城关镇",
            village = "太平村",
            headPersonId = headId,
            isRegisteredPoor = true,
            registeredPoorYear = 2015,
            poorHouseholdNumber = "430722150001",
            baselineYear = 2016,
            baselinePerCapitaIncome = 2800.50m,
        });
        var household = await created.ShouldBeJsonAsync(HttpStatusCode.Created);
        var id = household.GetProperty("id").GetString();
        Assert.Equal(head.GetProperty("name").GetString(), household.GetProperty("headName").GetString());

        var withSpouse = await (await officer.PostAsJsonAsync($"/api/households/{id}/members", new { name = "李秀英", relation = "Spouse" })).ShouldBeJsonAsync();
        Assert.Equal(2, withSpouse.GetProperty("members").GetArrayLength());
        await (await officer.PutAsJsonAsync($"/api/households/{id}/income/2019", new { perCapitaIncome = 4100m })).ShouldBeJsonAsync();
        var incomes = await (await officer.PutAsJsonAsync($"/api/households/{id}/income/2019", new { perCapitaIncome = 4200.25m })).ShouldBeJsonAsync();
        var record = Assert.Single(incomes.GetProperty("incomeRecords").EnumerateArray());
        Assert.Equal(4200.25m, record.GetProperty("perCapitaIncome").GetDecimal());
        Assert.Equal(1399.75m, record.GetProperty("increaseOverBaseline").GetDecimal());

        var person = await (await officer.GetAsync($"/api/persons/{headId}")).ShouldBeJsonAsync();
        Assert.Equal(id, person.GetProperty("householdId").GetString());
        var list = await (await officer.GetAsync($"/api/persons?registeredPoor=true&idNumber={Uri.EscapeDataString(await RevealIdAsync(officer, headId))}")).ShouldBeJsonAsync();
        Assert.True(Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("isRegisteredPoor").GetBoolean());
    }

    [Fact]
    public async Task A_person_belongs_to_one_household_only()
    {
        var county = await app.RegionIdAsync("430722");
        var (officer, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, county);
        var person = (await TestPeople.CreateAsync(officer, county)).GetProperty("id").GetGuid();
        await (await officer.PostAsJsonAsync("/api/households", new { countyId = county, headPersonId = person, isRegisteredPoor = false })).ShouldBeJsonAsync(HttpStatusCode.Created);
        var other = await (await officer.PostAsJsonAsync("/api/households", new { countyId = county, headName = "赵六", isRegisteredPoor = false })).ShouldBeJsonAsync(HttpStatusCode.Created);

        var response = await officer.PostAsJsonAsync($"/api/households/{other.GetProperty("id").GetString()}/members", new { personId = person, relation = "Child" });

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "household.person_in_other_household");
    }

    [Fact]
    public async Task Poverty_status_changes_need_the_current_etag_and_plausible_dates()
    {
        var county = await app.RegionIdAsync("430723");
        var (officer, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, county);
        var created = await officer.PostAsJsonAsync("/api/households", new { countyId = county, headName = "钱七", isRegisteredPoor = true, registeredPoorYear = 2016, poorHouseholdNumber = "430723160009" });
        var id = (await created.ShouldBeJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString();
        var etag = created.Headers.ETag!.Tag;
        var exited = new { township = "", village = "", isRegisteredPoor = true, registeredPoorYear = 2016, poorHouseholdNumber = "430723160009", povertyExitDate = "2019-12-20" };

        await (await officer.PutJsonAsync($"/api/households/{id}", exited, null)).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired, "concurrency.if_match_required");
        var tooEarly = exited with { povertyExitDate = "2015-06-01" };
        await (await officer.PutJsonAsync($"/api/households/{id}", tooEarly, etag)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "household.exit_date_invalid");
        var updated = await (await officer.PutJsonAsync($"/api/households/{id}", exited, etag)).ShouldBeJsonAsync();
        Assert.Equal("2019-12-20", updated.GetProperty("povertyExitDate").GetString());
        await (await officer.PutJsonAsync($"/api/households/{id}", exited, etag)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "concurrency.stale");

        var exitedList = await (await officer.GetAsync($"/api/households?exitedPoverty=true&headName=钱七")).ShouldBeJsonAsync();
        Assert.Contains(exitedList.GetProperty("items").EnumerateArray(), h => h.GetProperty("id").GetString() == id);
    }

    [Fact]
    public async Task Income_amounts_have_at_most_two_decimals()
    {
        var county = await app.RegionIdAsync("430723");
        var (officer, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, county);
        var id = (await (await officer.PostAsJsonAsync("/api/households", new { countyId = county, headName = "孙八", isRegisteredPoor = false }))
            .ShouldBeJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString();

        var response = await officer.PutAsJsonAsync($"/api/households/{id}/income/2020", new { perCapitaIncome = 3000.123m });

        Assert.Contains("perCapitaIncome", HttpAssertions.FieldsOf(await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed")));
    }

    [Fact]
    public async Task Another_countys_household_is_404_and_absent_from_lists()
    {
        var wulingCounty = await app.RegionIdAsync("430702");
        var (wuling, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, wulingCounty);
        var (dingcheng, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, await app.RegionIdAsync("430703"));
        var id = (await (await wuling.PostAsJsonAsync("/api/households", new { countyId = wulingCounty, headName = "周九", isRegisteredPoor = false }))
            .ShouldBeJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString();

        await (await dingcheng.GetAsync($"/api/households/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "household.not_found");
        await (await dingcheng.PostAsJsonAsync($"/api/households/{id}/members", new { name = "越权", relation = "Child" })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "household.not_found");
        var list = await (await dingcheng.GetAsync("/api/households?pageSize=100&sort=-registered")).ShouldBeJsonAsync();
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), h => h.GetProperty("id").GetString() == id);
    }

    private static async Task<string> RevealIdAsync(HttpClient client, Guid personId)
    {
        var revealed = await (await client.PostAsJsonAsync($"/api/persons/{personId}/reveal", new { reason = "核对建档立卡信息" })).ShouldBeJsonAsync();
        return revealed.GetProperty("idNumber").GetString()!;
    }
}
