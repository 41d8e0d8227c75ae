using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sunshine.Api.FunctionalTests.Infrastructure;
using Sunshine.Domain.AccessControl;

namespace Sunshine.Api.FunctionalTests;

public sealed class AccountsTests(SunshineApp app)
{
    [Fact]
    public async Task A_system_admin_creates_an_account_without_roles_and_it_is_audited_without_secrets()
    {
        var (admin, adminAccount) = await app.SignInAsNewAsync(Roles.SystemAdmin);
        var userName = "officer" + Guid.NewGuid().ToString("N")[..8];
        var watermark = await app.AuditWatermarkAsync();

        var created = await (await admin.PostAsJsonAsync("/api/accounts", new { userName, displayName = "新 官员", email = (string?)null, password = "Good-Passw0rd" }))
            .ShouldBeJsonAsync(HttpStatusCode.Created);

        Assert.Empty(created.GetProperty("roles").EnumerateArray());
        var id = created.GetProperty("id").GetString()!;
        var row = Assert.Single(await app.AuditRowsAfterAsync(watermark, id));
        Assert.Equal("CreateAccount", row.Action);
        Assert.Equal(adminAccount.Id, row.ActorId);
        Assert.Equal(Roles.SystemAdmin, row.ActorRole);
        Assert.DoesNotContain("password", row.Changes, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("securityStamp", row.Changes, StringComparison.OrdinalIgnoreCase);

        var duplicate = await admin.PostAsJsonAsync("/api/accounts", new { userName, displayName = "重复", email = (string?)null, password = "Good-Passw0rd" });
        await duplicate.ShouldBeProblemAsync(HttpStatusCode.Conflict, "account.user_name_taken");
    }

    [Fact]
    public async Task A_weak_password_or_bad_user_name_is_400_naming_the_fields_and_creates_nothing()
    {
        var (admin, adminAccount) = await app.SignInAsNewAsync(Roles.SystemAdmin);
        var watermark = await app.AuditWatermarkAsync();

        var response = await admin.PostAsJsonAsync("/api/accounts", new { userName = "a b", displayName = "", email = "not-an-email", password = "short" });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        Assert.Equal(["displayName", "email", "password", "userName"], HttpAssertions.FieldsOf(problem).Distinct().Order());
        Assert.Empty(await app.AuditRowsAfterAsync(watermark, actorId: adminAccount.Id));
    }

    /// <summary>Separation of duties (三员分立): one account holds at most one of the system administrator, the security administrator and the auditor.</summary>
    [Theory]
    [InlineData(Roles.SystemAdmin, Roles.Auditor)]
    [InlineData(Roles.SystemAdmin, Roles.SecurityAdmin)]
    [InlineData(Roles.SecurityAdmin, Roles.Auditor)]
    public async Task Giving_one_account_two_of_the_three_administrative_roles_is_409_and_changes_nothing(string first, string second)
    {
        var (security, _) = await app.SignInAsNewAsync(Roles.SecurityAdmin);
        var target = await app.CreateAccountAsync(role: null);
        var watermark = await app.AuditWatermarkAsync();

        var response = await security.PutAsJsonAsync($"/api/accounts/{target.Id}/access",
            new { roles = new[] { first, second }, countyId = (Guid?)null, permissions = Array.Empty<string>() });

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "account.role_conflict");
        var account = await (await security.GetAsync($"/api/accounts/{target.Id}")).ShouldBeJsonAsync();
        Assert.Empty(account.GetProperty("roles").EnumerateArray());
        Assert.Empty(await app.AuditRowsAfterAsync(watermark, target.Id.ToString()));
    }

    [Fact]
    public async Task A_security_admin_assigns_a_county_officer_with_one_audit_row_of_before_and_after()
    {
        var (security, _) = await app.SignInAsNewAsync(Roles.SecurityAdmin);
        var target = await app.CreateAccountAsync(role: null);
        var county = await app.RegionIdAsync("430721");
        var watermark = await app.AuditWatermarkAsync();

        var account = await (await security.PutAsJsonAsync($"/api/accounts/{target.Id}/access",
            new { roles = new[] { Roles.CountyOfficer }, countyId = county, permissions = Array.Empty<string>() })).ShouldBeJsonAsync();

        Assert.Equal([Roles.CountyOfficer], account.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(county, account.GetProperty("countyId").GetGuid());
        var rows = await app.AuditRowsAfterAsync(watermark, target.Id.ToString());
        Assert.All(rows, r => Assert.Equal("SetAccountAccess", r.Action));
        var access = Assert.Single(rows, r => r.Changes.Contains("access_changed", StringComparison.Ordinal));
        var roles = JsonDocument.Parse(access.Changes).RootElement.GetProperty("roles");
        Assert.Empty(roles.GetProperty("before").EnumerateArray());
        Assert.Equal(Roles.CountyOfficer, roles.GetProperty("after")[0].GetString());

        var signedIn = await app.SignInAsync(target);
        var me = await (await signedIn.GetAsync("/api/auth/me")).ShouldBeJsonAsync();
        Assert.Equal("安乡县", me.GetProperty("countyName").GetString());
    }

    [Theory]
    [InlineData(Roles.CountyOfficer, false, "account.county_required")]
    [InlineData(Roles.CityOfficer, true, "account.county_not_allowed")]
    public async Task County_binding_follows_the_role(string role, bool withCounty, string code)
    {
        var (security, _) = await app.SignInAsNewAsync(Roles.SecurityAdmin);
        var target = await app.CreateAccountAsync(role: null);
        Guid? county = withCounty ? await app.RegionIdAsync("430702") : null;

        var response = await security.PutAsJsonAsync($"/api/accounts/{target.Id}/access",
            new { roles = new[] { role }, countyId = county, permissions = Array.Empty<string>() });

        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, code);
    }

    [Fact]
    public async Task The_city_itself_is_not_a_county_for_a_county_officer()
    {
        var (security, _) = await app.SignInAsNewAsync(Roles.SecurityAdmin);
        var target = await app.CreateAccountAsync(role: null);

        var response = await security.PutAsJsonAsync($"/api/accounts/{target.Id}/access",
            new { roles = new[] { Roles.CountyOfficer }, countyId = await app.RegionIdAsync("430700"), permissions = Array.Empty<string>() });

        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "account.county_invalid");
    }

    [Fact]
    public async Task Pii_reveal_may_be_granted_to_an_auditor_but_not_to_a_system_admin()
    {
        var (security, _) = await app.SignInAsNewAsync(Roles.SecurityAdmin);
        var auditor = await app.CreateAccountAsync(role: null);
        var admin = await app.CreateAccountAsync(role: null);

        var granted = await (await security.PutAsJsonAsync($"/api/accounts/{auditor.Id}/access",
            new { roles = new[] { Roles.Auditor }, countyId = (Guid?)null, permissions = new[] { Permissions.PiiReveal } })).ShouldBeJsonAsync();
        Assert.Equal([Permissions.PiiReveal], granted.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()));
        var me = await (await (await app.SignInAsync(auditor)).GetAsync("/api/auth/me")).ShouldBeJsonAsync();
        Assert.Contains(Permissions.PiiReveal, me.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()));

        var refused = await security.PutAsJsonAsync($"/api/accounts/{admin.Id}/access",
            new { roles = new[] { Roles.SystemAdmin }, countyId = (Guid?)null, permissions = new[] { Permissions.PiiReveal } });
        await refused.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "account.permission_not_grantable");
    }

    [Fact]
    public async Task Nobody_changes_their_own_access()
    {
        var (security, account) = await app.SignInAsNewAsync(Roles.SecurityAdmin);

        var response = await security.PutAsJsonAsync($"/api/accounts/{account.Id}/access",
            new { roles = new[] { Roles.SecurityAdmin, Roles.CityOfficer }, countyId = (Guid?)null, permissions = Array.Empty<string>() });

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "account.cannot_change_own_access");
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in_and_its_open_session_ends()
    {
        var (admin, _) = await app.SignInAsNewAsync(Roles.SystemAdmin);
        var (officer, account) = await app.SignInAsNewAsync(Roles.CityOfficer);

        var disabled = await (await admin.PostAsync($"/api/accounts/{account.Id}/disable", null)).ShouldBeJsonAsync();
        Assert.True(disabled.GetProperty("isDisabled").GetBoolean());

        var signIn = await app.CreateBrowser().PostAsJsonAsync("/api/auth/sign-in", new { userName = account.UserName, password = SunshineApp.Password });
        await signIn.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.disabled");
        var wrongPassword = await app.CreateBrowser().PostAsJsonAsync("/api/auth/sign-in", new { userName = account.UserName, password = "Wrong-passw0rd" });
        await wrongPassword.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid_credentials");

        // Disabling ended the session record (ADR 0015): the open session says so.
        await (await officer.GetAsync("/api/auth/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.session_ended");

        await (await admin.PostAsync($"/api/accounts/{account.Id}/enable", null)).ShouldBeJsonAsync();
        Assert.Equal(HttpStatusCode.OK, (await app.CreateBrowser().PostAsJsonAsync("/api/auth/sign-in", new { userName = account.UserName, password = SunshineApp.Password })).StatusCode);
    }

    [Fact]
    public async Task An_open_session_follows_access_changes_at_its_next_request_and_keeps_working_after()
    {
        var (security, _) = await app.SignInAsNewAsync(Roles.SecurityAdmin);
        var first = await app.RegionIdAsync("430721");
        var second = await app.RegionIdAsync("430722");
        var (officer, account) = await app.SignInAsNewAsync(Roles.CountyOfficer, first);
        Assert.Equal(first, (await (await officer.GetAsync("/api/auth/me")).ShouldBeJsonAsync()).GetProperty("countyId").GetGuid());
        Assert.Equal(first, (await (await officer.GetAsync("/api/auth/me")).ShouldBeJsonAsync()).GetProperty("countyId").GetGuid());

        // Moved to another county: the same session answers for the new county at once, and again after.
        await (await security.PutAsJsonAsync($"/api/accounts/{account.Id}/access",
            new { roles = new[] { Roles.CountyOfficer }, countyId = second, permissions = Array.Empty<string>() })).ShouldBeJsonAsync();
        Assert.Equal(second, (await (await officer.GetAsync("/api/auth/me")).ShouldBeJsonAsync()).GetProperty("countyId").GetGuid());
        Assert.Equal(second, (await (await officer.GetAsync("/api/auth/me")).ShouldBeJsonAsync()).GetProperty("countyId").GetGuid());

        // Made an auditor: the same session loses the county officer's writes at its next request.
        await (await security.PutAsJsonAsync($"/api/accounts/{account.Id}/access",
            new { roles = new[] { Roles.Auditor }, countyId = (Guid?)null, permissions = Array.Empty<string>() })).ShouldBeJsonAsync();
        var me = await (await officer.GetAsync("/api/auth/me")).ShouldBeJsonAsync();
        Assert.Equal([Roles.Auditor], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        await (await officer.PostAsJsonAsync("/api/households", new { countyId = second, headName = "权限变更", isRegisteredPoor = false }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.permission_required");
    }

    [Fact]
    public async Task An_administrator_cannot_disable_their_own_account()
    {
        var (admin, account) = await app.SignInAsNewAsync(Roles.SystemAdmin);

        await (await admin.PostAsync($"/api/accounts/{account.Id}/disable", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "account.cannot_disable_self");
    }

    [Fact]
    public async Task Unlock_ends_a_lockout()
    {
        var (admin, _) = await app.SignInAsNewAsync(Roles.SystemAdmin);
        var account = await app.CreateAccountAsync(Roles.CityOfficer);
        for (var i = 0; i < 5; i++)
        {
            await app.CreateBrowser().PostAsJsonAsync("/api/auth/sign-in", new { userName = account.UserName, password = "Wrong-passw0rd" });
        }

        var locked = await (await admin.GetAsync($"/api/accounts/{account.Id}")).ShouldBeJsonAsync();
        Assert.True(locked.GetProperty("isLockedOut").GetBoolean());

        var unlocked = await (await admin.PostAsync($"/api/accounts/{account.Id}/unlock", null)).ShouldBeJsonAsync();
        Assert.False(unlocked.GetProperty("isLockedOut").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await app.CreateBrowser().PostAsJsonAsync("/api/auth/sign-in", new { userName = account.UserName, password = SunshineApp.Password })).StatusCode);
    }

    [Fact]
    public async Task Reset_password_sets_a_new_password()
    {
        var (admin, _) = await app.SignInAsNewAsync(Roles.SystemAdmin);
        var account = await app.CreateAccountAsync(Roles.CityOfficer);

        var response = await admin.PostAsJsonAsync($"/api/accounts/{account.Id}/reset-password", new { newPassword = "Fresh-Passw0rd" });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateBrowser().PostAsJsonAsync("/api/auth/sign-in", new { userName = account.UserName, password = "Fresh-Passw0rd" })).StatusCode);
    }

    [Fact]
    public async Task Account_lists_page_and_refuse_page_sizes_over_100()
    {
        var (security, _) = await app.SignInAsNewAsync(Roles.SecurityAdmin);

        var page = await (await security.GetAsync("/api/accounts?page=1&pageSize=100")).ShouldBeJsonAsync();
        Assert.Equal(100, page.GetProperty("pageSize").GetInt32());

        var tooBig = await security.GetAsync("/api/accounts?pageSize=101");
        Assert.Contains("pageSize", HttpAssertions.FieldsOf(await tooBig.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed")));
    }

    [Fact]
    public async Task Unknown_accounts_are_404()
    {
        var (security, _) = await app.SignInAsNewAsync(Roles.SecurityAdmin);

        await (await security.GetAsync($"/api/accounts/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "account.not_found");
    }
}
