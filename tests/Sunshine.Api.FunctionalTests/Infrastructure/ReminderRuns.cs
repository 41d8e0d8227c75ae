namespace Sunshine.Api.FunctionalTests.Infrastructure;

/// <summary>The test classes that run the (database-wide) reminder job on days of their choosing: never side by side.</summary>
public static class ReminderRuns
{
    public const string Collection = "Reminder runs";
}
