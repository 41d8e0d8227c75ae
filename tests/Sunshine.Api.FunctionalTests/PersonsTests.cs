using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Npgsql;
using Sunshine.Api.FunctionalTests.Infrastructure;
using Sunshine.Domain.AccessControl;

namespace Sunshine.Api.FunctionalTests;

public sealed partial class PersonsTests(SunshineApp app)
{
    [Fact]
    public async Task A_registered_person_is_shown_masked_with_category_level_and_an_etag()
    {
        var county = await app.RegionIdAsync("430702");
        var (officer, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, county);
        var id = TestPeople.NewIdNumber();

        var response = await officer.PostAsJsonAsync("/api/persons", TestPeople.Body(county, id));

        var person = await response.ShouldBeJsonAsync(HttpStatusCode.Created);
        Assert.NotNull(response.Headers.ETag);
        Assert.Equal(id[..6] + "********" + id[14..], person.GetProperty("idNumberMasked").GetString());
        Assert.Equal(id[..6] + "********" + id[14..18] + "**", person.GetProperty("certificateNumberMasked").GetString());
        Assert.Matches(@"^139\*{4}\d{4}$", person.GetProperty("phoneMasked").GetString()!);
        Assert.Equal("Physical", person.GetProperty("category").GetString());
        Assert.Equal("Level2", person.GetProperty("level").GetString());
        Assert.Equal("武陵区", person.GetProperty("countyName").GetString());
        Assert.False(person.TryGetProperty("birthDate", out _));
    }

    [Theory]
    [InlineData("43995019800101001X", "id_number.check_digit")]
    [InlineData("4399501980010100", "id_number.length")]
    [InlineData("439950203001010018", "id_number.birth_date_future")]
    public async Task An_invalid_id_number_is_400_naming_the_field_and_nothing_is_written(string idNumber, string code)
    {
        var county = await app.RegionIdAsync("430702");
        var (officer, account) = await app.SignInAsNewAsync(Roles.CountyOfficer, county);
        var watermark = await app.AuditWatermarkAsync();
        var body = TestPeople.Body(county, idNumber);
        body["certificateNumber"] = "43995019800101001X42";

        var response = await officer.PostAsJsonAsync("/api/persons", body);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        var error = problem.GetProperty("fieldErrors").EnumerateArray().First(e => e.GetProperty("field").GetString() == "idNumber");
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.Empty(await app.AuditRowsAfterAsync(watermark, actorId: account.Id));
    }

    [Fact]
    public async Task A_certificate_of_someone_else_is_400_on_the_certificate_field()
    {
        var county = await app.RegionIdAsync("430702");
        var (officer, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, county);
        var body = TestPeople.Body(county);
        body["certificateNumber"] = TestPeople.NewIdNumber() + "11";

        var problem = await (await officer.PostAsJsonAsync("/api/persons", body)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");

        var error = Assert.Single(problem.GetProperty("fieldErrors").EnumerateArray());
        Assert.Equal("certificateNumber", error.GetProperty("field").GetString());
        Assert.Equal("certificate_number.holder_mismatch", error.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_second_person_with_the_same_id_number_is_409_even_from_another_county()
    {
        var (wuling, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, await app.RegionIdAsync("430702"));
        var (dingcheng, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, await app.RegionIdAsync("430703"));
        var id = TestPeople.NewIdNumber();
        await TestPeople.CreateAsync(wuling, await app.RegionIdAsync("430702"), id);

        var response = await dingcheng.PostAsJsonAsync("/api/persons", TestPeople.Body(await app.RegionIdAsync("430703"), id));

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "person.id_number_taken");
    }

    [Fact]
    public async Task Twenty_parallel_registrations_of_one_id_number_leave_exactly_one_person()
    {
        var county = await app.RegionIdAsync("430721");
        var (city, _) = await app.SignInAsNewAsync(Roles.CityOfficer);
        var id = TestPeople.NewIdNumber();
        var body = TestPeople.Body(county, id);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => city.PostAsJsonAsync("/api/persons", body)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            // Whichever unique index the database checks first under the race: both numbers repeat.
            var problem = await refused.ShouldBeJsonAsync(HttpStatusCode.Conflict);
            Assert.Contains(problem.GetProperty("code").GetString(), new[] { "person.id_number_taken", "person.certificate_number_taken" });
        }

        var found = await (await city.GetAsync($"/api/persons?idNumber={id}")).ShouldBeJsonAsync();
        Assert.Equal(1, found.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task The_database_and_a_pg_dump_hold_no_id_certificate_or_phone_in_clear()
    {
        var county = await app.RegionIdAsync("430722");
        var (officer, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, county);
        var body = TestPeople.Body(county);
        await (await officer.PostAsJsonAsync("/api/persons", body)).ShouldBeJsonAsync(HttpStatusCode.Created);
        var secrets = new[] { (string)body["idNumber"]!, (string)body["certificateNumber"]!, (string)body["phone"]! };

        await using (var connection = new NpgsqlConnection(app.Database.AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT string_agg(p::text, E'\\n') FROM persons p", connection);
            var rows = (string)(await command.ExecuteScalarAsync())!;
            Assert.All(secrets, secret => Assert.DoesNotContain(secret, rows, StringComparison.Ordinal));
            Assert.All(secrets, secret => Assert.DoesNotContain(secret[^8..], rows, StringComparison.Ordinal));
        }

        var dump = await PgDumpAsync();
        Assert.Contains("COPY public.persons", dump, StringComparison.Ordinal);
        Assert.All(secrets, secret => Assert.DoesNotContain(secret, dump, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Lists_and_details_for_every_role_never_contain_an_unmasked_id_number()
    {
        var county = await app.RegionIdAsync("430723");
        var (officer, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, county);
        var person = await TestPeople.CreateAsync(officer, county);
        var id = person.GetProperty("id").GetString();

        foreach (var role in Roles.ForAccounts)
        {
            var (client, _) = await app.SignInAsNewAsync(role, RoleTable.Get(role).CountyBound ? county : null);
            foreach (var url in new[] { "/api/persons?pageSize=100", $"/api/persons/{id}", "/api/households?pageSize=100" })
            {
                var response = await client.GetAsync(url);
                var text = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Forbidden, $"{role} {url}: {(int)response.StatusCode} {text}");
                Assert.DoesNotMatch(UnmaskedId(), text);
            }
        }
    }

    [Fact]
    public async Task Reveal_shows_the_full_values_and_writes_exactly_one_audit_row_with_the_reason()
    {
        var county = await app.RegionIdAsync("430724");
        var (officer, account) = await app.SignInAsNewAsync(Roles.CountyOfficer, county);
        var body = TestPeople.Body(county);
        var person = await (await officer.PostAsJsonAsync("/api/persons", body)).ShouldBeJsonAsync(HttpStatusCode.Created);
        var id = person.GetProperty("id").GetString()!;
        var watermark = await app.AuditWatermarkAsync();

        var response = await officer.PostAsJsonAsync($"/api/persons/{id}/reveal", new { reason = "核对培训补贴申请" });

        var revealed = await response.ShouldBeJsonAsync();
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Equal(body["idNumber"], revealed.GetProperty("idNumber").GetString());
        Assert.Equal(body["certificateNumber"], revealed.GetProperty("certificateNumber").GetString());
        Assert.Equal(body["phone"], revealed.GetProperty("phone").GetString());
        var row = Assert.Single(await app.AuditRowsAfterAsync(watermark, id));
        Assert.Equal("RevealPerson", row.Action);
        Assert.Equal(account.Id, row.ActorId);
        Assert.Contains("核对培训补贴申请", row.Changes, StringComparison.Ordinal);
        Assert.DoesNotContain((string)body["idNumber"]!, row.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reveal_needs_a_reason_and_the_permission()
    {
        var county = await app.RegionIdAsync("430724");
        var (officer, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, county);
        var id = (await TestPeople.CreateAsync(officer, county)).GetProperty("id").GetString();
        var (auditor, _) = await app.SignInAsNewAsync(Roles.Auditor);
        var (grantedAuditor, _) = await app.SignInAsNewAsync(Roles.Auditor, null, Permissions.PiiReveal);

        await (await officer.PostAsJsonAsync($"/api/persons/{id}/reveal", new { reason = "" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        await (await auditor.PostAsJsonAsync($"/api/persons/{id}/reveal", new { reason = "抽查核对" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.permission_required");
        Assert.Equal(HttpStatusCode.OK, (await grantedAuditor.PostAsJsonAsync($"/api/persons/{id}/reveal", new { reason = "抽查核对" })).StatusCode);
    }

    [Fact]
    public async Task Every_page_of_people_carries_the_count_of_all_matches_also_past_the_last_page()
    {
        var county = await app.RegionIdAsync("430726");
        var (officer, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, county);
        var marker = "分页" + Random.Shared.Next(100_000, 999_999);
        foreach (var suffix in new[] { "甲", "乙", "丙" })
        {
            await (await officer.PostAsJsonAsync("/api/persons", TestPeople.Body(county, name: marker + suffix))).ShouldBeJsonAsync(HttpStatusCode.Created);
        }

        async Task<(string[] Names, int Total)> PageAsync(int page)
        {
            var list = await (await officer.GetAsync($"/api/persons?name={marker}&pageSize=2&page={page}")).ShouldBeJsonAsync();
            return (list.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("name").GetString()!).ToArray(), list.GetProperty("totalCount").GetInt32());
        }

        var first = await PageAsync(1);
        var second = await PageAsync(2);
        var past = await PageAsync(3);
        Assert.Equal(3, first.Total);
        Assert.Equal(3, second.Total);
        Assert.Equal(3, past.Total);
        Assert.Equal(2, first.Names.Length);
        Assert.Single(second.Names);
        Assert.Empty(past.Names);
        Assert.Equal(3, first.Names.Concat(second.Names).Distinct().Count());
    }

    [Fact]
    public async Task A_county_officer_can_neither_see_nor_reveal_nor_change_another_countys_person()
    {
        var wulingCounty = await app.RegionIdAsync("430702");
        var dingchengCounty = await app.RegionIdAsync("430703");
        var (wuling, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, wulingCounty);
        var (dingcheng, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, dingchengCounty);
        var created = await wuling.PostAsJsonAsync("/api/persons", TestPeople.Body(wulingCounty));
        var person = await created.ShouldBeJsonAsync(HttpStatusCode.Created);
        var id = person.GetProperty("id").GetString();
        var watermark = await app.AuditWatermarkAsync();

        await (await dingcheng.GetAsync($"/api/persons/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "person.not_found");
        await (await dingcheng.PostAsJsonAsync($"/api/persons/{id}/reveal", new { reason = "越权查看" })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "person.not_found");
        await (await dingcheng.PutJsonAsync($"/api/persons/{id}", TestPeople.Body(dingchengCounty), created.Headers.ETag!.Tag))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "person.not_found");
        var list = await (await dingcheng.GetAsync("/api/persons?pageSize=100&sort=-registered")).ShouldBeJsonAsync();
        Assert.All(list.GetProperty("items").EnumerateArray(), p => Assert.Equal(dingchengCounty, p.GetProperty("countyId").GetGuid()));
        var filtered = await (await dingcheng.GetAsync($"/api/persons?countyId={wulingCounty}")).ShouldBeJsonAsync();
        Assert.Equal(0, filtered.GetProperty("totalCount").GetInt32());
        Assert.Empty(await app.AuditRowsAfterAsync(watermark, id));

        await (await dingcheng.PostAsJsonAsync("/api/persons", TestPeople.Body(wulingCounty))).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "scope.county_not_allowed");
    }

    [Fact]
    public async Task A_stale_etag_is_412_and_leaves_the_row_unchanged_and_no_etag_is_428()
    {
        var county = await app.RegionIdAsync("430725");
        var (officer, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, county);
        var body = TestPeople.Body(county);
        var created = await officer.PostAsJsonAsync("/api/persons", body);
        var id = (await created.ShouldBeJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString();
        var firstEtag = created.Headers.ETag!.Tag;
        body["name"] = "第一次修改";
        var first = await officer.PutJsonAsync($"/api/persons/{id}", body, firstEtag);
        await first.ShouldBeJsonAsync();

        body["name"] = "过时的修改";
        await (await officer.PutJsonAsync($"/api/persons/{id}", body, firstEtag)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "concurrency.stale");
        await (await officer.PutJsonAsync($"/api/persons/{id}", body, null)).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired, "concurrency.if_match_required");

        var current = await (await officer.GetAsync($"/api/persons/{id}")).ShouldBeJsonAsync();
        Assert.Equal("第一次修改", current.GetProperty("name").GetString());
    }

    [Fact]
    public async Task An_update_is_audited_with_masked_before_and_after_of_a_changed_id_number()
    {
        var county = await app.RegionIdAsync("430725");
        var (officer, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, county);
        var body = TestPeople.Body(county);
        var created = await officer.PostAsJsonAsync("/api/persons", body);
        var id = (await created.ShouldBeJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var oldId = (string)body["idNumber"]!;
        var newId = TestPeople.NewIdNumber();
        body["idNumber"] = newId;
        body["certificateNumber"] = newId + "42";
        var watermark = await app.AuditWatermarkAsync();

        await (await officer.PutJsonAsync($"/api/persons/{id}", body, created.Headers.ETag!.Tag)).ShouldBeJsonAsync();

        var row = Assert.Single(await app.AuditRowsAfterAsync(watermark, id));
        var field = JsonDocument.Parse(row.Changes).RootElement.GetProperty("fields").GetProperty("idNumber");
        Assert.Equal(oldId[..6] + "********" + oldId[14..], field.GetProperty("before").GetString());
        Assert.Equal(newId[..6] + "********" + newId[14..], field.GetProperty("after").GetString());
        Assert.DoesNotMatch(UnmaskedId(), row.Changes);
        var found = await (await officer.GetAsync($"/api/persons?idNumber={newId}")).ShouldBeJsonAsync();
        Assert.Equal(id, found.GetProperty("items")[0].GetProperty("id").GetString());
        Assert.Equal(0, (await (await officer.GetAsync($"/api/persons?idNumber={oldId}")).ShouldBeJsonAsync()).GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task An_update_without_the_sensitive_numbers_keeps_them_and_an_empty_phone_removes_it()
    {
        var county = await app.RegionIdAsync("430725");
        var (officer, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, county);
        var body = TestPeople.Body(county);
        var created = await officer.PostAsJsonAsync("/api/persons", body);
        var id = (await created.ShouldBeJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString();
        var edit = new Dictionary<string, object?>(body) { ["name"] = "改名", ["idNumber"] = null, ["certificateNumber"] = null, ["phone"] = "" };

        var updated = await (await officer.PutJsonAsync($"/api/persons/{id}", edit, created.Headers.ETag!.Tag)).ShouldBeJsonAsync();

        Assert.Equal("改名", updated.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, updated.GetProperty("phoneMasked").ValueKind);
        var revealed = await (await officer.PostAsJsonAsync($"/api/persons/{id}/reveal", new { reason = "核对修改" })).ShouldBeJsonAsync();
        Assert.Equal(body["idNumber"], revealed.GetProperty("idNumber").GetString());
        Assert.Equal(body["certificateNumber"], revealed.GetProperty("certificateNumber").GetString());

        var etag = (await officer.GetAsync($"/api/persons/{id}")).Headers.ETag!.Tag;
        var newIdOnly = new Dictionary<string, object?>(edit) { ["idNumber"] = TestPeople.NewIdNumber() };
        var problem = await (await officer.PutJsonAsync($"/api/persons/{id}", newIdOnly, etag)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        Assert.Contains("certificateNumber", HttpAssertions.FieldsOf(problem));
    }

    [Fact]
    public async Task Logs_never_contain_the_sensitive_values()
    {
        var county = await app.RegionIdAsync("430726");
        var (officer, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, county);
        var body = TestPeople.Body(county);
        var person = await (await officer.PostAsJsonAsync("/api/persons", body)).ShouldBeJsonAsync(HttpStatusCode.Created);
        var id = person.GetProperty("id").GetString();
        await officer.GetAsync($"/api/persons?idNumber={body["idNumber"]}");
        await officer.PostAsJsonAsync($"/api/persons/{id}/reveal", new { reason = "日志检查" });
        await officer.PostAsJsonAsync("/api/persons", body);

        var logs = app.Logs.All;
        Assert.Contains("CreatePersonCommand", logs, StringComparison.Ordinal);
        Assert.DoesNotContain((string)body["idNumber"]!, logs, StringComparison.Ordinal);
        Assert.DoesNotContain((string)body["certificateNumber"]!, logs, StringComparison.Ordinal);
        Assert.DoesNotContain((string)body["phone"]!, logs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lists_filter_and_sort_and_page()
    {
        var county = await app.RegionIdAsync("430781");
        var (officer, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, county);
        var visionBody = TestPeople.Body(county, name: "甲视力");
        visionBody["certificateNumber"] = (string)visionBody["idNumber"]! + "11";
        visionBody["tags"] = new[] { "SpecialistCommitteeMember" };
        await (await officer.PostAsJsonAsync("/api/persons", visionBody)).ShouldBeJsonAsync(HttpStatusCode.Created);
        await TestPeople.CreateAsync(officer, county);

        var vision = await (await officer.GetAsync("/api/persons?category=Vision&tag=SpecialistCommitteeMember&name=甲视")).ShouldBeJsonAsync();
        var item = Assert.Single(vision.GetProperty("items").EnumerateArray());
        Assert.Equal("甲视力", item.GetProperty("name").GetString());

        var sorted = await (await officer.GetAsync("/api/persons?sort=-name&pageSize=2")).ShouldBeJsonAsync();
        var names = sorted.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("name").GetString()!).ToList();
        Assert.Equal(names.OrderByDescending(n => n, StringComparer.Ordinal), names);

        await (await officer.GetAsync("/api/persons?sort=age")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        await (await officer.GetAsync("/api/persons?idNumber=123")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
    }

    [Fact]
    public async Task Deactivation_and_consent_are_recorded()
    {
        var county = await app.RegionIdAsync("430771");
        var (officer, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, county);
        var created = await officer.PostAsJsonAsync("/api/persons", TestPeople.Body(county));
        var id = (await created.ShouldBeJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString();

        var consented = await (await officer.PostAsJsonAsync($"/api/persons/{id}/consents", new { scope = "PartnerSharing", givenOn = "2024-03-01" })).ShouldBeJsonAsync();
        Assert.Equal("PartnerSharing", consented.GetProperty("consents")[0].GetProperty("scope").GetString());
        await (await officer.PostAsJsonAsync($"/api/persons/{id}/consents", new { scope = "PartnerSharing", givenOn = "2024-03-02" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "consent.already_given");
        var withdrawn = await (await officer.PostAsJsonAsync($"/api/persons/{id}/consents/PartnerSharing/withdrawal", new { withdrawnOn = "2025-01-01" })).ShouldBeJsonAsync();
        Assert.Equal("2025-01-01", withdrawn.GetProperty("consents")[0].GetProperty("withdrawnOn").GetString());

        var etag = (await officer.GetAsync($"/api/persons/{id}")).Headers.ETag!.Tag;
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/persons/{id}/deactivation") { Content = JsonContent.Create(new { status = "Deceased", on = "2030-01-01" }) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        await (await officer.SendAsync(request)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "person.status_date_future");
        request = new HttpRequestMessage(HttpMethod.Post, $"/api/persons/{id}/deactivation") { Content = JsonContent.Create(new { status = "Deceased", on = "2025-06-01" }) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        var deactivated = await (await officer.SendAsync(request)).ShouldBeJsonAsync();
        Assert.Equal("Deceased", deactivated.GetProperty("status").GetString());
    }

    private async Task<string> PgDumpAsync()
    {
        var builder = new NpgsqlConnectionStringBuilder(app.Database.AdminConnectionString);
        var pgDump = Directory.GetFiles("/usr/lib/postgresql", "pg_dump", SearchOption.AllDirectories).Order().LastOrDefault() ?? "pg_dump";
        var start = new ProcessStartInfo(pgDump, ["--data-only", "--schema=public", "--no-owner", "-h", builder.Host!, "-p", builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", builder.Username!, builder.Database!])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (!string.IsNullOrEmpty(builder.Password))
        {
            start.Environment["PGPASSWORD"] = builder.Password;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, error);
        return await output;
    }

    [GeneratedRegex(@"\d{17}[\dXx]")]
    private static partial Regex UnmaskedId();
}
