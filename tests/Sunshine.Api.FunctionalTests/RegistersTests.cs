using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sunshine.Api.FunctionalTests.Infrastructure;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Regions;

namespace Sunshine.Api.FunctionalTests;

/// <summary>
/// The operation services, supervision visits and service stations registers over HTTP: the recipient rules, county
/// scoping (foreign ids 404, lists without foreign rows), problem details naming the field, audit rows, ETags, the
/// indicators they feed, and the rectification reminders.
/// </summary>
// The reminder run is database-wide: classes that run it on chosen days share a collection, so one's run never
// sends another's deadlines (they would otherwise see each other's overdue notices).
[Collection(ReminderRuns.Collection)]
public sealed class RegistersTests(SunshineApp app)
{
    /// <summary>A county of its own, so the figures of a period are the test's alone.</summary>
    private Task<Guid> NewCountyAsync() => app.QueryAsync(async db =>
    {
        var city = await db.Regions.SingleAsync(r => r.ParentId == null);
        var used = (await db.Regions.Select(r => r.Code).ToListAsync()).Select(c => c.Value).ToHashSet();
        var code = Enumerable.Range(10, 20).Select(n => $"4307{n}").First(c => !used.Contains(c));
        var region = Region.CreateCountyLevel(RegionCode.Create(code), "登记测试区" + code, "Registers test district " + code, RegionKind.District, city, 901);
        db.Regions.Add(region);
        await db.SaveChangesAsync();
        return region.Id;
    });

    private static async Task<Guid> IdOf(Task<HttpResponseMessage> response, HttpStatusCode status = HttpStatusCode.Created) =>
        (await (await response).ShouldBeJsonAsync(status)).GetProperty("id").GetGuid();

    private static async Task<Guid> HouseholdAsync(HttpClient officer, Guid county, bool poor)
    {
        var head = (await TestPeople.CreateAsync(officer, county)).GetProperty("id").GetGuid();
        object body = poor
            ? new { countyId = county, headPersonId = head, isRegisteredPoor = true, registeredPoorYear = 2015, poorHouseholdNumber = "4307R" + Random.Shared.Next(1_000_000, 9_999_999) }
            : new { countyId = county, headPersonId = head, isRegisteredPoor = false };
        return await IdOf(officer.PostAsJsonAsync("/api/households", body));
    }

    private static async Task<decimal> FigureAsync(HttpClient client, string code, Guid county, string period = "period=Year&year=2024")
    {
        var table = await (await client.GetAsync($"/api/statistics?{period}&codes={code}")).ShouldBeJsonAsync();
        var row = table.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("code").GetString() == code);
        return row.GetProperty("byCounty").EnumerateArray().Single(f => f.GetProperty("countyId").GetGuid() == county).GetProperty("value").GetDecimal();
    }

    private static object Service(object recipient, string servedOn = "2024-05-01", decimal hours = 3m, decimal cost = 0m, string? fundingSource = null) =>
        new { recipient, type = "ShopOperation", providerKind = "Federation", servedOn, hours, cost, fundingSource };

    [Fact]
    public async Task A_service_goes_only_to_a_qualifying_recipient_and_counts_each_household_once_per_county_and_period()
    {
        var county = await NewCountyAsync();
        var (officer, account) = await app.SignInAsNewAsync(Roles.CountyOfficer, county);
        var (other, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, await app.RegionIdAsync("430725"));
        var (auditor, _) = await app.SignInAsNewAsync(Roles.Auditor);
        var (city, _) = await app.SignInAsNewAsync(Roles.CityOfficer);
        var poor = await HouseholdAsync(officer, county, poor: true);
        var notPoor = await HouseholdAsync(officer, county, poor: false);
        var nobody = (await TestPeople.CreateAsync(officer, county)).GetProperty("id").GetGuid();

        // Who may be served: a registered-poor household yes; another household or a person holding no award, no.
        var refused = await (await officer.PostAsJsonAsync("/api/operation-services", Service(new { householdId = notPoor })))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "service.recipient_not_eligible");
        Assert.Contains("recipient.householdId", refused.GetRawText(), StringComparison.Ordinal);
        await (await officer.PostAsJsonAsync("/api/operation-services", Service(new { personId = nobody })))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "service.recipient_not_eligible");

        // The rules at their boundaries, with the field named.
        var zeroHours = await (await officer.PostAsJsonAsync("/api/operation-services", Service(new { householdId = poor }, hours: 0m)))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        Assert.Contains("hours", HttpAssertions.FieldsOf(zeroHours));
        var negative = await (await officer.PostAsJsonAsync("/api/operation-services", Service(new { householdId = poor }, cost: -1m)))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        Assert.Contains("cost", HttpAssertions.FieldsOf(negative));
        await (await officer.PostAsJsonAsync("/api/operation-services", Service(new { householdId = poor }, cost: 200m)))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "service.funding_source_required");

        // Two services to one household in 2024 and one in 2025: once in 2024, once in 2025.
        var watermark = await app.AuditWatermarkAsync();
        var first = await IdOf(officer.PostAsJsonAsync("/api/operation-services", Service(new { householdId = poor }, hours: 0.1m, cost: 0m)));
        await IdOf(officer.PostAsJsonAsync("/api/operation-services", Service(new { householdId = poor }, "2024-09-01", cost: 800m, fundingSource: "残疾人就业保障金")));
        await IdOf(officer.PostAsJsonAsync("/api/operation-services", Service(new { householdId = poor }, "2025-01-02")));
        Assert.Contains(await app.AuditRowsAfterAsync(watermark, first.ToString()), r => r.ActorId == account.Id);
        Assert.Equal(1m, await FigureAsync(officer, "services.households_and_bases", county));
        Assert.Equal(1m, await FigureAsync(city, "services.households_and_bases", county, "period=Year&year=2025"));
        Assert.Equal(0m, await FigureAsync(city, "services.households_and_bases", county, "period=Year&year=2023"));

        // A base is a recipient of its own: two recipients in 2024.
        var enterprise = await IdOf(city.PostAsJsonAsync("/api/enterprises", new
        {
            name = "服务测试企业" + Random.Shared.Next(1_000_000), creditCode = TestPartners.NewCreditCode(), countyId = county, roles = new[] { "EcommerceEnterprise" },
        }));
        var sunshineBase = await IdOf(officer.PostAsJsonAsync("/api/bases", new
        {
            countyId = county, name = "服务测试基地" + Random.Shared.Next(100_000), operatorEnterpriseId = enterprise, recognisedYear = 2019, status = "Active", products = "柑橘",
        }));
        await (await officer.PostAsJsonAsync("/api/operation-services", new
        {
            recipient = new { baseId = sunshineBase }, type = "ShopSetup", providerKind = "Incubator", providerEnterpriseId = enterprise, servedOn = "2024-06-01", hours = 2m, cost = 0m,
        })).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "service.provider_role");
        var toBase = await (await officer.PostAsJsonAsync("/api/operation-services", new
        {
            recipient = new { baseId = sunshineBase }, type = "ShopSetup", providerKind = "Enterprise", providerEnterpriseId = enterprise, servedOn = "2024-06-01", hours = 2m, cost = 0m,
        })).ShouldBeJsonAsync(HttpStatusCode.Created);
        Assert.Equal(2m, await FigureAsync(officer, "services.households_and_bases", county));

        // Scoping: another county neither lists nor reads nor changes them; the auditor reads but does not write.
        var theirs = await (await other.GetAsync("/api/operation-services?pageSize=100")).ShouldBeJsonAsync();
        Assert.DoesNotContain(theirs.GetProperty("items").EnumerateArray(), s => s.GetProperty("countyId").GetGuid() == county);
        await (await other.GetAsync($"/api/operation-services/{first}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "operation_service.not_found");
        await (await other.PostAsJsonAsync("/api/operation-services", Service(new { householdId = poor })))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "household.not_found");
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync($"/api/operation-services/{first}")).StatusCode);
        await (await auditor.PostAsJsonAsync("/api/operation-services", Service(new { householdId = poor })))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.permission_required");

        // Updates need the current ETag.
        var id = toBase.GetProperty("id").GetGuid();
        var body = new { type = "Promotion", providerKind = "Federation", servedOn = "2024-06-02", hours = 5m, cost = 0m };
        await (await officer.PutJsonAsync($"/api/operation-services/{id}", body, null)).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired, "concurrency.if_match_required");
        await (await officer.PutJsonAsync($"/api/operation-services/{id}", body, "\"1\"")).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "concurrency.stale");
        var read = await officer.GetAsync($"/api/operation-services/{id}");
        var updated = await (await officer.PutJsonAsync($"/api/operation-services/{id}", body, read.Headers.ETag!.ToString())).ShouldBeJsonAsync();
        Assert.Equal(("Promotion", 5m), (updated.GetProperty("type").GetString(), updated.GetProperty("hours").GetDecimal()));
    }

    [Fact]
    public async Task Stations_recruit_people_of_their_county_and_their_recruits_are_counted_beside_employment()
    {
        var county = await NewCountyAsync();
        var (officer, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, county);
        var (other, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, await app.RegionIdAsync("430726"));
        var (city, _) = await app.SignInAsNewAsync(Roles.CityOfficer);
        var enterprise = await IdOf(city.PostAsJsonAsync("/api/enterprises", new
        {
            name = "站点测试企业" + Random.Shared.Next(1_000_000), creditCode = TestPartners.NewCreditCode(), countyId = county, roles = new[] { "EcommerceEnterprise" },
        }));
        object Station(string name, string kind = "CommunityMicroStore") => new
        {
            countyId = county, kind, name, township = "丹洲乡", village = "光荣社区", address = "社区服务中心一楼", operatorEnterpriseId = enterprise, openedOn = "2024-03-01",
        };
        var missing = await (await officer.PostAsJsonAsync("/api/service-stations", new { countyId = county, kind = "CommunityMicroStore", name = "", township = "", address = "x", operatorEnterpriseId = enterprise, openedOn = "2024-03-01" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        Assert.Contains("township", HttpAssertions.FieldsOf(missing));
        await (await other.PostAsJsonAsync("/api/service-stations", Station("越界微店"))).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "scope.county_not_allowed");

        var station = await IdOf(officer.PostAsJsonAsync("/api/service-stations", Station("光荣社区微店")));
        var person = (await TestPeople.CreateAsync(officer, county)).GetProperty("id").GetGuid();
        var foreigner = (await TestPeople.CreateAsync(other, await app.RegionIdAsync("430726"))).GetProperty("id").GetGuid();
        await (await officer.PostAsJsonAsync($"/api/service-stations/{station}/recruits", new { personId = person, terms = "免收入驻费", startDate = "2024-02-29" }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "station.recruit_start_invalid");
        await (await officer.PostAsJsonAsync($"/api/service-stations/{station}/recruits", new { personId = foreigner, terms = "免收入驻费", startDate = "2024-03-01" }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "person.not_found");
        var recruited = await (await officer.PostAsJsonAsync($"/api/service-stations/{station}/recruits", new { personId = person, terms = "免收入驻费三年", startDate = "2024-03-01" }))
            .ShouldBeJsonAsync();
        Assert.Equal("免收入驻费三年", recruited.GetProperty("recruits")[0].GetProperty("terms").GetString());
        await (await officer.PostAsJsonAsync($"/api/service-stations/{station}/recruits", new { personId = person, terms = "再次", startDate = "2024-04-01" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "station.recruit_repeated");

        // A second station recruiting the same person: counted once; not before the start; not in the employment figure.
        var village = await IdOf(officer.PostAsJsonAsync("/api/service-stations", Station("丹洲村服务站", "VillageServiceStation")));
        await (await officer.PostAsJsonAsync($"/api/service-stations/{village}/recruits", new { personId = person, terms = "优先招募", startDate = "2024-05-01" })).ShouldBeJsonAsync();
        Assert.Equal(1m, await FigureAsync(officer, "employment.station_recruits", county));
        Assert.Equal(0m, await FigureAsync(officer, "employment.station_recruits", county, "period=Custom&from=2024-01-01&to=2024-02-29"));
        Assert.Equal(0m, await FigureAsync(officer, "employment.disabled_people", county));

        // Scoping and the ETag.
        await (await other.GetAsync($"/api/service-stations/{station}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "service_station.not_found");
        await (await other.PostAsJsonAsync($"/api/service-stations/{station}/recruits", new { personId = foreigner, terms = "x", startDate = "2024-03-01" }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "service_station.not_found");
        var list = await (await other.GetAsync("/api/service-stations?pageSize=100")).ShouldBeJsonAsync();
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), s => s.GetProperty("countyId").GetGuid() == county);
        var read = await officer.GetAsync($"/api/service-stations/{station}");
        var closed = await (await officer.PutJsonAsync($"/api/service-stations/{station}", new
        {
            kind = "CommunityMicroStore", name = "光荣社区微店", township = "丹洲乡", village = "光荣社区", address = "社区服务中心一楼", operatorEnterpriseId = enterprise,
            openedOn = "2024-03-01", status = "Closed",
        }, read.Headers.ETag!.ToString())).ShouldBeJsonAsync();
        Assert.Equal("Closed", closed.GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_overdue_rectification_becomes_a_reminder_of_the_county_and_closing_it_removes_it()
    {
        var county = await NewCountyAsync();
        var (officer, account) = await app.SignInAsNewAsync(Roles.CountyOfficer, county);
        var (city, cityAccount) = await app.SignInAsNewAsync(Roles.CityOfficer);
        var (other, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, await app.RegionIdAsync("430724"));

        var noCounty = await (await city.PostAsJsonAsync("/api/supervision/visits", new { subject = "County", visitedOn = "2019-03-01", inspectors = "市残联", findings = "良好" }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "supervision.county_required");
        Assert.Contains("countyId", noCounty.GetRawText(), StringComparison.Ordinal);
        var early = await (await city.PostAsJsonAsync("/api/supervision/visits", new
        {
            subject = "County", countyId = county, visitedOn = "2019-03-01", inspectors = "市残联 李明", findings = "台账不全",
            rectifications = new[] { new { item = "补齐", dueDate = "2019-02-28" } },
        })).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "rectification.due_before_visit");
        Assert.Contains("rectifications[0].dueDate", early.GetRawText(), StringComparison.Ordinal);

        var visit = await (await city.PostAsJsonAsync("/api/supervision/visits", new
        {
            subject = "County", countyId = county, visitedOn = "2019-03-01", inspectors = "市残联 李明、王芳", findings = "培训台账不全，网店数据未按月报送",
            rectifications = new[] { new { item = "补齐培训台账", dueDate = "2019-03-20" }, new { item = "按月报送网店数据", dueDate = "2019-04-30" } },
        })).ShouldBeJsonAsync(HttpStatusCode.Created);
        Assert.Equal(("City", cityAccount.Id), (visit.GetProperty("level").GetString(), visit.GetProperty("recordedById").GetGuid()));
        var visitId = visit.GetProperty("id").GetGuid();
        var item = visit.GetProperty("rectifications").EnumerateArray().Single(r => r.GetProperty("item").GetString() == "补齐培训台账").GetProperty("id").GetGuid();

        async Task SendAsync(string today)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<Sunshine.Infrastructure.Reminders.ReminderService>()
                .SendDueAsync(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), CancellationToken.None);
        }

        async Task<List<JsonElement>> RemindersAsync(HttpClient client) =>
            (await (await client.GetAsync("/api/notifications")).ShouldBeJsonAsync()).GetProperty("items").EnumerateArray()
                .Where(n => n.GetProperty("subjectId").GetGuid() == item).ToList();

        // Due on the 20th: not overdue that day, overdue the day after; the county's officer is told, others are not.
        await SendAsync("2019-03-20");
        Assert.DoesNotContain(await RemindersAsync(officer), n => n.GetProperty("stage").GetString() == "Overdue");
        await SendAsync("2019-03-21");
        var overdue = (await RemindersAsync(officer)).Single(n => n.GetProperty("stage").GetString() == "Overdue");
        Assert.Equal(("rectification", $"/supervision/{visitId}"), (overdue.GetProperty("kind").GetString(), overdue.GetProperty("link").GetString()));
        Assert.Equal("整改事项：补齐培训台账已于2019-03-20截止，尚未完成", overdue.GetProperty("title").GetString());
        Assert.Empty(await RemindersAsync(other));

        // Another county cannot close it; the county's officer closes it, and its reminders go.
        await (await other.PostAsJsonAsync($"/api/supervision/rectifications/{item}/closing", new { closedOn = "2019-03-25", note = "x" }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "rectification.not_found");
        await (await other.GetAsync($"/api/supervision/visits/{visitId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "supervision_visit.not_found");
        var noNote = await (await officer.PostAsJsonAsync($"/api/supervision/rectifications/{item}/closing", new { closedOn = "2019-03-25", note = "" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        Assert.Contains("note", HttpAssertions.FieldsOf(noNote));
        var watermark = await app.AuditWatermarkAsync();
        var closed = await (await officer.PostAsJsonAsync($"/api/supervision/rectifications/{item}/closing", new { closedOn = "2019-03-25", note = "台账已补齐并复核" }))
            .ShouldBeJsonAsync();
        var closedItem = closed.GetProperty("rectifications").EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == item);
        Assert.Equal(("2019-03-25", account.Id), (closedItem.GetProperty("closedOn").GetString(), closedItem.GetProperty("closedById").GetGuid()));
        Assert.Empty(await RemindersAsync(officer));
        Assert.Contains(await app.AuditRowsAfterAsync(watermark, actorId: account.Id), r => r.EntityType.Contains("Rectification", StringComparison.Ordinal)
            || r.EntityType.Contains("Supervision", StringComparison.Ordinal));
        await (await officer.PostAsJsonAsync($"/api/supervision/rectifications/{item}/closing", new { closedOn = "2019-03-26", note = "再关" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "rectification.already_closed");

        // A closed item is not reminded again; the open one still is.
        await SendAsync("2019-03-22");
        Assert.Empty(await RemindersAsync(officer));
        await SendAsync("2019-05-01");
        var open = (await (await officer.GetAsync("/api/notifications")).ShouldBeJsonAsync()).GetProperty("items").EnumerateArray()
            .Where(n => n.GetProperty("kind").GetString() == "rectification" && n.GetProperty("link").GetString() == $"/supervision/{visitId}").ToList();
        Assert.Single(open, n => n.GetProperty("stage").GetString() == "Overdue");

        // Lists: the county sees it with one open overdue item; another county does not.
        var mine = await (await officer.GetAsync("/api/supervision/visits?overdueItems=true&pageSize=100")).ShouldBeJsonAsync();
        Assert.Contains(mine.GetProperty("items").EnumerateArray(), v => v.GetProperty("id").GetGuid() == visitId);
        var theirs = await (await other.GetAsync("/api/supervision/visits?pageSize=100")).ShouldBeJsonAsync();
        Assert.DoesNotContain(theirs.GetProperty("items").EnumerateArray(), v => v.GetProperty("id").GetGuid() == visitId);
    }
}
