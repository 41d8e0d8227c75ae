using System.Net;
using System.Text.Json;

namespace Sunshine.Api.FunctionalTests.Infrastructure;

/// <summary>Uploads an import file and waits for the background job to finish.</summary>
public static class TestImports
{
    public static Task<HttpResponseMessage> UploadAsync(HttpClient client, string resource, (byte[] Content, string Name) file, bool importValidRows)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(file.Content), "file", file.Name } };
        return client.PostAsync($"/api/{resource}?importValidRows={importValidRows.ToString().ToLowerInvariant()}", form);
    }

    /// <summary>The finished job (Completed or Failed) of an upload to <c>/api/{resource}</c>.</summary>
    public static async Task<JsonElement> RunAsync(HttpClient client, string resource, (byte[] Content, string Name) file, bool importValidRows, int timeoutSeconds = 60)
    {
        var started = await (await UploadAsync(client, resource, file, importValidRows)).ShouldBeJsonAsync(HttpStatusCode.Accepted);
        var id = started.GetProperty("id").GetString();
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (true)
        {
            var job = await (await client.GetAsync($"/api/{resource}/{id}")).ShouldBeJsonAsync();
            if (job.GetProperty("status").GetString() is "Completed" or "Failed")
            {
                return job;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The import did not finish: {job}");
            await Task.Delay(200);
        }
    }
}
