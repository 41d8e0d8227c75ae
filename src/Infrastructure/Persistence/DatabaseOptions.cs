namespace Sunshine.Infrastructure.Persistence;

/// <summary>How the application reaches PostgreSQL.</summary>
public sealed class DatabaseOptions
{
    /// <summary>Apply migrations and seed reference data at start-up (Development and <c>./run</c>; off by default elsewhere).</summary>
    public bool MigrateOnStartup { get; set; }

    /// <summary>Seed the demo accounts into an empty database (Development only).</summary>
    public bool SeedDemoData { get; set; }
}
