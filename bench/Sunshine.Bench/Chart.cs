using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sunshine.Bench;

/// <summary>One headline figure of a scenario against its target: <c>AtLeast</c> targets are met at or above, the others below.</summary>
public sealed record Figure(string Scenario, string Name, double Value, double Target, bool AtLeast, string Unit, string Measured)
{
    /// <summary>How far the figure is from its target: 1 is the target, above 1 is better than it.</summary>
    [JsonIgnore]
    public double Score => AtLeast ? Value / Target : Target / Value;

    [JsonIgnore]
    public bool Met => AtLeast ? Value >= Target : Value < Target;
}

/// <summary>
/// <c>docs/benchmarks.json</c> keeps the latest headline figures of each scenario (every run replaces its own scenario's);
/// <c>docs/benchmarks.png</c> draws them all against their targets, so the chart always shows the figures of the tables.
/// </summary>
public static class Chart
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Replaces the figures of <paramref name="scenario"/> beside the report and redraws the chart.</summary>
    public static void Record(string reportPath, string scenario, IReadOnlyList<Figure> figures)
    {
        ArgumentNullException.ThrowIfNull(reportPath);
        ArgumentNullException.ThrowIfNull(figures);
        var store = Path.ChangeExtension(reportPath, ".json");
        var all = File.Exists(store) ? JsonSerializer.Deserialize<List<Figure>>(File.ReadAllText(store), Json) ?? [] : [];
        all.RemoveAll(f => f.Scenario == scenario);
        all.AddRange(figures);
        all.Sort((a, b) => string.CompareOrdinal(a.Scenario, b.Scenario));
        File.WriteAllText(store, JsonSerializer.Serialize(all, Json) + "\n");
        Draw(all, Path.ChangeExtension(reportPath, ".png"));
    }

    /// <summary>Horizontal bars of measured ÷ target (for "less than" targets target ÷ measured), log scale, the target line at 1.</summary>
    public static void Draw(IReadOnlyList<Figure> figures, string pngPath)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var plot = new ScottPlot.Plot();
        var bars = new List<ScottPlot.Bar>();
        var ticks = new List<ScottPlot.Tick>();
        for (var i = 0; i < figures.Count; i++)
        {
            var f = figures[i];
            var position = figures.Count - 1 - i;
            var score = Math.Log10(Math.Max(f.Score, 0.001));
            bars.Add(new ScottPlot.Bar
            {
                Position = position,
                ValueBase = 0,
                Value = score,
                FillColor = f.Met ? ScottPlot.Color.FromHex("#389e0d") : ScottPlot.Color.FromHex("#cf1322"),
                Label = f.Measured,
                Orientation = ScottPlot.Orientation.Horizontal,
            });
            ticks.Add(new ScottPlot.Tick(position, $"{f.Scenario}: {f.Name}"));
        }

        var series = plot.Add.Bars(bars);
        series.ValueLabelStyle.FontSize = 12;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks]);
        var scale = new[] { 0.1, 0.25, 0.5, 1, 2, 5, 10, 50 };
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. scale.Select(s => new ScottPlot.Tick(Math.Log10(s), s.ToString("0.##", CultureInfo.InvariantCulture) + "×"))]);
        var target = plot.Add.VerticalLine(0);
        target.LinePattern = ScottPlot.LinePattern.Dashed;
        target.Color = ScottPlot.Colors.Black;
        plot.Axes.SetLimitsX(Math.Log10(0.05), Math.Log10(200));
        plot.Axes.SetLimitsY(-0.6, figures.Count - 0.4);
        plot.Title("Each benchmark figure against its target (1× = the target; green met, red not)");
        plot.XLabel("measured ÷ target (\"less than\" targets: target ÷ measured), log scale");
        plot.Axes.Left.MinimumSize = 330;
        plot.SavePng(pngPath, 1200, 120 + 34 * figures.Count);
    }
}
