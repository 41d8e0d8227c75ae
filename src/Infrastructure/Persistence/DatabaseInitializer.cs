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

        // Instances started together initialise one at a time (a session advisory lock, released when this connection
        // closes): the seeders read, then insert or update, so two at once would write the same rows (the OAuth
        // clients' concurrency check failed a start that way). The later instance finds everything done.
        await using var gate = await LockInitialisationAsync(ownerConnection, cancellationToken);

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

    /// <summary>The advisory lock key of start-up initialisation ("SUNSHINI" as a 64-bit number).</summary>
    private const long InitialiseLockKey = 0x53554E5348494E49;

    /// <summary>
    /// Takes the initialisation lock on a connection of its own and returns it (disposing it releases the lock). A
    /// database that does not exist yet has nothing to lock: the migration creates it, and null is returned.
    /// </summary>
    private static async Task<NpgsqlConnection?> LockInitialisationAsync(string connectionString, CancellationToken cancellationToken)
    {
        // Unpooled: closing it ends the session, and with it the lock (a pooled connection would keep holding it). An
        // instance waits up to five minutes for another one's initialisation.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, CommandTimeout = 300 }.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"SELECT pg_advisory_lock({InitialiseLockKey})", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            await connection.DisposeAsync();
            return null;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

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
