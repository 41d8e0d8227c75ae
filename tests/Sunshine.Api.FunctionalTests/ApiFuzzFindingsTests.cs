using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sunshine.Api.FunctionalTests.Infrastructure;
using Sunshine.Domain.AccessControl;

namespace Sunshine.Api.FunctionalTests;

/// <summary>What the API fuzzing found (<see cref="ApiFuzzTests"/>), each fixed at its root and pinned here.</summary>
public sealed class ApiFuzzFindingsTests(SunshineApp app)
{
    [Fact]
    public async Task A_NUL_character_in_any_string_of_a_request_is_refused_with_400_naming_the_field_and_nothing_is_stored()
    {
        var county = await app.RegionIdAsync("430702");
        var (officer, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, county);
        var name = "专区\u0000" + Guid.NewGuid().ToString("N")[..6];

        // PostgreSQL cannot store U+0000 in text: this was a 500 from the database.
        var response = await officer.PostAsJsonAsync("/api/channels/outlets", new
        {
            countyId = county, name, location = "Market", level = "Town", address = "测试路\u00001 号", openedOn = "2024-03-01",
        });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        var errors = problem.GetProperty("fieldErrors").EnumerateArray().Select(e => (e.GetProperty("field").GetString(), e.GetProperty("code").GetString())).ToList();
        Assert.Contains(("name", "text.nul_character"), errors);
        Assert.Contains(("address", "text.nul_character"), errors);
        var outlets = await officer.GetStringAsync("/api/channels/outlets?pageSize=100");
        Assert.DoesNotContain(name[..2] + "\\u0000", outlets, StringComparison.Ordinal);

        // In a query string too.
        var search = await officer.GetAsync("/api/persons?name=" + Uri.EscapeDataString("张\u0000三"));
        var searchProblem = await search.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        Assert.Equal("text.nul_character", searchProblem.GetProperty("fieldErrors")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task Text_unicode_normalisation_refuses_is_400_not_a_server_error()
    {
        // U+FFFE made sign-in's user-name normalisation throw: a 500 for anyone, signed in or not.
        var response = await app.CreateClient().PostAsJsonAsync("/api/auth/sign-in", new { userName = "\uFFFF\uFFFE", password = "whatever" });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        Assert.Equal(("userName", "text.invalid_character"),
            (problem.GetProperty("fieldErrors")[0].GetProperty("field").GetString(), problem.GetProperty("fieldErrors")[0].GetProperty("code").GetString()));
    }

    [Fact]
    public async Task Properties_of_a_schema_type_that_may_be_null_are_declared_nullable()
    {
        var document = JsonNode.Parse(await app.CreateClient().GetStringAsync("/swagger/v1/swagger.json"))!;
        var schemas = document["components"]!["schemas"]!;

        // Each was answered as null while the contract said it could not be (a $ref cannot carry nullable in OpenAPI 3.0).
        foreach (var (schema, property) in new[]
        {
            ("AwardApplicationDto", "snapshot"), ("AnnualSummaryDto", "snapshot"), ("BenefitDto", "decision"),
            ("EnrolmentDto", "relation"), ("AuditChainVerification", "brokenReason"),
        })
        {
            var declared = schemas[schema]!["properties"]![property]!;
            Assert.True((bool?)declared["nullable"] == true, $"{schema}.{property} is not nullable: {declared.ToJsonString()}");
            Assert.NotNull(declared["allOf"]?[0]?["$ref"]);
        }
    }

    [Fact]
    public async Task Every_file_download_declares_the_media_types_it_answers_with()
    {
        var document = JsonNode.Parse(await app.CreateClient().GetStringAsync("/swagger/v1/swagger.json"))!;
        const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        var expected = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["ExportAnnualSummaryCompilation"] = [Xlsx],
            ["ExportAwardScreening"] = [Xlsx],
            ["ExportPaymentRoster"] = [Xlsx],
            ["ExportIndicators"] = [Xlsx, "text/csv"],
            ["ExportBulletin"] = [Xlsx, "text/csv"],
        };

        var found = 0;
        foreach (var (_, item) in document["paths"]!.AsObject())
        {
            foreach (var (_, operation) in item!.AsObject())
            {
                if (expected.TryGetValue((string)operation!["operationId"]!, out var types))
                {
                    found++;
                    var content = operation["responses"]!["200"]!["content"]?.AsObject();
                    Assert.NotNull(content);
                    Assert.Equal(types.Order(StringComparer.Ordinal), content.Select(c => c.Key).Order(StringComparer.Ordinal));
                    Assert.All(content, c => Assert.Equal("binary", (string?)c.Value!["schema"]!["format"]));
                }
            }
        }

        Assert.Equal(expected.Count, found);

        // And the answer is what is declared.
        var (city, _) = await app.SignInAsNewAsync(Roles.CityOfficer);
        var roster = await city.GetAsync("/api/funds/payment-roster?from=2019-07-01&to=2019-07-31");
        Assert.Equal(HttpStatusCode.OK, roster.StatusCode);
        Assert.Equal(Xlsx, roster.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public void The_fuzzer_reads_a_typeless_nullable_reference_as_nullable_and_checks_bodies_by_it()
    {
        var award = FuzzContract.Document.Components!.Schemas!["AwardApplicationDto"];
        var snapshot = award.Properties!["snapshot"];
        Assert.True(FuzzSchemaChecker.AllowsNull(snapshot));
        Assert.Empty(FuzzSchemaChecker.Check(snapshot, JsonDocument.Parse("null").RootElement));
        Assert.NotEmpty(FuzzSchemaChecker.Check(snapshot, JsonDocument.Parse("\"not an object\"").RootElement));
        Assert.NotEmpty(FuzzSchemaChecker.Check(award, JsonDocument.Parse("{}").RootElement)); // required properties missing
    }
}
