using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Sunshine.Domain.Enterprises;

namespace Sunshine.Bench;

/// <summary>A partner client of a bench platform.</summary>
public sealed record BenchClient(string ClientId, string Secret);

/// <summary>A partner platform of the bench and its clients (one per concurrent sender).</summary>
public sealed record BenchPlatform(int Index, Guid Id, string Name, IReadOnlyList<BenchClient> Clients);

/// <summary>What the setup made: the platforms, the people and the shops (in index order, platform by platform).</summary>
public sealed record BenchWorld(IReadOnlyList<BenchPlatform> Platforms, int People, int Counties, IReadOnlyList<BenchShop> Shops);

/// <summary>
/// Makes the bench's data as a city officer and the platforms would (see the functional tests' TestPartners,
/// TestPeople and PersonImportTests): the people, imported through <c>POST /api/person-imports</c> (which encrypts
/// their ID and certificate numbers and phones) with their consent to partner sharing recorded; several partner
/// platforms and their clients; and each platform's first shops registered through the partner API with seller
/// verification. The remaining shops are copied in (binary COPY) as the same rows: owned by the imported people,
/// in their counties, with the same granularity, status and source.
/// </summary>
public sealed class BenchSetup(BenchOptions options, NpgsqlDataSource database)
{
    private const string DemoCityOfficer = "city";
    private const string DemoPassword = "Sunshine@2026";

    private static readonly string[] PlatformRoles = ["PartnerPlatform"];
    private static readonly string[] ClientScopes = ["shops.write", "sales.write"];
    private static readonly string[] PlatformNames = ["阳光优品", "助残集市", "乡村好物", "湖湘易购", "武陵山货", "洞庭鲜选"];

    private readonly Random _random = new(options.Seed);

    public async Task<BenchWorld> RunAsync(CancellationToken ct)
    {
        using var officer = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), UseCookies = true })
        {
            BaseAddress = options.ApiUrl,
            Timeout = TimeSpan.FromMinutes(5),
        };
        await EnsureAsync(await officer.PostAsJsonAsync("/api/auth/sign-in", new { userName = DemoCityOfficer, password = DemoPassword }, ct), HttpStatusCode.OK, ct);

        var counties = (await ReadJsonAsync(await officer.GetAsync("/api/regions", ct), HttpStatusCode.OK, ct)).EnumerateArray()
            .Where(r => r.GetProperty("kind").GetString() != "City" && r.GetProperty("isActive").GetBoolean())
            .ToDictionary(r => r.GetProperty("code").GetString()!, r => r.GetProperty("id").GetGuid(), StringComparer.Ordinal);

        var people = BenchPeople.Make(options.Seed, options.People, counties.Keys.Order(StringComparer.Ordinal).ToList());
        var personIds = await ImportPeopleAsync(officer, people, ct);
        await RecordConsentsAsync(officer, personIds, ct);

        var platforms = new List<BenchPlatform>();
        var clientsPerPlatform = options.Concurrency.Concat(options.FullConcurrency).Max();
        for (var p = 0; p < options.Platforms; p++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"{PlatformNames[p % PlatformNames.Length]}电商平台（基准{options.Seed}-{p + 1}）");
            var platform = await ReadJsonAsync(await officer.PostAsJsonAsync("/api/enterprises", new
            {
                name,
                creditCode = NewCreditCode(),
                countyId = (Guid?)null,
                roles = PlatformRoles,
            }, ct), HttpStatusCode.Created, ct);
            var platformId = platform.GetProperty("id").GetGuid();
            var clients = new List<BenchClient>();
            for (var i = 0; i < clientsPerPlatform; i++)
            {
                var created = await ReadJsonAsync(await officer.PostAsJsonAsync("/api/partner-clients",
                    new { platformId, displayName = $"基准客户端{p + 1}-{i + 1}", scopes = ClientScopes }, ct), HttpStatusCode.Created, ct);
                clients.Add(new BenchClient(created.GetProperty("client").GetProperty("clientId").GetString()!, created.GetProperty("clientSecret").GetString()!));
            }

            platforms.Add(new BenchPlatform(p, platformId, name, clients));
        }

        // Shops in index order, platform by platform; each owned by one of the people (some own several).
        var plan = new List<(int Platform, int Owner, bool ThroughApi)>();
        var apiCounts = options.PlatformApiShopCounts();
        foreach (var (count, p) in options.PlatformShopCounts().Select((c, p) => (c, p)))
        {
            for (var k = 0; k < count; k++)
            {
                var owner = (int)(SalesData.Mix((ulong)options.Seed, (ulong)plan.Count, 0x0A4E, 0) % (ulong)people.Count);
                plan.Add((p, owner, k < apiCounts[p]));
            }
        }

        foreach (var platform in platforms)
        {
            using var partner = await ConnectAsync(options.ApiUrl, platform.Clients[0], ct);
            for (var i = 0; i < plan.Count; i++)
            {
                if (plan[i].Platform != platform.Index || !plan[i].ThroughApi)
                {
                    continue;
                }

                var seller = people[plan[i].Owner];
                var shopId = SalesData.PlatformShopId(platform.Index, i);
                await EnsureAsync(await WriteAsync(partner, HttpMethod.Post, "/api/partner/v1/shops", JsonSerializer.SerializeToUtf8Bytes(new
                {
                    platformShopId = shopId,
                    name = ShopName(seller, i),
                    url = $"https://shop.example.com/{shopId}",
                    granularity = "Monthly",
                    openedOn = "2017-01-01",
                    seller = new { certificateNumber = seller.CertificateNumber, name = seller.Name },
                }), $"setup-shop-{i}", ct), HttpStatusCode.Created, ct);
            }
        }

        await CopyRemainingShopsAsync(platforms, plan, people, personIds, counties, ct);
        return new BenchWorld(platforms, people.Count, people.Select(p => p.CountyCode).Distinct().Count(), await ReadShopsAsync(platforms, plan, ct));
    }

    /// <summary>An HTTP client calling as the partner client with a fresh token (tokens last 30 minutes: take one per run).</summary>
    public static async Task<HttpClient> ConnectAsync(Uri api, BenchClient client, CancellationToken ct)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = api,
            Timeout = TimeSpan.FromMinutes(5),
        };
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = client.ClientId, ["client_secret"] = client.Secret };
        using var content = new FormUrlEncodedContent(form);
        var token = await ReadJsonAsync(await http.PostAsync("/connect/token", content, ct), HttpStatusCode.OK, ct);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("access_token").GetString());
        return http;
    }

    /// <summary>A partner write with its Idempotency-Key and the body's exact bytes.</summary>
    public static async Task<HttpResponseMessage> WriteAsync(HttpClient partner, HttpMethod method, string url, byte[] body, string key, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("Idempotency-Key", key);
        return await partner.SendAsync(request, ct);
    }

    /// <summary>Imports the people file by file (importValidRows=true) and returns their ids in index order.</summary>
    private async Task<List<Guid>> ImportPeopleAsync(HttpClient officer, IReadOnlyList<BenchPerson> people, CancellationToken ct)
    {
        var ids = new List<Guid>(people.Count);
        var file = 0;
        foreach (var (content, rows) in BenchPeople.Files(people))
        {
            using var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", $"bench-people-{++file}.csv" } };
            var started = await ReadJsonAsync(await officer.PostAsync("/api/person-imports?importValidRows=true", form, ct), HttpStatusCode.Accepted, ct);
            var jobId = started.GetProperty("id").GetString()!;
            var deadline = DateTime.UtcNow.AddMinutes(5);
            JsonElement job;
            while (true)
            {
                job = await ReadJsonAsync(await officer.GetAsync($"/api/person-imports/{jobId}", ct), HttpStatusCode.OK, ct);
                if (job.GetProperty("status").GetString() is "Completed" or "Failed")
                {
                    break;
                }

                if (DateTime.UtcNow > deadline)
                {
                    throw new InvalidOperationException($"The people import {jobId} did not finish in 5 minutes: {job}");
                }

                await Task.Delay(200, ct);
            }

            if (job.GetProperty("status").GetString() != "Completed" || job.GetProperty("importedRows").GetInt32() != rows.Count)
            {
                throw new InvalidOperationException($"The people import {jobId} registered {job.GetProperty("importedRows").GetInt32()} of {rows.Count}: {job.ToString()[..Math.Min(job.ToString().Length, 2000)]}");
            }

            // The import's audit row lists the people it created, in the file's order (all rows were valid).
            await using var audit = database.CreateCommand(
                "SELECT changes::text FROM audit.audit_entries WHERE entity_type = 'PersonImport' AND entity_id = $1 AND changes::text LIKE '%personIds%'");
            audit.Parameters.AddWithValue(jobId);
            var changes = (string?)await audit.ExecuteScalarAsync(ct) ?? throw new InvalidOperationException($"No audit row lists the people of import {jobId}.");
            var created = FindArray(JsonDocument.Parse(changes).RootElement, "personIds")?.EnumerateArray().Select(e => e.GetGuid()).ToList()
                ?? throw new InvalidOperationException($"The audit row of import {jobId} has no personIds: {changes[..Math.Min(changes.Length, 500)]}");
            if (created.Count != rows.Count)
            {
                throw new InvalidOperationException($"Import {jobId} lists {created.Count} people for {rows.Count} rows.");
            }

            ids.AddRange(created);
        }

        return ids;
    }

    private static JsonElement? FindArray(JsonElement element, string name)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.Name == name && property.Value.ValueKind == JsonValueKind.Array)
                {
                    return property.Value;
                }

                if (FindArray(property.Value, name) is { } found)
                {
                    return found;
                }
            }
        }

        return null;
    }

    /// <summary>Every person agrees to sharing with partner platforms (seller verification requires it), a few requests at a time.</summary>
    private static async Task RecordConsentsAsync(HttpClient officer, List<Guid> personIds, CancellationToken ct) =>
        await Parallel.ForEachAsync(personIds, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (id, token) =>
        {
            using var consent = await officer.PostAsJsonAsync($"/api/persons/{id}/consents", new { scope = "PartnerSharing", givenOn = "2017-01-01" }, token);
            if (!consent.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"Recording consent answered {(int)consent.StatusCode}: {await consent.Content.ReadAsStringAsync(token)}");
            }
        });

    private static string ShopName(BenchPerson owner, int index) => string.Create(CultureInfo.InvariantCulture, $"{owner.Name}的小店{index}");

    /// <summary>The shops not registered through the API, as the same rows the API writes (read from one of those).</summary>
    private async Task CopyRemainingShopsAsync(
        List<BenchPlatform> platforms,
        List<(int Platform, int Owner, bool ThroughApi)> plan,
        IReadOnlyList<BenchPerson> people,
        List<Guid> personIds,
        Dictionary<string, Guid> counties,
        CancellationToken ct)
    {
        string granularity, status, source;
        await using (var template = database.CreateCommand("SELECT granularity, status, source FROM shops WHERE platform_id = ANY($1) LIMIT 1"))
        {
            template.Parameters.AddWithValue(platforms.Select(p => p.Id).ToArray());
            await using var reader = await template.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct))
            {
                throw new InvalidOperationException("Register at least one shop through the API (--api-shops ≥ 1): its row is the template.");
            }

            (granularity, status, source) = (reader.GetString(0), reader.GetString(1), reader.GetString(2));
        }

        await using var connection = await database.OpenConnectionAsync(ct);
        await using (var import = await connection.BeginBinaryImportAsync(
            "COPY shops (id, owner_person_id, owner_enterprise_id, platform_id, platform_shop_id, name, url, county_id, granularity, opened_on, closed_on, status, source) FROM STDIN (FORMAT BINARY)", ct))
        {
            for (var i = 0; i < plan.Count; i++)
            {
                var (platform, owner, throughApi) = plan[i];
                if (throughApi)
                {
                    continue;
                }

                var shopId = SalesData.PlatformShopId(platform, i);
                await import.StartRowAsync(ct);
                await import.WriteAsync(SalesData.IdFrom(options.Seed, i), NpgsqlDbType.Uuid, ct);
                await import.WriteAsync(personIds[owner], NpgsqlDbType.Uuid, ct);
                await import.WriteNullAsync(ct);
                await import.WriteAsync(platforms[platform].Id, NpgsqlDbType.Uuid, ct);
                await import.WriteAsync(shopId, NpgsqlDbType.Varchar, ct);
                await import.WriteAsync(ShopName(people[owner], i), NpgsqlDbType.Varchar, ct);
                await import.WriteAsync($"https://shop.example.com/{shopId}", NpgsqlDbType.Varchar, ct);
                await import.WriteAsync(counties[people[owner].CountyCode], NpgsqlDbType.Uuid, ct);
                await import.WriteAsync(granularity, NpgsqlDbType.Varchar, ct);
                await import.WriteAsync(SalesData.FirstMonth, NpgsqlDbType.Date, ct);
                await import.WriteNullAsync(ct);
                await import.WriteAsync(status, NpgsqlDbType.Varchar, ct);
                await import.WriteAsync(source, NpgsqlDbType.Varchar, ct);
            }

            await import.CompleteAsync(ct);
        }

        await using var analyze = new NpgsqlCommand("ANALYZE shops", connection);
        await analyze.ExecuteNonQueryAsync(ct);
    }

    private async Task<List<BenchShop>> ReadShopsAsync(List<BenchPlatform> platforms, List<(int Platform, int Owner, bool ThroughApi)> plan, CancellationToken ct)
    {
        var found = new Dictionary<(Guid, string), (Guid Id, Guid Owner, Guid County)>();
        await using var command = database.CreateCommand("SELECT platform_id, platform_shop_id, id, owner_person_id, county_id FROM shops WHERE platform_id = ANY($1)");
        command.Parameters.AddWithValue(platforms.Select(p => p.Id).ToArray());
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                found[(reader.GetGuid(0), reader.GetString(1))] = (reader.GetGuid(2), reader.GetGuid(3), reader.GetGuid(4));
            }
        }

        return plan.Select((p, i) =>
        {
            var platform = platforms[p.Platform];
            var shopId = SalesData.PlatformShopId(p.Platform, i);
            var (id, owner, county) = found.TryGetValue((platform.Id, shopId), out var row) ? row : throw new InvalidOperationException($"Shop {shopId} is missing.");
            return new BenchShop(i, p.Platform, platform.Id, shopId, id, owner, county);
        }).ToList();
    }

    private string NewCreditCode()
    {
        var alphabet = UnifiedSocialCreditCode.Alphabet;
        var body = "91430700" + new string(Enumerable.Range(0, 9).Select(_ => alphabet[_random.Next(alphabet.Length)]).ToArray());
        return body + UnifiedSocialCreditCode.CheckCharacterFor(body);
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response, HttpStatusCode expected, CancellationToken ct)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            if (response.StatusCode != expected)
            {
                throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}, expected {(int)expected}: {body}");
            }

            return JsonDocument.Parse(body).RootElement.Clone();
        }
    }

    private static async Task EnsureAsync(HttpResponseMessage response, HttpStatusCode expected, CancellationToken ct) =>
        await ReadJsonAsync(response, expected, ct);
}
