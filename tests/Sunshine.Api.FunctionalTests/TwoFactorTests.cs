using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using OtpNet;
using Sunshine.Api.FunctionalTests.Infrastructure;
using Sunshine.Domain.AccessControl;

namespace Sunshine.Api.FunctionalTests;

/// <summary>
/// The optional TOTP second factor (RFC 6238), on a host whose clock the test moves and where city officers must have
/// one (<c>Security:TwoFactorRequiredRoles</c>): enrolment confirmed by a code, sign-in in two steps, wrong and replayed
/// codes refused, reset by a security administrator (audited), and the role's enforcement.
/// </summary>
public sealed class TwoFactorTests : IAsyncLifetime
{
    private readonly TwoFactorApp _app = new();

    public ValueTask InitializeAsync() => _app.InitializeAsync();

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private sealed class TwoFactorApp : ClockedSunshineApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Security:TwoFactorRequiredRoles:0", Roles.CityOfficer);
        }
    }

    private string CodeNow(string key) => new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(_app.Clock.GetUtcNow().UtcDateTime);

    /// <summary>Moves the clock to the start of the next 30-second step, so the next code differs from the last.</summary>
    private void NextStep()
    {
        var seconds = _app.Clock.GetUtcNow().ToUnixTimeSeconds();
        _app.Clock.Advance(TimeSpan.FromSeconds(30 - (seconds % 30)));
    }

    private static Task<HttpResponseMessage> PasswordAsync(HttpClient client, TestAccount account) =>
        client.PostAsJsonAsync("/api/auth/sign-in", new { userName = account.UserName, password = SunshineApp.Password });

    private static Task<HttpResponseMessage> CodeAsync(HttpClient client, string code) =>
        client.PostAsJsonAsync("/api/auth/sign-in/two-factor", new { code });

    /// <summary>Signs in (password only: not enrolled yet), enrols and confirms; returns the manual key.</summary>
    private async Task<string> EnrolAsync(HttpClient client)
    {
        var started = await client.PostAsync("/api/auth/two-factor/enrolment", null);
        Assert.True(started.Headers.CacheControl?.NoStore);
        var enrolment = await started.ShouldBeJsonAsync();
        var key = enrolment.GetProperty("manualKey").GetString()!;
        var uri = enrolment.GetProperty("otpAuthUri").GetString()!;
        Assert.StartsWith("otpauth://totp/Sunshine:", uri, StringComparison.Ordinal);
        Assert.Contains($"secret={key}", uri, StringComparison.Ordinal);
        Assert.Contains("issuer=Sunshine", uri, StringComparison.Ordinal);

        var wrong = await client.PostAsJsonAsync("/api/auth/two-factor/enrolment/confirmation", new { code = WrongCode(CodeNow(key)) });
        var problem = await wrong.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        Assert.Contains("code", HttpAssertions.FieldsOf(problem));

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync("/api/auth/two-factor/enrolment/confirmation", new { code = CodeNow(key) })).StatusCode);
        return key;
    }

    private static string WrongCode(string right) => ((int.Parse(right, System.Globalization.CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_city_officer_without_a_second_factor_may_only_enrol_then_signs_in_with_password_and_code()
    {
        var (client, account) = await _app.SignInAsNewAsync(Roles.CityOfficer);

        // Owed: everything but enrolment, me and sign-out answers 403.
        await (await client.GetAsync("/api/persons")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.two_factor_enrolment_required");
        await (await client.GetAsync("/api/regions")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.two_factor_enrolment_required");
        var me = await (await client.GetAsync("/api/auth/me")).ShouldBeJsonAsync();
        Assert.True(me.GetProperty("twoFactorEnrolmentRequired").GetBoolean());
        Assert.False(me.GetProperty("twoFactorEnabled").GetBoolean());

        var key = await EnrolAsync(client);

        // The same session goes on, no longer held back.
        await (await client.GetAsync("/api/persons")).ShouldBeJsonAsync();
        me = await (await client.GetAsync("/api/auth/me")).ShouldBeJsonAsync();
        Assert.False(me.GetProperty("twoFactorEnrolmentRequired").GetBoolean());
        Assert.True(me.GetProperty("twoFactorEnabled").GetBoolean());
        await (await client.PostAsync("/api/auth/two-factor/enrolment", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "auth.two_factor_already_enrolled");

        // Signing in now takes two steps; the password alone starts no session.
        NextStep();
        var browser = _app.CreateBrowser();
        await (await PasswordAsync(browser, account)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.two_factor_required");
        await (await browser.GetAsync("/api/auth/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.unauthenticated");
        await (await CodeAsync(browser, WrongCode(CodeNow(key)))).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.two_factor_code_invalid");
        var code = CodeNow(key);
        var signedIn = await (await CodeAsync(browser, code)).ShouldBeJsonAsync();
        Assert.Equal(account.UserName, signedIn.GetProperty("userName").GetString());
        await (await browser.GetAsync("/api/persons")).ShouldBeJsonAsync();

        // The same code again, in the same 30 seconds, is refused; the next step's code works.
        var other = _app.CreateBrowser();
        await (await PasswordAsync(other, account)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.two_factor_required");
        await (await CodeAsync(other, code)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.two_factor_code_invalid");
        NextStep();
        await (await CodeAsync(other, CodeNow(key))).ShouldBeJsonAsync();

        // A code without the password step first is refused.
        await (await CodeAsync(_app.CreateBrowser(), CodeNow(key))).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.two_factor_not_started");
    }

    [Fact]
    public async Task Wrong_codes_count_towards_lockout()
    {
        var (client, account) = await _app.SignInAsNewAsync(Roles.CountyOfficer, await _app.RegionIdAsync("430702"));
        var key = await EnrolAsync(client);
        var browser = _app.CreateBrowser();
        await (await PasswordAsync(browser, account)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.two_factor_required");
        for (var i = 0; i < 4; i++)
        {
            await (await CodeAsync(browser, WrongCode(CodeNow(key)))).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.two_factor_code_invalid");
        }

        await (await CodeAsync(browser, WrongCode(CodeNow(key)))).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.locked_out");
        NextStep();
        await (await CodeAsync(browser, CodeNow(key))).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.locked_out");
    }

    [Fact]
    public async Task A_security_administrator_resets_a_lost_second_factor_audited_and_the_holder_enrols_again()
    {
        var county = await _app.RegionIdAsync("430702");
        var (client, account) = await _app.SignInAsNewAsync(Roles.CountyOfficer, county);
        var key = await EnrolAsync(client);
        var (security, securityAccount) = await _app.SignInAsNewAsync(Roles.SecurityAdmin);
        var (admin, _) = await _app.SignInAsNewAsync(Roles.SystemAdmin);
        var watermark = await _app.AuditWatermarkAsync();

        await (await admin.PostAsync($"/api/accounts/{account.Id}/two-factor/reset", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.permission_required");
        await (await security.PostAsync($"/api/accounts/{securityAccount.Id}/two-factor/reset", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "account.cannot_change_own_access");
        var reset = await (await security.PostAsync($"/api/accounts/{account.Id}/two-factor/reset", null)).ShouldBeJsonAsync();
        Assert.False(reset.GetProperty("twoFactorEnabled").GetBoolean());

        var rows = await _app.AuditRowsAfterAsync(watermark, account.Id.ToString());
        Assert.Contains(rows, r => r.Action == "ResetAccountTwoFactor" && r.Changes.Contains("\"reset\"", StringComparison.Ordinal));
        Assert.DoesNotContain(rows, r => r.Changes.Contains("totp", StringComparison.OrdinalIgnoreCase) || r.Changes.Contains(key, StringComparison.Ordinal));

        // The holder's session ended; the password alone signs in again, and a new enrolment gives a new key.
        await (await client.GetAsync("/api/auth/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.session_ended");
        var again = await _app.SignInAsync(account);
        NextStep();
        Assert.NotEqual(key, await EnrolAsync(again));
    }

    [Fact]
    public async Task Roles_not_listed_need_no_second_factor_and_the_secret_is_stored_encrypted()
    {
        var (officer, account) = await _app.SignInAsNewAsync(Roles.CountyOfficer, await _app.RegionIdAsync("430702"));
        await (await officer.GetAsync("/api/persons")).ShouldBeJsonAsync();
        Assert.False((await (await officer.GetAsync("/api/auth/me")).ShouldBeJsonAsync()).GetProperty("twoFactorEnrolmentRequired").GetBoolean());

        var key = await EnrolAsync(officer);
        var stored = await _app.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Users.Where(u => u.Id == account.Id).Select(u => u.TotpSecret)));
        Assert.NotNull(stored);
        Assert.NotEqual(Base32Encoding.ToBytes(key), stored);
        Assert.True(stored!.Length > 20);
    }
}
