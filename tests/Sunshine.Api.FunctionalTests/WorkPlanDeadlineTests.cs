using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sunshine.Api.FunctionalTests.Infrastructure;
using Sunshine.Domain.AccessControl;

namespace Sunshine.Api.FunctionalTests;

/// <summary>
/// Overdue is derived from the clock: on a host of its own whose clock the test moves, a plan that is
/// neither submitted nor filed turns overdue at midnight China Standard Time after the deadline day.
/// </summary>
public sealed class WorkPlanDeadlineTests : IAsyncLifetime
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private readonly ClockedSunshineApp _app = new();

    public ValueTask InitializeAsync() => _app.InitializeAsync();

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static async Task<Dictionary<Guid, string>> StatusesAsync(HttpClient client, Guid round)
    {
        var body = await (await client.GetAsync($"/api/work-plans/rounds/{round}")).ShouldBeJsonAsync();
        return body.GetProperty("filings").EnumerateArray().ToDictionary(f => f.GetProperty("countyId").GetGuid(), f => f.GetProperty("status").GetString()!);
    }

    [Fact]
    public async Task A_plan_neither_submitted_nor_filed_turns_overdue_when_the_deadline_day_ends_in_China_Standard_Time()
    {
        var codes = new[] { "430702", "430703", "430721", "430722" };
        var counties = new List<Guid>();
        var officers = new List<TestAccount>();
        foreach (var code in codes)
        {
            var county = await _app.RegionIdAsync(code);
            counties.Add(county);
            officers.Add(await _app.CreateAccountAsync(Roles.CountyOfficer, county));
        }

        var (submitted, filed, returned, silent) = (counties[0], counties[1], counties[2], counties[3]);
        var cityAccount = await _app.CreateAccountAsync(Roles.CityOfficer);
        var city = await _app.SignInAsync(cityAccount);
        var deadline = DateOnly.FromDateTime(_app.Clock.GetUtcNow().ToOffset(China).DateTime).AddDays(1);
        var round = await WorkPlansTests.CreateRoundAsync(city, deadline, [.. counties]);
        var roundId = round.GetProperty("id").GetGuid();

        // Before the deadline: one submitted, one filed, one returned, one untouched.
        for (var i = 0; i < 3; i++)
        {
            var officer = await _app.SignInAsync(officers[i]);
            var filing = WorkPlansTests.FilingOf(round, counties[i]);
            await (await WorkPlansTests.UploadAsync(officer, filing, TestDocuments.Docx(), "plan.docx")).ShouldBeJsonAsync();
            await (await officer.PostAsJsonAsync($"/api/work-plans/filings/{filing}/submission", new { })).ShouldBeJsonAsync();
        }

        await (await city.PostAsJsonAsync($"/api/work-plans/filings/{WorkPlansTests.FilingOf(round, filed)}/filing", new { })).ShouldBeJsonAsync();
        await (await city.PostAsJsonAsync($"/api/work-plans/filings/{WorkPlansTests.FilingOf(round, returned)}/return", new { reason = "目标不明确" })).ShouldBeJsonAsync();

        // The last second of the deadline day (23:59:59 CST): nothing is overdue.
        var midnight = new DateTimeOffset(deadline.AddDays(1).ToDateTime(TimeOnly.MinValue), China).ToUniversalTime();
        _app.Clock.SetUtcNow(midnight.AddSeconds(-1));
        city = await _app.SignInAsync(cityAccount);
        var before = await StatusesAsync(city, roundId);
        Assert.Equal(["Submitted", "Filed", "Returned", "Due"], counties.Select(c => before[c]));
        Assert.False((await (await city.GetAsync($"/api/work-plans/rounds/{roundId}")).ShouldBeJsonAsync()).GetProperty("pastDeadline").GetBoolean());

        // Midnight CST (16:00 UTC): the returned and the untouched plans are overdue; nothing was stored to make them so.
        _app.Clock.SetUtcNow(midnight);
        Assert.Equal(16, _app.Clock.GetUtcNow().UtcDateTime.Hour);
        var after = await StatusesAsync(city, roundId);
        Assert.Equal(["Submitted", "Filed", "Overdue", "Overdue"], counties.Select(c => after[c]));
        var listed = (await (await city.GetAsync("/api/work-plans/rounds?pageSize=100")).ShouldBeJsonAsync()).GetProperty("items").EnumerateArray()
            .Single(r => r.GetProperty("id").GetGuid() == roundId);
        Assert.Equal((2, true), (listed.GetProperty("counts").GetProperty("overdue").GetInt32(), listed.GetProperty("pastDeadline").GetBoolean()));

        // A late plan is still taken: it is submitted, and shown as late.
        var late = await _app.SignInAsync(officers[3]);
        var lateFiling = WorkPlansTests.FilingOf(round, silent);
        Assert.Equal("Overdue", (await (await late.GetAsync($"/api/work-plans/filings/{lateFiling}")).ShouldBeJsonAsync()).GetProperty("status").GetString());
        await (await WorkPlansTests.UploadAsync(late, lateFiling, TestDocuments.Pdf(), "plan.pdf")).ShouldBeJsonAsync();
        var lateSubmission = await (await late.PostAsJsonAsync($"/api/work-plans/filings/{lateFiling}/submission", new { })).ShouldBeJsonAsync();
        Assert.Equal(("Submitted", true), (lateSubmission.GetProperty("status").GetString(), lateSubmission.GetProperty("submittedLate").GetBoolean()));
        var onTime = await (await city.GetAsync($"/api/work-plans/filings/{WorkPlansTests.FilingOf(round, submitted)}")).ShouldBeJsonAsync();
        Assert.False(onTime.GetProperty("submittedLate").GetBoolean());
        Assert.Equal(JsonValueKind.String, onTime.GetProperty("submittedAt").ValueKind);
    }
}
