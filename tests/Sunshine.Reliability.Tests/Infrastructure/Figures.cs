using System.Text;

namespace Sunshine.Reliability.Tests.Infrastructure;

/// <summary>The figures a reliability test measured: printed to the test output and appended to a report file.</summary>
public static class Figures
{
    /// <summary>The report file: <c>SUNSHINE_RELIABILITY_REPORT</c>, else <c>reliability.md</c> in the temporary folder.</summary>
    public static string ReportFile =>
        Environment.GetEnvironmentVariable("SUNSHINE_RELIABILITY_REPORT") is { Length: > 0 } path ? path : Path.Combine(Path.GetTempPath(), "sunshine-reliability.md");

    public static void Report(ITestOutputHelper output, string title, IEnumerable<(string Name, string Value)> figures)
    {
        var text = new StringBuilder().AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"### {title} ({DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC)").AppendLine()
            .AppendLine("| figure | value |").AppendLine("|---|---|");
        foreach (var (name, value) in figures)
        {
            text.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"| {name} | {value} |");
        }

        output.WriteLine(text.ToString());
        File.AppendAllText(ReportFile, text.AppendLine().ToString());
    }
}
