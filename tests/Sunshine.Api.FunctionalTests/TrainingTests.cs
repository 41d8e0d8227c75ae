using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sunshine.Api.FunctionalTests.Infrastructure;
using Sunshine.Domain.AccessControl;

namespace Sunshine.Api.FunctionalTests;

public sealed class TrainingTests(SunshineApp app)
{
    internal static object CourseBody(Guid? county, int capacity = 30, string level = "County") => new
    {
        title = "网店开设与装修基础班",
        level,
        countyId = county,
        topics = new[] { "OpeningShop", "ShopDecoration" },
        audience = "WouldBeEntrepreneurs",
        providerType = "VocationalCollege",
        providerName = "常德职业技术学院",
        partnerPlatform = level == "City" ? "示例电商平台" : null,
        startDate = "2019-04-01",
        endDate = "2019-04-10",
        capacity,
        feeModel = "Free",
    };

    [Fact]
    public async Task County_officers_organise_county_courses_and_city_officers_city_courses()
    {
        var county = await app.RegionIdAsync("430702");
        var (officer, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, county);
        var (city, _) = await app.SignInAsNewAsync(Roles.CityOfficer);

        await (await officer.PostAsJsonAsync("/api/courses", CourseBody(county))).ShouldBeJsonAsync(HttpStatusCode.Created);
        await (await officer.PostAsJsonAsync("/api/courses", CourseBody(null, level: "City"))).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "course.organiser_not_allowed");
        await (await city.PostAsJsonAsync("/api/courses", CourseBody(null, level: "City"))).ShouldBeJsonAsync(HttpStatusCode.Created);
        await (await city.PostAsJsonAsync("/api/courses", CourseBody(county))).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "course.organiser_not_allowed");
        var noPartner = await city.PostAsJsonAsync("/api/courses", new { title = "进阶", level = "City", topics = new[] { "MarketingAndSales" }, audience = "ShopOperators", providerType = "EcommerceEnterprise", providerName = "平台", startDate = "2019-05-01", endDate = "2019-05-02", capacity = 10, feeModel = "Free" });
        await noPartner.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "course.partner_required");
    }

    [Fact]
    public async Task A_full_course_refuses_the_next_enrolment_and_a_person_is_enrolled_once()
    {
        var county = await app.RegionIdAsync("430703");
        var (officer, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, county);
        var course = await (await officer.PostAsJsonAsync("/api/courses", CourseBody(county, capacity: 2))).ShouldBeJsonAsync(HttpStatusCode.Created);
        var courseId = course.GetProperty("id").GetString();
        var people = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            people.Add((await TestPeople.CreateAsync(officer, county)).GetProperty("id").GetString()!);
        }

        await (await officer.PostAsJsonAsync($"/api/courses/{courseId}/enrolments", new { kind = "DisabledPerson", personId = people[0] })).ShouldBeJsonAsync(HttpStatusCode.Created);
        await (await officer.PostAsJsonAsync($"/api/courses/{courseId}/enrolments", new { kind = "DisabledPerson", personId = people[0] }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "enrolment.duplicate");
        await (await officer.PostAsJsonAsync($"/api/courses/{courseId}/enrolments", new { kind = "DisabledPerson", personId = people[1] })).ShouldBeJsonAsync(HttpStatusCode.Created);
        await (await officer.PostAsJsonAsync($"/api/courses/{courseId}/enrolments", new { kind = "DisabledPerson", personId = people[2] }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "course.full");

        var after = await (await officer.GetAsync($"/api/courses/{courseId}")).ShouldBeJsonAsync();
        Assert.Equal(2, after.GetProperty("placesTaken").GetInt32());
    }

    [Fact]
    public async Task Concurrent_enrolments_never_overfill_a_course()
    {
        var county = await app.RegionIdAsync("430721");
        var (officer, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, county);
        var courseId = (await (await officer.PostAsJsonAsync("/api/courses", CourseBody(county, capacity: 3))).ShouldBeJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString();
        var people = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            people.Add((await TestPeople.CreateAsync(officer, county)).GetProperty("id").GetString()!);
        }

        var responses = await Task.WhenAll(people.Select(p => officer.PostAsJsonAsync($"/api/courses/{courseId}/enrolments", new { kind = "DisabledPerson", personId = p })));

        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(5, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var enrolments = await (await officer.GetAsync($"/api/courses/{courseId}/enrolments")).ShouldBeJsonAsync();
        Assert.Equal(3, enrolments.GetArrayLength());
    }

    [Fact]
    public async Task A_person_who_completes_two_courses_is_counted_once_and_family_members_separately()
    {
        var county = await app.RegionIdAsync("430725");
        var (officer, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, county);
        var (city, _) = await app.SignInAsNewAsync(Roles.CityOfficer);
        var person = (await TestPeople.CreateAsync(officer, county)).GetProperty("id").GetString();
        await (await officer.PostAsJsonAsync("/api/households", new { countyId = county, headPersonId = person, isRegisteredPoor = false })).ShouldBeJsonAsync(HttpStatusCode.Created);
        var before = await TrainedAsync(city, "430725");

        foreach (var level in new[] { "County", "City" })
        {
            var client = level == "County" ? officer : city;
            var courseId = (await (await client.PostAsJsonAsync("/api/courses", CourseBody(level == "County" ? county : null, level: level))).ShouldBeJsonAsync(HttpStatusCode.Created))
                .GetProperty("id").GetString();
            var enrolment = await (await officer.PostAsJsonAsync($"/api/courses/{courseId}/enrolments", new { kind = "DisabledPerson", personId = person })).ShouldBeJsonAsync(HttpStatusCode.Created);
            await (await officer.PostAsJsonAsync($"/api/courses/enrolments/{enrolment.GetProperty("id").GetString()}/completion", new { completedOn = "2019-04-10", certificateName = "结业证书", certificateNumber = $"JY-{level}" }))
                .ShouldBeJsonAsync();
            if (level == "County")
            {
                var family = await (await officer.PostAsJsonAsync($"/api/courses/{courseId}/enrolments", new { kind = "FamilyMember", personId = person, name = "家属甲", relation = "Spouse" })).ShouldBeJsonAsync(HttpStatusCode.Created);
                await (await officer.PostAsJsonAsync($"/api/courses/enrolments/{family.GetProperty("id").GetString()}/completion", new { completedOn = "2019-04-10" })).ShouldBeJsonAsync();
            }
        }

        var after = await TrainedAsync(city, "430725");
        Assert.Equal(before.Persons + 1, after.Persons);
        Assert.Equal(before.Family + 1, after.Family);
        var outside = await (await city.GetAsync("/api/courses/trained-people?from=2018-01-01&to=2018-12-31")).ShouldBeJsonAsync();
        var row = Assert.Single(outside.GetProperty("byCounty").EnumerateArray(), c => c.GetProperty("countyId").GetGuid() == county);
        Assert.Equal(0, row.GetProperty("persons").GetInt32()); // every county is listed, with its zeros
        var own = await (await officer.GetAsync("/api/courses/trained-people?from=2018-01-01&to=2018-12-31")).ShouldBeJsonAsync();
        Assert.Equal(county, Assert.Single(own.GetProperty("byCounty").EnumerateArray()).GetProperty("countyId").GetGuid()); // a county officer's own county only
    }

    [Fact]
    public async Task A_county_officer_cannot_see_another_countys_courses_enrolments_or_claims()
    {
        var wulingCounty = await app.RegionIdAsync("430702");
        var (wuling, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, wulingCounty);
        var (dingcheng, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, await app.RegionIdAsync("430703"));
        var (city, _) = await app.SignInAsNewAsync(Roles.CityOfficer);
        var countyCourse = (await (await wuling.PostAsJsonAsync("/api/courses", CourseBody(wulingCounty))).ShouldBeJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString();
        var cityCourse = (await (await city.PostAsJsonAsync("/api/courses", CourseBody(null, level: "City"))).ShouldBeJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString();
        var person = (await TestPeople.CreateAsync(wuling, wulingCounty)).GetProperty("id").GetString();
        var enrolment = (await (await wuling.PostAsJsonAsync($"/api/courses/{cityCourse}/enrolments", new { kind = "DisabledPerson", personId = person })).ShouldBeJsonAsync(HttpStatusCode.Created))
            .GetProperty("id").GetString();
        var claim = (await (await wuling.PostAsJsonAsync("/api/training-claims", ClaimsTests.ClaimBody(person!))).ShouldBeJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString();

        await (await dingcheng.GetAsync($"/api/courses/{countyCourse}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "course.not_found");
        Assert.Equal(HttpStatusCode.OK, (await dingcheng.GetAsync($"/api/courses/{cityCourse}")).StatusCode);
        Assert.Equal(0, (await (await dingcheng.GetAsync($"/api/courses/{cityCourse}/enrolments")).ShouldBeJsonAsync()).GetArrayLength());
        Assert.Equal(1, (await (await city.GetAsync($"/api/courses/{cityCourse}/enrolments")).ShouldBeJsonAsync()).GetArrayLength());
        await (await dingcheng.PostAsJsonAsync($"/api/courses/enrolments/{enrolment}/completion", new { completedOn = "2019-04-10" })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "enrolment.not_found");
        await (await dingcheng.GetAsync($"/api/training-claims/{claim}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "training_claim.not_found");
        await (await dingcheng.PostAsJsonAsync($"/api/benefits/{claim}/submission", new { })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "benefit.not_found");
        var courses = await (await dingcheng.GetAsync("/api/courses?pageSize=100")).ShouldBeJsonAsync();
        Assert.DoesNotContain(courses.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetString() == countyCourse);
    }

    private static async Task<(int Persons, int Family)> TrainedAsync(HttpClient client, string code)
    {
        var counts = await (await client.GetAsync("/api/courses/trained-people?from=2019-01-01&to=2019-12-31")).ShouldBeJsonAsync();
        var row = counts.GetProperty("byCounty").EnumerateArray().FirstOrDefault(c => c.GetProperty("countyName").GetString() is { } name && name.Length > 0 && Codes[code] == name);
        return row.ValueKind == JsonValueKind.Undefined ? (0, 0) : (row.GetProperty("persons").GetInt32(), row.GetProperty("familyMembers").GetInt32());
    }

    private static readonly Dictionary<string, string> Codes = new() { ["430725"] = "桃源县" };
}
