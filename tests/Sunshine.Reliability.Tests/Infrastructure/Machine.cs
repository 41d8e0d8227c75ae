using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Sunshine.Reliability.Tests.Infrastructure;

/// <summary>The repository, the build output the tests run, and the shell helpers of <c>scripts/lib.sh</c>.</summary>
public static class Machine
{
    /// <summary>The repository root: the folder above this assembly that holds <c>Sunshine.slnx</c>.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The API's build output of the same configuration as this test assembly (Debug or Release).</summary>
    public static string ApiDll
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
            var dll = Path.Combine(Root, "src", "Api", "bin", configuration, "net10.0", "Sunshine.Api.dll");
            return File.Exists(dll) ? dll : throw new InvalidOperationException($"Build the API first: {dll} does not exist.");
        }
    }

    /// <summary>A folder the postgres user (which runs the test cluster when the tests run as root) may enter.</summary>
    public static string NewWorkFolder(string name)
    {
        var folder = Directory.CreateTempSubdirectory($"sunshine-{name}.");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        return folder.FullName;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Runs a bash script with <c>scripts/lib.sh</c> sourced; throws with its output unless it succeeds.</summary>
    public static async Task<string> ShAsync(string script, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"set -eo pipefail; source scripts/lib.sh; ensure_postgres_binaries; {script}");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(cts.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"`{script}` exited with {process.ExitCode}:\n{await output}\n{await error}");
        }

        return (await output).Trim();
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Sunshine.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (Sunshine.slnx) is not above " + AppContext.BaseDirectory);
    }
}
