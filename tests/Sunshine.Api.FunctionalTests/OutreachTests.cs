using System.Net;
using System.Net.Http.Json;
using Sunshine.Api.FunctionalTests.Infrastructure;
using Sunshine.Domain.AccessControl;

namespace Sunshine.Api.FunctionalTests;

/// <summary>Incubation, mentoring, and the offline channels: scoping, the rules, and 404s for foreign ids.</summary>
public sealed class OutreachTests(SunshineApp app)
{
    private static async Task<Guid> EnterpriseAsync(HttpClient city, Guid county, string role) =>
        (await (await city.PostAsJsonAsync("/api/enterprises", new { name = "孵化测试" + Random.Shared.Next(1_000_000), creditCode = TestPartners.NewCreditCode(), countyId = county, roles = new[] { role } }))
            .ShouldBeJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();

    [Fact]
    public async Task Incubation_needs_an_incubator_and_is_shared_with_the_incubators_county()
    {
        var countyA = await app.RegionIdAsync("430721");
        var countyB = await app.RegionIdAsync("430722");
        var (officerA, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, countyA);
        var (officerB, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, countyB);
        var (officerC, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, await app.RegionIdAsync("430723"));
        var city = await TestPartners.CityOfficerAsync(app);
        var incubator = await EnterpriseAsync(city, countyB, "Incubator");
        var notIncubator = await EnterpriseAsync(city, countyB, "EcommerceEnterprise");
        var student = (await TestPeople.CreateAsync(officerA, countyA)).GetProperty("id").GetGuid();

        var refused = await officerA.PostAsJsonAsync("/api/incubations", new
        {
            incubatorEnterpriseId = notIncubator, personId = student, incubateeType = "UniversityStudent", services = new[] { "Workspace" }, startDate = "2024-09-01",
        });
        await refused.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "incubation.not_an_incubator");

        var created = await (await officerA.PostAsJsonAsync("/api/incubations", new
        {
            incubatorEnterpriseId = incubator, personId = student, incubateeType = "UniversityStudent", services = new[] { "Workspace", "Mentoring" }, startDate = "2024-09-01",
        })).ShouldBeJsonAsync(HttpStatusCode.Created);
        Assert.Equal(["Workspace", "Mentoring"], created.GetProperty("services").EnumerateArray().Select(s => s.GetString()));

        Assert.Equal(1, (await (await officerB.GetAsync($"/api/incubations?incubatorEnterpriseId={incubator}")).ShouldBeJsonAsync()).GetProperty("totalCount").GetInt32());
        Assert.Equal(0, (await (await officerC.GetAsync($"/api/incubations?incubatorEnterpriseId={incubator}")).ShouldBeJsonAsync()).GetProperty("totalCount").GetInt32());
        var id = created.GetProperty("id").GetString();
        await (await officerC.PostAsJsonAsync($"/api/incubations/{id}/end", new { lastDay = "2025-06-30" })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "incubation.not_found");
        var ended = await (await officerB.PostAsJsonAsync($"/api/incubations/{id}/end", new { lastDay = "2025-06-30" })).ShouldBeJsonAsync();
        Assert.Equal("2025-06-30", ended.GetProperty("endDate").GetString());
        Assert.Equal(0, (await (await officerA.GetAsync($"/api/incubations?personId={student}&inForceOn=2025-07-01")).ShouldBeJsonAsync()).GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Mentoring_sessions_under_a_contract_need_a_beneficiary_within_its_period()
    {
        var county = await app.RegionIdAsync("430724");
        var (officer, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, county);
        var city = await TestPartners.CityOfficerAsync(app);
        var provider = await EnterpriseAsync(city, county, "ThirdPartyServiceProvider");
        var contract = await (await officer.PostAsJsonAsync("/api/mentoring/contracts", new
        {
            title = "2024年残疾人电商创业一对一指导", providerEnterpriseId = provider, countyId = county, amount = 30_000m, startDate = "2024-01-01", endDate = "2024-12-31",
        })).ShouldBeJsonAsync(HttpStatusCode.Created);
        var contractId = contract.GetProperty("id").GetGuid();
        var person = (await TestPeople.CreateAsync(officer, county)).GetProperty("id").GetGuid();
        var outsider = (await TestPeople.CreateAsync(officer, county)).GetProperty("id").GetGuid();
        await (await officer.PostAsJsonAsync($"/api/mentoring/contracts/{contractId}/beneficiaries", new { personId = person })).ShouldBeJsonAsync();
        await (await officer.PostAsJsonAsync($"/api/mentoring/contracts/{contractId}/beneficiaries", new { personId = person }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "mentoring.beneficiary_repeated");

        object Session(Guid who, string date, decimal hours = 2m) => new { contractId, personId = who, mentorName = "王老师", date, hours, topic = "网店装修与主图拍摄" };
        await (await officer.PostAsJsonAsync("/api/mentoring/sessions", Session(person, "2024-12-31"))).ShouldBeJsonAsync(HttpStatusCode.Created);
        await (await officer.PostAsJsonAsync("/api/mentoring/sessions", Session(person, "2025-01-01"))).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "mentoring.outside_contract");
        await (await officer.PostAsJsonAsync("/api/mentoring/sessions", Session(outsider, "2024-06-01"))).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "mentoring.not_beneficiary");
        await (await officer.PostAsJsonAsync("/api/mentoring/sessions", Session(person, "2024-06-01", 24.5m))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");

        var list = await (await officer.GetAsync("/api/mentoring/contracts?pageSize=100")).ShouldBeJsonAsync();
        var mine = list.GetProperty("items").EnumerateArray().Single(c => c.GetProperty("id").GetGuid() == contractId);
        Assert.Equal(1, mine.GetProperty("sessions").GetInt32());

        // Another county's officer neither sees the contract nor adds to it.
        var (other, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, await app.RegionIdAsync("430725"));
        var theirs = await (await other.GetAsync("/api/mentoring/contracts?pageSize=100")).ShouldBeJsonAsync();
        Assert.DoesNotContain(theirs.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetGuid() == contractId);
        await (await other.PostAsJsonAsync($"/api/mentoring/contracts/{contractId}/beneficiaries", new { personId = person }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "mentoring_contract.not_found");
        Assert.Equal(0, (await (await other.GetAsync($"/api/mentoring/sessions?contractId={contractId}")).ShouldBeJsonAsync()).GetProperty("totalCount").GetInt32());
        Assert.Equal(1, (await (await officer.GetAsync($"/api/mentoring/sessions?contractId={contractId}")).ShouldBeJsonAsync()).GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Outlets_and_exhibitions_take_their_countys_participants_and_record_what_was_waived_and_sold()
    {
        var county = await app.RegionIdAsync("430726");
        var (officer, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, county);
        var outlet = await (await officer.PostAsJsonAsync("/api/channels/outlets", new
        {
            countyId = county, name = "石门县阳光农产品专区", location = "Supermarket", level = "County", address = "石门县宝峰路步步高超市一楼", openedOn = "2024-03-01",
        })).ShouldBeJsonAsync(HttpStatusCode.Created);
        var outletId = outlet.GetProperty("id").GetGuid();
        var person = (await TestPeople.CreateAsync(officer, county)).GetProperty("id").GetGuid();

        var joined = await (await officer.PostAsJsonAsync($"/api/channels/outlets/{outletId}/participants", new
        {
            participant = new { personId = person }, joinedOn = "2024-03-01", stallFeeWaived = 1200m, entryFeeWaived = 300m, accessibility = "无障碍坡道、低位柜台",
        })).ShouldBeJsonAsync();
        Assert.Equal(1500m, joined.GetProperty("feesWaived").GetDecimal());
        await (await officer.PostAsJsonAsync($"/api/channels/outlets/{outletId}/participants", new { participant = new { personId = person }, joinedOn = "2024-04-01", stallFeeWaived = 0m, entryFeeWaived = 0m }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "outlet.participant_repeated");
        await (await officer.PostAsJsonAsync($"/api/channels/outlets/{outletId}/participants", new { participant = new { personId = person, baseId = Guid.NewGuid() }, joinedOn = "2024-04-01", stallFeeWaived = 0m, entryFeeWaived = 0m }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "participant.one_required");
        await (await officer.PostAsJsonAsync($"/api/channels/outlets/{outletId}/participants", new { participant = new { personId = person }, joinedOn = "2024-02-01", stallFeeWaived = 0m, entryFeeWaived = 0m }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "outlet.joined_invalid");

        var (other, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, await app.RegionIdAsync("430781"));
        await (await other.GetAsync($"/api/channels/outlets/{outletId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "outlet.not_found");
        var foreignPerson = (await TestPeople.CreateAsync(other, await app.RegionIdAsync("430781"))).GetProperty("id").GetGuid();
        await (await officer.PostAsJsonAsync($"/api/channels/outlets/{outletId}/participants", new { participant = new { personId = foreignPerson }, joinedOn = "2024-04-01", stallFeeWaived = 0m, entryFeeWaived = 0m }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "person.not_found");

        var exhibition = await (await officer.PostAsJsonAsync("/api/channels/exhibitions", new
        {
            countyId = county, name = "石门柑橘节残疾人展销", mode = "Both", startDate = "2024-11-08", endDate = "2024-11-10",
        })).ShouldBeJsonAsync(HttpStatusCode.Created);
        var exhibitionId = exhibition.GetProperty("id").GetGuid();
        Assert.Equal("County", exhibition.GetProperty("organiserLevel").GetString());
        await (await officer.PostAsJsonAsync($"/api/channels/exhibitions/{exhibitionId}/participants", new { participant = new { personId = person }, sales = 3650.5m })).ShouldBeJsonAsync();
        await (await officer.PutAsJsonAsync($"/api/channels/exhibitions/{exhibitionId}/results", new { salesAmount = 52_000m, fundingAmount = 8_000m }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "event.funding_source_required");
        var results = await (await officer.PutAsJsonAsync($"/api/channels/exhibitions/{exhibitionId}/results", new { salesAmount = 52_000m, fundingAmount = 8_000m, fundingSource = "县残联就业保障金" }))
            .ShouldBeJsonAsync();
        Assert.Equal((52_000m, 8_000m), (results.GetProperty("salesAmount").GetDecimal(), results.GetProperty("fundingAmount").GetDecimal()));

        var reversed = await officer.PostAsJsonAsync("/api/channels/exhibitions", new { countyId = county, name = "倒序", mode = "Offline", startDate = "2024-11-10", endDate = "2024-11-08" });
        Assert.Contains("endDate", HttpAssertions.FieldsOf(await reversed.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed")));

        // A county officer cannot organise a city event; the city can.
        await (await officer.PostAsJsonAsync("/api/channels/exhibitions", new { name = "全市年货节", mode = "Online", startDate = "2025-01-10", endDate = "2025-01-20" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "scope.county_not_allowed");
        var city = await TestPartners.CityOfficerAsync(app);
        var cityEvent = await (await city.PostAsJsonAsync("/api/channels/exhibitions", new { name = "全市年货节", mode = "Online", startDate = "2025-01-10", endDate = "2025-01-20" }))
            .ShouldBeJsonAsync(HttpStatusCode.Created);
        Assert.Equal("City", cityEvent.GetProperty("organiserLevel").GetString());
        var seen = await (await other.GetAsync("/api/channels/exhibitions?pageSize=100")).ShouldBeJsonAsync();
        Assert.Contains(seen.GetProperty("items").EnumerateArray(), e => e.GetProperty("id").GetGuid() == cityEvent.GetProperty("id").GetGuid());
        Assert.DoesNotContain(seen.GetProperty("items").EnumerateArray(), e => e.GetProperty("id").GetGuid() == exhibitionId);
        await (await other.GetAsync($"/api/channels/exhibitions/{exhibitionId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "exhibition.not_found");
        await (await other.PutAsJsonAsync($"/api/channels/exhibitions/{exhibitionId}/results", new { salesAmount = 1m, fundingAmount = 0m }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "exhibition.not_found");
    }
}
