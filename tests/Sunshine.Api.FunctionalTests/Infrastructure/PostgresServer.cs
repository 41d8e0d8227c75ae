using Npgsql;
using Testcontainers.PostgreSql;

namespace Sunshine.Api.FunctionalTests.Infrastructure;

/// <summary>
/// The PostgreSQL server the tests use: the one named by SUNSHINE_TEST_POSTGRES (a superuser
/// connection string; ./test starts a throwaway cluster and sets it), otherwise a Testcontainers
/// container. Each test app gets a fresh database owned by a migration role, used by an app role.
/// </summary>
public sealed class PostgresServer
{
    public const string Variable = "SUNSHINE_TEST_POSTGRES";
    public const string OwnerRole = "sunshine_test_owner";
    public const string AppRole = "sunshine_test_app";
    private const string RolePassword = "sunshine-test";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static PostgresServer? _instance;
    private readonly string _admin;

    private PostgresServer(string admin) => _admin = admin;

    public static async Task<PostgresServer> GetAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_instance is null)
            {
                var admin = Environment.GetEnvironmentVariable(Variable);
                if (string.IsNullOrWhiteSpace(admin))
                {
                    admin = await StartContainerAsync();
                }

                var server = new PostgresServer(admin);
                await server.EnsureRolesAsync();
                _instance = server;
            }

            return _instance;
        }
        finally
        {
            Gate.Release();
        }
    }

    public string AdminConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(_admin) { Database = database, Pooling = false }.ConnectionString;

    public async Task<TestDatabase> CreateDatabaseAsync()
    {
        var name = "sunshine_test_" + Guid.NewGuid().ToString("N")[..16];
        await ExecuteAsync($"CREATE DATABASE {name} OWNER {OwnerRole}");
        string For(string role) => new NpgsqlConnectionStringBuilder(_admin)
        {
            Database = name,
            Username = role,
            Password = RolePassword,
            IncludeErrorDetail = true,
        }.ConnectionString;
        return new TestDatabase(name, For(AppRole), For(OwnerRole), AdminConnectionString(name), this);
    }

    public Task DropDatabaseAsync(string name) => ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");

    private async Task EnsureRolesAsync() =>
        await ExecuteAsync(
            $"""
            DO $$ BEGIN
              IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{OwnerRole}') THEN CREATE ROLE {OwnerRole} LOGIN PASSWORD '{RolePassword}'; END IF;
              IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{AppRole}') THEN CREATE ROLE {AppRole} LOGIN PASSWORD '{RolePassword}'; END IF;
            END $$;
            """);

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string> StartContainerAsync()
    {
        try
        {
            var container = new PostgreSqlBuilder("postgres:15").Build();
            await container.StartAsync();
            return container.GetConnectionString();
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException(
                $"No PostgreSQL server for the tests: set {Variable} to a superuser connection string (./test starts one and sets it), or run Docker for Testcontainers.",
                ex);
        }
    }
}

/// <summary>One test database: the application's, the migration owner's and the superuser's connection strings.</summary>
public sealed record TestDatabase(string Name, string AppConnectionString, string OwnerConnectionString, string AdminConnectionString, PostgresServer Server);
