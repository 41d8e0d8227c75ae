using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CsCheck;
using Microsoft.OpenApi;
using Sunshine.Api.FunctionalTests.Infrastructure;
using Sunshine.Domain.AccessControl;

namespace Sunshine.Api.FunctionalTests;

/// <summary>
/// Property-based fuzzing of every operation of the committed openapi.json (CsCheck generators over the schemas read
/// with Microsoft.OpenApi), as the principals that may call each operation, with the ids of records seeded in two
/// counties and for two partners. Requests are valid by the schemas or mutated (wrong types, missing fields, huge
/// strings, negative or huge numbers, far dates, hostile unicode, injection strings, extra properties, malformed JSON,
/// wrong content types, bad headers, foreign and made-up ids). The properties: no 5xx; every 4xx a problem with a
/// <c>code</c>; every 2xx in a declared status and media type, its JSON body valid by the operation's schema; and
/// requests that must be refused change no table. See docs/reliability.md, "API fuzzing".
/// </summary>
public sealed class ApiFuzzTests(FuzzSunshineApp app) : IClassFixture<FuzzSunshineApp>
{
    /// <summary>Requests per operation in the long run (<c>./test --long</c>); default 200.</summary>
    public const string RequestsVariable = "SUNSHINE_FUZZ_REQUESTS";

    /// <summary>A PCG seed (as printed with a failure) to run again exactly; the short run's default is fixed.</summary>
    public const string SeedVariable = "SUNSHINE_FUZZ_SEED";

    private const string ShortRunSeed = "0000000000J1";

    /// <summary>Operations that end or change the caller's own session: each request gets a session of its own.</summary>
    private static readonly HashSet<string> OwnSessionOperations = new(StringComparer.Ordinal) { "SignOut", "ChangeOwnPassword" };

    /// <summary>Categories a request is refused for whatever the state: the checksum batch sends only these.</summary>
    private static readonly FuzzCategory[] AlwaysRefused = [FuzzCategory.MalformedJson, FuzzCategory.WrongContentType, FuzzCategory.ExtraProperty];

    [Fact]
    public Task Every_operation_answers_fuzzed_requests_without_5xx_with_problems_and_by_its_schemas() =>
        RunAsync(requestsPerOperation: 8, refusedPerOperation: 2, Environment.GetEnvironmentVariable(SeedVariable) ?? ShortRunSeed);

    [Fact]
    [Trait("Category", "Long")]
    public Task Every_operation_answers_many_fuzzed_requests_without_5xx_with_problems_and_by_its_schemas() =>
        RunAsync(
            int.TryParse(Environment.GetEnvironmentVariable(RequestsVariable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 200,
            refusedPerOperation: 10,
            Environment.GetEnvironmentVariable(SeedVariable) ?? PCG.ThreadPCG.ToString());

    private async Task RunAsync(int requestsPerOperation, int refusedPerOperation, string seed)
    {
        var output = TestContext.Current.TestOutputHelper;
        var clock = Stopwatch.StartNew();
        var world = await app.WorldAsync();
        var seeding = clock.Elapsed;
        var ids = new FuzzIds(world);
        var master = PCG.Parse(seed);
        var operations = FuzzContract.Operations;
        var stats = new FuzzStats();

        // Phase 1: every operation, its requests in order; resources side by side (as the authorization matrix does).
        await Parallel.ForEachAsync(
            operations.GroupBy(o => o.Path.Contains('{', StringComparison.Ordinal) ? o.Path[..o.Path.IndexOf('{', StringComparison.Ordinal)] : o.Path),
            new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = TestContext.Current.CancellationToken },
            async (resource, _) =>
            {
                foreach (var operation in resource.OrderBy(o => o.Id, StringComparer.Ordinal))
                {
                    var callers = await CallersAsync(operation, world);
                    var generator = new FuzzRequestGen(operation, ids, callers.Count);
                    foreach (var request in generator.Sample(OperationPcg(master, operation), requestsPerOperation))
                    {
                        await SendAndCheckAsync(request, callers, stats, phase: 1);
                    }
                }
            });
        var fuzzing = clock.Elapsed - seeding;

        // Phase 2: with the database settled, only requests that must be refused; then no table may have changed.
        var refusable = new List<(FuzzOperation Operation, List<Principal> Callers)>();
        foreach (var operation in operations.Where(o => o.Method != "GET" && o.HasBody && !OwnSessionOperations.Contains(o.Id)))
        {
            refusable.Add((operation, await CallersAsync(operation, world))); // partner tokens are issued now, not in the batch
        }

        var before = await FuzzDatabase.SettledChecksumAsync(app);
        var refusedSent = 0;
        foreach (var (operation, callers) in refusable)
        {
            // An upload has no JSON to add a property to: its refused requests are malformed JSON or another content type.
            var generator = new FuzzRequestGen(operation, ids, callers.Count, operation.IsUpload ? AlwaysRefused[..2] : AlwaysRefused);
            foreach (var request in generator.Sample(OperationPcg(master, operation, phase: 2), refusedPerOperation))
            {
                await SendAndCheckAsync(request, callers, stats, phase: 2);
                refusedSent++;
            }
        }

        var after = await FuzzDatabase.SettledChecksumAsync(app);
        var changed = FuzzDatabase.Differing(before, after);
        foreach (var table in changed)
        {
            stats.Fail($"table {table} changed while only refused requests were sent: {before.GetValueOrDefault(table)} → {after.GetValueOrDefault(table)}");
        }

        var compared = before.Keys.Count(t => !FuzzDatabase.IsExcluded(t));
        var report = stats.Report(operations.Count, requestsPerOperation, refusedSent, seed, (before.Count, compared), changed.Count, seeding, fuzzing, clock.Elapsed);
        output?.WriteLine(report);
        await File.WriteAllTextAsync(Path.Combine(Path.GetTempPath(), $"reliability-fuzz-{requestsPerOperation}.md"), report, TestContext.Current.CancellationToken);
        var failures = stats.Failures.Order(StringComparer.Ordinal).ToList();
        Assert.True(failures.Count == 0,
            $"{failures.Count} fuzzed requests broke a property (run again with {SeedVariable}={seed}; each line names its request's own seed):\n"
            + string.Join('\n', failures.Take(200)));
    }

    /// <summary>One PCG per operation from the run's seed, so an operation's requests do not depend on the others'.</summary>
    private static PCG OperationPcg(PCG master, FuzzOperation operation, int phase = 1)
    {
        var stream = (uint)phase;
        foreach (var c in operation.Id)
        {
            stream = (stream * 31) + c;
        }

        return new PCG(stream, master.Seed);
    }

    /// <summary>The principals the rules let call the operation; partner clients with a fresh token; staff's own sessions made anew per request.</summary>
    private async Task<List<Principal>> CallersAsync(FuzzOperation operation, MatrixWorld world)
    {
        if (OwnSessionOperations.Contains(operation.Id))
        {
            return [new Principal("a fresh city officer session", Roles.CityOfficer, app.CreateClient())];
        }

        var matrix = operation.AsMatrixOperation();
        var callers = new List<Principal>();
        foreach (var principal in world.Principals.Where(p => AuthorizationMatrixTests.MayCall(matrix, p)))
        {
            callers.Add(principal.IsPartner
                ? principal with { Client = await TestPartners.ConnectAsync(app, world.PartnerClients[principal.Name]) }
                : principal);
        }

        Assert.True(callers.Count > 0, $"{operation}: no principal may call it");
        return callers;
    }

    private async Task SendAndCheckAsync(FuzzRequest request, List<Principal> callers, FuzzStats stats, int phase)
    {
        var principal = callers[request.Principal % callers.Count];
        var client = OwnSessionOperations.Contains(request.Operation.Id) ? (await app.SignInAsNewAsync(Roles.CityOfficer)).Client : principal.Client;
        HttpResponseMessage response;
        try
        {
            using var message = await BuildAsync(request, client);
            response = await client.SendAsync(message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            stats.Record(request, phase, 0);
            stats.Fail($"{request.Describe(principal.Name)} → threw {ex.GetType().Name}: {ex.Message}");
            return;
        }

        using (response)
        {
            var body = await response.Content.ReadAsByteArrayAsync();
            var status = (int)response.StatusCode;
            stats.Record(request, phase, status);
            var problem = Check(request.Operation, response, body, phase);
            if (problem is not null)
            {
                stats.Fail($"{request.Describe(principal.Name)} → {status} {response.Content.Headers.ContentType}: {problem}; body: {Shorten(Encoding.UTF8.GetString(body))}");
            }
        }
    }

    /// <summary>What is wrong with the answer, or null.</summary>
    private static string? Check(FuzzOperation operation, HttpResponseMessage response, byte[] body, int phase)
    {
        var status = (int)response.StatusCode;
        var media = response.Content.Headers.ContentType?.MediaType;
        if (status >= 500)
        {
            return "server error";
        }

        if (status >= 400)
        {
            if (media != "application/problem+json")
            {
                return "a 4xx that is not application/problem+json";
            }

            try
            {
                var json = JsonDocument.Parse(body).RootElement;
                return json.ValueKind == JsonValueKind.Object && json.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String
                    && code.GetString()!.Length > 0 && json.TryGetProperty("status", out var s) && s.GetInt32() == status
                    ? null
                    : "a problem without a code (or with another status)";
            }
            catch (JsonException)
            {
                return "a problem body that is not JSON";
            }
        }

        if (status is < 200 or >= 300)
        {
            return "neither 2xx nor 4xx nor 5xx";
        }

        if (phase == 2)
        {
            return "accepted a request that must be refused (malformed JSON, wrong content type or an unknown property)";
        }

        if (!operation.Responses.TryGetValue(status.ToString(CultureInfo.InvariantCulture), out var declared))
        {
            return $"status {status} is not declared (declared: {string.Join(", ", operation.Responses.Keys)})";
        }

        if (declared.Content is not { Count: > 0 } content)
        {
            return body.Length == 0 ? null : $"a {body.Length}-byte body of {media} where the contract declares none";
        }

        if (media is null || !content.TryGetValue(media, out var mediaType))
        {
            return $"media type {media} is not declared (declared: {string.Join(", ", content.Keys)})";
        }

        if (media != "application/json" || mediaType.Schema is null)
        {
            return null;
        }

        JsonElement value;
        try
        {
            value = JsonDocument.Parse(body).RootElement;
        }
        catch (JsonException ex)
        {
            return "the JSON body does not parse: " + ex.Message;
        }

        var errors = FuzzSchemaChecker.Check(mediaType.Schema, value);
        return errors.Count == 0 ? null : $"the body does not match {FuzzContract.NameOf(mediaType.Schema)}: {string.Join("; ", errors.Take(5))}";
    }

    private static async Task<HttpRequestMessage> BuildAsync(FuzzRequest request, HttpClient client)
    {
        var message = new HttpRequestMessage(new HttpMethod(request.Operation.Method), request.Url);
        if (request.Upload is not null)
        {
            var file = new ByteArrayContent(request.Upload);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            // The file name as RFC 5987 encodes it: HttpClient refuses quotes, NUL and non-ASCII in a plain filename.
            file.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name=\"file\"; filename*=utf-8''{Uri.EscapeDataString(request.UploadName ?? "file")}");
            message.Content = new MultipartFormDataContent { file };
        }
        else if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(request.Body));
            if (request.ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType + (request.ContentType.Contains("json", StringComparison.Ordinal) ? "; charset=utf-8" : ""));
            }
        }

        if (request.IdempotencyKey is not null)
        {
            message.Headers.TryAddWithoutValidation("Idempotency-Key", request.IdempotencyKey);
        }

        if (request.Operation.Parameters.Any(p => p.In == ParameterLocation.Header && p.Name == "If-Match"))
        {
            var ifMatch = request.IfMatch switch
            {
                IfMatchMode.Current => await CurrentETagAsync(client, request.Url),
                IfMatchMode.Stale => "W/\"1\"",
                IfMatchMode.Garbage => "\"' OR 1=1 --\"",
                _ => null,
            };
            if (ifMatch is not null)
            {
                message.Headers.TryAddWithoutValidation("If-Match", ifMatch);
            }
        }

        return message;
    }

    /// <summary>The ETag a GET of the same path gives now (null when there is none).</summary>
    private static async Task<string?> CurrentETagAsync(HttpClient client, string url)
    {
        var path = url.Split('?')[0];
        using var response = await client.GetAsync(path);
        return response.IsSuccessStatusCode ? response.Headers.ETag?.ToString() : null;
    }

    private static string Shorten(string text) => (text.Length <= 400 ? text : text[..400] + "…").Replace("\0", "\\0", StringComparison.Ordinal);

    /// <summary>What was sent and answered, and what broke a property.</summary>
    private sealed class FuzzStats
    {
        private readonly ConcurrentDictionary<(int Phase, FuzzCategory Category), int> _sent = new();
        private readonly ConcurrentDictionary<int, int> _statuses = new();
        private readonly ConcurrentDictionary<(FuzzCategory Category, string Class), int> _classes = new();
        private readonly ConcurrentDictionary<string, byte> _operations = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, byte> _validSucceeded = new(StringComparer.Ordinal);
        private int _schemaChecked;

        public ConcurrentBag<string> Failures { get; } = [];

        public void Fail(string failure) => Failures.Add(failure);

        public void Record(FuzzRequest request, int phase, int status)
        {
            _sent.AddOrUpdate((phase, request.Category), 1, (_, n) => n + 1);
            _statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
            _classes.AddOrUpdate((request.Category, status == 0 ? "error" : $"{status / 100}xx"), 1, (_, n) => n + 1);
            _operations.TryAdd(request.Operation.Id, 0);
            if (status is >= 200 and < 300)
            {
                _validSucceeded.TryAdd(request.Operation.Id, 0);
                if (phase == 1)
                {
                    Interlocked.Increment(ref _schemaChecked);
                }
            }
        }

        public string Report(int operations, int perOperation, int refused, string seed, (int All, int Compared) tables, int changed, TimeSpan seeding, TimeSpan fuzzing, TimeSpan total)
        {
            var c = CultureInfo.InvariantCulture;
            var text = new StringBuilder();
            var phase1 = _sent.Where(s => s.Key.Phase == 1).Sum(s => s.Value);
            text.AppendLine(c, $"API fuzzing: seed {seed}, {perOperation} requests per operation");
            text.AppendLine();
            text.AppendLine("| figure | value |");
            text.AppendLine("|---|---|");
            text.AppendLine(c, $"| operations covered | {_operations.Count} of {operations} |");
            text.AppendLine(c, $"| requests sent (fuzz / refused batch) | {phase1} / {refused} |");
            text.AppendLine(c, $"| operations with at least one 2xx | {_validSucceeded.Count} |");
            text.AppendLine(c, $"| 2xx answers checked against their schema | {_schemaChecked} |");
            text.AppendLine(c, $"| status histogram | {string.Join(", ", _statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"))} |");
            text.AppendLine(c, $"| tables / compared (the rest excluded) / changed by refused requests | {tables.All} / {tables.Compared} / {changed} |");
            text.AppendLine(c, $"| properties broken | {Failures.Count} |");
            text.AppendLine(c, $"| time | {total.TotalSeconds:0.0} s (seeding {seeding.TotalSeconds:0.0} s, fuzzing {fuzzing.TotalSeconds:0.0} s) |");
            text.AppendLine();
            text.AppendLine("| category | sent | 2xx | 4xx | 5xx |");
            text.AppendLine("|---|---|---|---|---|");
            foreach (var category in Enum.GetValues<FuzzCategory>())
            {
                var sent = _sent.Where(s => s.Key.Category == category).Sum(s => s.Value);
                text.AppendLine(c, $"| {category} | {sent} | {_classes.GetValueOrDefault((category, "2xx"))} | {_classes.GetValueOrDefault((category, "4xx"))} | {_classes.GetValueOrDefault((category, "5xx"))} |");
            }

            return text.ToString();
        }
    }
}
