using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sunshine.Api.FunctionalTests.Infrastructure;
using Sunshine.Domain.AccessControl;

namespace Sunshine.Api.FunctionalTests;

public sealed class ClaimsTests(SunshineApp app)
{
    internal static object ClaimBody(string personId, decimal feePaid = 800m, string qualification = "SAMPLE-EC-4") => new
    {
        personId,
        providerName = "常德市某职业培训学校",
        courseName = "电子商务师（四级）培训",
        trainingStart = "2019-03-01",
        trainingEnd = "2019-05-30",
        feePaid,
        feeCharging = true,
        receiptNumber = "NO.0001234",
        qualificationCode = qualification,
        certificateNumber = "1943000000001",
        certificateDate = "2019-06-15",
        issuingAuthority = "常德市人力资源和社会保障局",
    };

    private async Task<(HttpClient Maker, HttpClient Checker, Guid County)> OfficersAsync(string code = "430726")
    {
        var county = await app.RegionIdAsync(code);
        var (maker, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, county);
        var (checker, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, county);
        return (maker, checker, county);
    }

    internal static async Task<string> DraftAsync(HttpClient maker, Guid county, decimal feePaid = 800m, string? personId = null)
    {
        personId ??= (await TestPeople.CreateAsync(maker, county)).GetProperty("id").GetString()!;
        return (await (await maker.PostAsJsonAsync("/api/training-claims", ClaimBody(personId, feePaid))).ShouldBeJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
    }

    [Theory]
    [InlineData(800, 800)]
    [InlineData(1500, 1200)]
    public async Task A_submitted_claim_is_decided_criterion_by_criterion_and_approved_by_another_officer(decimal paid, decimal amount)
    {
        var (maker, checker, county) = await OfficersAsync();
        var id = await DraftAsync(maker, county, paid);

        var submitted = await (await maker.PostAsJsonAsync($"/api/benefits/{id}/submission", new { comment = "材料齐全" })).ShouldBeJsonAsync();
        Assert.Equal("Submitted", submitted.GetProperty("state").GetString());
        var decision = submitted.GetProperty("decision");
        Assert.True(decision.GetProperty("eligible").GetBoolean());
        Assert.Equal(amount, decision.GetProperty("amount").GetDecimal());
        Assert.Equal("2019-06-15", decision.GetProperty("assessmentDate").GetString());
        Assert.Equal(6, decision.GetProperty("criteria").GetArrayLength());

        var reviewed = await (await checker.PostAsJsonAsync($"/api/benefits/{id}/county-review", new { comment = "同意" })).ShouldBeJsonAsync();
        Assert.Equal("CountyReviewed", reviewed.GetProperty("state").GetString());
        Assert.True(reviewed.GetProperty("isFinallyApproved").GetBoolean());

        var (payer, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, county);
        var allocation = await FundsHelper.AllocationAsync(payer, county, 5_000m);
        var paid2 = await (await payer.PostAsJsonAsync($"/api/benefits/{id}/payment", FundsHelper.Payment("2019-07-01", "记-2019-0701", (allocation, amount))))
            .ShouldBeJsonAsync();
        Assert.Equal("Paid", paid2.GetProperty("state").GetString());
        var claim = await (await maker.GetAsync($"/api/training-claims/{id}")).ShouldBeJsonAsync();
        Assert.Equal(["submit", "county_review", "pay"], claim.GetProperty("benefit").GetProperty("transitions").EnumerateArray().Select(t => t.GetProperty("action").GetString()));
    }

    [Fact]
    public async Task Lists_of_claims_and_benefits_hold_only_the_officers_county()
    {
        var (maker, _, county) = await OfficersAsync("430721");
        var id = await DraftAsync(maker, county);
        var (other, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, await app.RegionIdAsync("430722"));

        foreach (var list in new[] { "/api/training-claims?pageSize=100", "/api/benefits?pageSize=100" })
        {
            var own = await (await maker.GetAsync(list)).ShouldBeJsonAsync();
            Assert.Contains(own.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == id);
            Assert.All(own.GetProperty("items").EnumerateArray(), i => Assert.Equal(county, i.GetProperty("countyId").GetGuid()));
            var theirs = await (await other.GetAsync(list)).ShouldBeJsonAsync();
            Assert.DoesNotContain(theirs.GetProperty("items").EnumerateArray(), i => i.GetProperty("countyId").GetGuid() == county);
        }
    }

    [Fact]
    public async Task The_submitter_approving_their_own_claim_is_403()
    {
        var (maker, _, county) = await OfficersAsync();
        var id = await DraftAsync(maker, county);
        await (await maker.PostAsJsonAsync($"/api/benefits/{id}/submission", new { })).ShouldBeJsonAsync();

        await (await maker.PostAsJsonAsync($"/api/benefits/{id}/county-review", new { })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "benefit.maker_checker");
    }

    [Fact]
    public async Task Two_claims_for_the_same_person_and_qualification_approved_concurrently_leave_exactly_one()
    {
        var (maker, _, county) = await OfficersAsync("430781");
        var person = (await TestPeople.CreateAsync(maker, county)).GetProperty("id").GetString()!;
        var first = await DraftAsync(maker, county, personId: person);
        var second = await DraftAsync(maker, county, personId: person);
        await (await maker.PostAsJsonAsync($"/api/benefits/{first}/submission", new { })).ShouldBeJsonAsync();
        await (await maker.PostAsJsonAsync($"/api/benefits/{second}/submission", new { })).ShouldBeJsonAsync();
        var (checkerA, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, county);
        var (checkerB, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, county);

        var responses = await Task.WhenAll(
            checkerA.PostAsJsonAsync($"/api/benefits/{first}/county-review", new { }),
            checkerB.PostAsJsonAsync($"/api/benefits/{second}/county-review", new { }));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        var refused = Assert.Single(responses, r => r.StatusCode != HttpStatusCode.OK);
        var problem = await refused.ShouldBeJsonAsync(HttpStatusCode.Conflict);
        Assert.Contains(problem.GetProperty("code").GetString(), new[] { "benefit.already_granted", "benefit.decision_changed" });
        var approved = await (await maker.GetAsync($"/api/benefits?personId={person}&state=CountyReviewed")).ShouldBeJsonAsync();
        Assert.Equal(1, approved.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task A_second_claim_after_an_approved_one_is_ineligible_naming_the_criterion()
    {
        var (maker, checker, county) = await OfficersAsync("430771");
        var person = (await TestPeople.CreateAsync(maker, county)).GetProperty("id").GetString()!;
        var first = await DraftAsync(maker, county, personId: person);
        await (await maker.PostAsJsonAsync($"/api/benefits/{first}/submission", new { })).ShouldBeJsonAsync();
        await (await checker.PostAsJsonAsync($"/api/benefits/{first}/county-review", new { })).ShouldBeJsonAsync();

        var second = await DraftAsync(maker, county, personId: person);
        var submitted = await (await maker.PostAsJsonAsync($"/api/benefits/{second}/submission", new { })).ShouldBeJsonAsync();

        var decision = submitted.GetProperty("decision");
        Assert.False(decision.GetProperty("eligible").GetBoolean());
        var failed = decision.GetProperty("criteria").EnumerateArray().Single(c => c.GetProperty("code").GetString() == "training.first_claim");
        Assert.False(failed.GetProperty("met").GetBoolean());
        await (await checker.PostAsJsonAsync($"/api/benefits/{second}/county-review", new { })).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "benefit.not_eligible");
        Assert.Equal("Rejected", (await (await checker.PostAsJsonAsync($"/api/benefits/{second}/rejection", new { comment = "已享受过该项补贴" })).ShouldBeJsonAsync()).GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_review_is_refused_when_the_facts_changed_since_submission_until_resubmitted()
    {
        var (maker, checker, county) = await OfficersAsync("430724");
        var personBody = TestPeople.Body(county);
        var created = await maker.PostAsJsonAsync("/api/persons", personBody);
        var person = (await created.ShouldBeJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var id = await DraftAsync(maker, county, personId: person);
        await (await maker.PostAsJsonAsync($"/api/benefits/{id}/submission", new { })).ShouldBeJsonAsync();

        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/persons/{person}/deactivation") { Content = JsonContent.Create(new { status = "MovedAway", on = "2019-08-01" }) };
        request.Headers.TryAddWithoutValidation("If-Match", created.Headers.ETag!.Tag);
        await (await maker.SendAsync(request)).ShouldBeJsonAsync();

        await (await checker.PostAsJsonAsync($"/api/benefits/{id}/county-review", new { })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "benefit.decision_changed");
        var claim = await (await checker.GetAsync($"/api/training-claims/{id}")).ShouldBeJsonAsync();
        Assert.True(claim.GetProperty("benefit").GetProperty("decisionChanged").GetBoolean());
        var resubmitted = await (await maker.PostAsJsonAsync($"/api/benefits/{id}/resubmission", new { })).ShouldBeJsonAsync();
        Assert.False(resubmitted.GetProperty("decision").GetProperty("eligible").GetBoolean());
    }

    [Fact]
    public async Task Documents_are_checked_by_content_encrypted_and_every_opening_is_audited()
    {
        var (maker, checker, county) = await OfficersAsync("430722");
        var id = await DraftAsync(maker, county);
        byte[] pdf = [.. "%PDF-1.4\n"u8.ToArray(), .. new byte[200]];

        var fake = new MultipartFormDataContent { { new ByteArrayContent("<html>not a pdf</html>"u8.ToArray()), "file", "certificate.pdf" } };
        await (await maker.PostAsync($"/api/training-claims/{id}/attachments?kind=Certificate", fake)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "attachment.type");
        var real = new MultipartFormDataContent { { new ByteArrayContent(pdf), "file", "certificate.pdf" } };
        var attachment = await (await maker.PostAsync($"/api/training-claims/{id}/attachments?kind=Certificate", real)).ShouldBeJsonAsync(HttpStatusCode.Created);
        Assert.Equal("application/pdf", attachment.GetProperty("contentType").GetString());
        var attachmentId = attachment.GetProperty("id").GetString()!;
        var watermark = await app.AuditWatermarkAsync();

        var download = await checker.GetAsync($"/api/attachments/{attachmentId}/content");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        var row = Assert.Single(await app.AuditRowsAfterAsync(watermark, attachmentId));
        Assert.Equal("GetAttachmentContent", row.Action);
        await using (var connection = new Npgsql.NpgsqlConnection(app.Database.AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand($"SELECT content FROM attachments WHERE id = '{attachmentId}'", connection);
            var stored = (byte[])(await command.ExecuteScalarAsync())!;
            Assert.False(stored.AsSpan().IndexOf("%PDF"u8) >= 0, "The stored content is not encrypted.");
        }

        await (await maker.PostAsJsonAsync($"/api/benefits/{id}/submission", new { })).ShouldBeJsonAsync();
        var late = new MultipartFormDataContent { { new ByteArrayContent(pdf), "file", "receipt.pdf" } };
        await (await maker.PostAsync($"/api/training-claims/{id}/attachments?kind=Receipt", late)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "claim.not_draft");
    }

    [Fact]
    public async Task Only_the_submitter_withdraws_and_a_returned_claim_can_be_corrected()
    {
        var (maker, checker, county) = await OfficersAsync("430726");
        var id = await DraftAsync(maker, county);
        await (await maker.PostAsJsonAsync($"/api/benefits/{id}/submission", new { })).ShouldBeJsonAsync();

        await (await checker.PostAsJsonAsync($"/api/benefits/{id}/withdrawal", new { })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "benefit.not_submitter");
        await (await checker.PostAsJsonAsync($"/api/benefits/{id}/return", new { comment = "" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        await (await checker.PostAsJsonAsync($"/api/benefits/{id}/return", new { comment = "收据号码有误" })).ShouldBeJsonAsync();

        var claimResponse = await maker.GetAsync($"/api/training-claims/{id}");
        var claim = await claimResponse.ShouldBeJsonAsync();
        var body = JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(ClaimBody(claim.GetProperty("personId").GetString()!)))!;
        body.Remove("personId");
        body["receiptNumber"] = "NO.0001235";
        var corrected = await (await maker.PutJsonAsync($"/api/training-claims/{id}", body, claimResponse.Headers.ETag!.Tag)).ShouldBeJsonAsync();
        Assert.Equal("NO.0001235", corrected.GetProperty("receiptNumber").GetString());
        Assert.Equal("Draft", corrected.GetProperty("benefit").GetProperty("state").GetString());
    }

    [Fact]
    public async Task The_qualifications_in_force_come_from_the_policy_store()
    {
        var (client, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, await app.RegionIdAsync("430702"));

        var table = await (await client.GetAsync("/api/policies/training-qualifications?on=2019-06-15")).ShouldBeJsonAsync();
        Assert.Contains(table.GetProperty("qualifications").EnumerateArray(), q => q.GetProperty("code").GetString() == "SAMPLE-EC-4");
        Assert.Contains("示例数据", table.GetProperty("note").GetString(), StringComparison.Ordinal);
        var outside = await (await client.GetAsync("/api/policies/training-qualifications?on=2016-06-15")).ShouldBeJsonAsync();
        Assert.Empty(outside.GetProperty("qualifications").EnumerateArray());
    }
}

/// <summary>Adding a policy version changes what every later decision sees: this runs on its own database.</summary>
public sealed class PolicyChangeTests : IAsyncLifetime
{
    private readonly SunshineApp _app = new();

    public ValueTask InitializeAsync() => _app.InitializeAsync();

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task A_policy_version_used_by_a_decision_cannot_be_edited_and_a_new_version_leaves_the_approved_amount()
    {
        var county = await _app.RegionIdAsync("430723");
        var (maker, _) = await _app.SignInAsNewAsync(Roles.CountyOfficer, county);
        var (checker, _) = await _app.SignInAsNewAsync(Roles.CountyOfficer, county);
        var (city, _) = await _app.SignInAsNewAsync(Roles.CityOfficer);
        var id = await ClaimsTests.DraftAsync(maker, county, feePaid: 1500m);
        var submitted = await (await maker.PostAsJsonAsync($"/api/benefits/{id}/submission", new { })).ShouldBeJsonAsync();
        await (await checker.PostAsJsonAsync($"/api/benefits/{id}/county-review", new { })).ShouldBeJsonAsync();
        var versionId = submitted.GetProperty("decision").GetProperty("policyVersionId").GetString();

        var versions = await (await city.GetAsync("/api/policies?key=TrainingQualifications")).ShouldBeJsonAsync();
        var used = versions.EnumerateArray().Single(v => v.GetProperty("id").GetString() == versionId);
        Assert.True(used.GetProperty("isUsed").GetBoolean());
        var etag = $"\"{used.GetProperty("version").GetUInt32()}\"";
        var lowered = JsonSerializer.Deserialize<object>("""{"qualifications":[{"code":"SAMPLE-EC-4","name":"电子商务师（四级）","standardAmount":500}]}""");
        await (await city.PutJsonAsync($"/api/policies/{versionId}", new { effectiveFrom = "2017-01-01", content = lowered, note = "改标准" }, etag))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "policy.version_used");

        var programme = used.GetProperty("programmeId").GetString();
        const string effective = "2019-05-01";
        await (await city.PostAsJsonAsync("/api/policies", new { programmeId = programme, key = "TrainingQualifications", effectiveFrom = effective, content = lowered, note = "新标准" }))
            .ShouldBeJsonAsync(HttpStatusCode.Created);

        var claim = await (await maker.GetAsync($"/api/training-claims/{id}")).ShouldBeJsonAsync();
        Assert.Equal(1200m, claim.GetProperty("benefit").GetProperty("decision").GetProperty("amount").GetDecimal());
        Assert.Equal(500m, claim.GetProperty("benefit").GetProperty("liveDecision").GetProperty("amount").GetDecimal());
        Assert.True(claim.GetProperty("benefit").GetProperty("decisionChanged").GetBoolean());
    }
}
