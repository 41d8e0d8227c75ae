using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sunshine.Domain.Regions;
using Sunshine.Infrastructure.Auditing;
using Sunshine.Infrastructure.Identity;
using Sunshine.Infrastructure.Persistence;

namespace Sunshine.Api.FunctionalTests.Infrastructure;

/// <summary>
/// The real API over HTTP (in memory) on its own fresh, migrated PostgreSQL database, with helpers to
/// create accounts and sign in. Tests share one instance and keep to their own data.
/// </summary>
public class SunshineApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "Test-Passw0rd";

    /// <summary>Keys for sensitive data, made up for this test run and shared by its hosts.</summary>
    public static readonly string EncryptionKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
    public static readonly string IndexKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    /// <summary>The audit trail's HMAC key for this test run.</summary>
    public static readonly string AuditKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    private TestDatabase? _database;

    /// <summary>Every log event the host wrote, rendered, for tests that check what logs contain.</summary>
    public CapturedLogs Logs { get; } = new();

    /// <summary>Rate limits of partner clients; a test of the limits lowers them on its own host.</summary>
    protected virtual int PartnerPerMinute => 100_000;

    protected virtual int SellerVerificationPerMinute => 100_000;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialised.");

    public async ValueTask InitializeAsync()
    {
        var server = await PostgresServer.GetAsync();
        _database = await server.CreateDatabaseAsync();
        StartServer(); // builds the host: migrations and reference data run now
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null)
        {
            await _database.Server.DropDatabaseAsync(_database.Name);
        }

        GC.SuppressFinalize(this);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Default", Database.AppConnectionString);
        builder.UseSetting("ConnectionStrings:Migrations", Database.OwnerConnectionString);
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("Database:SeedDemoData", "false");
        builder.UseSetting("Reminders:RunOnStart", "false");
        builder.UseSetting("Auth:UseEphemeralKeys", "true");
        builder.UseSetting("Auth:PublicBaseUrl", "http://localhost");
        builder.UseSetting("RateLimiting:SignInPerMinute", "100000");
        builder.UseSetting("RateLimiting:PartnerPerMinute", PartnerPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("RateLimiting:SellerVerificationPerMinute", SellerVerificationPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Serilog:MinimumLevel:Default", "Information");
        builder.UseSetting("Logging:ConsoleLevel", "Warning");
        builder.ConfigureServices(services => services.AddSingleton<Serilog.Core.ILogEventSink>(Logs));
        builder.UseSetting("Logging:Format", "text");
        builder.UseSetting("SensitiveData:EncryptionKeys:1", EncryptionKey);
        builder.UseSetting("SensitiveData:IndexKey", IndexKey);
        builder.UseSetting("AuditTrail:Key", AuditKey);
        builder.UseSetting("AuditTrail:SealInterval", "00:00:01");
        builder.UseSetting("AuditTrail:CheckpointInterval", "00:00:00");
    }

    /// <summary>
    /// Seals the audit trail until every row up to <paramref name="throughId"/> (default: every row written so far) is
    /// sealed. Rows of transactions still running anywhere on the server wait for them, so this polls.
    /// </summary>
    public async Task<AuditSealResult> SealAuditTrailAsync(long? throughId = null)
    {
        var sealer = Services.GetRequiredService<AuditSealer>();
        var through = throughId ?? await QueryAsync(db => db.AuditEntries.MaxAsync(e => (long?)e.Id)) ?? 0;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var result = await sealer.SealAsync(waitForOtherSealer: true, CancellationToken.None);
            if (!await QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Id <= through && e.Sequence == null)))
            {
                return result;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Audit rows up to id {through} were not sealed within 60 seconds.");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>A client that keeps cookies and does not follow redirects.</summary>
    public HttpClient CreateBrowser() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = ClientOptions.BaseAddress });

    public async Task<TestAccount> CreateAccountAsync(string? role, Guid? countyId = null, params string[] grants)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser
        {
            UserName = $"{(role ?? "none").ToLowerInvariant()}-{Guid.NewGuid():N}"[..30],
            DisplayName = $"Test {role}",
            CountyId = countyId,
            CreatedAt = DateTimeOffset.UtcNow,
            LockoutEnabled = true,
        };
        Ensure(await users.CreateAsync(user, Password));
        if (role is not null)
        {
            Ensure(await users.AddToRoleAsync(user, role));
        }

        foreach (var grant in grants)
        {
            Ensure(await users.AddClaimAsync(user, new System.Security.Claims.Claim(SunshineClaimTypes.Permission, grant)));
        }

        return new TestAccount(user.Id, user.UserName, role, countyId);
    }

    /// <summary>Creates an account in the role and returns a signed-in browser for it.</summary>
    public async Task<(HttpClient Client, TestAccount Account)> SignInAsNewAsync(string role, Guid? countyId = null, params string[] grants)
    {
        var account = await CreateAccountAsync(role, countyId, grants);
        return (await SignInAsync(account), account);
    }

    public async Task<HttpClient> SignInAsync(TestAccount account)
    {
        var client = CreateBrowser();
        var response = await client.PostAsJsonAsync("/api/auth/sign-in", new { userName = account.UserName, password = Password });
        response.EnsureSuccessStatusCode();
        return client;
    }

    public async Task<Guid> RegionIdAsync(string code)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var regionCode = RegionCode.Create(code);
        return await db.Regions.Where(r => r.Code == regionCode).Select(r => r.Id).SingleAsync();
    }

    public async Task<T> QueryAsync<T>(Func<ApplicationDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<ApplicationDbContext>());
    }

    private static void Ensure(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}

public sealed record TestAccount(Guid Id, string UserName, string? Role, Guid? CountyId);
