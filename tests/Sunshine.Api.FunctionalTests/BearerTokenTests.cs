using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Sunshine.Api.FunctionalTests.Infrastructure;
using Sunshine.Domain.AccessControl;

namespace Sunshine.Api.FunctionalTests;

/// <summary>Swagger UI's sign-in: OAuth 2.0 authorization code with PKCE, then bearer tokens.</summary>
public sealed class BearerTokenTests(SunshineApp app)
{
    private const string RedirectUri = "http://localhost/swagger/oauth2-redirect.html";

    [Fact]
    public async Task Without_a_session_the_authorization_endpoint_sends_the_person_to_the_sign_in_page()
    {
        var (_, challenge) = Pkce();

        var response = await app.CreateBrowser().GetAsync(AuthorizeUrl(challenge));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith("/login?returnUrl=", location, StringComparison.Ordinal);
        Assert.Contains(Uri.EscapeDataString("/connect/authorize?"), location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_auditor_gets_a_bearer_token_that_reads_but_never_writes()
    {
        var (browser, account) = await app.SignInAsNewAsync(Roles.Auditor);

        var token = await GetTokenAsync(browser);
        var api = app.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var me = await (await api.GetAsync("/api/auth/me")).ShouldBeJsonAsync();
        Assert.Equal(account.UserName, me.GetProperty("userName").GetString());
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/regions")).StatusCode);
        var write = await api.PostAsJsonAsync("/api/regions", new { code = "4307B1", name = "x", nameEn = "x", kind = "ManagementZone", sortOrder = 1 });
        await write.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.permission_required");
    }

    [Fact]
    public async Task A_token_stops_working_when_the_account_is_disabled()
    {
        var (browser, account) = await app.SignInAsNewAsync(Roles.CityOfficer);
        var token = await GetTokenAsync(browser);
        var api = app.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/auth/me")).StatusCode);

        var (admin, _) = await app.SignInAsNewAsync(Roles.SystemAdmin);
        await (await admin.PostAsync($"/api/accounts/{account.Id}/disable", null)).ShouldBeJsonAsync();

        await (await api.GetAsync("/api/auth/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.unauthenticated");
    }

    [Fact]
    public async Task A_forged_bearer_token_is_401()
    {
        var api = app.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");

        await (await api.GetAsync("/api/regions")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.unauthenticated");
    }

    private async Task<string> GetTokenAsync(HttpClient browser)
    {
        var (verifier, challenge) = Pkce();
        var authorize = await browser.GetAsync(AuthorizeUrl(challenge));
        Assert.Equal(HttpStatusCode.Redirect, authorize.StatusCode);
        var redirect = authorize.Headers.Location!;
        Assert.StartsWith(RedirectUri, redirect.ToString(), StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(redirect.Query);
        Assert.Equal("xyz", query["state"].ToString());

        var exchange = await app.CreateClient().PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = query["code"].ToString(),
            ["redirect_uri"] = RedirectUri,
            ["client_id"] = "sunshine-swagger",
            ["code_verifier"] = verifier,
        }));
        var body = await exchange.Content.ReadAsStringAsync();
        Assert.True(exchange.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    private static string AuthorizeUrl(string challenge) =>
        QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = "sunshine-swagger",
            ["response_type"] = "code",
            ["redirect_uri"] = RedirectUri,
            ["scope"] = "api",
            ["state"] = "xyz",
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256",
        });

    private static (string Verifier, string Challenge) Pkce()
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (verifier, Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
