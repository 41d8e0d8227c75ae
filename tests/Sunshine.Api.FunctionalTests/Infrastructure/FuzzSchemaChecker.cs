using System.Globalization;
using System.Text.Json;
using Microsoft.OpenApi;

namespace Sunshine.Api.FunctionalTests.Infrastructure;

/// <summary>
/// Checks a JSON value against an OpenAPI 3.0 schema of Microsoft.OpenApi's model: type (with <c>nullable</c>, which the
/// reader turns into the Null type flag), required and unknown properties, enums, the formats the API writes (uuid,
/// date, date-time, int32, int64), arrays, string lengths, <c>$ref</c> and <c>allOf</c>. Returns every mismatch with its
/// JSON path, so a failure names the field.
/// </summary>
public static class FuzzSchemaChecker
{
    public static List<string> Check(IOpenApiSchema schema, JsonElement value)
    {
        var errors = new List<string>();
        Check(schema, value, "$", errors, 0);
        return errors;
    }

    private static void Check(IOpenApiSchema schema, JsonElement value, string path, List<string> errors, int depth)
    {
        if (depth > 64)
        {
            errors.Add($"{path}: nested deeper than 64 levels");
            return;
        }

        if (schema.AllOf is { Count: > 0 } allOf)
        {
            // Swashbuckle's nullable reference: { allOf: [ { $ref } ], nullable: true }.
            if (value.ValueKind == JsonValueKind.Null)
            {
                if (!AllowsNull(schema))
                {
                    errors.Add($"{path}: null where {Describe(schema)} is not nullable");
                }

                return;
            }

            foreach (var part in allOf)
            {
                Check(part, value, path, errors, depth + 1);
            }
        }

        if (value.ValueKind == JsonValueKind.Null)
        {
            if (!AllowsNull(schema))
            {
                errors.Add($"{path}: null where {Describe(schema)} is not nullable");
            }

            return;
        }

        if (schema.Enum is { Count: > 0 } values && !values.Any(v => v is not null && JsonElement.DeepEquals(JsonSerializer.SerializeToElement(v), value)))
        {
            errors.Add($"{path}: {Short(value)} is not one of {string.Join(", ", values.Select(v => v?.ToJsonString()))}");
            return;
        }

        var type = schema.Type is { } t ? t & ~JsonSchemaType.Null : (JsonSchemaType?)null;
        if (type is null or 0)
        {
            return; // no type: any value
        }

        if (type.Value.HasFlag(JsonSchemaType.Object) && value.ValueKind == JsonValueKind.Object)
        {
            CheckObject(schema, value, path, errors, depth);
        }
        else if (type.Value.HasFlag(JsonSchemaType.Array) && value.ValueKind == JsonValueKind.Array)
        {
            CheckCount(schema.MinItems, schema.MaxItems, value.GetArrayLength(), "items", path, errors);
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                if (schema.Items is { } items)
                {
                    Check(items, item, $"{path}[{index}]", errors, depth + 1);
                }

                index++;
            }
        }
        else if (type.Value.HasFlag(JsonSchemaType.String) && value.ValueKind == JsonValueKind.String)
        {
            var text = value.GetString()!;
            CheckCount(schema.MinLength, schema.MaxLength, new StringInfoLength(text).Value, "characters", path, errors);
            if (!FormatHolds(schema.Format, text))
            {
                errors.Add($"{path}: \"{Truncate(text)}\" is not a {schema.Format}");
            }
        }
        else if (type.Value.HasFlag(JsonSchemaType.Integer) && value.ValueKind == JsonValueKind.Number)
        {
            if (!(schema.Format == "int32" ? value.TryGetInt32(out _) : value.TryGetInt64(out _)))
            {
                errors.Add($"{path}: {value.GetRawText()} is not an integer of {schema.Format ?? "int64"}");
            }
        }
        else if (type.Value.HasFlag(JsonSchemaType.Number) && value.ValueKind == JsonValueKind.Number)
        {
            // any JSON number
        }
        else if (type.Value.HasFlag(JsonSchemaType.Boolean) && value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            // a boolean
        }
        else
        {
            errors.Add($"{path}: {value.ValueKind} {Short(value)} where the schema says {type} ({Describe(schema)})");
        }
    }

    private static void CheckObject(IOpenApiSchema schema, JsonElement value, string path, List<string> errors, int depth)
    {
        var properties = schema.Properties ?? new Dictionary<string, IOpenApiSchema>();
        foreach (var required in schema.Required ?? new HashSet<string>())
        {
            if (!value.TryGetProperty(required, out _))
            {
                errors.Add($"{path}: required property '{required}' is missing ({Describe(schema)})");
            }
        }

        foreach (var property in value.EnumerateObject())
        {
            if (properties.TryGetValue(property.Name, out var propertySchema))
            {
                Check(propertySchema, property.Value, $"{path}.{property.Name}", errors, depth + 1);
            }
            else if (schema.AdditionalProperties is { } additional)
            {
                Check(additional, property.Value, $"{path}.{property.Name}", errors, depth + 1);
            }
            else if (!schema.AdditionalPropertiesAllowed || (properties.Count > 0 && schema.AllOf is not { Count: > 0 }))
            {
                // Swashbuckle writes additionalProperties: false for every DTO, and an object with declared
                // properties lists all of them: anything else is undocumented.
                errors.Add($"{path}: property '{property.Name}' is not in the schema ({Describe(schema)})");
            }
        }
    }

    public static bool AllowsNull(IOpenApiSchema schema) =>
        (schema.Type is { } type && type.HasFlag(JsonSchemaType.Null))
        || schema.Enum?.Any(v => v is null) == true
        || (schema is OpenApiSchema { Extensions: { } extensions } && extensions.ContainsKey(FuzzContract.NullableExtension));

    private static bool FormatHolds(string? format, string text) => format switch
    {
        "uuid" => Guid.TryParseExact(text, "D", out _),
        "date" => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        "date-time" => text.Length >= 19 && text[10] == 'T'
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _),
        "time" => TimeOnly.TryParse(text, CultureInfo.InvariantCulture, out _),
        _ => true,
    };

    private static void CheckCount(int? min, int? max, int count, string what, string path, List<string> errors)
    {
        if (min is { } low && count < low)
        {
            errors.Add($"{path}: {count} {what}, fewer than {low}");
        }

        if (max is { } high && count > high)
        {
            errors.Add($"{path}: {count} {what}, more than {high}");
        }
    }

    private static string Describe(IOpenApiSchema schema) => FuzzContract.NameOf(schema);

    private static string Short(JsonElement value) => Truncate(value.GetRawText());

    private static string Truncate(string text) => text.Length <= 80 ? text : text[..80] + "…";

    /// <summary>JSON Schema counts characters (code points), not UTF-16 units.</summary>
    private readonly record struct StringInfoLength(string Text)
    {
        public int Value => Text.EnumerateRunes().Count();
    }
}
