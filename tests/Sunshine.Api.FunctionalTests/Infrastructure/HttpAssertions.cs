using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sunshine.Domain.Auditing;

namespace Sunshine.Api.FunctionalTests.Infrastructure;

public static class HttpAssertions
{
    /// <summary>Asserts an RFC 9457 problem response with the status and code, carrying a trace id.</summary>
    public static async Task<JsonElement> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status} but got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal(code, json.GetProperty("code").GetString());
        Assert.Equal((int)status, json.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("traceId").GetString()));
        return json;
    }

    public static async Task<T> ShouldBeAsync<T>(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status} but got {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, Json)!;
    }

    public static async Task<JsonElement> ShouldBeJsonAsync(this HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK) =>
        await response.ShouldBeAsync<JsonElement>(status);

    /// <summary>The field names a validation problem lists.</summary>
    public static IReadOnlyList<string> FieldsOf(JsonElement problem) =>
        problem.GetProperty("fieldErrors").EnumerateArray().Select(e => e.GetProperty("field").GetString()!).ToList();

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string url, object body, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request);
    }

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    /// <summary>The last audit row id: rows written after it belong to what a test does next (rows are sealed, and so
    /// numbered in the chain, only some seconds later).</summary>
    public static Task<long> AuditWatermarkAsync(this SunshineApp app) =>
        app.QueryAsync(db => db.AuditEntries.MaxAsync(e => (long?)e.Id)).ContinueWith(t => t.Result ?? 0, TaskScheduler.Default);

    public static Task<List<AuditEntry>> AuditRowsAfterAsync(this SunshineApp app, long watermark, string? entityId = null, Guid? actorId = null) =>
        app.QueryAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Id > watermark)
            .Where(e => entityId == null || e.EntityId == entityId)
            .Where(e => actorId == null || e.ActorId == actorId)
            .OrderBy(e => e.Id)
            .ToListAsync());
}
