using System.Net;
using System.Net.Http.Json;
using Npgsql;
using Sunshine.Api.FunctionalTests.Infrastructure;
using Sunshine.Domain.AccessControl;

namespace Sunshine.Api.FunctionalTests;

public sealed class AuditTrailTests(SunshineApp app)
{
    [Theory]
    [InlineData("UPDATE audit.audit_entries SET action = 'Forged' WHERE sequence = 1")]
    [InlineData("DELETE FROM audit.audit_entries WHERE sequence = 1")]
    [InlineData("TRUNCATE audit.audit_entries")]
    [InlineData("UPDATE audit.chain_head SET sequence = 0")]
    public async Task The_application_role_cannot_change_or_remove_audit_rows(string sql)
    {
        await using var connection = new NpgsqlConnection(app.Database.AppConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);

        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
    }

    [Theory]
    [InlineData("UPDATE audit.audit_entries SET action = 'Forged' WHERE sequence = 1")]
    [InlineData("DELETE FROM audit.audit_entries WHERE sequence = 1")]
    [InlineData("TRUNCATE audit.audit_entries")]
    public async Task Even_the_owner_role_cannot_change_or_remove_audit_rows(string sql)
    {
        await using var connection = new NpgsqlConnection(app.Database.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);

        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());

        Assert.Contains("append-only", error.MessageText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_application_role_owns_nothing_and_is_not_a_superuser()
    {
        await using var connection = new NpgsqlConnection(app.Database.AppConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT r.rolsuper, (SELECT count(*) FROM pg_class c WHERE c.relowner = r.oid)
            FROM pg_roles r WHERE r.rolname = current_user
            """,
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());

        Assert.False(reader.GetBoolean(0));
        Assert.Equal(0, reader.GetInt64(1));
    }

    [Fact]
    public async Task Auditors_and_city_officers_read_the_trail_filtered_and_others_may_not()
    {
        var (admin, adminAccount) = await app.SignInAsNewAsync(Roles.SystemAdmin);
        await (await admin.PostAsJsonAsync("/api/accounts", new { userName = "audited" + Guid.NewGuid().ToString("N")[..8], displayName = "被审计", email = (string?)null, password = "Good-Passw0rd" }))
            .ShouldBeJsonAsync(HttpStatusCode.Created);
        var (auditor, _) = await app.SignInAsNewAsync(Roles.Auditor);
        var (city, _) = await app.SignInAsNewAsync(Roles.CityOfficer);
        var (county, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, await app.RegionIdAsync("430702"));

        var page = await (await auditor.GetAsync($"/api/audit-entries?actorId={adminAccount.Id}&entityType=Account&action=CreateAccount&pageSize=10")).ShouldBeJsonAsync();
        var entry = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal("CreateAccount", entry.GetProperty("action").GetString());
        Assert.Equal(64, entry.GetProperty("hash").GetString()!.Length);

        Assert.Equal(HttpStatusCode.OK, (await city.GetAsync("/api/audit-entries")).StatusCode);
        await (await county.GetAsync("/api/audit-entries")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.permission_required");
        await (await admin.GetAsync("/api/audit-entries")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.permission_required");

        var future = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(1).ToString("O"));
        var empty = await (await auditor.GetAsync($"/api/audit-entries?from={future}")).ShouldBeJsonAsync();
        Assert.Equal(0, empty.GetProperty("totalCount").GetInt32());
        var inverted = await auditor.GetAsync($"/api/audit-entries?from={future}&to=2020-01-01T00:00:00Z");
        await inverted.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
    }

    [Fact]
    public async Task The_hash_chain_of_a_working_system_verifies()
    {
        var (auditor, _) = await app.SignInAsNewAsync(Roles.Auditor);

        var result = await (await auditor.GetAsync("/api/audit-entries/verification")).ShouldBeJsonAsync();

        Assert.True(result.GetProperty("isIntact").GetBoolean(), result.ToString());
        Assert.True(result.GetProperty("entriesChecked").GetInt64() > 0);
    }
}

/// <summary>Tampering needs its own database: it breaks the chain on purpose.</summary>
public sealed class AuditTamperingTests : IAsyncLifetime
{
    private readonly SunshineApp _app = new();

    public ValueTask InitializeAsync() => _app.InitializeAsync();

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Theory]
    [InlineData("UPDATE audit.audit_entries SET changes = '{\"forged\":true}' WHERE sequence = 3", 3)]
    [InlineData("DELETE FROM audit.audit_entries WHERE sequence = 2", 3)]
    public async Task A_row_altered_outside_the_application_breaks_the_chain_at_that_row(string tampering, long firstBroken)
    {
        var (auditor, _) = await _app.SignInAsNewAsync(Roles.Auditor);
        Assert.True((await (await auditor.GetAsync("/api/audit-entries/verification")).ShouldBeJsonAsync()).GetProperty("isIntact").GetBoolean());

        await using (var connection = new NpgsqlConnection(_app.Database.AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                $"SET session_replication_role = replica; {tampering}; SET session_replication_role = origin;", connection);
            await command.ExecuteNonQueryAsync();
        }

        var result = await (await auditor.GetAsync("/api/audit-entries/verification")).ShouldBeJsonAsync();
        Assert.False(result.GetProperty("isIntact").GetBoolean());
        Assert.Equal(firstBroken, result.GetProperty("firstBrokenSequence").GetInt64());
    }
}
