using System.Diagnostics;
using System.Globalization;

namespace Sunshine.Reliability.Tests.Infrastructure;

/// <summary>nginx with <c>deploy/nginx/sunshine.conf</c>, its upstream ports pointed at the test's API instances.</summary>
public sealed class Nginx : IAsyncDisposable
{
    private readonly Process _process;

    private Nginx(Process process, int port)
    {
        _process = process;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
    }

    public Uri BaseAddress { get; }

    public static async Task<Nginx> StartAsync(string workFolder, int port, params ApiProcess[] instances)
    {
        var binary = new[] { "/usr/sbin/nginx", "/usr/bin/nginx" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("nginx is not installed (./test --long installs the Debian package).");
        var folder = Path.Combine(workFolder, "nginx");
        var temp = Path.Combine(folder, "temp");
        Directory.CreateDirectory(temp);
        if (!OperatingSystem.IsWindows())
        {
            // nginx's workers run as an unprivileged user when the tests run as root.
            File.SetUnixFileMode(temp, (UnixFileMode)0b111_111_111);
        }

        var site = await File.ReadAllTextAsync(Path.Combine(Machine.Root, "deploy", "nginx", "sunshine.conf"));
        var upstreams = string.Join("\n", instances.Select(i => string.Create(CultureInfo.InvariantCulture, $"    server 127.0.0.1:{i.Port} max_fails=3 fail_timeout=10s;")));
        var lines = site.Split('\n').Where(l => !l.TrimStart().StartsWith("server 127.0.0.1:", StringComparison.Ordinal)).ToList();
        var upstream = lines.FindIndex(l => l.StartsWith("upstream sunshine_api", StringComparison.Ordinal));
        lines.Insert(upstream + 1, upstreams);
        site = string.Join('\n', lines).Replace("listen 127.0.0.1:8080;", string.Create(CultureInfo.InvariantCulture, $"listen 127.0.0.1:{port};"), StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(folder, "sunshine.conf"), site);
        await File.WriteAllTextAsync(Path.Combine(folder, "nginx.conf"), $$"""
            worker_processes 1;
            daemon off;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            events { worker_connections 256; }
            http {
                access_log {{folder}}/access.log;
                client_body_temp_path {{temp}}/body;
                proxy_temp_path {{temp}}/proxy;
                fastcgi_temp_path {{temp}}/fastcgi;
                uwsgi_temp_path {{temp}}/uwsgi;
                scgi_temp_path {{temp}}/scgi;
                include {{folder}}/sunshine.conf;
            }
            """);

        var start = new ProcessStartInfo(binary) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "-p", folder, "-c", Path.Combine(folder, "nginx.conf") })
        {
            start.ArgumentList.Add(argument);
        }

        var nginx = new Nginx(Process.Start(start)!, port);
        using var http = new HttpClient { BaseAddress = nginx.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        for (var attempt = 0; attempt < 40; attempt++)
        {
            try
            {
                if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    return nginx;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        var error = File.Exists(Path.Combine(folder, "error.log")) ? await File.ReadAllTextAsync(Path.Combine(folder, "error.log")) : string.Empty;
        await nginx.DisposeAsync();
        throw new InvalidOperationException("nginx did not start: " + error);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // TERM: the master stops its workers too (a KILL would leave them running).
            using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
    }
}
