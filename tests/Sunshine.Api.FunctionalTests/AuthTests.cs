using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sunshine.Api.FunctionalTests.Infrastructure;
using Sunshine.Domain.AccessControl;

namespace Sunshine.Api.FunctionalTests;

public sealed class AuthTests(SunshineApp app)
{
    [Fact]
    public async Task Sign_in_starts_a_strict_http_only_session_and_me_reports_the_role_table_permissions()
    {
        var account = await app.CreateAccountAsync(Roles.CityOfficer);
        var client = app.CreateBrowser();

        var response = await client.PostAsJsonAsync("/api/auth/sign-in", new { userName = account.UserName, password = SunshineApp.Password });

        var me = await response.ShouldBeJsonAsync();
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("sunshine.session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(account.UserName, me.GetProperty("userName").GetString());
        var permissions = me.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()).ToHashSet();
        Assert.True(permissions.SetEquals(RoleTable.Get(Roles.CityOfficer).Permissions));

        var again = await client.GetAsync("/api/auth/me");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_is_401_with_a_code_and_counts_towards_lockout_in_the_audit_trail()
    {
        var account = await app.CreateAccountAsync(Roles.CountyOfficer, await app.RegionIdAsync("430702"));
        var watermark = await app.AuditWatermarkAsync();

        var response = await app.CreateBrowser().PostAsJsonAsync("/api/auth/sign-in", new { userName = account.UserName, password = "Wrong-passw0rd" });

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
        var row = Assert.Single(await app.AuditRowsAfterAsync(watermark, account.Id.ToString()));
        Assert.Equal("SignIn", row.Action);
        Assert.Equal("Account", row.EntityType);
        var fields = JsonDocument.Parse(row.Changes).RootElement.GetProperty("fields");
        Assert.Equal(1, fields.GetProperty("accessFailedCount").GetProperty("after").GetInt32());
        Assert.False(fields.TryGetProperty("passwordHash", out _));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_password()
    {
        var account = await app.CreateAccountAsync(Roles.CityOfficer);
        var client = app.CreateBrowser();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var wrong = await client.PostAsJsonAsync("/api/auth/sign-in", new { userName = account.UserName, password = "Wrong-passw0rd" });
            await wrong.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
        }

        var fifth = await client.PostAsJsonAsync("/api/auth/sign-in", new { userName = account.UserName, password = "Wrong-passw0rd" });
        await fifth.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.locked_out");

        var right = await client.PostAsJsonAsync("/api/auth/sign-in", new { userName = account.UserName, password = SunshineApp.Password });
        await right.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.locked_out");
    }

    [Fact]
    public async Task Four_wrong_passwords_do_not_lock_the_account()
    {
        var account = await app.CreateAccountAsync(Roles.CityOfficer);
        var client = app.CreateBrowser();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await client.PostAsJsonAsync("/api/auth/sign-in", new { userName = account.UserName, password = "Wrong-passw0rd" });
        }

        var right = await client.PostAsJsonAsync("/api/auth/sign-in", new { userName = account.UserName, password = SunshineApp.Password });
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
    }

    [Fact]
    public async Task Requests_without_a_session_are_401_problems()
    {
        var response = await app.CreateBrowser().GetAsync("/api/regions");

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.unauthenticated");
    }

    [Fact]
    public async Task Sign_out_ends_the_session()
    {
        var (client, _) = await app.SignInAsNewAsync(Roles.Auditor);

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/auth/sign-out", null)).StatusCode);

        await (await client.GetAsync("/api/auth/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.unauthenticated");
    }

    [Fact]
    public async Task Changing_your_own_password_needs_the_current_one_and_a_strong_new_one()
    {
        var (client, account) = await app.SignInAsNewAsync(Roles.CityOfficer);

        var wrongCurrent = await client.PostAsJsonAsync("/api/auth/change-password", new { currentPassword = "Nope-passw0rd", newPassword = "Another-Passw0rd" });
        var problem = await wrongCurrent.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        Assert.Contains("currentPassword", HttpAssertions.FieldsOf(problem));

        var weak = await client.PostAsJsonAsync("/api/auth/change-password", new { currentPassword = SunshineApp.Password, newPassword = "alllowercase" });
        Assert.Contains("newPassword", HttpAssertions.FieldsOf(await weak.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed")));

        var ok = await client.PostAsJsonAsync("/api/auth/change-password", new { currentPassword = SunshineApp.Password, newPassword = "Another-Passw0rd" });
        Assert.Equal(HttpStatusCode.NoContent, ok.StatusCode);
        var signIn = await app.CreateBrowser().PostAsJsonAsync("/api/auth/sign-in", new { userName = account.UserName, password = "Another-Passw0rd" });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
    }
}
