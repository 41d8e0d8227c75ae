using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Sunshine.Api.FunctionalTests.Infrastructure;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Regions;

namespace Sunshine.Api.FunctionalTests;

/// <summary>
/// Statistics against a hand-built fixture with known answers. The fixture lives in two county-level
/// regions made for the test (no other test writes there), so every county figure is exact; the period
/// is 2019, inside the reference programme.
/// </summary>
// The reminder run is database-wide: classes that run it on chosen days share a collection, so one's run never
// sends another's deadlines (they would otherwise see each other's overdue notices).
[Collection(ReminderRuns.Collection)]
public sealed class StatisticsTests(SunshineApp app)
{
    private const string Year2019 = "period=Year&year=2019";

    /// <summary>A new county-level region under the city, with a code not used before.</summary>
    private Task<Guid> NewCountyAsync() => app.QueryAsync(async db =>
    {
        var city = await db.Regions.SingleAsync(r => r.ParentId == null);
        var used = (await db.Regions.Select(r => r.Code).ToListAsync()).Select(c => c.Value).ToHashSet();
        var code = Enumerable.Range(40, 59).Select(n => $"4307{n}").First(c => !used.Contains(c));
        var region = Region.CreateCountyLevel(RegionCode.Create(code), "统计测试区" + code, "Statistics test district " + code, RegionKind.District, city, 900);
        db.Regions.Add(region);
        await db.SaveChangesAsync();
        return region.Id;
    });

    private static async Task<Guid> IncubatorAsync(HttpClient city, Guid county) =>
        (await (await city.PostAsJsonAsync("/api/enterprises", new { name = "统计孵化器" + Random.Shared.Next(1_000_000), creditCode = TestPartners.NewCreditCode(), countyId = county, roles = new[] { "Incubator" } }))
            .ShouldBeJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();

    private static decimal Figure(JsonElement table, string code, Guid? county = null)
    {
        var row = table.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("code").GetString() == code);
        return county == null
            ? row.GetProperty("total").GetDecimal()
            : row.GetProperty("byCounty").EnumerateArray().Single(f => f.GetProperty("countyId").GetGuid() == county).GetProperty("value").GetDecimal();
    }

    private static async Task<string> CompleteCourseAsync(HttpClient organiser, HttpClient officer, Guid? county, Guid person, string completedOn, string level = "County")
    {
        var courseId = (await (await organiser.PostAsJsonAsync("/api/courses", TrainingTests.CourseBody(county, level: level))).ShouldBeJsonAsync(HttpStatusCode.Created))
            .GetProperty("id").GetString()!;
        var enrolment = await (await officer.PostAsJsonAsync($"/api/courses/{courseId}/enrolments", new { kind = "DisabledPerson", personId = person })).ShouldBeJsonAsync(HttpStatusCode.Created);
        await (await officer.PostAsJsonAsync($"/api/courses/enrolments/{enrolment.GetProperty("id").GetString()}/completion", new { completedOn, certificateName = "结业证书", certificateNumber = "JY-" + Guid.NewGuid().ToString("N")[..6] }))
            .ShouldBeJsonAsync();
        return courseId;
    }

    [Fact]
    public async Task Shop_counts_follow_every_write_of_a_shop_to_the_day_across_month_ends()
    {
        var county = await NewCountyAsync();
        var (officer, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, county);
        var (city, _) = await app.SignInAsNewAsync(Roles.CityOfficer);
        var platform = await TestPartners.CreatePlatformAsync(city);
        var seller = (await TestPeople.CreateAsync(officer, county)).GetProperty("id").GetGuid();
        async Task<Guid> OpenAsync(string openedOn) => (await (await officer.PostAsJsonAsync("/api/shops", new
        {
            ownerPersonId = seller, platformId = platform, platformShopId = "days-" + Guid.NewGuid().ToString("N")[..10], name = "开店计数" + openedOn,
            url = (string?)null, granularity = "Monthly", openedOn,
        })).ShouldBeJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();

        await OpenAsync("2018-12-31");
        await OpenAsync("2019-01-31");
        var closing = await OpenAsync("2019-02-01");
        await OpenAsync("2019-02-15");
        var moving = await OpenAsync("2019-03-01");
        await (await officer.PostAsJsonAsync($"/api/shops/{closing}/closure", new { closedOn = "2019-02-20" })).ShouldBeJsonAsync();
        var seen = await officer.GetAsync($"/api/shops/{moving}");
        var shop = await seen.ShouldBeJsonAsync();
        await (await officer.PutJsonAsync($"/api/shops/{moving}", new { name = shop.GetProperty("name").GetString(), url = (string?)null, granularity = "Monthly", openedOn = "2019-02-28" },
            seen.Headers.ETag!.Tag)).ShouldBeJsonAsync();

        async Task<(decimal Opened, decimal Active)> CountsAsync(string period)
        {
            var table = await (await officer.GetAsync($"/api/statistics?{period}&codes=shops.opened,shops.active")).ShouldBeJsonAsync();
            return (Figure(table, "shops.opened", county), Figure(table, "shops.active", county));
        }

        // Opened in the range; active at its end (a shop closed on the 20th is active on the 19th, not on the 28th).
        Assert.Equal((2m, 4m), await CountsAsync("period=Custom&from=2019-02-10&to=2019-02-28"));
        Assert.Equal((2m, 4m), await CountsAsync("period=Custom&from=2019-02-01&to=2019-02-19"));
        Assert.Equal((3m, 4m), await CountsAsync("period=Month&year=2019&part=2"));
        Assert.Equal((1m, 2m), await CountsAsync("period=Month&year=2019&part=1"));
        Assert.Equal((1m, 1m), await CountsAsync("period=Custom&from=2018-12-31&to=2018-12-31"));
        Assert.Equal((4m, 4m), await CountsAsync("period=Year&year=2019"));
        Assert.Equal((0m, 4m), await CountsAsync("period=Month&year=2019&part=3"));

        // The kept counts equal the shops themselves, by day and by month.
        var (byDay, byMonth, direct) = await app.QueryAsync(async db => (
            await db.CountyShopDays.Where(d => d.CountyId == county).SumAsync(d => d.Opened - d.Closed),
            await db.CountyShopMonths.Where(d => d.CountyId == county).SumAsync(d => d.Opened - d.Closed),
            await db.Shops.IgnoreQueryFilters().CountAsync(s => s.CountyId == county && s.ClosedOn == null)));
        Assert.Equal((4, 4, 4), (byDay, byMonth, direct));
        var trends = await (await officer.GetAsync("/api/statistics/trends?year=2019")).ShouldBeJsonAsync();
        Assert.Equal([1, 3, 0], trends.GetProperty("months").EnumerateArray().Take(3).Select(m => m.GetProperty("shopsOpened").GetInt32()).ToArray());
    }

    [Fact]
    public async Task A_registered_poor_household_is_in_the_chain_by_a_link_an_employed_member_or_a_member_selling_in_the_period()
    {
        var county = await NewCountyAsync();
        var (officer, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, county);
        var (checker, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, county);
        var (city, _) = await app.SignInAsNewAsync(Roles.CityOfficer);
        var enterprise = (await (await city.PostAsJsonAsync("/api/enterprises", new
        {
            name = "链条测试企业" + Random.Shared.Next(1_000_000), creditCode = TestPartners.NewCreditCode(), countyId = county,
            roles = new[] { "EcommerceEnterprise" }, contactName = "李经理", contactPhone = "0736-7123456", address = "测试路 1 号",
        })).ShouldBeJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var platform = await TestPartners.CreatePlatformAsync(city);

        async Task<(Guid Household, Guid Head)> PoorHouseholdAsync()
        {
            var head = (await TestPeople.CreateAsync(officer, county)).GetProperty("id").GetGuid();
            var household = (await (await officer.PostAsJsonAsync("/api/households", new
            {
                countyId = county, headPersonId = head, isRegisteredPoor = true, registeredPoorYear = 2016, poorHouseholdNumber = "43079916" + Random.Shared.Next(1000, 9999),
            })).ShouldBeJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
            return (household, head);
        }

        async Task SellAsync(Guid owner, string period)
        {
            var shop = (await (await officer.PostAsJsonAsync("/api/shops", new
            {
                ownerPersonId = owner, platformId = platform, platformShopId = "chain-" + Guid.NewGuid().ToString("N")[..10], name = "链条店" + period,
                url = (string?)null, granularity = "Monthly", openedOn = "2018-01-15",
            })).ShouldBeJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
            var entered = await (await officer.PutAsJsonAsync($"/api/shops/{shop}/sales", new { period, orderCount = 3, units = 3, grossAmount = 300m, refunds = 0m }))
                .ShouldBeJsonAsync();
            await (await checker.PostAsync($"/api/shops/sales/{entered.GetProperty("id").GetGuid()}/confirmation", null)).ShouldBeJsonAsync();
        }

        // In the chain for 2019: a link running into 2019; a member employed in 2019; a member's shop selling in 2019.
        var (linked, _) = await PoorHouseholdAsync();
        await (await officer.PostAsJsonAsync("/api/benefit-links", new { enterpriseId = enterprise, householdId = linked, type = "ProductSupply", startDate = "2018-06-01", endDate = "2019-01-31" }))
            .ShouldBeJsonAsync(HttpStatusCode.Created);
        var (employed, employee) = await PoorHouseholdAsync();
        await (await officer.PostAsJsonAsync("/api/employment", new
        {
            enterpriseId = enterprise, personId = employee, jobCategory = "CustomerService", hoursType = "FullTime", startDate = "2019-12-31", endDate = (string?)null,
        })).ShouldBeJsonAsync(HttpStatusCode.Created);
        var (selling, seller) = await PoorHouseholdAsync();
        await SellAsync(seller, "2019-06");

        // Not in it: a link that ended in 2018, a job that started in 2020, a shop that sold only in 2018.
        var (linkEnded, _) = await PoorHouseholdAsync();
        await (await officer.PostAsJsonAsync("/api/benefit-links", new { enterpriseId = enterprise, householdId = linkEnded, type = "ProductSupply", startDate = "2018-01-01", endDate = "2018-12-31" }))
            .ShouldBeJsonAsync(HttpStatusCode.Created);
        var (_, lateEmployee) = await PoorHouseholdAsync();
        await (await officer.PostAsJsonAsync("/api/employment", new
        {
            enterpriseId = enterprise, personId = lateEmployee, jobCategory = "CustomerService", hoursType = "FullTime", startDate = "2020-01-01", endDate = (string?)null,
        })).ShouldBeJsonAsync(HttpStatusCode.Created);
        var (_, earlySeller) = await PoorHouseholdAsync();
        await SellAsync(earlySeller, "2018-11");

        // Income above baseline for the selling household only.
        await app.QueryAsync(db => db.Database.ExecuteSqlAsync(
            $"UPDATE households SET baseline_year = 2016, baseline_per_capita_income = 3000 WHERE county_id = {county}"));
        await (await officer.PutAsJsonAsync($"/api/households/{selling}/income/2019", new { perCapitaIncome = 3600m })).ShouldBeJsonAsync();
        await (await officer.PutAsJsonAsync($"/api/households/{employed}/income/2019", new { perCapitaIncome = 2900m })).ShouldBeJsonAsync();

        var table = await (await city.GetAsync($"/api/statistics?{Year2019}&countyId={county}")).ShouldBeJsonAsync();
        Assert.Equal(3m, Figure(table, "chain.households", county));
        Assert.Equal(1m, Figure(table, "chain.households_income_up", county));
        Assert.Equal(1m, Figure(table, "households.linked", county));
        Assert.Equal(1m, Figure(table, "households.income_above_baseline", county));
        Assert.Equal(250m, Figure(table, "households.income_increase_average", county)); // (600 − 100) / 2
        Assert.Equal(1m, Figure(table, "employment.disabled_people", county));

        // 2018: the ended link, the early shop (and the link that began in 2018) put their households in the chain.
        var before = await (await city.GetAsync($"/api/statistics?period=Year&year=2018&countyId={county}")).ShouldBeJsonAsync();
        Assert.Equal(3m, Figure(before, "chain.households", county));
        Assert.Equal(0m, Figure(before, "chain.households_income_up", county));
    }

    [Fact]
    public async Task Every_fixture_indicator_has_its_known_answer_and_counties_see_only_their_own()
    {
        var countyA = await NewCountyAsync();
        var countyB = await NewCountyAsync();
        var (officerA, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, countyA);
        var (checkerA, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, countyA);
        var (officerB, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, countyB);
        var (city, _) = await app.SignInAsNewAsync(Roles.CityOfficer);
        var (auditor, _) = await app.SignInAsNewAsync(Roles.Auditor);

        // Training: one person completes two courses (counts once); another completes in 2020 (outside 2019).
        var trainee = (await TestPeople.CreateAsync(officerA, countyA)).GetProperty("id").GetGuid();
        await CompleteCourseAsync(officerA, officerA, countyA, trainee, "2019-04-10");
        await CompleteCourseAsync(officerA, officerA, countyA, trainee, "2019-09-10");
        var later = (await TestPeople.CreateAsync(officerA, countyA)).GetProperty("id").GetGuid();
        await CompleteCourseAsync(officerA, officerA, countyA, later, "2020-01-10");


        // Shops and sales: a shop opened in 2019 with a confirmed period that is corrected (the correction counts once), a shop opened and closed before.
        var platform = await TestPartners.CreatePlatformAsync(city);
        var seller = (await TestPeople.CreateAsync(officerA, countyA)).GetProperty("id").GetGuid();
        var shop = (await (await officerA.PostAsJsonAsync("/api/shops", new
        {
            ownerPersonId = seller, platformId = platform, platformShopId = "stat-" + Guid.NewGuid().ToString("N")[..10], name = "统计店",
            url = (string?)null, granularity = "Monthly", openedOn = "2019-02-01",
        })).ShouldBeJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        async Task EnterAsync(decimal gross, int orders)
        {
            var entered = await (await officerA.PutAsJsonAsync($"/api/shops/{shop}/sales", new { period = "2019-03", orderCount = orders, units = orders, grossAmount = gross, refunds = 0m }))
                .ShouldBeJsonAsync();
            await (await checkerA.PostAsync($"/api/shops/sales/{entered.GetProperty("id").GetGuid()}/confirmation", null)).ShouldBeJsonAsync();
        }

        await EnterAsync(1_000m, 10);
        await EnterAsync(1_500m, 12);

        // Households: a registered-poor household of the seller (in the chain through the shop's sales) that exited poverty in 2019,
        // with income above its baseline; a second registered-poor household with income below baseline and nothing else.
        var household = (await (await officerA.PostAsJsonAsync("/api/households", new
        {
            countyId = countyA, headPersonId = seller, isRegisteredPoor = true, registeredPoorYear = 2016, poorHouseholdNumber = "430799160001",
        })).ShouldBeJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await app.QueryAsync(db => db.Database.ExecuteSqlAsync(
            $"UPDATE households SET poverty_exit_date = DATE '2019-12-20', baseline_year = 2016, baseline_per_capita_income = 3000 WHERE id = {household}"));
        await (await officerA.PutAsJsonAsync($"/api/households/{household}/income/2019", new { perCapitaIncome = 4200m })).ShouldBeJsonAsync();
        var poorer = (await (await officerA.PostAsJsonAsync("/api/households", new
        {
            countyId = countyA, headName = "统计乙", isRegisteredPoor = true, registeredPoorYear = 2016, poorHouseholdNumber = "430799160002",
        })).ShouldBeJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await app.QueryAsync(db => db.Database.ExecuteSqlAsync(
            $"UPDATE households SET baseline_year = 2016, baseline_per_capita_income = 3000 WHERE id = {poorer}"));
        await (await officerA.PutAsJsonAsync($"/api/households/{poorer}/income/2019", new { perCapitaIncome = 2800m })).ShouldBeJsonAsync();

        // Family members: the seller's spouse completes two courses (counts once), a second relative one; a third completes in 2020.
        foreach (var (name, completedOn) in new[] { ("家属甲", "2019-04-11"), ("家属甲", "2019-09-11"), ("家属乙", "2019-05-11"), ("家属丙", "2020-01-11") })
        {
            var courseId = (await (await officerA.PostAsJsonAsync("/api/courses", TrainingTests.CourseBody(countyA))).ShouldBeJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString();
            var family = await (await officerA.PostAsJsonAsync($"/api/courses/{courseId}/enrolments", new { kind = "FamilyMember", personId = seller, name, relation = "Spouse" }))
                .ShouldBeJsonAsync(HttpStatusCode.Created);
            await (await officerA.PostAsJsonAsync($"/api/courses/enrolments/{family.GetProperty("id").GetString()}/completion", new { completedOn })).ShouldBeJsonAsync();
        }

        // Events: a county event ended in 2019 (counts for its county), one ended in 2020 (not); a city event (city-wide total only).
        async Task EventAsync(HttpClient organiser, Guid? county, string start, string end, decimal sales)
        {
            var created = await (await organiser.PostAsJsonAsync("/api/channels/exhibitions", new { countyId = county, name = "统计展销会" + end, mode = "Offline", startDate = start, endDate = end }))
                .ShouldBeJsonAsync(HttpStatusCode.Created);
            await (await organiser.PutAsJsonAsync($"/api/channels/exhibitions/{created.GetProperty("id").GetGuid()}/results", new { salesAmount = sales, fundingAmount = 0m }))
                .ShouldBeJsonAsync();
        }

        await EventAsync(officerA, countyA, "2019-10-01", "2019-10-03", 8_800.50m);
        await EventAsync(officerA, countyA, "2019-12-30", "2020-01-02", 1_000m);
        await EventAsync(city, null, "2019-06-01", "2019-06-02", 0.01m);

        // Incubation: one incubatee in the period (twice, with two incubators: counts once), one whose incubation ended in 2018.
        var incubatorOne = await IncubatorAsync(city, countyA);
        var incubatorTwo = await IncubatorAsync(city, countyA);
        async Task IncubateAsync(Guid incubator, Guid person, string startDate, string? lastDay)
        {
            var created = await (await officerA.PostAsJsonAsync("/api/incubations", new
            {
                incubatorEnterpriseId = incubator, personId = person, incubateeType = "UniversityStudent", services = new[] { "Workspace" }, startDate,
            })).ShouldBeJsonAsync(HttpStatusCode.Created);
            if (lastDay != null)
            {
                await (await officerA.PostAsJsonAsync($"/api/incubations/{created.GetProperty("id").GetGuid()}/end", new { lastDay })).ShouldBeJsonAsync();
            }
        }

        await IncubateAsync(incubatorOne, trainee, "2018-09-01", null);
        await IncubateAsync(incubatorTwo, trainee, "2019-02-01", "2019-08-31");
        await IncubateAsync(incubatorOne, later, "2018-01-01", "2018-12-31");

        // County B: one trainee of its own.
        var traineeB = (await TestPeople.CreateAsync(officerB, countyB)).GetProperty("id").GetGuid();
        await CompleteCourseAsync(officerB, officerB, countyB, traineeB, "2019-05-10");

        var response = await city.GetAsync($"/api/statistics?{Year2019}");
        Assert.True(response.IsSuccessStatusCode, app.Logs.All[^Math.Min(6000, app.Logs.All.Length)..]);
        var table = await response.ShouldBeJsonAsync();
        Assert.True(table.GetProperty("cityWide").GetBoolean());
        Assert.Equal(1m, Figure(table, "training.persons", countyA));
        Assert.Equal(1m, Figure(table, "training.persons", countyB));
        Assert.Equal(2m, Figure(table, "training.family_members", countyA));
        Assert.Equal(8_800.50m, Figure(table, "events.sales", countyA));
        Assert.Equal(1m, Figure(table, "incubation.incubatees", countyA));
        Assert.Equal(0m, Figure(table, "incubation.incubatees", countyB));
        Assert.Equal(0m, Figure(table, "training.family_members", countyB));
        var trainedPage = await (await city.GetAsync("/api/courses/trained-people?from=2019-01-01&to=2019-12-31")).ShouldBeJsonAsync();
        var pageRow = trainedPage.GetProperty("byCounty").EnumerateArray().Single(c => c.GetProperty("countyId").GetGuid() == countyA);
        Assert.Equal(1, pageRow.GetProperty("persons").GetInt32());
        Assert.Equal(2, pageRow.GetProperty("familyMembers").GetInt32()); // the training page's count and the indicator agree
        Assert.Equal(1m, Figure(table, "shops.opened", countyA));
        Assert.Equal(1m, Figure(table, "shops.active", countyA));
        Assert.Equal(12m, Figure(table, "sales.orders", countyA));
        Assert.Equal(1_500m, Figure(table, "sales.amount", countyA));
        Assert.Equal(1m, Figure(table, "households.poverty_exits", countyA));
        Assert.Equal(1m, Figure(table, "households.income_above_baseline", countyA));
        Assert.Equal(500m, Figure(table, "households.income_increase_average", countyA)); // (1,200 + −200) / 2
        Assert.Equal(1m, Figure(table, "chain.households", countyA));
        Assert.Equal(1m, Figure(table, "chain.households_income_up", countyA));
        Assert.Equal(0m, Figure(table, "households.linked", countyA));
        Assert.Equal(0m, Figure(table, "shops.opened", countyB));

        // A quarter without the sales month, and a custom range that holds no whole month: no sales.
        var q2 = await (await city.GetAsync($"/api/statistics?period=Quarter&year=2019&part=2&countyId={countyA}&codes=sales.amount,training.persons")).ShouldBeJsonAsync();
        Assert.Equal(0m, Figure(q2, "sales.amount"));
        Assert.Equal(1m, Figure(q2, "training.persons")); // completed 2019-04-10
        Assert.Equal(2, q2.GetProperty("rows").GetArrayLength());
        var part = await (await city.GetAsync($"/api/statistics?period=Custom&from=2019-03-02&to=2019-03-31&countyId={countyA}&codes=sales.amount")).ShouldBeJsonAsync();
        Assert.Equal(0m, Figure(part, "sales.amount"));
        var march = await (await city.GetAsync($"/api/statistics?period=Custom&from=2019-03-01&to=2019-03-31&countyId={countyA}&codes=sales.amount")).ShouldBeJsonAsync();
        Assert.Equal(1_500m, Figure(march, "sales.amount"));

        // County officers: their county alone; another county's id answers 404; the auditor reads everything.
        var own = await (await officerA.GetAsync($"/api/statistics?{Year2019}")).ShouldBeJsonAsync();
        Assert.False(own.GetProperty("cityWide").GetBoolean());
        Assert.Equal(countyA, own.GetProperty("counties").EnumerateArray().Single().GetProperty("id").GetGuid());
        Assert.Equal(1m, Figure(own, "training.persons"));
        Assert.Equal(8_800.50m, Figure(own, "events.sales")); // a county's table leaves the city's events out
        await (await officerA.GetAsync($"/api/statistics?{Year2019}&countyId={countyB}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "county.not_found");
        await (await officerA.GetAsync($"/api/statistics/trends?year=2019&countyId={countyB}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "county.not_found");
        await (await officerA.GetAsync($"/api/statistics/export?{Year2019}&countyId={countyB}&format=Xlsx")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "county.not_found");
        var audited = await (await auditor.GetAsync($"/api/statistics?{Year2019}&countyId={countyA}")).ShouldBeJsonAsync();
        Assert.Equal(1_500m, Figure(audited, "sales.amount"));

        // Trends: the month of the sales, from the roll-up.
        var trends = await (await officerA.GetAsync("/api/statistics/trends?year=2019")).ShouldBeJsonAsync();
        var months = trends.GetProperty("months").EnumerateArray().ToList();
        Assert.Equal(12, months.Count);
        Assert.Equal(1_500m, months[2].GetProperty("salesAmount").GetDecimal());
        Assert.Equal(1, months[1].GetProperty("shopsOpened").GetInt32());
        Assert.Equal(1, months[3].GetProperty("trainedPersons").GetInt32());

        // Bad input names the field with a stable code.
        await (await city.GetAsync("/api/statistics?period=Month&year=2019&part=13")).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "period.month_invalid");
        await (await city.GetAsync("/api/statistics?period=Custom&from=2019-05-01&to=2019-04-01")).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "period.invalid");
        await (await city.GetAsync($"/api/statistics?{Year2019}&codes=no.such")).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "indicator.unknown");
        await (await city.GetAsync("/api/statistics?period=Year")).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "period.year_required");
    }

    [Fact]
    public async Task An_issued_bulletin_keeps_its_figures_and_files_after_a_correction_and_its_xlsx_equals_the_api()
    {
        var county = await NewCountyAsync();
        var (maker, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, county);
        var (checker, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, county);
        var (city, _) = await app.SignInAsNewAsync(Roles.CityOfficer);
        var (other, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, await NewCountyAsync());
        var platform = await TestPartners.CreatePlatformAsync(city);
        var seller = (await TestPeople.CreateAsync(maker, county)).GetProperty("id").GetGuid();
        var shop = (await (await maker.PostAsJsonAsync("/api/shops", new
        {
            ownerPersonId = seller, platformId = platform, platformShopId = "bul-" + Guid.NewGuid().ToString("N")[..10], name = "通报店",
            url = (string?)null, granularity = "Monthly", openedOn = "2019-01-05",
        })).ShouldBeJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        async Task SellAsync(decimal gross)
        {
            var entered = await (await maker.PutAsJsonAsync($"/api/shops/{shop}/sales", new { period = "2019-07", orderCount = 5, units = 5, grossAmount = gross, refunds = 0m })).ShouldBeJsonAsync();
            await (await checker.PostAsync($"/api/shops/sales/{entered.GetProperty("id").GetGuid()}/confirmation", null)).ShouldBeJsonAsync();
        }

        await SellAsync(2_000m);
        var untitled = await (await maker.PostAsJsonAsync("/api/statistics/bulletins", new { title = "", period = "Year", year = 2019 }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        Assert.Equal("bulletin.title_invalid", untitled.GetProperty("fieldErrors")[0].GetProperty("code").GetString());
        var issued = await (await maker.PostAsJsonAsync("/api/statistics/bulletins", new { title = "2019年度统计通报", period = "Year", year = 2019, codes = "sales.amount,shops.opened" }))
            .ShouldBeJsonAsync(HttpStatusCode.Created);
        var id = issued.GetProperty("id").GetGuid();
        Assert.Matches(@"^统计通报〔\d{4}〕第\d+号$", issued.GetProperty("number").GetString());
        Assert.Equal(2_000m, Figure(issued.GetProperty("table"), "sales.amount"));
        var xlsx = await (await maker.GetAsync($"/api/statistics/bulletins/{id}/export?format=Xlsx")).Content.ReadAsByteArrayAsync();
        var csv = await (await maker.GetAsync($"/api/statistics/bulletins/{id}/export?format=Csv")).Content.ReadAsByteArrayAsync();

        // The XLSX reads back: the figures sheet equals the API's, with Chinese headers and the definitions sheet.
        using (var stream = new MemoryStream(xlsx))
        {
            Assert.Equal(["统计数据", "指标口径", "说明"], stream.GetSheetNames());
            var rows = stream.Query(useHeaderRow: true, sheetName: "统计数据").Cast<IDictionary<string, object>>().ToList();
            var sales = rows.Single(r => (string)r["指标代码"] == "sales.amount");
            Assert.Equal(2_000m, Convert.ToDecimal(sales["合计"], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal("网络销售额", sales["指标"]);
        }

        Assert.Contains("sales.amount", System.Text.Encoding.UTF8.GetString(csv), StringComparison.Ordinal);

        // A later correction changes today's figures, never the issued bulletin's.
        await SellAsync(3_000m);
        var live = await (await maker.GetAsync($"/api/statistics?{Year2019}&codes=sales.amount")).ShouldBeJsonAsync();
        Assert.Equal(3_000m, Figure(live, "sales.amount"));
        var again = await (await maker.GetAsync($"/api/statistics/bulletins/{id}")).ShouldBeJsonAsync();
        Assert.Equal(2_000m, Figure(again.GetProperty("table"), "sales.amount"));
        Assert.Equal(xlsx, await (await maker.GetAsync($"/api/statistics/bulletins/{id}/export?format=Xlsx")).Content.ReadAsByteArrayAsync());
        Assert.Equal(csv, await (await maker.GetAsync($"/api/statistics/bulletins/{id}/export?format=Csv")).Content.ReadAsByteArrayAsync());

        // Scoping: the city sees it, another county does not; the issue is an audit row.
        await (await city.GetAsync($"/api/statistics/bulletins/{id}")).ShouldBeJsonAsync();
        await (await other.GetAsync($"/api/statistics/bulletins/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "bulletin.not_found");
        Assert.DoesNotContain((await (await other.GetAsync("/api/statistics/bulletins")).ShouldBeJsonAsync()).EnumerateArray(), b => b.GetProperty("id").GetGuid() == id);
        Assert.True(await app.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.EntityId == id.ToString())));
    }

    [Fact]
    public async Task City_officers_set_targets_within_their_bounds_and_progress_compares_them()
    {
        var (city, _) = await app.SignInAsNewAsync(Roles.CityOfficer);
        var county = await NewCountyAsync();
        var (officer, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, county);
        var programme = await app.QueryAsync(db => db.Programmes.Where(p => p.Code == "CD-ECDA-2017").Select(p => p.Id).SingleAsync());

        object Body(int trained, string date = "2020-12-31") => new
        {
            programmeId = programme,
            targets = new[] { new { countyId = (Guid?)county, trainedPeople = trained, prosperityLeaders = 2, householdsInChain = 15, targetDate = date } },
        };

        await (await officer.PutAsJsonAsync("/api/statistics/targets", Body(10))).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.permission_required");
        foreach (var outOfBounds in new[] { -1, 1_000_001 })
        {
            var refused = await (await city.PutAsJsonAsync("/api/statistics/targets", Body(outOfBounds))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
            Assert.Equal("targets[0].trainedPeople", refused.GetProperty("fieldErrors")[0].GetProperty("field").GetString());
            Assert.Equal("target.figure_invalid", refused.GetProperty("fieldErrors")[0].GetProperty("code").GetString());
        }

        var outside = await (await city.PutAsJsonAsync("/api/statistics/targets", Body(10, "2021-01-01"))).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "target.date_outside_programme");
        Assert.Contains("targets[0].targetDate", outside.GetRawText(), StringComparison.Ordinal);
        await (await city.PutAsJsonAsync("/api/statistics/targets", Body(1_000_000))).ShouldBeJsonAsync();
        var targets = await (await city.PutAsJsonAsync("/api/statistics/targets", Body(0, "2020-12-31"))).ShouldBeJsonAsync();
        var mine = targets.EnumerateArray().Single(t => t.TryGetProperty("countyId", out var c) && c.ValueKind == JsonValueKind.String && c.GetGuid() == county);
        Assert.Equal(0, mine.GetProperty("trainedPeople").GetInt32());
        var cityWide = targets.EnumerateArray().First();
        Assert.Equal(JsonValueKind.Null, cityWide.GetProperty("countyId").ValueKind);
        Assert.Equal(70, cityWide.GetProperty("trainedPeople").GetInt32());

        var progress = await (await officer.GetAsync($"/api/statistics/progress?programmeId={programme}")).ShouldBeJsonAsync();
        var scope = Assert.Single(progress.GetProperty("scopes").EnumerateArray());
        Assert.Equal(county, scope.GetProperty("countyId").GetGuid());
        Assert.Equal(15, scope.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("code").GetString() == "chain.households").GetProperty("target").GetInt32());
        var all = await (await city.GetAsync($"/api/statistics/progress?programmeId={programme}")).ShouldBeJsonAsync();
        Assert.Equal(JsonValueKind.Null, all.GetProperty("scopes")[0].GetProperty("countyId").ValueKind);
        await (await city.GetAsync($"/api/statistics/targets?programmeId={Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "programme.not_found");
    }

    [Fact]
    public async Task A_county_files_its_annual_summary_whose_snapshot_stays_frozen_and_overdue_flips_at_the_due_date()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var cutOff = today.AddDays(-2);
        var year = cutOff.Year;
        var county = await NewCountyAsync();
        var (maker, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, county);
        var (checker, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, county);
        var (stranger, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, await NewCountyAsync());
        var (city, _) = await app.SignInAsNewAsync(Roles.CityOfficer);
        static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        // A shop of the county that sold in a whole month before the cut-off.
        var platform = await TestPartners.CreatePlatformAsync(city);
        var seller = (await TestPeople.CreateAsync(maker, county)).GetProperty("id").GetGuid();
        var shop = (await (await maker.PostAsJsonAsync("/api/shops", new
        {
            ownerPersonId = seller, platformId = platform, platformShopId = "sum-" + Guid.NewGuid().ToString("N")[..10], name = "总结店",
            url = (string?)null, granularity = "Monthly", openedOn = $"{year}-01-01",
        })).ShouldBeJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        async Task SellAsync(decimal gross)
        {
            var entered = await (await maker.PutAsJsonAsync($"/api/shops/{shop}/sales", new { period = $"{year}-01", orderCount = 3, units = 3, grossAmount = gross, refunds = 0m })).ShouldBeJsonAsync();
            await (await checker.PostAsync($"/api/shops/sales/{entered.GetProperty("id").GetGuid()}/confirmation", null)).ShouldBeJsonAsync();
        }

        await SellAsync(800m);

        // The round: only the city opens it; one per year.
        var body = new { year, dueDate = Iso(today), dataCutOff = Iso(cutOff) };
        await (await maker.PostAsJsonAsync("/api/annual-summaries", body)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.permission_required");
        var created = await city.PostAsJsonAsync("/api/annual-summaries", body);
        var round = await created.ShouldBeJsonAsync(HttpStatusCode.Created);
        var roundId = round.GetProperty("id").GetGuid();
        await (await city.PostAsJsonAsync("/api/annual-summaries", body)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "annual_summary.round_exists");
        string Standing(JsonElement r) => r.GetProperty("counties").EnumerateArray().Single(c => c.GetProperty("countyId").GetGuid() == county).GetProperty("standing").GetString()!;
        Assert.Equal("Due", Standing(round));

        // Due today: still due; the day after the due date (the round moved back a day): overdue.
        var moved = await city.PutJsonAsync($"/api/annual-summaries/{roundId}", new { dueDate = Iso(today.AddDays(-1)), dataCutOff = Iso(cutOff) }, created.Headers.ETag!.Tag);
        Assert.Equal("Overdue", Standing(await moved.ShouldBeJsonAsync()));
        var mine = (await (await maker.GetAsync("/api/annual-summaries")).ShouldBeJsonAsync()).EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == roundId);
        Assert.Equal(county, mine.GetProperty("counties").EnumerateArray().Single().GetProperty("countyId").GetGuid());

        // The county writes (ETag after the first write), and submits: late, with its figures up to the cut-off frozen.
        var url = $"/api/annual-summaries/{roundId}/counties/{county}";
        await (await stranger.GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "county.not_found");
        await (await maker.PostAsync(url + "/submission", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "annual_summary.not_started");
        var first = await maker.PutAsJsonAsync(url, new { achievements = "培训残疾人并开设网店", typicalCases = "", problems = "", nextYearPlan = "" });
        await first.ShouldBeJsonAsync();
        await (await maker.PutAsJsonAsync(url, new { achievements = "改" })).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired, "concurrency.if_match_required");
        await (await maker.PostAsync(url + "/submission", null)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "annual_summary.sections_required");
        var written = await maker.PutJsonAsync(url, new { achievements = "培训残疾人并开设网店", typicalCases = "某户年销售八百元", problems = "物流成本高", nextYearPlan = "扩大培训" }, first.Headers.ETag!.Tag);
        await written.ShouldBeJsonAsync();
        var submitted = await (await maker.PostAsync(url + "/submission", null)).ShouldBeJsonAsync();
        Assert.Equal("Submitted", submitted.GetProperty("standing").GetString());
        Assert.True(submitted.GetProperty("isLate").GetBoolean());
        Assert.Equal(800m, Figure(submitted.GetProperty("snapshot"), "sales.amount"));
        Assert.Equal(Iso(cutOff), submitted.GetProperty("snapshot").GetProperty("period").GetProperty("to").GetString());
        await (await maker.PutJsonAsync(url, new { achievements = "改" }, written.Headers.ETag!.Tag)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "concurrency.stale");

        // A later correction changes today's figures, not the submitted snapshot nor the city's compilation.
        await SellAsync(1_200m);
        var again = await (await maker.GetAsync(url)).ShouldBeJsonAsync();
        Assert.Equal(800m, Figure(again.GetProperty("snapshot"), "sales.amount"));
        var compiled = await (await city.GetAsync($"/api/annual-summaries/{roundId}/compilation")).ShouldBeJsonAsync();
        Assert.Equal(800m, Figure(compiled, "sales.amount", county));
        var xlsx = await (await city.GetAsync($"/api/annual-summaries/{roundId}/compilation/export")).Content.ReadAsByteArrayAsync();
        var countyName = await app.QueryAsync(db => db.Regions.Where(r => r.Id == county).Select(r => r.Name).SingleAsync());
        using (var stream = new MemoryStream(xlsx))
        {
            var rows = stream.Query(useHeaderRow: true, sheetName: "指标汇总").Cast<IDictionary<string, object>>().ToList();
            var sales = rows.Single(r => (string)r["指标代码"] == "sales.amount");
            Assert.Equal(800m, Convert.ToDecimal(sales[countyName], System.Globalization.CultureInfo.InvariantCulture));
            var texts = stream.Query(useHeaderRow: true, sheetName: "文字材料").Cast<IDictionary<string, object>>().ToList();
            Assert.Contains(texts, t => (string)t["内容"] == "扩大培训");
        }

        // The city returns it; the county may change it and submit again.
        await (await maker.PostAsJsonAsync(url + "/return", new { reason = "补充" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.permission_required");
        var returned = await (await city.PostAsJsonAsync(url + "/return", new { reason = "请补充典型案例的数据" })).ShouldBeJsonAsync();
        Assert.Equal("Returned", returned.GetProperty("standing").GetString());
        Assert.Equal("请补充典型案例的数据", returned.GetProperty("returnReason").GetString());
    }

    [Fact]
    public async Task A_deadline_set_inside_the_fourteen_days_is_reminded_at_the_next_run_with_the_days_left()
    {
        var (city, _) = await app.SignInAsNewAsync(Roles.CityOfficer);
        var county = await NewCountyAsync();
        var (officer, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, county);
        var programme = await app.QueryAsync(db => db.Programmes.Where(p => p.Code == "CD-ECDA-2017").Select(p => p.Id).SingleAsync());
        var plans = await (await city.PostAsJsonAsync("/api/work-plans/rounds", new { programmeId = programme, title = "补报方案", deadline = "2019-03-20", countyIds = new[] { county } }))
            .ShouldBeJsonAsync(HttpStatusCode.Created);
        var plansId = plans.GetProperty("id").GetGuid();

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Sunshine.Infrastructure.Reminders.ReminderService>()
                .SendDueAsync(new DateOnly(2019, 3, 10), CancellationToken.None);
        }

        var mine = (await (await officer.GetAsync("/api/notifications")).ShouldBeJsonAsync()).GetProperty("items").EnumerateArray()
            .Single(n => n.GetProperty("subjectId").GetGuid() == plansId);
        Assert.Equal("FourteenDaysBefore", mine.GetProperty("stage").GetString());
        Assert.Equal("补报方案将于2019-03-20截止（还有10天）", mine.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Reminders_go_to_the_county_officers_14_days_and_1_day_before_and_when_overdue_once_each()
    {
        var (city, _) = await app.SignInAsNewAsync(Roles.CityOfficer);
        var filing = await NewCountyAsync();
        var late = await NewCountyAsync();
        var (officer, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, filing);
        var (colleague, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, filing);
        var (lateOfficer, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, late);
        var round = await (await city.PostAsJsonAsync("/api/annual-summaries", new { year = 2018, dataCutOff = "2018-10-31" })).ShouldBeJsonAsync(HttpStatusCode.Created);
        var roundId = round.GetProperty("id").GetGuid();
        Assert.Equal("2018-11-05", round.GetProperty("dueDate").GetString());

        async Task<int> SendAsync(string today)
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<Sunshine.Infrastructure.Reminders.ReminderService>()
                .SendDueAsync(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), CancellationToken.None);
        }

        async Task<List<JsonElement>> MineAsync(HttpClient client) =>
            (await (await client.GetAsync("/api/notifications")).ShouldBeJsonAsync()).GetProperty("items").EnumerateArray()
                .Where(n => n.GetProperty("subjectId").GetGuid() == roundId).ToList();

        var programme = await app.QueryAsync(db => db.Programmes.Where(p => p.Code == "CD-ECDA-2017").Select(p => p.Id).SingleAsync());
        var plans = await (await city.PostAsJsonAsync("/api/work-plans/rounds", new { programmeId = programme, title = "提醒测试方案备案", deadline = "2018-11-05", countyIds = new[] { late } }))
            .ShouldBeJsonAsync(HttpStatusCode.Created);
        var plansId = plans.GetProperty("id").GetGuid();

        await SendAsync("2018-10-21");
        Assert.Empty(await MineAsync(officer));
        await SendAsync("2018-10-22");
        await SendAsync("2018-10-22");
        var first = Assert.Single(await MineAsync(officer));
        Assert.Equal("FourteenDaysBefore", first.GetProperty("stage").GetString());
        Assert.Equal("2018年度工作总结将于2018-11-05截止（还有14天）", first.GetProperty("title").GetString());
        Assert.Single(await MineAsync(colleague));

        // Two runs at once (two instances): one reminder each, not two.
        await Task.WhenAll(SendAsync("2018-11-04"), SendAsync("2018-11-04"));
        Assert.Equal(["OneDayBefore", "FourteenDaysBefore"], (await MineAsync(officer)).Select(n => n.GetProperty("stage").GetString()).ToArray());
        Assert.Equal("2018年度工作总结将于2018-11-05截止（明天）", (await MineAsync(officer))[0].GetProperty("title").GetString());

        // The filing county submits; only the other is reminded when overdue, and only within the window.
        var url = $"/api/annual-summaries/{roundId}/counties/{filing}";
        await (await officer.PutAsJsonAsync(url, new { achievements = "成绩", nextYearPlan = "计划" })).ShouldBeJsonAsync();
        await (await officer.PostAsync(url + "/submission", null)).ShouldBeJsonAsync();
        await SendAsync("2018-11-05");
        Assert.Equal(2, (await MineAsync(officer)).Count);
        await SendAsync("2018-11-06");
        Assert.Equal(2, (await MineAsync(officer)).Count);
        Assert.Equal("Overdue", (await MineAsync(lateOfficer)).First().GetProperty("stage").GetString());
        Assert.Equal(3, (await MineAsync(lateOfficer)).Count);

        // The work plan of the same day: reminded to the county that must file it, not to the other.
        var planReminders = (await (await lateOfficer.GetAsync("/api/notifications")).ShouldBeJsonAsync()).GetProperty("items").EnumerateArray()
            .Where(n => n.GetProperty("subjectId").GetGuid() == plansId).ToList();
        Assert.Equal(["Overdue", "OneDayBefore", "FourteenDaysBefore"], planReminders.Select(n => n.GetProperty("stage").GetString()).ToArray());
        Assert.All(planReminders, n => Assert.Equal("work_plan", n.GetProperty("kind").GetString()));
        Assert.DoesNotContain((await (await officer.GetAsync("/api/notifications")).ShouldBeJsonAsync()).GetProperty("items").EnumerateArray(),
            n => n.GetProperty("subjectId").GetGuid() == plansId);

        // Reading: my own only; another officer's answers 404; the city officer got none.
        var list = await (await officer.GetAsync("/api/notifications?unreadOnly=true")).ShouldBeJsonAsync();
        var unread = list.GetProperty("unread").GetInt32();
        var read = await (await officer.PostAsync($"/api/notifications/{first.GetProperty("id").GetGuid()}/read", null)).ShouldBeJsonAsync();
        Assert.NotEqual(JsonValueKind.Null, read.GetProperty("readAt").ValueKind);
        Assert.Equal(unread - 1, (await (await officer.GetAsync("/api/notifications")).ShouldBeJsonAsync()).GetProperty("unread").GetInt32());
        await (await colleague.PostAsync($"/api/notifications/{first.GetProperty("id").GetGuid()}/read", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "notification.not_found");
        Assert.Empty(await MineAsync(city));

        // The scheduler runs in the clustered PostgreSQL job store with the daily trigger.
        var triggers = await app.QueryAsync(db => db.Database.SqlQueryRaw<string>("SELECT cron_expression AS \"Value\" FROM qrtz_cron_triggers WHERE trigger_name = 'deadline-reminders-daily'").ToListAsync());
        Assert.Equal(["0 5 0 * * ?"], triggers);
        Assert.True(await app.QueryAsync(db => db.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM qrtz_scheduler_state").SingleAsync()) >= 1);
    }
}
