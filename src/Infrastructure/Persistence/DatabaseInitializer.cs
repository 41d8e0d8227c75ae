using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Infrastructure.Identity;
using Sunshine.Infrastructure.Persistence.Seeding;

namespace Sunshine.Infrastructure.Persistence;

/// <summary>
/// Applies migrations as the owner role, grants the application role exactly what it may do, and
/// seeds reference data (and, in Development, demo accounts).
/// </summary>
public sealed partial class DatabaseInitializer(
    IServiceScopeFactory scopes,
    IConfiguration configuration,
    ISensitiveDataProtector protector,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitialiseAsync(bool seedDemoData, CancellationToken cancellationToken)
    {
        var appConnection = configuration.GetConnectionString("Default")
            ?? throw new InvalidOperationException("ConnectionStrings:Default is not set.");
        var ownerConnection = configuration.GetConnectionString("Migrations") ?? appConnection;

        var options = new DbContextOptionsBuilder<ApplicationDbContext>();
        options.UseSunshineDatabase(ownerConnection);
        await using (var owner = new ApplicationDbContext(options.Options, protector))
        {
            await owner.Database.MigrateAsync(cancellationToken);
            var appRole = new NpgsqlConnectionStringBuilder(appConnection).Username;
            var ownerRole = new NpgsqlConnectionStringBuilder(ownerConnection).Username;
            if (!string.IsNullOrEmpty(appRole) && !string.Equals(appRole, ownerRole, StringComparison.Ordinal))
            {
                await owner.Database.ExecuteSqlRawAsync(GrantSql(appRole), cancellationToken);
            }
            else
            {
                LogSingleRole(logger);
            }
        }

        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await services.GetRequiredService<ReferenceDataSeeder>().SeedAsync(cancellationToken);
        await services.GetRequiredService<OAuthClientSeeder>().SeedAsync(cancellationToken);
        if (seedDemoData && await services.GetRequiredService<DemoDataSeeder>().SeedAsync(cancellationToken))
        {
            LogDemoSeeded(logger);
        }
    }

    public const string HistoryTable = "__ef_migrations_history";

    /// <summary>
    /// The application role reads and writes programme tables but may only add to and read the audit trail and its
    /// checkpoints; it seals rows only through <c>audit.seal_entries</c>, which writes nothing but the seal of unsealed rows.
    /// </summary>
    internal static string GrantSql(string role)
    {
        var r = "\"" + role.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        return $"""
            GRANT USAGE ON SCHEMA public TO {r};
            GRANT USAGE ON SCHEMA audit TO {r};
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {r};
            GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {r};
            REVOKE ALL ON TABLE public.{HistoryTable} FROM {r};
            GRANT SELECT ON TABLE public.{HistoryTable} TO {r};
            REVOKE ALL ON ALL TABLES IN SCHEMA audit FROM {r};
            GRANT SELECT, INSERT ON TABLE audit.audit_entries TO {r};
            GRANT SELECT, INSERT ON TABLE audit.checkpoints TO {r};
            REVOKE ALL ON FUNCTION audit.seal_entries(bigint, bigint[], bytea[], bytea[]) FROM {r};
            GRANT EXECUTE ON FUNCTION audit.seal_entries(bigint, bigint[], bytea[], bytea[]) TO {r};
            """;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The application connects as the migration owner: the database does not separate their privileges. Set ConnectionStrings:Migrations to an owner role.")]
    private static partial void LogSingleRole(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo accounts seeded.")]
    private static partial void LogDemoSeeded(ILogger logger);
}
