using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Enterprises;

namespace Sunshine.Api.FunctionalTests.Infrastructure;

/// <summary>A partner client as a test holds it: its ids and its secret.</summary>
public sealed record TestPartnerClient(Guid Id, string ClientId, string Secret, Guid PlatformId);

/// <summary>Partner platforms, their clients and tokens, made through the API as a city officer would.</summary>
public static class TestPartners
{
    /// <summary>A valid, random unified social credit code (division code 430700, Changde).</summary>
    public static string NewCreditCode()
    {
        var alphabet = UnifiedSocialCreditCode.Alphabet;
        var body = "91430700" + new string(Enumerable.Range(0, 9).Select(_ => alphabet[Random.Shared.Next(alphabet.Length)]).ToArray());
        return body + UnifiedSocialCreditCode.CheckCharacterFor(body);
    }

    public static async Task<HttpClient> CityOfficerAsync(SunshineApp app) => (await app.SignInAsNewAsync(Roles.CityOfficer)).Client;

    public static async Task<Guid> CreatePlatformAsync(HttpClient cityOfficer, string name = "测试电商平台")
    {
        var response = await cityOfficer.PostAsJsonAsync("/api/enterprises", new
        {
            name = $"{name}{Random.Shared.Next(100_000)}",
            creditCode = NewCreditCode(),
            countyId = (Guid?)null,
            roles = new[] { "PartnerPlatform" },
        });
        return (await response.ShouldBeJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    public static async Task<TestPartnerClient> CreateClientAsync(HttpClient cityOfficer, Guid platformId, params string[] scopes)
    {
        var response = await cityOfficer.PostAsJsonAsync("/api/partner-clients", new { platformId, displayName = "对接测试", scopes });
        var body = await response.ShouldBeJsonAsync(HttpStatusCode.Created);
        var client = body.GetProperty("client");
        return new TestPartnerClient(client.GetProperty("id").GetGuid(), client.GetProperty("clientId").GetString()!, body.GetProperty("clientSecret").GetString()!, platformId);
    }

    /// <summary>A platform with one client holding all three scopes.</summary>
    public static async Task<TestPartnerClient> CreatePlatformWithClientAsync(SunshineApp app) =>
        await CreatePlatformWithClientAsync(await CityOfficerAsync(app));

    public static async Task<TestPartnerClient> CreatePlatformWithClientAsync(HttpClient cityOfficer) =>
        await CreateClientAsync(cityOfficer, await CreatePlatformAsync(cityOfficer), "shops.write", "sales.write", "catalog.read");

    public static Task<HttpResponseMessage> RequestTokenAsync(SunshineApp app, string clientId, string secret, string? scope = null)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret };
        if (scope is not null)
        {
            form["scope"] = scope;
        }

        return app.CreateClient().PostAsync("/connect/token", new FormUrlEncodedContent(form));
    }

    public static async Task<string> TokenAsync(SunshineApp app, TestPartnerClient client, string? scope = null)
    {
        var response = await RequestTokenAsync(app, client.ClientId, client.Secret, scope);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>An HTTP client calling as the partner client with a fresh token.</summary>
    public static async Task<HttpClient> ConnectAsync(SunshineApp app, TestPartnerClient client, string? scope = null)
    {
        var http = app.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(app, client, scope));
        return http;
    }

    /// <summary>Sends a partner write with an Idempotency-Key (a new one unless given) and the body's exact bytes.</summary>
    public static Task<HttpResponseMessage> WriteAsync(this HttpClient partner, HttpMethod method, string url, string json, string? key = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString());
        return partner.SendAsync(request);
    }

    public static Task<HttpResponseMessage> WriteAsync(this HttpClient partner, HttpMethod method, string url, object body, string? key = null) =>
        partner.WriteAsync(method, url, JsonSerializer.Serialize(body, HttpAssertions.Json), key);

    /// <summary>A registered person who agreed to sharing with partner platforms: (id, certificate number, name).</summary>
    public static async Task<(Guid Id, string CertificateNumber, string Name)> ConsentingSellerAsync(HttpClient officer, Guid countyId)
    {
        var idNumber = TestPeople.NewIdNumber();
        var person = await TestPeople.CreateAsync(officer, countyId, idNumber);
        var id = person.GetProperty("id").GetGuid();
        (await officer.PostAsJsonAsync($"/api/persons/{id}/consents", new { scope = "PartnerSharing", givenOn = "2024-03-01" })).EnsureSuccessStatusCode();
        return (id, idNumber + "42", person.GetProperty("name").GetString()!);
    }

    /// <summary>Registers a shop for the seller on the partner's platform and returns the platform shop id.</summary>
    public static async Task<string> RegisterShopAsync(HttpClient partner, (Guid Id, string CertificateNumber, string Name) seller, string granularity = "Monthly")
    {
        var shopId = "shop-" + Guid.NewGuid().ToString("N")[..12];
        var response = await partner.WriteAsync(HttpMethod.Post, "/api/partner/v1/shops", new
        {
            platformShopId = shopId,
            name = "阳光小店",
            url = "https://shop.example.com/" + shopId,
            granularity,
            openedOn = "2024-01-01",
            seller = new { certificateNumber = seller.CertificateNumber, name = seller.Name },
        });
        await response.ShouldBeJsonAsync(HttpStatusCode.Created);
        return shopId;
    }

    public static object Record(string shop, string period, decimal gross, decimal refunds = 0m, int orders = 3, int units = 5) =>
        new { platformShopId = shop, period, orderCount = orders, units, grossAmount = gross, refunds };
}
