using Npgsql;

namespace Sunshine.Reliability.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL cluster of the test's own, started by <c>scripts/lib.sh</c> in its durable mode (fsync, synchronous
/// commit and full-page writes on): an acknowledged commit must survive <see cref="CrashAsync"/>.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    private PostgresCluster(string folder, int port)
    {
        Folder = folder;
        Port = port;
    }

    public string Folder { get; }

    public int Port { get; }

    public static async Task<PostgresCluster> StartAsync(string name)
    {
        var cluster = new PostgresCluster(Path.Combine(Machine.NewWorkFolder(name), "postgres"), Machine.FreePort());
        await cluster.StartAgainAsync();
        var settings = await cluster.ScalarAsync<string>("postgres", "SELECT current_setting('fsync') || current_setting('synchronous_commit') || current_setting('full_page_writes')");
        return settings == "ononon" ? cluster : throw new InvalidOperationException($"The cluster is not durable: {settings}");
    }

    /// <summary>A connection string to a database of this cluster for a role (the superuser unless named).</summary>
    public string ConnectionString(string database, string user = "postgres") =>
        $"Host={Folder}/run;Port={Port};Database={database};Username={user};Pooling=false";

    /// <summary>Creates the application database with its owner and application roles (as <c>./run</c> does).</summary>
    public Task CreateAppDatabaseAsync(string database) => Machine.ShAsync($"pg_create_app_database '{Folder}' {Port} {database}");

    public Task StartAgainAsync() => Machine.ShAsync($"pg_start '{Folder}' {Port} durable");

    /// <summary>Stops the server the way a crash does: no checkpoint, every connection cut (<c>pg_ctl stop -m immediate</c>).</summary>
    public Task CrashAsync() => Machine.ShAsync($"pg_run \"$PG_VERSION_DIR/pg_ctl\" -D '{Folder}/data' -m immediate -w stop");

    public async Task<T> ScalarAsync<T>(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async Task<List<object[]>> RowsAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object[]>();
        while (await reader.ReadAsync())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }

        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        await Machine.ShAsync($"pg_stop '{Folder}'");
        try
        {
            Directory.Delete(Path.GetDirectoryName(Folder)!, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the server as it ends: the temporary folder is left for the system to clear.
        }
        catch (UnauthorizedAccessException)
        {
            // Files owned by the postgres user when the tests run as another user.
        }
    }
}
