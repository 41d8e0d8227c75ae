using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Sunshine.Api.FunctionalTests.Infrastructure;
using Sunshine.Domain.AccessControl;

namespace Sunshine.Api.FunctionalTests;

public sealed class ProblemDetailsTests(SunshineApp app)
{
    [Fact]
    public async Task Malformed_json_is_400_with_a_code_and_trace_id()
    {
        var (admin, _) = await app.SignInAsNewAsync(Roles.SystemAdmin);

        var response = await admin.PostAsync("/api/regions", Json("{\"code\": \"4307Q1\", "));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
    }

    [Fact]
    public async Task An_unknown_field_is_400_naming_the_field_and_writes_nothing()
    {
        var (admin, account) = await app.SignInAsNewAsync(Roles.SystemAdmin);
        var city = await app.RegionIdAsync("430700");
        var watermark = await app.AuditWatermarkAsync();

        var response = await admin.PostAsync("/api/regions", Json(
            $$"""{"code":"4307Q2","name":"多余字段","nameEn":"Extra","kind":"ManagementZone","parentId":"{{city}}","sortOrder":1,"colour":"red"}"""));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        Assert.Equal(["colour"], HttpAssertions.FieldsOf(problem));
        Assert.Empty(await app.AuditRowsAfterAsync(watermark, actorId: account.Id));
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_is_400_naming_the_field()
    {
        var (admin, _) = await app.SignInAsNewAsync(Roles.SystemAdmin);

        var response = await admin.PostAsync("/api/regions", Json("""{"code":"4307Q3","name":"n","nameEn":"n","kind":"ManagementZone","sortOrder":"many"}"""));

        Assert.Equal(["sortOrder"], HttpAssertions.FieldsOf(await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed")));
    }

    [Fact]
    public async Task A_json_body_over_1_mb_is_413_and_writes_nothing()
    {
        var (admin, account) = await app.SignInAsNewAsync(Roles.SystemAdmin);
        var watermark = await app.AuditWatermarkAsync();
        var huge = "{\"code\":\"4307Q4\",\"name\":\"" + new string('x', 1024 * 1024) + "\"}";

        var response = await admin.PostAsync("/api/regions", Json(huge));

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, "request.too_large");
        Assert.Empty(await app.AuditRowsAfterAsync(watermark, actorId: account.Id));
    }

    [Fact]
    public async Task A_chunked_body_over_1_mb_without_a_length_is_also_refused()
    {
        var (admin, _) = await app.SignInAsNewAsync(Roles.SystemAdmin);
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("{\"name\":\"" + new string('y', 1100 * 1024) + "\"}")));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/regions") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await admin.SendAsync(request);

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, "request.too_large");
    }

    [Fact]
    public async Task Page_sizes_over_100_are_400()
    {
        var (auditor, _) = await app.SignInAsNewAsync(Roles.Auditor);

        var response = await auditor.GetAsync("/api/audit-entries?pageSize=101");

        Assert.Contains("pageSize", HttpAssertions.FieldsOf(await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed")));
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/api/audit-entries?pageSize=100")).StatusCode);
    }

    [Fact]
    public async Task A_query_value_of_the_wrong_type_is_400()
    {
        var (auditor, _) = await app.SignInAsNewAsync(Roles.Auditor);

        var response = await auditor.GetAsync("/api/audit-entries?page=first");

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.invalid");
    }

    [Fact]
    public async Task Unknown_api_routes_are_404_problems()
    {
        var (auditor, _) = await app.SignInAsNewAsync(Roles.Auditor);

        await (await auditor.GetAsync("/api/no-such-thing")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "route.not_found");
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
