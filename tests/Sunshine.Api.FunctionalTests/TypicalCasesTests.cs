using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sunshine.Api.FunctionalTests.Infrastructure;
using Sunshine.Domain.AccessControl;

namespace Sunshine.Api.FunctionalTests;

/// <summary>Typical cases: writing them up with ETags, nomination, publication under consent, the published list, scoping and the audit rows.</summary>
public sealed class TypicalCasesTests(SunshineApp app)
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    private static readonly object[] Figures =
    [
        new { label = "年销售额", value = 120_000m, unit = "元" },
        new { label = "带动贫困户", value = 15m, unit = "户" },
    ];

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, string? ifMatch = null, object? body = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request);
    }

    private static async Task<IReadOnlyList<Guid>> PublishedIdsAsync(HttpClient client) =>
        (await (await client.GetAsync("/api/typical-cases/published?pageSize=100")).ShouldBeJsonAsync()).GetProperty("items").EnumerateArray()
        .Select(c => c.GetProperty("id").GetGuid()).ToList();

    [Fact]
    public async Task A_persons_story_is_written_up_nominated_and_published_only_with_their_consent()
    {
        var county = await app.RegionIdAsync("430725");
        var (officer, account) = await app.SignInAsNewAsync(Roles.CountyOfficer, county);
        var (other, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, await app.RegionIdAsync("430726"));
        var person = (await TestPeople.CreateAsync(officer, county)).GetProperty("id").GetGuid();
        var watermark = await app.AuditWatermarkAsync();

        var created = await officer.PostAsJsonAsync("/api/typical-cases", new { personId = person, title = "轮椅上的“桃源土货”店主", narrative = "2017年参加电商培训后开设网店……", figures = Figures });
        var etag = created.Headers.ETag!.Tag;
        var body = await created.ShouldBeJsonAsync(HttpStatusCode.Created);
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal(("Person", county, "测试人员", false), (body.GetProperty("subject").GetString(), body.GetProperty("countyId").GetGuid(),
            body.GetProperty("subjectName").GetString(), body.GetProperty("publicationConsent").GetBoolean()));
        Assert.Equal(120_000m, body.GetProperty("figures")[0].GetProperty("value").GetDecimal());

        // Updates need the current ETag.
        object Edit(string title) => new { title, narrative = "2017年参加电商培训后开设网店，年销售额突破十万元。", figures = Figures.Take(1) };
        await (await SendAsync(officer, HttpMethod.Put, $"/api/typical-cases/{id}", null, Edit("新标题"))).ShouldBeProblemAsync((HttpStatusCode)428, "concurrency.if_match_required");
        await (await SendAsync(officer, HttpMethod.Put, $"/api/typical-cases/{id}", "\"1\"", Edit("新标题"))).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "concurrency.stale");
        var updated = await SendAsync(officer, HttpMethod.Put, $"/api/typical-cases/{id}", etag, Edit("轮椅上的网店店主"));
        Assert.Equal(1, (await updated.ShouldBeJsonAsync()).GetProperty("figures").GetArrayLength());
        etag = updated.Headers.ETag!.Tag;

        var nominated = await (await officer.PostAsync($"/api/typical-cases/{id}/nomination", null)).ShouldBeJsonAsync();
        Assert.Equal((true, account.Id, WorkPlansTests.Iso(Today)),
            (nominated.GetProperty("isNominated").GetBoolean(), nominated.GetProperty("nominatedById").GetGuid(), nominated.GetProperty("nominatedOn").GetString()));
        await (await officer.PostAsync($"/api/typical-cases/{id}/nomination", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "typical_case.already_nominated");

        // No consent to publication: refused, and nothing changed.
        await (await officer.PostAsync($"/api/typical-cases/{id}/publication", null)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "typical_case.consent_required");
        Assert.False((await (await officer.GetAsync($"/api/typical-cases/{id}")).ShouldBeJsonAsync()).GetProperty("isPublished").GetBoolean());
        await (await officer.PostAsJsonAsync($"/api/persons/{person}/consents", new { scope = "Publication", givenOn = WorkPlansTests.Iso(Today) })).ShouldBeJsonAsync();
        var published = await (await officer.PostAsync($"/api/typical-cases/{id}/publication", null)).ShouldBeJsonAsync();
        Assert.Equal((true, true), (published.GetProperty("isPublished").GetBoolean(), published.GetProperty("publicationConsent").GetBoolean()));

        // Another county: the case itself is out of scope, but once published it is in the published list.
        await (await other.GetAsync($"/api/typical-cases/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "typical_case.not_found");
        await (await other.PostAsync($"/api/typical-cases/{id}/publication", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "typical_case.not_found");
        await (await SendAsync(other, HttpMethod.Delete, $"/api/typical-cases/{id}", "\"1\"")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "typical_case.not_found");
        var theirs = await (await other.GetAsync("/api/typical-cases?pageSize=100")).ShouldBeJsonAsync();
        Assert.DoesNotContain(theirs.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetGuid() == id);
        Assert.Contains(id, await PublishedIdsAsync(other));

        // Consent withdrawn: the story leaves the published list at once.
        await (await officer.PostAsJsonAsync($"/api/persons/{person}/consents/Publication/withdrawal", new { withdrawnOn = WorkPlansTests.Iso(Today) })).ShouldBeJsonAsync();
        Assert.DoesNotContain(id, await PublishedIdsAsync(other));
        Assert.False((await (await officer.GetAsync($"/api/typical-cases/{id}")).ShouldBeJsonAsync()).GetProperty("publicationConsent").GetBoolean());

        // A published case is withdrawn from publication before it is deleted.
        var current = await officer.GetAsync($"/api/typical-cases/{id}");
        await (await SendAsync(officer, HttpMethod.Delete, $"/api/typical-cases/{id}", current.Headers.ETag!.Tag)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "typical_case.published");
        var unpublished = await SendAsync(officer, HttpMethod.Delete, $"/api/typical-cases/{id}/publication");
        Assert.False((await unpublished.ShouldBeJsonAsync()).GetProperty("isPublished").GetBoolean());
        await (await SendAsync(officer, HttpMethod.Delete, $"/api/typical-cases/{id}", etag)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "concurrency.stale");
        var deleted = await SendAsync(officer, HttpMethod.Delete, $"/api/typical-cases/{id}", unpublished.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await (await officer.GetAsync($"/api/typical-cases/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "typical_case.not_found");

        var rows = (await app.AuditRowsAfterAsync(watermark, id.ToString())).Where(r => r.EntityType == "TypicalCase").ToList();
        Assert.Equal(["CreateTypicalCase", "UpdateTypicalCase", "NominateTypicalCase", "PublishTypicalCase", "UnpublishTypicalCase", "DeleteTypicalCase"], rows.Select(r => r.Action));
        var changed = JsonDocument.Parse(rows[1].Changes).RootElement.GetProperty("fields");
        Assert.Equal(["figures", "narrative", "title"], changed.EnumerateObject().Select(f => f.Name).Order());
        Assert.All(rows, r => Assert.Equal(account.Id, r.ActorId));
    }

    [Fact]
    public async Task An_enterprise_case_needs_no_consent_and_the_subject_and_county_rules_hold()
    {
        var county = await app.RegionIdAsync("430723");
        var (officer, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, county);
        var (cityClient, _) = await app.SignInAsNewAsync(Roles.CityOfficer);
        var enterprise = (await (await cityClient.PostAsJsonAsync("/api/enterprises", new
        {
            name = "澧县阳光电商" + Random.Shared.Next(1_000_000), creditCode = TestPartners.NewCreditCode(), countyId = (Guid?)null, roles = new[] { "EcommerceEnterprise" },
        })).ShouldBeJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();

        await (await officer.PostAsJsonAsync("/api/typical-cases", new { enterpriseId = enterprise, title = "无县", narrative = "正文" }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "typical_case.county_required");
        await (await officer.PostAsJsonAsync("/api/typical-cases", new { enterpriseId = enterprise, countyId = await app.RegionIdAsync("430724"), title = "别县", narrative = "正文" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "scope.county_not_allowed");
        var person = (await TestPeople.CreateAsync(officer, county)).GetProperty("id").GetGuid();
        await (await officer.PostAsJsonAsync("/api/typical-cases", new { personId = person, enterpriseId = enterprise, countyId = county, title = "两者", narrative = "正文" }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "typical_case.subject_one_required");
        await (await officer.PostAsJsonAsync("/api/typical-cases", new { personId = person, countyId = await app.RegionIdAsync("430724"), title = "错县", narrative = "正文" }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "typical_case.county_mismatch");
        var (stranger, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, await app.RegionIdAsync("430781"));
        await (await stranger.PostAsJsonAsync("/api/typical-cases", new { personId = person, title = "别人的", narrative = "正文" }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "person.not_found");
        var tooMany = Enumerable.Range(1, 13).Select(i => new { label = $"指标{i}", value = (decimal)i, unit = "个" }).ToArray();
        var invalid = await officer.PostAsJsonAsync("/api/typical-cases", new { enterpriseId = enterprise, countyId = county, title = "", narrative = "正文", figures = tooMany });
        var fields = HttpAssertions.FieldsOf(await invalid.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed"));
        Assert.Contains("title", fields);
        Assert.Contains("figures", fields);
        Assert.Equal(0, (await (await officer.GetAsync($"/api/typical-cases?pageSize=100&search=无县")).ShouldBeJsonAsync()).GetProperty("totalCount").GetInt32());

        var created = await (await officer.PostAsJsonAsync("/api/typical-cases", new
        {
            enterpriseId = enterprise, countyId = county, title = "电商企业吸纳残疾人就业", narrative = "企业吸纳12名残疾人从事客服与打包……", figures = Figures,
        })).ShouldBeJsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal(("Enterprise", JsonValueKind.Null), (created.GetProperty("subject").GetString(), created.GetProperty("publicationConsent").ValueKind));

        // Nominating and publishing are decisions: the auditor may read but not decide; the city may decide for any county.
        var (auditor, _) = await app.SignInAsNewAsync(Roles.Auditor);
        await (await auditor.PostAsync($"/api/typical-cases/{id}/publication", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.permission_required");
        Assert.Equal(id, (await (await auditor.GetAsync($"/api/typical-cases/{id}")).ShouldBeJsonAsync()).GetProperty("id").GetGuid());
        var published = await (await cityClient.PostAsync($"/api/typical-cases/{id}/publication", null)).ShouldBeJsonAsync();
        Assert.True(published.GetProperty("isPublished").GetBoolean());
        await (await cityClient.PostAsync($"/api/typical-cases/{id}/publication", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "typical_case.already_published");
        Assert.Contains(id, await PublishedIdsAsync(stranger));

        var filtered = await (await officer.GetAsync("/api/typical-cases?subject=Enterprise&published=true&search=吸纳残疾人&pageSize=100")).ShouldBeJsonAsync();
        Assert.Contains(filtered.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetGuid() == id);
        var persons = await (await officer.GetAsync("/api/typical-cases?subject=Person&pageSize=100")).ShouldBeJsonAsync();
        Assert.DoesNotContain(persons.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetGuid() == id);
    }
}
