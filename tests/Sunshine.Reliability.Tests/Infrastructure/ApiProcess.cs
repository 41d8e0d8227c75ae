using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Sunshine.Reliability.Tests.Infrastructure;

/// <summary>What the API instances of a test share: the database, the key folder and the token certificates.</summary>
public sealed record ApiShared(PostgresCluster Cluster, string Database, string KeysFolder, string PublicBaseUrl)
{
    public const string CertificatePassword = "sunshine-tests";

    /// <summary>Makes the key folder and the token signing and encryption certificates (PFX) every instance loads.</summary>
    public static ApiShared Create(PostgresCluster cluster, string database, string workFolder, string publicBaseUrl)
    {
        var keys = Path.Combine(workFolder, "keys");
        Directory.CreateDirectory(keys);
        foreach (var (name, usage) in new[] { ("signing", X509KeyUsageFlags.DigitalSignature), ("encryption", X509KeyUsageFlags.KeyEncipherment) })
        {
            using var rsa = RSA.Create(2048);
            var request = new CertificateRequest($"CN=Sunshine token {name}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, critical: true));
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            File.WriteAllBytes(Path.Combine(keys, $"{name}.pfx"), certificate.Export(X509ContentType.Pfx, CertificatePassword));
        }

        return new ApiShared(cluster, database, keys, publicBaseUrl);
    }
}

/// <summary>
/// The API as a process of its own (<c>dotnet src/Api/bin/…/Sunshine.Api.dll</c>), as it runs in production: Development
/// only for the demo accounts; Data Protection keys, the sensitive-data key, the audit key and the token certificates
/// from the shared folder, so every instance reads what another wrote.
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private readonly Process _process;
    private int _disposed;

    private ApiProcess(Process process, int port, string logFile)
    {
        _process = process;
        Port = port;
        LogFile = logFile;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
    }

    public int Port { get; }

    public Uri BaseAddress { get; }

    public string LogFile { get; }

    public static async Task<ApiProcess> StartAsync(ApiShared shared, string name, IDictionary<string, string>? settings = null, TimeSpan? readyWithin = null)
    {
        var port = Machine.FreePort();
        var logFile = Path.Combine(Path.GetDirectoryName(shared.KeysFolder)!, $"api-{name}.log");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Machine.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { Machine.ApiDll, "--urls", $"http://127.0.0.1:{port}", "--contentRoot", Path.Combine(Machine.Root, "src", "Api") })
        {
            start.ArgumentList.Add(argument);
        }

        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ConnectionStrings__Default"] = $"Host={shared.Cluster.Folder}/run;Port={shared.Cluster.Port};Database={shared.Database};Username=sunshine_app",
            ["ConnectionStrings__Migrations"] = $"Host={shared.Cluster.Folder}/run;Port={shared.Cluster.Port};Database={shared.Database};Username=sunshine_owner",
            ["DataProtection__KeysPath"] = shared.KeysFolder,
            ["SensitiveData__KeyFile"] = Path.Combine(shared.KeysFolder, "sensitive-data.json"),
            ["AuditTrail__KeyFile"] = Path.Combine(shared.KeysFolder, "audit-trail.key"),
            ["Auth__PublicBaseUrl"] = shared.PublicBaseUrl,
            ["Auth__SigningCertificatePath"] = Path.Combine(shared.KeysFolder, "signing.pfx"),
            ["Auth__EncryptionCertificatePath"] = Path.Combine(shared.KeysFolder, "encryption.pfx"),
            ["Auth__CertificatePassword"] = ApiShared.CertificatePassword,
            ["RateLimiting__SignInPerMinute"] = "1000",
            ["Serilog__MinimumLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        var log = new StreamWriter(logFile) { AutoFlush = true };
        var gate = new object();
        // The log closes when both streams have ended (a null line), not when the process exits: the last lines of
        // output can still arrive after the Exited event.
        var open = 2;
        void Write(DataReceivedEventArgs e)
        {
            lock (gate)
            {
                if (open == 0)
                {
                    return;
                }

                if (e.Data is not null)
                {
                    log.WriteLine(e.Data);
                }
                else if (--open == 0)
                {
                    log.Dispose();
                }
            }
        }

        process.OutputDataReceived += (_, e) => Write(e);
        process.ErrorDataReceived += (_, e) => Write(e);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var api = new ApiProcess(process, port, logFile);
        using var http = new HttpClient { BaseAddress = api.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < (readyWithin ?? TimeSpan.FromMinutes(3)))
        {
            if (process.HasExited)
            {
                break;
            }

            try
            {
                if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    return api;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Busy migrating.
            }

            await Task.Delay(250);
        }

        await api.DisposeAsync();
        throw new InvalidOperationException($"The API ({name}) did not become ready:\n{string.Join('\n', File.ReadLines(logFile).TakeLast(40))}");
    }

    /// <summary>Stops the instance as a service manager does (SIGTERM), killing it if it has not ended in 15 seconds.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        if (!_process.HasExited)
        {
            using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(15));
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
