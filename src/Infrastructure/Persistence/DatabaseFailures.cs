using Npgsql;

namespace Sunshine.Infrastructure.Persistence;

/// <summary>
/// Tells a failure to reach the database (server stopped, restarting or refusing connections, a connection
/// broken mid-request, a timeout) from every other failure: the request did not run to its end because the
/// database was not there, so the same request may succeed when sent again a little later.
/// </summary>
public static class DatabaseFailures
{
    /// <summary>Connection exceptions (class 08) and the server shutting down, crashed or starting (57P01–57P03), or full (53300).</summary>
    private static readonly HashSet<string> UnavailableStates = new(StringComparer.Ordinal)
    {
        PostgresErrorCodes.ConnectionException,
        PostgresErrorCodes.ConnectionDoesNotExist,
        PostgresErrorCodes.ConnectionFailure,
        PostgresErrorCodes.SqlClientUnableToEstablishSqlConnection,
        PostgresErrorCodes.SqlServerRejectedEstablishmentOfSqlConnection,
        PostgresErrorCodes.TransactionResolutionUnknown,
        PostgresErrorCodes.AdminShutdown,
        PostgresErrorCodes.CrashShutdown,
        PostgresErrorCodes.CannotConnectNow,
        PostgresErrorCodes.TooManyConnections,
    };

    /// <summary>Whether the exception, or one it wraps, says the database could not be reached.</summary>
    public static bool IsUnavailable(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException postgres:
                    // A statement the server answered with an error: unavailable only for the states above.
                    return UnavailableStates.Contains(postgres.SqlState);
                case NpgsqlException:
                    // No answer from the server at all: refused, reset, closed, timed out.
                    return true;
                case TimeoutException:
                    return true;
            }
        }

        return false;
    }
}
