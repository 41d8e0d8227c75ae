using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Sunshine.Api.FunctionalTests.Infrastructure;

namespace Sunshine.Api.FunctionalTests;

/// <summary>
/// Runs the curl examples of docs/partner-api.md, in order, in one bash session against the API
/// listening on a real port, and checks each answer against the one the guide shows after it: the
/// status, the headers it lists, and the JSON fields it lists (every <c>code</c> exactly).
/// </summary>
public sealed partial class PartnerGuideTests : IAsyncLifetime
{
    private readonly GuideApp _app = new();

    public async ValueTask InitializeAsync()
    {
        await _app.InitializeAsync();
        _app.ClientOptions.BaseAddress = new Uri(_app.BaseAddress);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Every_example_of_the_partner_guide_answers_as_the_guide_says()
    {
        var examples = Examples(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "docs", "partner-api.md"), TestContext.Current.CancellationToken));
        Assert.True(examples.Count >= 15, $"Only {examples.Count} examples were found in the guide.");

        var officer = await TestPartners.CityOfficerAsync(_app);
        var client = await TestPartners.CreatePlatformWithClientAsync(officer);
        var seller = await TestPartners.ConsentingSellerAsync(officer, await _app.RegionIdAsync("430725"));
        var outputs = await RunAsync(examples.Select(e => e.Script).ToList(), new Dictionary<string, string>
        {
            ["SUNSHINE"] = _app.BaseAddress,
            ["CLIENT_ID"] = client.ClientId,
            ["CLIENT_SECRET"] = client.Secret,
            ["SELLER_CERT"] = seller.CertificateNumber,
            ["SELLER_NAME"] = seller.Name,
        });

        for (var i = 0; i < examples.Count; i++)
        {
            var (exitCode, output) = outputs[i];
            var example = examples[i];
            var where = $"Example {i + 1} (line {example.Line}) of docs/partner-api.md:\n{example.Script}\n--- output ---\n{output}";
            Assert.True(exitCode == 0, $"{where}\n--- exit code {exitCode}");
            if (example.Expected is { } expected)
            {
                CheckAnswer(expected, output, where);
            }
        }
    }

    private static void CheckAnswer(string expected, string output, string where)
    {
        var (expectedStatus, expectedHeaders, expectedBody) = ParseHttp(expected);
        var actualText = output.Replace("\r\n", "\n", StringComparison.Ordinal);

        // The last response in the output: curl prints interim ones (100 Continue) first.
        var start = actualText.LastIndexOf("\nHTTP/", StringComparison.Ordinal) + 1;
        var (actualStatus, actualHeaders, actualBody) = ParseHttp(actualText[start..]);
        Assert.True(expectedStatus == actualStatus, $"{where}\n--- expected status {expectedStatus}, got {actualStatus}");
        foreach (var (name, value) in expectedHeaders)
        {
            Assert.True(actualHeaders.TryGetValue(name, out var actual), $"{where}\n--- header {name} missing");
            var same = name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)
                ? MediaType(value) == MediaType(actual)
                : value == "…" || value == actual;
            Assert.True(same, $"{where}\n--- header {name}: expected {value}, got {actual}");
        }

        if (expectedBody.Length > 0)
        {
            using var want = JsonDocument.Parse(expectedBody);
            using var got = JsonDocument.Parse(actualBody);
            var mismatch = Mismatch(want.RootElement, got.RootElement, "$");
            Assert.True(mismatch is null, $"{where}\n--- body: {mismatch}");
        }
    }

    /// <summary>Where the actual JSON differs from the documented one: every documented field must be there and equal ("…" matches anything).</summary>
    private static string? Mismatch(JsonElement want, JsonElement got, string path)
    {
        switch (want.ValueKind)
        {
            case JsonValueKind.Object:
                if (got.ValueKind != JsonValueKind.Object)
                {
                    return $"{path} is {got.ValueKind}, not an object";
                }

                foreach (var property in want.EnumerateObject())
                {
                    if (!got.TryGetProperty(property.Name, out var value))
                    {
                        return $"{path}.{property.Name} is missing in {got}";
                    }

                    if (Mismatch(property.Value, value, $"{path}.{property.Name}") is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonValueKind.Array:
                if (got.ValueKind != JsonValueKind.Array || got.GetArrayLength() != want.GetArrayLength())
                {
                    return $"{path} should be an array of {want.GetArrayLength()}, is {got}";
                }

                return want.EnumerateArray().Zip(got.EnumerateArray()).Select((pair, i) => Mismatch(pair.First, pair.Second, $"{path}[{i}]")).FirstOrDefault(m => m is not null);
            case JsonValueKind.String when want.GetString()!.Contains('…', StringComparison.Ordinal):
                return null;
            case JsonValueKind.Number:
                return got.ValueKind == JsonValueKind.Number && got.GetDecimal() == want.GetDecimal() ? null : $"{path} should be {want}, is {got}";
            default:
                return want.ValueKind == got.ValueKind && want.ToString() == got.ToString() ? null : $"{path} should be {want}, is {got}";
        }
    }

    private static (int Status, Dictionary<string, string> Headers, string Body) ParseHttp(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var status = int.Parse(lines[0].Split(' ')[1], CultureInfo.InvariantCulture);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var i = 1;
        for (; i < lines.Length && lines[i].Length > 0; i++)
        {
            var colon = lines[i].IndexOf(':', StringComparison.Ordinal);
            headers[lines[i][..colon].Trim()] = lines[i][(colon + 1)..].Trim();
        }

        return (status, headers, string.Join('\n', lines.Skip(i + 1)).Trim());
    }

    private static string MediaType(string contentType) => contentType.Split(';')[0].Trim().ToLowerInvariant();

    /// <summary>Each ```bash block, with the ```http block right after it (the answer it shows), if any.</summary>
    private static List<Example> Examples(string markdown)
    {
        var blocks = FencedBlock().Matches(markdown).Select(m => (Language: m.Groups["lang"].Value, Body: m.Groups["body"].Value, m.Index, End: m.Index + m.Length)).ToList();
        var examples = new List<Example>();
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i].Language != "bash")
            {
                continue;
            }

            var next = i + 1 < blocks.Count ? blocks[i + 1] : default;
            var answered = next.Language == "http" && string.IsNullOrWhiteSpace(markdown[blocks[i].End..next.Index]);
            examples.Add(new Example(markdown[..blocks[i].Index].Count(c => c == '\n') + 1, blocks[i].Body, answered ? next.Body : null));
        }

        return examples;
    }

    /// <summary>Runs the scripts one after another in one bash process (variables carry over) and splits the output by script.</summary>
    private static async Task<List<(int ExitCode, string Output)>> RunAsync(List<string> scripts, Dictionary<string, string> environment)
    {
        var marker = "=== example " + Guid.NewGuid().ToString("N");
        var script = new StringBuilder("set -u -o pipefail\n");
        foreach (var body in scripts)
        {
            script.Append("{\n").Append(body).Append("\n}\n").Append(CultureInfo.InvariantCulture, $"echo; echo \"{marker} $?\"\n");
        }

        var start = new ProcessStartInfo("bash") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start.");
        await process.StandardInput.WriteAsync(script.ToString());
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        var parts = (await stdout).Split(marker);
        var results = new List<(int, string)>();
        for (var i = 0; i < scripts.Count; i++)
        {
            Assert.True(i + 1 < parts.Length, $"The examples stopped after {i}: {await stderr}");
            var code = int.Parse(parts[i + 1].TrimStart()[..parts[i + 1].TrimStart().IndexOf('\n', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
            var text = parts[i];
            var firstLineEnd = text.IndexOf('\n', StringComparison.Ordinal);
            results.Add((code, i == 0 ? text.Trim() : text[(firstLineEnd + 1)..].Trim()));
        }

        return results;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "global.json")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root (global.json) was not found.");
    }

    [GeneratedRegex(@"^```(?<lang>[a-z]+)\n(?<body>.*?)\n```$", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex FencedBlock();

    private sealed record Example(int Line, string Script, string? Expected);

    /// <summary>The API on a real port, so curl can call it.</summary>
    private sealed class GuideApp : SunshineApp
    {
        public GuideApp() => UseKestrel(0);

        public string BaseAddress =>
            Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal);
    }
}
