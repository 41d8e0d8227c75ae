using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using Sunshine.Api.FunctionalTests.Infrastructure;
using Sunshine.Domain.AccessControl;

namespace Sunshine.Api.FunctionalTests;

public sealed class ObservabilityTests(SunshineApp app)
{
    [Fact]
    public async Task Metrics_are_refused_to_anonymous_callers_officers_and_partner_clients()
    {
        await (await app.CreateClient().GetAsync("/metrics")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.unauthenticated");
        foreach (var role in new[] { Roles.CityOfficer, Roles.CountyOfficer, Roles.SecurityAdmin, Roles.Auditor })
        {
            var county = role == Roles.CountyOfficer ? await app.RegionIdAsync("430702") : (Guid?)null;
            var (officer, _) = await app.SignInAsNewAsync(role, county);
            Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/metrics")).StatusCode);
        }

        var partner = await TestPartners.ConnectAsync(app, await TestPartners.CreatePlatformWithClientAsync(app));
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task A_system_administrator_scrapes_request_database_and_runtime_metrics()
    {
        var (admin, _) = await app.SignInAsNewAsync(Roles.SystemAdmin);
        (await admin.GetAsync("/api/auth/me")).EnsureSuccessStatusCode();

        var response = await admin.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("http_server_request_duration_seconds", text, StringComparison.Ordinal);
        Assert.Contains("db_client_", text, StringComparison.Ordinal);
        Assert.Contains("dotnet_gc_", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_problem_responses_trace_id_finds_its_exported_trace_with_the_database_span()
    {
        var exported = new List<Activity>();
        await using var traced = app.WithWebHostBuilder(b => b.ConfigureServices(s =>
            s.ConfigureOpenTelemetryTracerProvider(tracing => tracing.SetSampler(new AlwaysOnSampler()).AddInMemoryExporter(exported))));
        var account = await app.CreateAccountAsync(Roles.CityOfficer);
        var browser = traced.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });
        (await browser.PostAsJsonAsync("/api/auth/sign-in", new { userName = account.UserName, password = SunshineApp.Password })).EnsureSuccessStatusCode();

        var problem = await (await browser.GetAsync($"/api/persons/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "person.not_found");
        var traceId = problem.GetProperty("traceId").GetString()!;

        // The server span ends just after the response is written.
        Activity[] trace = [];
        for (var attempt = 0; attempt < 50 && !trace.Any(a => a.Kind == ActivityKind.Server); attempt++)
        {
            await Task.Delay(100);
            lock (exported)
            {
                trace = exported.Where(a => a.TraceId.ToHexString() == traceId).ToArray();
            }
        }

        Assert.Contains(trace, a => a.Kind == ActivityKind.Server && a.Source.Name == "Microsoft.AspNetCore");
        Assert.Contains(trace, a => a.Source.Name == "Npgsql" && a.Kind == ActivityKind.Client);
    }

    [Fact]
    public async Task Logs_never_contain_sensitive_personal_data_secrets_or_tokens()
    {
        var county = await app.RegionIdAsync("430702");
        var (officer, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, county, Permissions.PiiReveal);
        var body = TestPeople.Body(county);
        var person = await (await officer.PostAsJsonAsync("/api/persons", body)).ShouldBeJsonAsync(HttpStatusCode.Created);
        var id = person.GetProperty("id").GetString()!;
        await (await officer.GetAsync($"/api/persons/{id}")).ShouldBeJsonAsync();
        await (await officer.GetAsync($"/api/persons?idNumber={body["idNumber"]}")).ShouldBeJsonAsync();
        await (await officer.PostAsJsonAsync($"/api/persons/{id}/reveal", new { reason = "核对身份" })).ShouldBeJsonAsync();
        await (await officer.PostAsJsonAsync("/api/persons", body)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "person.id_number_taken");

        var (cityOfficer, _) = await app.SignInAsNewAsync(Roles.CityOfficer);
        var client = await TestPartners.CreatePlatformWithClientAsync(cityOfficer);
        var token = await TestPartners.TokenAsync(app, client);
        var partner = app.CreateClient();
        partner.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var seller = await TestPartners.ConsentingSellerAsync(officer, county);
        var shop = await TestPartners.RegisterShopAsync(partner, seller);
        await (await partner.WriteAsync(HttpMethod.Put, "/api/partner/v1/sales", new { records = new[] { TestPartners.Record(shop, "2024-05", 100m) } }))
            .ShouldBeJsonAsync();
        await (await TestPartners.RequestTokenAsync(app, client.ClientId, client.Secret + "x")).Content.ReadAsStringAsync();

        var logs = app.Logs.All;
        Assert.Contains(id, logs, StringComparison.Ordinal); // the capture works: requests are logged
        foreach (var secret in new[]
                 {
                     (string)body["idNumber"]!, (string)body["certificateNumber"]!, (string)body["phone"]!,
                     seller.CertificateNumber, SunshineApp.Password, client.Secret, token, token[..40],
                 })
        {
            Assert.DoesNotContain(secret, logs, StringComparison.Ordinal);
        }

        Assert.DoesNotMatch(@"(?i)bearer\s+[a-z0-9\-_.]{20,}", logs);
    }
}
