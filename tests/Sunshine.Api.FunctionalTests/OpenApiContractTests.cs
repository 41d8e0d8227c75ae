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

    [Fact]
    public async Task Every_operation_documents_the_500_problem_and_rate_limited_ones_say_when_to_retry()
    {
        var document = JsonNode.Parse(await app.CreateClient().GetStringAsync("/swagger/v1/swagger.json"))!;
        var limited = 0;

        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var name = $"{method.ToUpperInvariant()} {path}";
                var responses = operation!["responses"]!.AsObject();
                Assert.True(responses.ContainsKey("500"), name);
                Assert.Contains("ApiProblem", responses["500"]!.ToJsonString(), StringComparison.Ordinal);
                if (responses["429"] is { } tooMany)
                {
                    limited++;
                    Assert.Equal(60, (int?)tooMany["headers"]?["Retry-After"]?["schema"]?["maximum"]);
                }
            }
        }

        Assert.True(limited >= 10, $"{limited} rate-limited operations");
    }

    [Fact]
    public async Task Ids_if_match_and_paging_parameters_carry_their_limits()
    {
        var document = JsonNode.Parse(await app.CreateClient().GetStringAsync("/swagger/v1/swagger.json"))!;
        var parameters = document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().SelectMany(o => o.Value!["parameters"]?.AsArray() ?? []))
            .Select(p => p!)
            .ToList();

        Assert.All(parameters.Where(p => (string?)p["schema"]!["format"] == "uuid"), p => Assert.Equal(36, (int?)p["schema"]!["maxLength"]));
        Assert.All(parameters.Where(p => (string?)p["name"] == "If-Match"), p => Assert.Equal(14, (int?)p["schema"]!["maxLength"]));
        var pageSizes = parameters.Where(p => (string?)p["name"] == "PageSize").ToList();
        Assert.NotEmpty(pageSizes);
        Assert.All(pageSizes, p =>
        {
            Assert.Equal(1, (int?)p["schema"]!["minimum"]);
            Assert.Equal(Application.Common.Paging.Paging.MaxPageSize, (int?)p["schema"]!["maximum"]);
        });
    }

    [Theory]
    [InlineData("W/\"4294967295\"", 4294967295u)]
    [InlineData("\"4294967295\"", 4294967295u)]
    public void The_longest_if_match_that_names_a_version_fits_the_documented_length(string header, uint version)
    {
        Assert.True(header.Length <= 14);
        Assert.Equal(version, Hosting.ETags.ParseIfMatch(header));
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
