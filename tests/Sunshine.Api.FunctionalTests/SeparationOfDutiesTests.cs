using System.Net;
using Sunshine.Api.FunctionalTests.Infrastructure;
using Sunshine.Domain.AccessControl;

namespace Sunshine.Api.FunctionalTests;

/// <summary>
/// Separation of duties (三员分立): the system administrator sees no programme data and no audit log,
/// the security administrator no programme data, and the auditor changes nothing. Checked here as plain
/// facts, independently of how <see cref="AuthorizationMatrixTests"/> derives its expectations; that one
/// account holds at most one of the three is in <see cref="AccountsTests"/>.
/// </summary>
public sealed class SeparationOfDutiesTests(SunshineApp app)
{
    /// <summary>Permissions that open programme data or the audit log.</summary>
    private static readonly string[] ProgrammeAndAudit =
    [
        Permissions.ProgrammeRead, Permissions.ProgrammeWrite, Permissions.CountyDecide, Permissions.CityDecide, Permissions.PiiReveal,
        Permissions.PartnersManage, Permissions.AuditRead,
    ];

    [Theory]
    [InlineData(Roles.SystemAdmin)]
    [InlineData(Roles.SecurityAdmin)]
    public async Task An_administrator_is_refused_every_programme_data_and_audit_operation(string role)
    {
        var (admin, _) = await app.SignInAsNewAsync(role);
        var operations = AuthorizationMatrixTests.CommittedOperations()
            .Where(o => AuthorizationMatrixTests.PermissionsOf(o.Id) is { Length: > 0 } needed && needed.All(ProgrammeAndAudit.Contains))
            .ToList();
        Assert.Contains(operations, o => o.Id == "GetAuditEntries");
        Assert.Contains(operations, o => o.Id == "GetPersons");

        foreach (var operation in operations)
        {
            var response = await SendAsync(admin, operation);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{role}: {operation.Method} {operation.Path} answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task An_auditor_is_refused_every_change_and_leaves_no_trace_in_the_audit_trail()
    {
        var (auditor, account) = await app.SignInAsNewAsync(Roles.Auditor);
        var watermark = await app.AuditWatermarkAsync();
        var changes = AuthorizationMatrixTests.CommittedOperations()
            .Where(o => o.Method != "GET" && AuthorizationMatrixTests.PermissionsOf(o.Id).Length > 0)
            .ToList();
        Assert.Contains(changes, o => o.Id == "CreatePerson");

        foreach (var operation in changes)
        {
            var response = await SendAsync(auditor, operation);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{operation.Method} {operation.Path} answered {(int)response.StatusCode}");
        }

        Assert.Empty(await app.AuditRowsAfterAsync(watermark, actorId: account.Id));
    }

    /// <summary>Made-up ids and an empty body: a refusal comes before any lookup or validation.</summary>
    private static Task<HttpResponseMessage> SendAsync(HttpClient client, AuthorizationMatrixTests.Operation operation) =>
        client.SendAsync(AuthorizationMatrixTests.RequestFor(operation, _ => Guid.NewGuid().ToString()));
}
