using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sunshine.Api.FunctionalTests.Infrastructure;
using Sunshine.Domain.AccessControl;

namespace Sunshine.Api.FunctionalTests;

/// <summary>Work plans filed with the city: the flow, the document checks, county scoping on every endpoint, round edits and the audit rows.</summary>
public sealed class WorkPlansTests(SunshineApp app)
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    internal static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static async Task<Guid> ProgrammeIdAsync(HttpClient client)
    {
        var programmes = await (await client.GetAsync("/api/programmes")).ShouldBeJsonAsync();
        return programmes.EnumerateArray().Single(p => p.GetProperty("code").GetString() == "CD-ECDA-2017").GetProperty("id").GetGuid();
    }

    internal static async Task<JsonElement> CreateRoundAsync(HttpClient city, DateOnly deadline, params Guid[] counties) =>
        await (await city.PostAsJsonAsync("/api/work-plans/rounds", new
        {
            programmeId = await ProgrammeIdAsync(city), title = "工作方案备案" + Random.Shared.Next(1_000_000), deadline = Iso(deadline), countyIds = counties,
        })).ShouldBeJsonAsync(HttpStatusCode.Created);

    internal static Guid FilingOf(JsonElement round, Guid county) =>
        round.GetProperty("filings").EnumerateArray().Single(f => f.GetProperty("countyId").GetGuid() == county).GetProperty("id").GetGuid();

    internal static Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid filing, byte[] content, string name) =>
        client.PostAsync($"/api/work-plans/filings/{filing}/document", TestDocuments.Form(content, name));

    private Task<int> DocumentsOfAsync(Guid filing) =>
        app.QueryAsync(db => db.Attachments.IgnoreQueryFilters().CountAsync(a => a.OwnerType == "WorkPlanFiling" && a.OwnerId == filing));

    [Fact]
    public async Task A_county_uploads_and_submits_its_plan_the_city_returns_it_the_county_resubmits_and_the_city_files_it()
    {
        var countyA = await app.RegionIdAsync("430721");
        var countyB = await app.RegionIdAsync("430722");
        var (officer, account) = await app.SignInAsNewAsync(Roles.CountyOfficer, countyA);
        var (cityClient, cityAccount) = await app.SignInAsNewAsync(Roles.CityOfficer);
        var (auditor, _) = await app.SignInAsNewAsync(Roles.Auditor);

        var round = await CreateRoundAsync(cityClient, Today.AddDays(30), countyA, countyB);
        Assert.Equal(["Due", "Due"], round.GetProperty("filings").EnumerateArray().Select(f => f.GetProperty("status").GetString()));
        Assert.Equal(2, round.GetProperty("counts").GetProperty("due").GetInt32());
        var roundId = round.GetProperty("id").GetGuid();
        var filing = FilingOf(round, countyA);
        var watermark = await app.AuditWatermarkAsync();

        // The county sees the round with its own filing only.
        var mine = await (await officer.GetAsync($"/api/work-plans/rounds/{roundId}")).ShouldBeJsonAsync();
        Assert.Equal(filing, Assert.Single(mine.GetProperty("filings").EnumerateArray()).GetProperty("id").GetGuid());
        var listed = (await (await officer.GetAsync("/api/work-plans/rounds?pageSize=100")).ShouldBeJsonAsync()).GetProperty("items").EnumerateArray()
            .Single(r => r.GetProperty("id").GetGuid() == roundId);
        Assert.Equal((1, 1), (listed.GetProperty("counts").GetProperty("total").GetInt32(), listed.GetProperty("counts").GetProperty("due").GetInt32()));

        await (await officer.PostAsJsonAsync($"/api/work-plans/filings/{filing}/submission", new { })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "work_plan.document_required");
        var docx = TestDocuments.Docx();
        var uploaded = await (await UploadAsync(officer, filing, docx, "桃源县工作方案.docx")).ShouldBeJsonAsync();
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", uploaded.GetProperty("document").GetProperty("contentType").GetString());
        Assert.Equal("Due", uploaded.GetProperty("status").GetString());

        // Submitting is the county's decision, filing and returning the city's.
        await (await cityClient.PostAsJsonAsync($"/api/work-plans/filings/{filing}/submission", new { })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.permission_required");
        var submitted = await (await officer.PostAsJsonAsync($"/api/work-plans/filings/{filing}/submission", new { })).ShouldBeJsonAsync();
        Assert.Equal(("Submitted", account.Id, false), (submitted.GetProperty("status").GetString(), submitted.GetProperty("submittedById").GetGuid(), submitted.GetProperty("submittedLate").GetBoolean()));
        await (await UploadAsync(officer, filing, docx, "again.docx")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "work_plan.not_with_county");
        await (await officer.PostAsJsonAsync($"/api/work-plans/filings/{filing}/filing", new { })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.permission_required");

        var noReason = await cityClient.PostAsJsonAsync($"/api/work-plans/filings/{filing}/return", new { reason = "" });
        Assert.Contains("reason", HttpAssertions.FieldsOf(await noReason.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed")));
        var returned = await (await cityClient.PostAsJsonAsync($"/api/work-plans/filings/{filing}/return", new { reason = "请补充年度培训目标和资金安排" })).ShouldBeJsonAsync();
        Assert.Equal(("Returned", "请补充年度培训目标和资金安排", cityAccount.Id),
            (returned.GetProperty("status").GetString(), returned.GetProperty("returnReason").GetString(), returned.GetProperty("decidedById").GetGuid()));
        await (await cityClient.PostAsJsonAsync($"/api/work-plans/filings/{filing}/filing", new { })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "work_plan.not_submitted");

        var pdf = TestDocuments.Pdf(4096);
        var replaced = await (await UploadAsync(officer, filing, pdf, "桃源县工作方案（修改稿）.pdf")).ShouldBeJsonAsync();
        Assert.Equal(("application/pdf", "Returned"), (replaced.GetProperty("document").GetProperty("contentType").GetString(), replaced.GetProperty("status").GetString()));
        await (await officer.PostAsJsonAsync($"/api/work-plans/filings/{filing}/submission", new { })).ShouldBeJsonAsync();
        var filed = await (await cityClient.PostAsJsonAsync($"/api/work-plans/filings/{filing}/filing", new { })).ShouldBeJsonAsync();
        Assert.Equal("Filed", filed.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, filed.GetProperty("returnReason").ValueKind);
        await (await cityClient.PostAsJsonAsync($"/api/work-plans/filings/{filing}/return", new { reason = "再看看" })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "work_plan.not_submitted");

        var counts = (await (await cityClient.GetAsync($"/api/work-plans/rounds/{roundId}")).ShouldBeJsonAsync()).GetProperty("counts");
        Assert.Equal((1, 1, 2), (counts.GetProperty("filed").GetInt32(), counts.GetProperty("due").GetInt32(), counts.GetProperty("total").GetInt32()));
        Assert.Equal(2, await DocumentsOfAsync(filing));

        // Every change left its audit rows on the filing, under the use case's name.
        var actions = (await app.AuditRowsAfterAsync(watermark, filing.ToString())).Where(r => r.EntityType == "WorkPlanFiling").Select(r => r.Action).ToList();
        Assert.Equal(["UploadWorkPlanDocument", "SubmitWorkPlan", "ReturnWorkPlan", "UploadWorkPlanDocument", "SubmitWorkPlan", "FileWorkPlan"], actions);

        // The auditor reads the current document; the download is an audit row.
        var downloadMark = await app.AuditWatermarkAsync();
        var download = await auditor.GetAsync($"/api/work-plans/filings/{filing}/document");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.True(download.Headers.CacheControl?.NoStore);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        var documentId = filed.GetProperty("document").GetProperty("id").GetString();
        var read = Assert.Single(await app.AuditRowsAfterAsync(downloadMark, documentId));
        Assert.Equal("DownloadWorkPlanDocument", read.Action);
    }

    [Fact]
    public async Task A_renamed_executable_another_type_or_a_file_over_20_MB_is_refused_and_nothing_is_kept()
    {
        var county = await app.RegionIdAsync("430723");
        var (officer, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, county);
        var city = await TestPartners.CityOfficerAsync(app);
        var filing = FilingOf(await CreateRoundAsync(city, Today.AddDays(10), county), county);

        foreach (var name in (string[])["plan.pdf", "plan.docx"])
        {
            var refused = await (await officer.PostAsync($"/api/work-plans/filings/{filing}/document", TestDocuments.Form(TestDocuments.Executable(), name, "application/pdf")))
                .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "attachment.type");
            Assert.Contains("file", HttpAssertions.FieldsOf(refused));
        }

        await (await UploadAsync(officer, filing, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. new byte[64]], "plan.pdf"))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "attachment.type");
        await (await UploadAsync(officer, filing, TestDocuments.Docx("word/vbaProject.bin"), "plan.docx")).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "attachment.type");

        var justOver = await (await UploadAsync(officer, filing, TestDocuments.Pdf((20 * 1024 * 1024) + 1), "plan.pdf")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        Assert.Equal("attachment.size", justOver.GetProperty("fieldErrors")[0].GetProperty("code").GetString());
        await (await UploadAsync(officer, filing, TestDocuments.Pdf(21 * 1024 * 1024), "plan.pdf")).ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, "request.too_large");

        Assert.Equal(0, await DocumentsOfAsync(filing));
        var untouched = await (await officer.GetAsync($"/api/work-plans/filings/{filing}")).ShouldBeJsonAsync();
        Assert.Equal(JsonValueKind.Null, untouched.GetProperty("document").ValueKind);

        // Exactly 20 MB is a plan.
        var largest = await (await UploadAsync(officer, filing, TestDocuments.Pdf(20 * 1024 * 1024), "plan.pdf")).ShouldBeJsonAsync();
        Assert.Equal(20 * 1024 * 1024, largest.GetProperty("document").GetProperty("size").GetInt64());
    }

    [Fact]
    public async Task Another_countys_officer_gets_404_on_every_endpoint_and_never_sees_the_filing()
    {
        var county = await app.RegionIdAsync("430724");
        var neighbour = await app.RegionIdAsync("430725");
        var (officer, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, county);
        var (other, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, neighbour);
        var (cityClient, _) = await app.SignInAsNewAsync(Roles.CityOfficer);
        var round = await CreateRoundAsync(cityClient, Today.AddDays(20), county);
        var roundId = round.GetProperty("id").GetGuid();
        var filing = FilingOf(round, county);
        await (await UploadAsync(officer, filing, TestDocuments.Pdf(), "plan.pdf")).ShouldBeJsonAsync();

        // The round is not the neighbour's: it is neither listed nor readable.
        var theirs = await (await other.GetAsync("/api/work-plans/rounds?pageSize=100")).ShouldBeJsonAsync();
        Assert.DoesNotContain(theirs.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetGuid() == roundId);
        await (await other.GetAsync($"/api/work-plans/rounds/{roundId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "work_plan_round.not_found");
        await (await other.GetAsync($"/api/work-plans/filings/{filing}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "work_plan_filing.not_found");
        await (await other.GetAsync($"/api/work-plans/filings/{filing}/document")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "work_plan_filing.not_found");
        await (await UploadAsync(other, filing, TestDocuments.Pdf(), "plan.pdf")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "work_plan_filing.not_found");
        await (await other.PostAsJsonAsync($"/api/work-plans/filings/{filing}/submission", new { })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "work_plan_filing.not_found");
        Assert.Equal(1, await DocumentsOfAsync(filing));

        // The round's other counties stay hidden from a county in it too.
        var shared = await CreateRoundAsync(cityClient, Today.AddDays(20), county, neighbour);
        var neighbourFiling = FilingOf(shared, neighbour);
        var seen = await (await officer.GetAsync($"/api/work-plans/rounds/{shared.GetProperty("id").GetGuid()}")).ShouldBeJsonAsync();
        Assert.Equal(county, Assert.Single(seen.GetProperty("filings").EnumerateArray()).GetProperty("countyId").GetGuid());
        await (await officer.GetAsync($"/api/work-plans/filings/{neighbourFiling}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "work_plan_filing.not_found");

        // City-level steps are refused to county officers by permission, whatever the id.
        await (await other.PostAsJsonAsync($"/api/work-plans/filings/{filing}/filing", new { })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.permission_required");
        await (await other.PostAsJsonAsync($"/api/work-plans/filings/{filing}/return", new { reason = "x" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.permission_required");
        await (await other.PutJsonAsync($"/api/work-plans/rounds/{roundId}", new { title = "x", deadline = Iso(Today), countyIds = new[] { neighbour } }, "\"1\""))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.permission_required");

        // The city sees and reads everything.
        var download = await cityClient.GetAsync($"/api/work-plans/filings/{filing}/document");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
    }

    [Fact]
    public async Task The_city_edits_a_round_with_if_match_and_a_county_that_started_its_plan_stays_in_it()
    {
        var first = await app.RegionIdAsync("430726");
        var second = await app.RegionIdAsync("430781");
        var third = await app.RegionIdAsync("430771");
        var (officer, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, first);
        var city = await TestPartners.CityOfficerAsync(app);
        var created = await city.PostAsJsonAsync("/api/work-plans/rounds", new
        {
            programmeId = await ProgrammeIdAsync(city), title = "第二轮方案备案", deadline = Iso(Today.AddDays(40)), countyIds = new[] { first, second },
        });
        var etag = created.Headers.ETag!.Tag;
        var round = await created.ShouldBeJsonAsync(HttpStatusCode.Created);
        var id = round.GetProperty("id").GetGuid();
        await (await UploadAsync(officer, FilingOf(round, first), TestDocuments.Pdf(), "plan.pdf")).ShouldBeJsonAsync();

        object Body(params Guid[] counties) => new { title = "第二轮方案备案（延期）", deadline = Iso(Today.AddDays(50)), countyIds = counties };
        await (await city.PutJsonAsync($"/api/work-plans/rounds/{id}", Body(first, third), null)).ShouldBeProblemAsync((HttpStatusCode)428, "concurrency.if_match_required");
        await (await city.PutJsonAsync($"/api/work-plans/rounds/{id}", Body(first, third), "\"1\"")).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "concurrency.stale");
        await (await city.PutJsonAsync($"/api/work-plans/rounds/{id}", Body(third), etag)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "work_plan.filing_started");
        await (await city.PutJsonAsync($"/api/work-plans/rounds/{id}", Body(first, Guid.NewGuid()), etag)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "county.invalid");
        var repeated = await (await city.PutJsonAsync($"/api/work-plans/rounds/{id}", Body(first, first), etag)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        Assert.Equal("work_plan.county_repeated", repeated.GetProperty("fieldErrors")[0].GetProperty("code").GetString());

        var updated = await city.PutJsonAsync($"/api/work-plans/rounds/{id}", Body(first, third), etag);
        var body = await updated.ShouldBeJsonAsync();
        Assert.NotEqual(etag, updated.Headers.ETag!.Tag);
        Assert.Equal(("第二轮方案备案（延期）", Iso(Today.AddDays(50))), (body.GetProperty("title").GetString(), body.GetProperty("deadline").GetString()));
        Assert.Equal(new[] { first, third }.Order(), body.GetProperty("filings").EnumerateArray().Select(f => f.GetProperty("countyId").GetGuid()).Order());

        var early = await city.PostAsJsonAsync("/api/work-plans/rounds", new { programmeId = await ProgrammeIdAsync(city), title = "太早", deadline = "2016-12-31", countyIds = new[] { first } });
        await early.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "work_plan.deadline_before_programme");
        var noProgramme = await city.PostAsJsonAsync("/api/work-plans/rounds", new { programmeId = Guid.NewGuid(), title = "无", deadline = Iso(Today), countyIds = new[] { first } });
        await noProgramme.ShouldBeProblemAsync(HttpStatusCode.NotFound, "programme.not_found");
        var noCounties = await city.PostAsJsonAsync("/api/work-plans/rounds", new { programmeId = await ProgrammeIdAsync(city), title = "无", deadline = Iso(Today), countyIds = Array.Empty<Guid>() });
        Assert.Contains("countyIds", HttpAssertions.FieldsOf(await noCounties.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed")));
    }

    [Fact]
    public async Task The_reference_programmes_first_round_is_due_on_30_April_2018_for_every_county_and_long_overdue()
    {
        var city = await TestPartners.CityOfficerAsync(app);
        var rounds = await (await city.GetAsync($"/api/work-plans/rounds?programmeId={await ProgrammeIdAsync(city)}&pageSize=100")).ShouldBeJsonAsync();
        var first = rounds.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("deadline").GetString() == "2018-04-30");

        var round = await (await city.GetAsync($"/api/work-plans/rounds/{first.GetProperty("id").GetGuid()}")).ShouldBeJsonAsync();
        Assert.True(round.GetProperty("pastDeadline").GetBoolean());
        Assert.Equal(14, round.GetProperty("filings").GetArrayLength());
        Assert.All(round.GetProperty("filings").EnumerateArray(), f => Assert.Equal("Overdue", f.GetProperty("status").GetString()));
        Assert.Equal("430702", round.GetProperty("filings")[0].GetProperty("countyCode").GetString());
    }
}
