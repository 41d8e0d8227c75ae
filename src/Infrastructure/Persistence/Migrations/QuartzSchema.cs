using System.Text.RegularExpressions;

namespace Sunshine.Infrastructure.Persistence.Migrations;

/// <summary>
/// The schema of the Quartz.NET ADO.NET job store on PostgreSQL (table prefix <c>qrtz_</c>), which the
/// reminder scheduler uses in clustered mode. The statements are the ones Quartz ships inside its
/// assembly for its own provisioning (<c>create_postgres.sql</c>, idempotent, never dropping anything),
/// run here by a migration so the application's database account needs no right to create tables. A
/// Quartz upgrade that changes the schema comes with a migration of its own.
/// </summary>
internal static partial class QuartzSchema
{
    private const string Prefix = "qrtz_";
    private const string Resource = "Quartz.Impl.AdoJobStore.Schema.create_postgres.sql";

    /// <summary>The statements, in order, with the prefix filled in.</summary>
    public static IReadOnlyList<string> CreateStatements()
    {
        using var stream = typeof(Quartz.IScheduler).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The Quartz assembly has no resource {Resource}.");
        using var reader = new StreamReader(stream);
        var script = reader.ReadToEnd().Replace("{0}", Prefix, StringComparison.Ordinal).Replace("{1}", Prefix, StringComparison.Ordinal);
        return [.. script.Split("\n--;;", StringSplitOptions.TrimEntries)
            .Select(s => string.Join('\n', s.Split('\n').Where(l => !l.TrimStart().StartsWith("--", StringComparison.Ordinal))).Trim())
            .Where(s => s.Length > 0)];
    }

    /// <summary>Drops every table the statements create.</summary>
    public static string DropStatement() =>
        "DROP TABLE IF EXISTS " + string.Join(", ", CreateStatements().SelectMany(s => TableName().Matches(s)).Select(m => m.Groups[1].Value).Distinct()) + " CASCADE";

    [GeneratedRegex(@"CREATE TABLE IF NOT EXISTS (\w+)")]
    private static partial Regex TableName();
}
