using System.Text.Json.Nodes;
using Sunshine.Api.FunctionalTests.Infrastructure;

namespace Sunshine.Api.FunctionalTests;

public sealed class OpenApiContractTests(SunshineApp app)
{
    [Fact]
    public async Task The_committed_openapi_json_is_the_document_the_running_api_serves()
    {
        var served = JsonNode.Parse(await app.CreateClient().GetStringAsync("/swagger/v1/swagger.json"))!;
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "openapi.json")))!;

        Assert.True(JsonNode.DeepEquals(committed, served), "openapi.json differs from the served document: build the API and commit openapi.json.");
    }

    [Fact]
    public async Task Every_operation_has_an_operation_id_a_summary_and_documents_its_problems()
    {
        var document = JsonNode.Parse(await app.CreateClient().GetStringAsync("/swagger/v1/swagger.json"))!;

        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var name = $"{method.ToUpperInvariant()} {path}";
                Assert.False(string.IsNullOrWhiteSpace((string?)operation!["operationId"]), name);
                Assert.False(string.IsNullOrWhiteSpace((string?)operation["summary"]), name);
                var responses = operation["responses"]!.AsObject();
                Assert.True(responses.ContainsKey("400") && responses.ContainsKey("401"), name);
                Assert.Contains("ApiProblem", responses["401"]!.ToJsonString(), StringComparison.Ordinal);
            }
        }
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "global.json")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }
}
