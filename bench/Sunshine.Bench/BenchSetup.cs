using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Sunshine.Domain.Enterprises;
using Sunshine.Domain.Registry;

namespace Sunshine.Bench;

/// <summary>A partner client of the bench platform.</summary>
public sealed record BenchClient(string ClientId, string Secret);

/// <summary>What the setup made: the platform, its clients (one per concurrent sender) and its shops.</summary>
public sealed record BenchPlatform(Guid PlatformId, IReadOnlyList<BenchClient> Clients, IReadOnlyList<BenchShop> Shops);

/// <summary>
/// Makes the bench's data through the API as a city officer and a platform would (see the functional
/// tests' TestPartners and TestPeople): a partner platform and its clients, consenting sellers, and the
/// first shops registered through the partner API with seller verification. The remaining shops are
/// copied in as the same rows (same owners, counties, granularity, status and source) to save time.
/// </summary>
public sealed class BenchSetup(BenchOptions options, NpgsqlDataSource database)
{
    private const string DemoCityOfficer = "city";
    private const string DemoPassword = "Sunshine@2026";

    private static readonly string[] PlatformRoles = ["PartnerPlatform"];
    private static readonly string[] ClientScopes = ["shops.write", "sales.write"];

    private readonly Random _random = new(options.Seed);

    public async Task<BenchPlatform> RunAsync(CancellationToken ct)
    {
        using var officer = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), UseCookies = true }) { BaseAddress = options.ApiUrl };
        await EnsureAsync(await officer.PostAsJsonAsync("/api/auth/sign-in", new { userName = DemoCityOfficer, password = DemoPassword }, ct), HttpStatusCode.OK, ct);

        var counties = (await ReadJsonAsync(await officer.GetAsync("/api/regions", ct), HttpStatusCode.OK, ct)).EnumerateArray()
            .Where(r => r.GetProperty("kind").GetString() != "City" && r.GetProperty("isActive").GetBoolean())
            .Select(r => r.GetProperty("id").GetGuid()).ToList();

        var platform = await ReadJsonAsync(await officer.PostAsJsonAsync("/api/enterprises", new
        {
            name = $"阳光基准电商平台{options.Seed}",
            creditCode = NewCreditCode(),
            countyId = (Guid?)null,
            roles = PlatformRoles,
        }, ct), HttpStatusCode.Created, ct);
        var platformId = platform.GetProperty("id").GetGuid();

        var clients = new List<BenchClient>();
        for (var i = 0; i < options.Concurrency.Concat(options.FullConcurrency).Max(); i++)
        {
            var created = await ReadJsonAsync(await officer.PostAsJsonAsync("/api/partner-clients",
                new { platformId, displayName = $"基准客户端{i + 1}", scopes = ClientScopes }, ct), HttpStatusCode.Created, ct);
            clients.Add(new BenchClient(created.GetProperty("client").GetProperty("clientId").GetString()!, created.GetProperty("clientSecret").GetString()!));
        }

        var sellers = new List<(Guid Id, string CertificateNumber, string Name)>();
        for (var i = 0; i < options.Sellers; i++)
        {
            sellers.Add(await CreateSellerAsync(officer, counties[i % counties.Count], i, ct));
        }

        using var partner = await ConnectAsync(options.ApiUrl, clients[0], ct);
        for (var i = 0; i < options.ApiShops; i++)
        {
            var seller = sellers[i % sellers.Count];
            await EnsureAsync(await WriteAsync(partner, HttpMethod.Post, "/api/partner/v1/shops", JsonSerializer.SerializeToUtf8Bytes(new
            {
                platformShopId = SalesData.PlatformShopId(i),
                name = $"阳光小店{i}",
                url = $"https://shop.example.com/{SalesData.PlatformShopId(i)}",
                granularity = "Monthly",
                openedOn = "2017-01-01",
                seller = new { certificateNumber = seller.CertificateNumber, name = seller.Name },
            }), $"setup-shop-{i}", ct), HttpStatusCode.Created, ct);
        }

        await CopyRemainingShopsAsync(platformId, sellers.Select(s => s.Id).ToList(), ct);
        return new BenchPlatform(platformId, clients, await ReadShopsAsync(platformId, ct));
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

    private async Task<(Guid Id, string CertificateNumber, string Name)> CreateSellerAsync(HttpClient officer, Guid countyId, int index, CancellationToken ct)
    {
        // Address prefix 4399xx is never allocated: made-up but valid ID numbers (with their check character).
        var birth = new DateOnly(1960, 1, 1).AddDays(_random.Next(15_000));
        var first17 = string.Create(CultureInfo.InvariantCulture, $"4399{50 + index % 49:00}{birth:yyyyMMdd}{index % 1000:000}");
        var idNumber = first17 + ResidentIdNumber.CheckCharacterFor(first17);
        var name = $"基准卖家{index}";
        var person = await ReadJsonAsync(await officer.PostAsJsonAsync("/api/persons", new Dictionary<string, object?>
        {
            ["name"] = name,
            ["idNumber"] = idNumber,
            ["certificateNumber"] = idNumber + "42",
            ["countyId"] = countyId,
            ["township"] = "城关镇",
            ["village"] = "太平村",
            ["registration"] = "Rural",
            ["phone"] = string.Create(CultureInfo.InvariantCulture, $"139{_random.Next(10_000_000, 99_999_999)}"),
            ["tags"] = Array.Empty<string>(),
        }, ct), HttpStatusCode.Created, ct);
        var id = person.GetProperty("id").GetGuid();
        using var consent = await officer.PostAsJsonAsync($"/api/persons/{id}/consents", new { scope = "PartnerSharing", givenOn = "2017-01-01" }, ct);
        if (!consent.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Recording consent answered {(int)consent.StatusCode}: {await consent.Content.ReadAsStringAsync(ct)}");
        }

        return (id, idNumber + "42", name);
    }

    /// <summary>The shops after the API-registered ones, as the same rows the API writes (read from one of those).</summary>
    private async Task CopyRemainingShopsAsync(Guid platformId, List<Guid> sellers, CancellationToken ct)
    {
        if (options.ApiShops >= options.Shops)
        {
            return;
        }

        string granularity, status, source;
        await using (var template = database.CreateCommand("SELECT granularity, status, source FROM shops WHERE platform_id = $1 LIMIT 1"))
        {
            template.Parameters.AddWithValue(platformId);
            await using var reader = await template.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct))
            {
                throw new InvalidOperationException("Register at least one shop through the API (--api-shops ≥ 1): its row is the template.");
            }

            (granularity, status, source) = (reader.GetString(0), reader.GetString(1), reader.GetString(2));
        }

        var countyOf = new Dictionary<Guid, Guid>();
        await using (var persons = database.CreateCommand("SELECT id, county_id FROM persons WHERE id = ANY($1)"))
        {
            persons.Parameters.AddWithValue(sellers.ToArray());
            await using var reader = await persons.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                countyOf[reader.GetGuid(0)] = reader.GetGuid(1);
            }
        }

        await using var connection = await database.OpenConnectionAsync(ct);
        await using (var import = await connection.BeginBinaryImportAsync(
            "COPY shops (id, owner_person_id, owner_enterprise_id, platform_id, platform_shop_id, name, url, county_id, granularity, opened_on, closed_on, status, source) FROM STDIN (FORMAT BINARY)", ct))
        {
            for (var i = options.ApiShops; i < options.Shops; i++)
            {
                var seller = sellers[i % sellers.Count];
                await import.StartRowAsync(ct);
                await import.WriteAsync(SalesData.IdFrom(options.Seed, i), NpgsqlDbType.Uuid, ct);
                await import.WriteAsync(seller, NpgsqlDbType.Uuid, ct);
                await import.WriteNullAsync(ct);
                await import.WriteAsync(platformId, NpgsqlDbType.Uuid, ct);
                await import.WriteAsync(SalesData.PlatformShopId(i), NpgsqlDbType.Varchar, ct);
                await import.WriteAsync($"阳光小店{i}", NpgsqlDbType.Varchar, ct);
                await import.WriteAsync($"https://shop.example.com/{SalesData.PlatformShopId(i)}", NpgsqlDbType.Varchar, ct);
                await import.WriteAsync(countyOf[seller], NpgsqlDbType.Uuid, ct);
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

    private async Task<List<BenchShop>> ReadShopsAsync(Guid platformId, CancellationToken ct)
    {
        var byShopId = new Dictionary<string, (Guid Id, Guid County)>(StringComparer.Ordinal);
        await using var command = database.CreateCommand("SELECT platform_shop_id, id, county_id FROM shops WHERE platform_id = $1");
        command.Parameters.AddWithValue(platformId);
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                byShopId[reader.GetString(0)] = (reader.GetGuid(1), reader.GetGuid(2));
            }
        }

        return Enumerable.Range(0, options.Shops).Select(i =>
        {
            var shopId = SalesData.PlatformShopId(i);
            var (id, county) = byShopId.TryGetValue(shopId, out var found) ? found : throw new InvalidOperationException($"Shop {shopId} is missing.");
            return new BenchShop(i, shopId, id, county);
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
