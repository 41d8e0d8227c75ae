using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using Microsoft.OpenApi;

namespace Sunshine.Api.FunctionalTests.Infrastructure;

/// <summary>What a fuzzed request is: valid from the schemas, or one kind of mutation of a valid one.</summary>
public enum FuzzCategory
{
    Valid,
    ForeignOrRandomId,
    WrongType,
    MissingRequired,
    HugeString,
    NegativeOrHugeNumber,
    FarDate,
    Unicode,
    Injection,
    ExtraProperty,
    MalformedJson,
    WrongContentType,
    BadHeader,
}

/// <summary>How the request's <c>If-Match</c> is filled in when it is sent.</summary>
public enum IfMatchMode
{
    /// <summary>The resource's current ETag, read with a GET of the same path just before.</summary>
    Current,
    Missing,
    Stale,
    Garbage,
}

/// <summary>One generated request, with the PCG seed that generates it again.</summary>
public sealed record FuzzRequest(
    FuzzOperation Operation,
    FuzzCategory Category,
    string Seed,
    int Principal,
    string Url,
    string? Body,
    string? ContentType,
    byte[]? Upload,
    string? UploadName,
    IfMatchMode IfMatch,
    string? IdempotencyKey)
{
    public string Describe(string principal)
    {
        var body = Upload is not null
            ? $"multipart file '{Shorten(UploadName ?? "(none)", 60)}' of {Upload.Length} bytes"
            : Body is null ? "no body" : $"{ContentType ?? "(no content type)"} {Shorten(Body, 300)}";
        return $"{Operation} as {principal}, {Category}, seed {Seed}: {Operation.Method} {Shorten(Url, 200)} If-Match={IfMatch} body: {body}";
    }

    private static string Shorten(string text, int max) =>
        (text.Length <= max ? text : text[..max] + $"…({text.Length} chars)").Replace("\0", "\\0", StringComparison.Ordinal);
}

/// <summary>The ids the fuzzer fills in: seeded records of both counties and both partners, and made-up ones.</summary>
public sealed class FuzzIds(MatrixWorld world)
{
    private readonly string[] _all = [.. world.Ids.Values.Select(i => i.Value).Where(v => Guid.TryParse(v, out _)).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>The real id for a key of the matrix (path prefix before <c>{id}</c>, <c>{name}</c>, or a query name).</summary>
    public string? Seeded(string key) => world.Ids.TryGetValue(key, out var id) ? id.Value : null;

    public string Any(PCG pcg) => _all[pcg.Next((uint)_all.Length)];

    /// <summary>A record the caller may not see (county B's, partner B's), an id of another kind, or a made-up one.</summary>
    public string Foreign(PCG pcg) => pcg.Next(4) switch
    {
        0 => world.CountyBPerson,
        1 => world.CountyB.ToString(),
        2 => Any(pcg),
        _ => FuzzValues.NewId(pcg),
    };

    public string CountyA => world.CountyA.ToString();

    public string PartnerBShop => world.PartnerBShop;
}

/// <summary>Values and hostile inputs drawn from a PCG, so one seed gives one request.</summary>
public static class FuzzValues
{
    public static readonly string[] Hostile =
    [
        "'; DROP TABLE persons; --",
        "' OR '1'='1",
        "%' OR 1=1 --",
        "\\'; SELECT pg_sleep(5); --",
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "\"><svg/onload=alert(1)>",
        "{{7*7}}${7*7}",
        "../../../../etc/passwd",
        "%00%0d%0aSet-Cookie: x=1",
        "$where: '1 == 1'",
        "=cmd|' /C calc'!A0",
    ];

    public static readonly string[] Unicode =
    [
        "阳光工程😀👩‍👩‍👧‍👦",
        "\u202Eمرحبا\u202C עברית",
        "e\u0301\u0301\u0301\u0300\u0323 Z̴̡̢̛͚̞a̷͕l̶̗g̸̱o̵̟",
        "nul\u0000inside",
        "\u0000",
        "zero\u200Bwidth\uFEFF",
        "\uFFFF\uFFFE",
        "𠀀𪚥𩸽",
        "\t\r\n  ",
        "ǅ Ω ﬁ Ⅻ",
    ];

    private static readonly string[] Texts = ["测试", "阳光小店", "Fuzz", "张三", "常德市武陵区", "备注 1", "a", "擂茶 2 斤"];

    public static string NewId(PCG pcg)
    {
        Span<byte> bytes = stackalloc byte[16];
        for (var i = 0; i < 16; i += 4)
        {
            BitConverter.TryWriteBytes(bytes[i..], pcg.Next());
        }

        return new Guid(bytes).ToString();
    }

    public static T Pick<T>(PCG pcg, IReadOnlyList<T> items) => items[(int)pcg.Next((uint)items.Count)];

    public static bool Chance(PCG pcg, int percent) => pcg.Next(100) < percent;

    public static string Date(PCG pcg) =>
        new DateOnly(2015, 1, 1).AddDays((int)pcg.Next(4380)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string FarDate(PCG pcg, bool dateTime)
    {
        var date = Pick(pcg, ["0001-01-01", "9999-12-31", "1900-01-01", "2999-06-30", "1753-01-01", "2024-02-30", "2024-13-01", "20240101", "-0001-01-01"]);
        return dateTime ? date + Pick(pcg, ["T00:00:00Z", "T23:59:59.9999999+14:00", "T12:00:00-12:00", ""]) : date;
    }

    public static string Huge(PCG pcg) => new(Pick(pcg, ['a', '测', '0', ' ', '\'']), 100_000);

    public static JsonNode Text(PCG pcg, IOpenApiSchema schema)
    {
        var text = Pick(pcg, Texts) + (Chance(pcg, 50) ? pcg.Next(1000).ToString(CultureInfo.InvariantCulture) : "");
        if (schema.MinLength is { } min && text.Length < min)
        {
            text = text.PadRight(min, '测');
        }

        if (schema.MaxLength is { } max && text.Length > max)
        {
            text = text[..max];
        }

        return JsonValue.Create(text);
    }
}

/// <summary>
/// A CsCheck generator of requests for one operation: with probability about a third a request valid by the
/// schemas (real ids of seeded records, values in range), otherwise a mutation of one (see <see cref="FuzzCategory"/>).
/// Everything is drawn from the PCG, so the seed printed with a request reproduces it.
/// </summary>
public sealed class FuzzRequestGen(FuzzOperation operation, FuzzIds ids, int principals, IReadOnlyList<FuzzCategory>? only = null) : Gen<FuzzRequest>
{
    private static readonly FuzzCategory[] Mutations = [.. Enum.GetValues<FuzzCategory>().Where(c => c != FuzzCategory.Valid)];

    public override FuzzRequest Generate(PCG pcg, Size? min, out Size size)
    {
        size = new Size(0);
        var seed = pcg.ToString();
        var category = only is { Count: > 0 }
            ? FuzzValues.Pick(pcg, only)
            : FuzzValues.Chance(pcg, 35) ? FuzzCategory.Valid : FuzzValues.Pick(pcg, Mutations);
        var principal = (int)pcg.Next((uint)principals);

        var path = PathFor(pcg, category);
        var query = QueryFor(pcg, category);
        var url = query.Count == 0 ? path : path + "?" + string.Join('&', query.Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value)}"));

        string? body = null;
        string? contentType = null;
        byte[]? upload = null;
        string? uploadName = null;
        if (operation.IsUpload)
        {
            (upload, uploadName, body, contentType) = UploadFor(pcg, category);
        }
        else if (operation.JsonBody is { } schema)
        {
            (body, contentType) = BodyFor(pcg, schema, category);
        }

        var ifMatch = category == FuzzCategory.BadHeader ? FuzzValues.Pick(pcg, [IfMatchMode.Missing, IfMatchMode.Stale, IfMatchMode.Garbage]) : IfMatchMode.Current;
        string? idempotencyKey = operation.Method == "GET" ? null : FuzzValues.NewId(pcg);
        if (category == FuzzCategory.BadHeader && idempotencyKey is not null && FuzzValues.Chance(pcg, 50))
        {
            idempotencyKey = FuzzValues.Pick(pcg, [null, new string('k', 300), "🔑\u0000key", " "]);
        }

        return new FuzzRequest(operation, category, seed, principal, url, body, contentType, upload, uploadName, ifMatch, idempotencyKey);
    }

    private string PathFor(PCG pcg, FuzzCategory category)
    {
        var path = operation.Path;
        foreach (var parameter in operation.Parameters.Where(p => p.In == ParameterLocation.Path))
        {
            var parameterName = parameter.Name!;
            var token = "{" + parameterName + "}";
            var key = parameterName == "id" ? path[..path.IndexOf(token, StringComparison.Ordinal)] : token;
            var schema = parameter.Schema!;
            string value;
            if (category == FuzzCategory.ForeignOrRandomId)
            {
                value = schema.Format == "uuid" || parameterName.EndsWith("Id", StringComparison.Ordinal) || parameterName == "id"
                    ? FuzzValues.Pick(pcg, [ids.Foreign(pcg), ids.Foreign(pcg), "not-a-uuid", "-1", "0", "00000000-0000-0000-0000-000000000000", ids.PartnerBShop, "9".PadLeft(40, '9')])
                    : Scalar(pcg, schema, parameterName, category)?.ToString() ?? "x";
            }
            else if (category is FuzzCategory.Unicode or FuzzCategory.Injection or FuzzCategory.HugeString or FuzzCategory.WrongType && FuzzValues.Chance(pcg, 30))
            {
                value = Hostile(pcg, category);
            }
            else
            {
                value = ids.Seeded(key) ?? ids.Seeded(parameterName) ?? Scalar(pcg, schema, parameterName, FuzzCategory.Valid)?.ToString() ?? "x";
            }

            // Hostile values stay inside the segment (a '/' would route elsewhere, which is not this operation). No NUL in
            // paths: Kestrel refuses them with 400 before the application, and the in-memory test server cannot carry them.
            // An empty segment would route to another operation, too.
            value = value.Replace("\0", "", StringComparison.Ordinal);
            path = path.Replace(token, Uri.EscapeDataString(value.Length == 0 ? "x" : value), StringComparison.Ordinal);
        }

        return path;
    }

    private Dictionary<string, string> QueryFor(PCG pcg, FuzzCategory category)
    {
        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        var parameters = operation.Parameters.Where(p => p.In == ParameterLocation.Query).ToList();
        var mutated = parameters.Count > 0 && operation.JsonBody is null && !operation.IsUpload ? FuzzValues.Pick(pcg, parameters).Name : null;
        foreach (var parameter in parameters)
        {
            if (!parameter.Required && !FuzzValues.Chance(pcg, 50) && parameter.Name != mutated)
            {
                continue;
            }

            var name = parameter.Name!;
            var value = name == mutated && category != FuzzCategory.Valid
                ? MutatedScalar(pcg, parameter.Schema!, name, category)
                : Scalar(pcg, parameter.Schema!, name, FuzzCategory.Valid)?.ToString() ?? string.Empty;
            if (value is null)
            {
                continue; // missing on purpose
            }

            query[name] = value;
        }

        if (category == FuzzCategory.ExtraProperty)
        {
            query["unexpected"] = "1";
        }

        return query;
    }

    /// <summary>A query or path value for a mutation category (null: leave the parameter out).</summary>
    private string? MutatedScalar(PCG pcg, IOpenApiSchema schema, string name, FuzzCategory category) => category switch
    {
        FuzzCategory.MissingRequired => null,
        FuzzCategory.WrongType => FuzzValues.Pick(pcg, ["abc", "1.5", "true", "[]", "{}", "", "１２"]),
        FuzzCategory.NegativeOrHugeNumber => FuzzValues.Pick(pcg, ["-1", "0", "-2147483649", "2147483648", "99999999999999999999", "1e400", "-0.01", "NaN"]),
        FuzzCategory.FarDate => FuzzValues.FarDate(pcg, schema.Format == "date-time"),
        FuzzCategory.ForeignOrRandomId => ids.Foreign(pcg),
        FuzzCategory.Valid or FuzzCategory.ExtraProperty or FuzzCategory.MalformedJson or FuzzCategory.WrongContentType or FuzzCategory.BadHeader =>
            Scalar(pcg, schema, name, FuzzCategory.Valid)?.ToString(),
        _ => Hostile(pcg, category),
    };

    private static string Hostile(PCG pcg, FuzzCategory category) => category switch
    {
        FuzzCategory.HugeString => FuzzValues.Huge(pcg),
        FuzzCategory.Injection => FuzzValues.Pick(pcg, FuzzValues.Hostile),
        FuzzCategory.WrongType => FuzzValues.Pick(pcg, ["abc", "[]", "true"]),
        _ => FuzzValues.Pick(pcg, FuzzValues.Unicode),
    };

    private (byte[]? File, string? Name, string? Body, string? ContentType) UploadFor(PCG pcg, FuzzCategory category)
    {
        var csv = "姓名,证件号码\n张三,43070219900101001X\n"u8.ToArray();
        var pdf = TestDocuments.Pdf();
        var valid = operation.Path.Contains("imports", StringComparison.Ordinal) ? (csv, "fuzz.csv") : (pdf, "fuzz.pdf");
        return category switch
        {
            FuzzCategory.Valid or FuzzCategory.ForeignOrRandomId or FuzzCategory.BadHeader or FuzzCategory.ExtraProperty => (valid.Item1, valid.Item2, null, null),
            FuzzCategory.MissingRequired => ([], valid.Item2, null, null),
            FuzzCategory.HugeString => (valid.Item1, FuzzValues.Huge(pcg)[..2_000] + ".csv", null, null),
            FuzzCategory.Unicode or FuzzCategory.Injection => (valid.Item1, Hostile(pcg, category) + Path.GetExtension(valid.Item2), null, null),
            FuzzCategory.WrongType or FuzzCategory.NegativeOrHugeNumber or FuzzCategory.FarDate =>
                (Enumerable.Range(0, 512).Select(_ => (byte)pcg.Next(256)).ToArray(), FuzzValues.Pick(pcg, ["fuzz.pdf", "fuzz.png", "fuzz.csv", "fuzz.xlsx", "fuzz"]), null, null),
            FuzzCategory.MalformedJson => (null, null, "{\"file\":", "application/json"),
            _ => (null, null, "file=abc", FuzzValues.Pick(pcg, ["application/x-www-form-urlencoded", "text/plain", "application/json"])),
        };
    }

    private (string? Body, string? ContentType) BodyFor(PCG pcg, IOpenApiSchema schema, FuzzCategory category)
    {
        var valid = Value(pcg, schema, "body", 0);
        switch (category)
        {
            case FuzzCategory.MalformedJson:
                var text = valid?.ToJsonString() ?? "{}";
                return (FuzzValues.Pick(pcg, [
                    text[..Math.Max(1, text.Length / 2)], "{", "[1,2", "not json", text + "}", "", "{'a':'b'}", text + ",",
                    new string('[', 2_000) + new string(']', 2_000), "{\"a\":\"\\ud800\"}", "nul\0l",
                ]), "application/json");
            case FuzzCategory.WrongContentType:
                return (valid?.ToJsonString() ?? "{}", FuzzValues.Pick(pcg, ["text/plain", "application/xml", "application/x-www-form-urlencoded", null]));
        }

        if (category != FuzzCategory.Valid && valid is not null)
        {
            valid = Mutate(pcg, valid, schema, category);
        }

        return (valid?.ToJsonString() ?? "null", "application/json");
    }

    /// <summary>Applies one mutation to a valid body: to one property, chosen among those it applies to.</summary>
    private JsonNode? Mutate(PCG pcg, JsonNode body, IOpenApiSchema schema, FuzzCategory category)
    {
        var fields = new List<(JsonObject Parent, string Name, IOpenApiSchema Schema)>();
        Collect(body, schema, fields, 0);
        if (body is not JsonObject root)
        {
            return category == FuzzCategory.WrongType ? JsonValue.Create("not an object") : body;
        }

        switch (category)
        {
            case FuzzCategory.ExtraProperty:
                var objects = fields.Where(f => f.Parent[f.Name] is JsonObject).Select(f => (JsonObject)f.Parent[f.Name]!).Prepend(root).ToList();
                FuzzValues.Pick(pcg, objects)[FuzzValues.Pick(pcg, ["unexpected", "id", "__proto__", "Version", "isAdmin"])] = 1;
                return body;
            case FuzzCategory.MissingRequired:
                var required = (schema.Required ?? new HashSet<string>()).Where(root.ContainsKey).ToList();
                if (required.Count > 0)
                {
                    root.Remove(FuzzValues.Pick(pcg, required));
                }
                else
                {
                    root.Clear();
                }

                return body;
        }

        var candidates = fields.Where(f => Applies(f.Schema, category)).ToList();
        if (candidates.Count == 0)
        {
            candidates = fields;
        }

        if (candidates.Count == 0)
        {
            root["unexpected"] = Hostile(pcg, category);
            return body;
        }

        var (parent, name, fieldSchema) = FuzzValues.Pick(pcg, candidates);
        parent[name] = category switch
        {
            FuzzCategory.WrongType => WrongType(pcg, parent[name]),
            FuzzCategory.NegativeOrHugeNumber => JsonNode.Parse(FuzzValues.Pick(pcg, ["-1", "-0.01", "-1000000000000000", "-2147483649", "1e30", "79228162514264337593543950336", "0"])),
            FuzzCategory.FarDate => JsonValue.Create(FuzzValues.FarDate(pcg, fieldSchema.Format == "date-time")),
            FuzzCategory.ForeignOrRandomId => JsonValue.Create(ids.Foreign(pcg)),
            _ => JsonValue.Create(Hostile(pcg, category)),
        };
        return body;
    }

    private static bool Applies(IOpenApiSchema schema, FuzzCategory category)
    {
        var type = Resolve(schema).Type ?? 0;
        var format = Resolve(schema).Format;
        return category switch
        {
            FuzzCategory.NegativeOrHugeNumber => type.HasFlag(JsonSchemaType.Number) || type.HasFlag(JsonSchemaType.Integer),
            FuzzCategory.FarDate => format is "date" or "date-time",
            FuzzCategory.ForeignOrRandomId => format == "uuid",
            FuzzCategory.HugeString or FuzzCategory.Unicode or FuzzCategory.Injection => type.HasFlag(JsonSchemaType.String) && format is null && Resolve(schema).Enum is not { Count: > 0 },
            _ => true,
        };
    }

    private static JsonNode? WrongType(PCG pcg, JsonNode? current) => current?.GetValueKind() switch
    {
        JsonValueKind.String => FuzzValues.Pick<JsonNode?>(pcg, [JsonValue.Create(12345), JsonValue.Create(true), new JsonObject(), new JsonArray()]),
        JsonValueKind.Number => FuzzValues.Pick<JsonNode?>(pcg, [JsonValue.Create("abc"), JsonValue.Create(false), new JsonArray()]),
        JsonValueKind.True or JsonValueKind.False => FuzzValues.Pick<JsonNode?>(pcg, [JsonValue.Create("yes"), JsonValue.Create(2)]),
        JsonValueKind.Array => FuzzValues.Pick<JsonNode?>(pcg, [new JsonObject(), JsonValue.Create("a,b")]),
        JsonValueKind.Object => FuzzValues.Pick<JsonNode?>(pcg, [JsonValue.Create("x"), new JsonArray(1, 2)]),
        _ => FuzzValues.Pick<JsonNode?>(pcg, [JsonValue.Create("x"), new JsonObject(), JsonValue.Create(-1)]),
    };

    /// <summary>Every property of the body, with its parent and schema, at any depth (array items included).</summary>
    private static void Collect(JsonNode? node, IOpenApiSchema schema, List<(JsonObject, string, IOpenApiSchema)> fields, int depth)
    {
        schema = Resolve(schema);
        if (depth > 8 || node is null)
        {
            return;
        }

        if (node is JsonObject obj && schema.Properties is { } properties)
        {
            foreach (var (name, propertySchema) in properties)
            {
                if (obj.ContainsKey(name))
                {
                    fields.Add((obj, name, propertySchema));
                    Collect(obj[name], propertySchema, fields, depth + 1);
                }
            }
        }
        else if (node is JsonArray array && schema.Items is { } items)
        {
            foreach (var item in array)
            {
                Collect(item, items, fields, depth + 1);
            }
        }
    }

    /// <summary>The schema an <c>allOf</c> wrapper (a nullable reference) stands for.</summary>
    private static IOpenApiSchema Resolve(IOpenApiSchema schema) => schema.AllOf is { Count: > 0 } allOf ? Resolve(allOf[0]) : schema;

    /// <summary>A value valid by the schema: enums from their list, ids of seeded records, dates and numbers in range.</summary>
    private JsonNode? Value(PCG pcg, IOpenApiSchema schema, string name, int depth)
    {
        var nullable = FuzzSchemaChecker.AllowsNull(schema);
        schema = Resolve(schema);
        if (nullable && FuzzValues.Chance(pcg, 10))
        {
            return null;
        }

        var type = (schema.Type ?? 0) & ~JsonSchemaType.Null;
        if (type.HasFlag(JsonSchemaType.Object) || schema.Properties is { Count: > 0 })
        {
            var obj = new JsonObject();
            if (depth > 6)
            {
                return obj;
            }

            foreach (var (property, propertySchema) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
            {
                if (schema.Required?.Contains(property) == true || FuzzValues.Chance(pcg, 60))
                {
                    obj[property] = Value(pcg, propertySchema, property, depth + 1);
                }
            }

            return obj;
        }

        if (type.HasFlag(JsonSchemaType.Array))
        {
            var count = Math.Max(schema.MinItems ?? 0, (int)pcg.Next(4));
            var array = new JsonArray();
            for (var i = 0; i < count && schema.Items is not null; i++)
            {
                array.Add(Value(pcg, schema.Items, Singular(name), depth + 1));
            }

            return array;
        }

        return Scalar(pcg, schema, name, FuzzCategory.Valid);
    }

    private JsonNode? Scalar(PCG pcg, IOpenApiSchema schema, string name, FuzzCategory category)
    {
        schema = Resolve(schema);
        if (schema.Enum is { Count: > 0 } values)
        {
            return FuzzValues.Pick(pcg, values.Where(v => v is not null).ToList())?.DeepClone();
        }

        var type = (schema.Type ?? 0) & ~JsonSchemaType.Null;
        if (type.HasFlag(JsonSchemaType.Boolean))
        {
            return JsonValue.Create(pcg.Next(2) == 0);
        }

        if (type.HasFlag(JsonSchemaType.Integer))
        {
            var low = Bound(schema.Minimum, name == "year" ? 2015 : name is "month" ? 1 : 0);
            var high = Bound(schema.Maximum, name == "year" ? 2026 : name is "month" ? 12 : name is "pageSize" ? 100 : 200);
            high = Math.Min(high, low + 10_000);
            return JsonValue.Create(low + (long)pcg.Next((uint)(high - low + 1)));
        }

        if (type.HasFlag(JsonSchemaType.Number))
        {
            return JsonValue.Create(Math.Round(pcg.Next(1_000_000) / 100m, 2));
        }

        return schema.Format switch
        {
            "uuid" => JsonValue.Create(IdFor(pcg, name)),
            "date" => JsonValue.Create(FuzzValues.Date(pcg)),
            "date-time" => JsonValue.Create(FuzzValues.Date(pcg) + "T08:00:00+08:00"),
            "binary" => JsonValue.Create("file"),
            _ => name switch
            {
                "period" => JsonValue.Create($"20{15 + pcg.Next(11)}-{1 + pcg.Next(12):00}"),
                "scope" => JsonValue.Create("Publication"),
                _ => FuzzValues.Text(pcg, schema),
            },
        };
    }

    private static long Bound(string? text, long fallback) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    /// <summary>A uuid for a field: county A for county fields, the seeded record the name points to, or any seeded id.</summary>
    private string IdFor(PCG pcg, string name)
    {
        if (name.Equals("countyId", StringComparison.OrdinalIgnoreCase) && FuzzValues.Chance(pcg, 80))
        {
            return ids.CountyA;
        }

        var kind = name.EndsWith("Id", StringComparison.Ordinal) ? name[..^2] : name;
        var seeded = kind switch
        {
            "person" or "headPerson" or "beneficiary" or "borrower" or "producerPerson" or "ownerPerson" or "operatorPerson" => ids.Seeded("/api/persons/"),
            "household" => ids.Seeded("/api/households/"),
            "enterprise" or "providerEnterprise" or "incubatorEnterprise" => ids.Seeded("/api/enterprises/"),
            "base" => ids.Seeded("/api/bases/"),
            "loan" => ids.Seeded("/api/loans/"),
            "programme" => ids.Seeded("programmeId"),
            "course" => ids.Seeded("/api/courses/"),
            "allocation" => null,
            _ => null,
        };
        return seeded is not null && FuzzValues.Chance(pcg, 80) ? seeded : ids.Any(pcg);
    }

    private static string Singular(string name) => name.EndsWith("Ids", StringComparison.Ordinal) ? name[..^1] : name;

    /// <summary>Generates <paramref name="count"/> requests from <paramref name="seed"/>: the same seed, the same requests.</summary>
    public IEnumerable<FuzzRequest> Sample(PCG seed, int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return Generate(seed, null, out _);
        }
    }
}
