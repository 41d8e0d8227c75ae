using System.Text;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Sunshine.Api.FunctionalTests.Infrastructure;

/// <summary>One operation of the committed contract as the fuzzer needs it: where it is, what it takes, what it answers.</summary>
public sealed record FuzzOperation(
    string Id,
    string Method,
    string Path,
    IReadOnlyList<IOpenApiParameter> Parameters,
    IOpenApiSchema? JsonBody,
    bool IsUpload,
    IReadOnlyDictionary<string, IOpenApiResponse> Responses)
{
    public bool HasBody => JsonBody is not null || IsUpload;

    /// <summary>The operation as the authorization matrix knows it (for its policy table and principals).</summary>
    internal AuthorizationMatrixTests.Operation AsMatrixOperation() =>
        new(Id, Method, Path, IsUpload, HasBody, Parameters.Any(p => p.Name == "pageSize"));

    public override string ToString() => $"{Method} {Path} ({Id})";
}

/// <summary>The committed openapi.json read with Microsoft.OpenApi (references resolved by the model).</summary>
public static class FuzzContract
{
    private static readonly Lazy<(OpenApiDocument Document, IReadOnlyList<FuzzOperation> Operations)> Loaded = new(Load);

    public static OpenApiDocument Document => Loaded.Value.Document;

    public static IReadOnlyList<FuzzOperation> Operations => Loaded.Value.Operations;

    private static (OpenApiDocument, IReadOnlyList<FuzzOperation>) Load()
    {
        var raw = JsonNode.Parse(File.ReadAllText(Path.Combine(OpenApiContractTests.RepositoryRoot(), "openapi.json")))!;
        KeepTypelessNullable(raw);
        var json = raw.ToJsonString();
        var settings = new OpenApiReaderSettings();
        var result = OpenApiDocument.Parse(json, OpenApiConstants.Json, settings);
        var document = result.Document ?? throw new InvalidOperationException("openapi.json did not parse.");
        if (result.Diagnostic?.Errors is { Count: > 0 } errors)
        {
            throw new InvalidOperationException("openapi.json: " + string.Join("; ", errors.Select(e => e.Message)));
        }

        var operations = new List<FuzzOperation>();
        foreach (var (path, item) in document.Paths)
        {
            foreach (var (method, operation) in item.Operations ?? new Dictionary<HttpMethod, OpenApiOperation>())
            {
                var content = operation.RequestBody?.Content;
                operations.Add(new FuzzOperation(
                    operation.OperationId ?? throw new InvalidOperationException($"{method} {path} has no operationId"),
                    method.Method.ToUpperInvariant(),
                    path,
                    [.. (IEnumerable<IOpenApiParameter>?)operation.Parameters ?? []],
                    content is not null && content.TryGetValue("application/json", out var media) ? media.Schema : null,
                    content?.ContainsKey("multipart/form-data") == true,
                    (IReadOnlyDictionary<string, IOpenApiResponse>?)operation.Responses?.ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal)
                        ?? new Dictionary<string, IOpenApiResponse>()));
            }
        }

        return (document, operations.OrderBy(o => o.Id, StringComparer.Ordinal).ToList());
    }

    /// <summary>The extension that stands for a 3.0 <c>nullable: true</c> on a schema without <c>type</c>.</summary>
    public const string NullableExtension = "x-nullable";

    /// <summary>
    /// Microsoft.OpenApi turns a 3.0 <c>nullable: true</c> into the Null type flag, but drops it where the schema has no
    /// <c>type</c>, as in Swashbuckle's nullable reference <c>{ allOf: [ $ref ], nullable: true }</c>. It is kept here as an
    /// extension (<see cref="NullableExtension"/>), which the reader keeps.
    /// </summary>
    private static void KeepTypelessNullable(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["nullable"]?.GetValueKind() == System.Text.Json.JsonValueKind.True && !obj.ContainsKey("type"))
                {
                    obj[NullableExtension] = true;
                }

                foreach (var (_, child) in obj.ToList())
                {
                    KeepTypelessNullable(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    KeepTypelessNullable(child);
                }

                break;
        }
    }

    /// <summary>A schema's short name for messages: its reference id, or its type.</summary>
    public static string NameOf(IOpenApiSchema schema) => schema switch
    {
        OpenApiSchemaReference reference => reference.Reference.Id ?? "?",
        _ => new StringBuilder().Append(schema.Type?.ToString() ?? "any").Append(schema.Format is null ? "" : "/" + schema.Format).ToString(),
    };
}
