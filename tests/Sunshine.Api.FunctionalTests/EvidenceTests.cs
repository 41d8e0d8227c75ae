using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sunshine.Api.FunctionalTests.Infrastructure;
using Sunshine.Domain.AccessControl;

namespace Sunshine.Api.FunctionalTests;

/// <summary>Bases, supply agreements, employment and benefit links: the counts at boundary dates, scoping, the partner path.</summary>
public sealed class EvidenceTests(SunshineApp app)
{
    private static async Task<Guid> EnterpriseAsync(HttpClient city, Guid? county, string role = "EcommerceEnterprise")
    {
        var response = await city.PostAsJsonAsync("/api/enterprises", new
        {
            name = "证据测试企业" + Random.Shared.Next(1_000_000),
            creditCode = TestPartners.NewCreditCode(),
            countyId = county,
            roles = new[] { role },
            contactName = "李经理",
            contactPhone = "0736-7123456",
            address = "测试路 1 号",
        });
        return (await response.ShouldBeJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    private static async Task<Guid> PersonAsync(HttpClient officer, Guid county) => (await TestPeople.CreateAsync(officer, county)).GetProperty("id").GetGuid();

    private static async Task<Guid> BaseAsync(HttpClient officer, Guid county)
    {
        var operatorId = await PersonAsync(officer, county);
        var response = await officer.PostAsJsonAsync("/api/bases", new
        {
            countyId = county, name = "阳光基地" + Random.Shared.Next(100_000), operatorPersonId = operatorId, recognisedYear = 2019, status = "Active", products = "擂茶",
        });
        return (await response.ShouldBeJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement> AgreementAsync(HttpClient officer, Guid enterprise, Guid? baseId, Guid? personId, string start, string? end) =>
        await (await officer.PostAsJsonAsync("/api/supply-agreements", new { enterpriseId = enterprise, baseId, personId, startDate = start, endDate = end, products = "茶叶" }))
            .ShouldBeJsonAsync(HttpStatusCode.Created);

    private static async Task<JsonElement> EmployAsync(HttpClient officer, Guid enterprise, Guid person, string start, string? end) =>
        await (await officer.PostAsJsonAsync("/api/employment", new
        {
            enterpriseId = enterprise, personId = person, jobCategory = "CustomerService", hoursType = "FullTime", startDate = start, endDate = end,
        })).ShouldBeJsonAsync(HttpStatusCode.Created);

    private static async Task<Guid> HouseholdAsync(HttpClient officer, Guid county, bool registeredPoor)
    {
        var head = await PersonAsync(officer, county);
        var body = registeredPoor
            ? (object)new { countyId = county, headPersonId = head, isRegisteredPoor = true, registeredPoorYear = 2016, poorHouseholdNumber = "43078116" + Random.Shared.Next(1000, 9999) }
            : new { countyId = county, headPersonId = head, isRegisteredPoor = false };
        return (await (await officer.PostAsJsonAsync("/api/households", body)).ShouldBeJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    private static async Task<Guid> LinkAsync(HttpClient officer, Guid enterprise, Guid household, string type, string start, string? end = null) =>
        (await (await officer.PostAsJsonAsync("/api/benefit-links", new { enterpriseId = enterprise, householdId = household, type, startDate = start, endDate = end }))
            .ShouldBeJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();

    private static async Task RecordMonthsAsync(HttpClient officer, Guid link, IEnumerable<int> months, int year = 2019) =>
        await (await officer.PutAsJsonAsync($"/api/benefit-links/{link}/months", new { months = months.Select(m => new { month = $"{year}-{m:00}", amount = 150.5m }) }))
            .ShouldBeJsonAsync();

    private static async Task<JsonElement> EvidenceAsync(HttpClient officer, Guid enterprise, string date, int year = 2019) =>
        await (await officer.GetAsync($"/api/enterprises/{enterprise}/evidence?date={date}&year={year}")).ShouldBeJsonAsync();

    [Fact]
    public async Task Bases_with_an_agreement_in_force_are_counted_at_boundary_dates()
    {
        var county = await app.RegionIdAsync("430721");
        var (officer, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, county);
        var city = await TestPartners.CityOfficerAsync(app);
        var enterprise = await EnterpriseAsync(city, county);
        var (b1, b2, b3) = (await BaseAsync(officer, county), await BaseAsync(officer, county), await BaseAsync(officer, county));

        await AgreementAsync(officer, enterprise, b1, null, "2024-01-01", "2024-12-31");
        await AgreementAsync(officer, enterprise, b2, null, "2024-06-01", null);
        var ended = await AgreementAsync(officer, enterprise, b3, null, "2023-01-01", "2024-05-31"); // ends the day before 2024-06-01
        var notHolder = await officer.PostAsJsonAsync("/api/supply-agreements", new
        {
            enterpriseId = enterprise, personId = await PersonAsync(officer, county), startDate = "2023-01-01", products = "茶叶",
        });
        await notHolder.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "agreement.person_not_award_holder"); // only award holders

        Assert.Equal(2, (await EvidenceAsync(officer, enterprise, "2024-06-01")).GetProperty("basesWithActiveAgreements").GetInt32()); // b1, b2
        Assert.Equal(2, (await EvidenceAsync(officer, enterprise, "2024-05-31")).GetProperty("basesWithActiveAgreements").GetInt32()); // b1, b3
        Assert.Equal(1, (await EvidenceAsync(officer, enterprise, "2025-01-01")).GetProperty("basesWithActiveAgreements").GetInt32()); // b2
        Assert.Equal(0, (await EvidenceAsync(officer, enterprise, "2022-12-31")).GetProperty("basesWithActiveAgreements").GetInt32());

        // A second agreement with the same base overlapping in dates is refused; one after it is fine.
        var overlap = await officer.PostAsJsonAsync("/api/supply-agreements", new { enterpriseId = enterprise, baseId = b3, startDate = "2024-05-31", products = "茶叶" });
        await overlap.ShouldBeProblemAsync(HttpStatusCode.Conflict, "agreement.overlapping");
        await AgreementAsync(officer, enterprise, b3, null, "2024-06-01", "2024-06-30");
        Assert.Equal(3, (await EvidenceAsync(officer, enterprise, "2024-06-01")).GetProperty("basesWithActiveAgreements").GetInt32());

        // Terminating an agreement on a day makes it stop counting the day after.
        var terminated = await officer.PostAsJsonAsync($"/api/supply-agreements/{ended.GetProperty("id").GetString()}/termination", new { lastDay = "2024-03-31" });
        Assert.Equal("Terminated", (await terminated.ShouldBeJsonAsync()).GetProperty("status").GetString());
        Assert.Equal(1, (await EvidenceAsync(officer, enterprise, "2024-04-01")).GetProperty("basesWithActiveAgreements").GetInt32());
        var again = await officer.PostAsJsonAsync($"/api/supply-agreements/{ended.GetProperty("id").GetString()}/termination", new { lastDay = "2024-03-01" });
        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict, "agreement.terminated");
    }

    [Fact]
    public async Task Disabled_employees_are_counted_once_each_at_boundary_dates()
    {
        var county = await app.RegionIdAsync("430722");
        var (officer, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, county);
        var enterprise = await EnterpriseAsync(await TestPartners.CityOfficerAsync(app), county);
        var (p1, p2, p3) = (await PersonAsync(officer, county), await PersonAsync(officer, county), await PersonAsync(officer, county));

        await EmployAsync(officer, enterprise, p1, "2024-01-01", "2024-05-31");
        await EmployAsync(officer, enterprise, p2, "2024-06-01", null);
        await EmployAsync(officer, enterprise, p3, "2023-01-01", "2023-12-31");
        var second = await EmployAsync(officer, enterprise, p3, "2024-03-01", null);

        Assert.Equal(2, (await EvidenceAsync(officer, enterprise, "2024-06-01")).GetProperty("disabledEmployees").GetInt32()); // p2, p3
        Assert.Equal(2, (await EvidenceAsync(officer, enterprise, "2024-05-31")).GetProperty("disabledEmployees").GetInt32()); // p1, p3
        Assert.Equal(1, (await EvidenceAsync(officer, enterprise, "2024-02-29")).GetProperty("disabledEmployees").GetInt32()); // p1

        var overlap = await officer.PostAsJsonAsync("/api/employment", new
        {
            enterpriseId = enterprise, personId = p3, jobCategory = "Packaging", hoursType = "PartTime", startDate = "2023-12-31",
        });
        await overlap.ShouldBeProblemAsync(HttpStatusCode.Conflict, "employment.overlapping");

        var early = await officer.PostAsJsonAsync($"/api/employment/{second.GetProperty("id").GetString()}/end", new { lastDay = "2024-02-29" });
        Assert.Contains("lastDay", HttpAssertions.FieldsOf(await early.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "dates.end_before_start")));
        var ended = await officer.PostAsJsonAsync($"/api/employment/{second.GetProperty("id").GetString()}/end", new { lastDay = "2024-05-31" });
        Assert.Equal("2024-05-31", (await ended.ShouldBeJsonAsync()).GetProperty("endDate").GetString());
        Assert.Equal(1, (await EvidenceAsync(officer, enterprise, "2024-06-01")).GetProperty("disabledEmployees").GetInt32());

        var invalid = await officer.PostAsJsonAsync("/api/employment", new
        {
            enterpriseId = enterprise, personId = p1, jobCategory = "Astronaut", hoursType = "FullTime", startDate = "2025-01-01",
        });
        await invalid.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
    }

    [Fact]
    public async Task Stably_linked_households_need_products_carried_in_N_months_of_the_year_and_N_is_a_policy()
    {
        var county = await app.RegionIdAsync("430723");
        var (officer, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, county);
        var city = await TestPartners.CityOfficerAsync(app);
        var enterprise = await EnterpriseAsync(city, county);
        var (h1, h2, h3, h4) = (await HouseholdAsync(officer, county, true), await HouseholdAsync(officer, county, false),
            await HouseholdAsync(officer, county, true), await HouseholdAsync(officer, county, true));

        await RecordMonthsAsync(officer, await LinkAsync(officer, enterprise, h1, "ProductSupply", "2018-06-01"), [1, 2, 3, 4, 5, 6]);   // 6 months
        await RecordMonthsAsync(officer, await LinkAsync(officer, enterprise, h2, "ProductSupply", "2019-01-01"), [1, 2, 3, 4, 5]);      // 5 months
        await RecordMonthsAsync(officer, await LinkAsync(officer, enterprise, h3, "ProductSupply", "2019-01-01"), [1, 2, 3]);            // 3 + 3 on
        await RecordMonthsAsync(officer, await LinkAsync(officer, enterprise, h3, "ProtectivePricePurchase", "2019-01-01"), [3, 4, 5, 6]); // 3 overlaps
        await RecordMonthsAsync(officer, await LinkAsync(officer, enterprise, h4, "FeesPaidOnBehalf", "2019-01-01"), Enumerable.Range(1, 12)); // not products
        await RecordMonthsAsync(officer, await LinkAsync(officer, enterprise, h2, "ProtectivePricePurchase", "2018-01-01"), [7, 8, 9, 10, 11, 12], 2018); // other year

        var evidence = await EvidenceAsync(officer, enterprise, "2020-01-01", 2019);
        Assert.Equal(6, evidence.GetProperty("stableLinkMonths").GetInt32());
        Assert.Equal(2, evidence.GetProperty("stablyLinkedHouseholds").GetInt32()); // h1, h3

        // The minimum is a policy parameter of the programme: lowered to 5, h2 counts too.
        var programme = await app.QueryAsync(db => db.Programmes.Select(p => p.Id).FirstAsync());
        var (policyOfficer, _) = await app.SignInAsNewAsync(Roles.CityOfficer);
        var policy = await policyOfficer.PostAsJsonAsync("/api/policies", new
        {
            programmeId = programme, key = "StableLinkMonths", effectiveFrom = "2019-01-01", content = new { months = 5 }, note = "稳定带动最少月数",
        });
        await policy.ShouldBeJsonAsync(HttpStatusCode.Created);
        var lowered = await EvidenceAsync(officer, enterprise, "2020-01-01", 2019);
        Assert.Equal((5, 3), (lowered.GetProperty("stableLinkMonths").GetInt32(), lowered.GetProperty("stablyLinkedHouseholds").GetInt32()));

        var invalid = await policyOfficer.PostAsJsonAsync("/api/policies", new
        {
            programmeId = programme, key = "StableLinkMonths", effectiveFrom = "2019-06-01", content = new { months = 13 },
        });
        Assert.Contains("months", HttpAssertions.FieldsOf(await invalid.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "policy.months_invalid")));
    }

    [Fact]
    public async Task Registered_poor_households_with_a_link_in_force_are_counted_per_county()
    {
        var county = await app.RegionIdAsync("430781");
        var (officer, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, county);
        var enterprise = await EnterpriseAsync(await TestPartners.CityOfficerAsync(app), await app.RegionIdAsync("430702"));
        var poor = await HouseholdAsync(officer, county, true);
        var notPoor = await HouseholdAsync(officer, county, false);
        var endedPoor = await HouseholdAsync(officer, county, true);
        await LinkAsync(officer, enterprise, poor, "Employment", "2024-01-01");
        await LinkAsync(officer, enterprise, poor, "ProductSupply", "2024-02-01"); // the same household twice
        await LinkAsync(officer, enterprise, notPoor, "ProcurementOnBehalf", "2024-01-01");
        await LinkAsync(officer, enterprise, endedPoor, "ProductSupply", "2023-01-01", "2024-05-31");

        var onJune = await (await officer.GetAsync("/api/benefit-links/households?date=2024-06-01")).ShouldBeJsonAsync();
        Assert.Equal((1, 2), (onJune.GetProperty("registeredPoorHouseholds").GetInt32(), onJune.GetProperty("households").GetInt32()));
        var onMay = await (await officer.GetAsync("/api/benefit-links/households?date=2024-05-31")).ShouldBeJsonAsync();
        Assert.Equal((2, 3), (onMay.GetProperty("registeredPoorHouseholds").GetInt32(), onMay.GetProperty("households").GetInt32()));

        // A county officer asking for another county still gets their own; the city chooses.
        var (other, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, await app.RegionIdAsync("430702"));
        var theirs = await (await other.GetAsync($"/api/benefit-links/households?date=2024-06-01&countyId={county}")).ShouldBeJsonAsync();
        Assert.NotEqual(county, theirs.GetProperty("countyId").GetGuid());
        var city = await TestPartners.CityOfficerAsync(app);
        var chosen = await (await city.GetAsync($"/api/benefit-links/households?date=2024-06-01&countyId={county}")).ShouldBeJsonAsync();
        Assert.Equal(1, chosen.GetProperty("registeredPoorHouseholds").GetInt32());

        // A household without a registered disabled member is not linked.
        var plain = (await (await officer.PostAsJsonAsync("/api/households", new { countyId = county, headName = "无残疾成员", isRegisteredPoor = true, registeredPoorYear = 2016, poorHouseholdNumber = "430781160001" }))
            .ShouldBeJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var refused = await officer.PostAsJsonAsync("/api/benefit-links", new { enterpriseId = enterprise, householdId = plain, type = "ProductSupply", startDate = "2024-01-01" });
        await refused.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "link.household_not_disabled");
    }

    [Fact]
    public async Task Records_are_seen_by_both_counties_and_foreign_ids_answer_404()
    {
        var countyA = await app.RegionIdAsync("430724");
        var countyB = await app.RegionIdAsync("430725");
        var (officerA, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, countyA);
        var (officerB, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, countyB);
        var (officerC, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, await app.RegionIdAsync("430726"));
        var enterpriseB = await EnterpriseAsync(await TestPartners.CityOfficerAsync(app), countyB);

        var baseA = await BaseAsync(officerA, countyA);
        var agreement = (await AgreementAsync(officerA, enterpriseB, baseA, null, "2024-01-01", null)).GetProperty("id").GetString();
        var employment = (await EmployAsync(officerA, enterpriseB, await PersonAsync(officerA, countyA), "2024-01-01", null)).GetProperty("id").GetString();
        var link = await LinkAsync(officerA, enterpriseB, await HouseholdAsync(officerA, countyA, true), "ProductSupply", "2024-01-01");

        // The enterprise's county sees the shared records; the base itself stays its county's.
        foreach (var path in new[] { $"/api/supply-agreements/{agreement}", $"/api/employment/{employment}", $"/api/benefit-links/{link}" })
        {
            Assert.Equal(HttpStatusCode.OK, (await officerB.GetAsync(path)).StatusCode);
            var code = path.Contains("agreements", StringComparison.Ordinal) ? "supply_agreement" : path.Contains("employment", StringComparison.Ordinal) ? "employment" : "benefit_link";
            await (await officerC.GetAsync(path)).ShouldBeProblemAsync(HttpStatusCode.NotFound, code + ".not_found");
        }

        await (await officerB.GetAsync($"/api/bases/{baseA}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "base.not_found");
        await (await officerC.PostAsJsonAsync($"/api/employment/{employment}/end", new { lastDay = "2024-12-31" })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "employment.not_found");
        await (await officerC.PutAsJsonAsync($"/api/benefit-links/{link}/months", new { months = new[] { new { month = "2024-01", amount = 1m } } }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "benefit_link.not_found");
        await (await officerC.PostAsJsonAsync("/api/supply-agreements", new { enterpriseId = enterpriseB, baseId = baseA, startDate = "2026-01-01", products = "茶" }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "base.not_found");

        var listC = await (await officerC.GetAsync($"/api/employment?enterpriseId={enterpriseB}")).ShouldBeJsonAsync();
        Assert.Equal(0, listC.GetProperty("totalCount").GetInt32());
        var listB = await (await officerB.GetAsync($"/api/employment?enterpriseId={enterpriseB}")).ShouldBeJsonAsync();
        Assert.Equal(1, listB.GetProperty("totalCount").GetInt32());
        var linksB = await (await officerB.GetAsync($"/api/benefit-links?enterpriseId={enterpriseB}")).ShouldBeJsonAsync();
        Assert.Equal(1, linksB.GetProperty("totalCount").GetInt32());

        // A month outside the link is named by its index; nothing of the batch is kept.
        var months = await officerA.PutAsJsonAsync($"/api/benefit-links/{link}/months", new { months = new[] { new { month = "2024-02", amount = 10m }, new { month = "2023-12", amount = 10m } } });
        Assert.Contains("months[1].month", HttpAssertions.FieldsOf(await months.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "link.month_outside")));
        Assert.Empty((await (await officerA.GetAsync($"/api/benefit-links/{link}")).ShouldBeJsonAsync()).GetProperty("months").EnumerateArray());
    }

    [Fact]
    public async Task A_partner_reports_its_own_employment_idempotently_and_unverified_people_get_one_answer()
    {
        var city = await TestPartners.CityOfficerAsync(app);
        var platform = await TestPartners.CreatePlatformAsync(city);
        var client = await TestPartners.CreateClientAsync(city, platform, "employment.write");
        var partner = await TestPartners.ConnectAsync(app, client);
        var county = await app.RegionIdAsync("430702");
        var (officer, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, county);
        var seller = await TestPartners.ConsentingSellerAsync(officer, county);
        var body = new
        {
            employee = new { certificateNumber = seller.CertificateNumber, name = seller.Name },
            jobCategory = "CustomerService", hoursType = "Flexible", startDate = "2024-03-01",
        };
        Task<int> RowsAsync() => app.QueryAsync(db => db.EmploymentRecords.IgnoreQueryFilters().CountAsync(e => e.EnterpriseId == platform));

        var first = await partner.WriteAsync(HttpMethod.Post, "/api/partner/v1/employment", body, "emp-1");
        var created = await first.ShouldBeJsonAsync(HttpStatusCode.Created);
        Assert.False(created.TryGetProperty("personId", out _));
        var replay = await partner.WriteAsync(HttpMethod.Post, "/api/partner/v1/employment", body, "emp-1");
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(1, await RowsAsync());

        await (await partner.WriteAsync(HttpMethod.Post, "/api/partner/v1/employment", body with { startDate = "2024-04-01" }, "emp-1"))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency.key_reused");
        await (await partner.WriteAsync(HttpMethod.Post, "/api/partner/v1/employment", body with { startDate = "2024-04-01" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "employment.overlapping");
        var stranger = body with { employee = new { certificateNumber = seller.CertificateNumber, name = "别人" } };
        await (await partner.WriteAsync(HttpMethod.Post, "/api/partner/v1/employment", stranger)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "employee.not_verified");
        Assert.Equal(1, await RowsAsync());

        // The officers of the person's county see it, marked as the partner's; the partner lists and ends its own.
        var list = await (await officer.GetAsync($"/api/employment?enterpriseId={platform}")).ShouldBeJsonAsync();
        Assert.Equal("Partner", list.GetProperty("items")[0].GetProperty("source").GetString());
        var own = await (await partner.GetAsync("/api/partner/v1/employment")).ShouldBeJsonAsync();
        Assert.Equal(1, own.GetProperty("totalCount").GetInt32());
        var id = created.GetProperty("id").GetString();
        var ended = await partner.WriteAsync(HttpMethod.Post, $"/api/partner/v1/employment/{id}/end", new { lastDay = "2024-12-31" });
        Assert.Equal("2024-12-31", (await ended.ShouldBeJsonAsync()).GetProperty("endDate").GetString());

        // Another platform's client does not find it; a client without the scope is refused.
        var otherClient = await TestPartners.ConnectAsync(app, await TestPartners.CreateClientAsync(city, await TestPartners.CreatePlatformAsync(city), "employment.write"));
        await (await otherClient.WriteAsync(HttpMethod.Post, $"/api/partner/v1/employment/{id}/end", new { lastDay = "2024-12-30" }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "employment.not_found");
        var salesOnly = await TestPartners.ConnectAsync(app, await TestPartners.CreatePlatformWithClientAsync(city));
        await (await salesOnly.WriteAsync(HttpMethod.Post, "/api/partner/v1/employment", body)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.permission_required");
    }
}
