using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Sunshine.Domain.Enterprises;
using Sunshine.Domain.Registry;

namespace Sunshine.Reliability.Tests.Infrastructure;

/// <summary>A partner client of a test platform.</summary>
public sealed record PartnerClient(string ClientId, string Secret);

/// <summary>The programme's data a test needs, made through the API as officers and platforms make it.</summary>
public static class Programme
{
    public const string DemoPassword = "Sunshine@2026";

    private static int _sequence = Random.Shared.Next(0, 500_000);

    /// <summary>An HTTP client with its own cookie jar (a browser).</summary>
    public static HttpClient Browser(Uri baseAddress, CookieContainer? cookies = null) =>
        new(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), UseCookies = true })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };

    public static async Task<HttpClient> SignInAsync(Uri baseAddress, string userName, CookieContainer? cookies = null)
    {
        var browser = Browser(baseAddress, cookies);
        var response = await browser.PostAsJsonAsync("/api/auth/sign-in", new { userName, password = DemoPassword });
        await EnsureAsync(response, HttpStatusCode.OK);
        return browser;
    }

    public static async Task<Guid> RegionIdAsync(HttpClient officer, string code)
    {
        var regions = await ReadAsync(await officer.GetAsync("/api/regions"), HttpStatusCode.OK);
        return regions.EnumerateArray().Single(r => r.GetProperty("code").GetString() == code).GetProperty("id").GetGuid();
    }

    /// <summary>A partner platform (an enterprise) and one client holding the shop and sales scopes.</summary>
    public static async Task<PartnerClient> PartnerClientAsync(HttpClient cityOfficer)
    {
        var alphabet = UnifiedSocialCreditCode.Alphabet;
        var body = "91430700" + new string(Enumerable.Range(0, 9).Select(_ => alphabet[Random.Shared.Next(alphabet.Length)]).ToArray());
        var platform = await ReadAsync(await cityOfficer.PostAsJsonAsync("/api/enterprises", new
        {
            name = $"可靠性测试平台{Random.Shared.Next(1_000_000)}",
            creditCode = body + UnifiedSocialCreditCode.CheckCharacterFor(body),
            countyId = (Guid?)null,
            roles = new[] { "PartnerPlatform" },
        }), HttpStatusCode.Created);
        var created = await ReadAsync(await cityOfficer.PostAsJsonAsync("/api/partner-clients", new
        {
            platformId = platform.GetProperty("id").GetGuid(),
            displayName = "可靠性测试",
            scopes = new[] { "shops.write", "sales.write" },
        }), HttpStatusCode.Created);
        return new PartnerClient(created.GetProperty("client").GetProperty("clientId").GetString()!, created.GetProperty("clientSecret").GetString()!);
    }

    /// <summary>An HTTP client calling as the partner client with a fresh token.</summary>
    public static async Task<HttpClient> PartnerAsync(Uri baseAddress, PartnerClient client)
    {
        var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = client.ClientId,
            ["client_secret"] = client.Secret,
        });
        var token = await ReadAsync(await http.PostAsync("/connect/token", form), HttpStatusCode.OK);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("access_token").GetString());
        return http;
    }

    /// <summary>A valid, unique, made-up ID number (address prefix 4399xx, never allocated).</summary>
    public static string NewIdNumber()
    {
        var n = Interlocked.Increment(ref _sequence);
        var birth = new DateOnly(1960, 1, 1).AddDays(n % 15_000);
        var first17 = $"4399{50 + (n / 15_000 % 49):00}{birth:yyyyMMdd}{n % 1000:000}";
        return first17 + ResidentIdNumber.CheckCharacterFor(first17);
    }

    public static object PersonBody(Guid countyId, string idNumber, string name) => new
    {
        name,
        idNumber,
        certificateNumber = idNumber + "42",
        countyId,
        township = "城关镇",
        village = "太平村",
        registration = "Rural",
        phone = $"139{Random.Shared.Next(10_000_000, 99_999_999)}",
        tags = Array.Empty<string>(),
    };

    /// <summary>Registers a person who agreed to partner sharing and a monthly shop of theirs on the partner's platform.</summary>
    public static async Task<string> ShopAsync(HttpClient countyOfficer, Guid countyId, HttpClient partner)
    {
        var idNumber = NewIdNumber();
        var name = "网店店主" + idNumber[^4..];
        var person = await ReadAsync(await countyOfficer.PostAsJsonAsync("/api/persons", PersonBody(countyId, idNumber, name)), HttpStatusCode.Created);
        var id = person.GetProperty("id").GetGuid();
        await EnsureAsync(await countyOfficer.PostAsJsonAsync($"/api/persons/{id}/consents", new { scope = "PartnerSharing", givenOn = "2020-03-01" }), HttpStatusCode.Created, HttpStatusCode.OK);
        var shopId = "shop-" + Guid.NewGuid().ToString("N")[..12];
        await EnsureAsync(await WriteAsync(partner, HttpMethod.Post, "/api/partner/v1/shops", JsonSerializer.Serialize(new
        {
            platformShopId = shopId,
            name = "阳光小店",
            url = "https://shop.example.com/" + shopId,
            granularity = "Monthly",
            openedOn = "2000-01-01",
            seller = new { certificateNumber = idNumber + "42", name },
        }), Guid.NewGuid().ToString()), HttpStatusCode.Created);
        return shopId;
    }

    /// <summary>A partner write with its Idempotency-Key and the body's exact bytes.</summary>
    public static Task<HttpResponseMessage> WriteAsync(HttpClient partner, HttpMethod method, string url, string json, string key, CancellationToken ct = default)
    {
        var request = new HttpRequestMessage(method, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", key);
        return partner.SendAsync(request, ct);
    }

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response, params HttpStatusCode[] expected)
    {
        var text = await EnsureAsync(response, expected);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<string> EnsureAsync(HttpResponseMessage response, params HttpStatusCode[] expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (!expected.Contains(response.StatusCode))
        {
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}, expected {string.Join(" or ", expected.Select(s => (int)s))}: {text}");
        }

        return text;
    }
}
