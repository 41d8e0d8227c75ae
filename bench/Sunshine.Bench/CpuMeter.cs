using System.Diagnostics;
using System.Globalization;

namespace Sunshine.Bench;

/// <summary>CPU seconds used so far by the API process, by the PostgreSQL cluster (postmaster and all its children, including exited ones) and by this client.</summary>
public readonly record struct CpuSample(double Api, double Postgres, double Client)
{
    public static CpuSample operator -(CpuSample a, CpuSample b) => new(a.Api - b.Api, a.Postgres - b.Postgres, a.Client - b.Client);
}

/// <summary>
/// Reads the processes' CPU time from <c>/proc</c> (Linux): on a shared machine wall-clock rates move with
/// whatever else runs, the CPU each side spends per row much less. Without the process ids (or off Linux)
/// only the client is measured.
/// </summary>
public sealed class CpuMeter(int? apiPid, int? postmasterPid)
{
    /// <summary>USER_HZ, the unit of /proc/PID/stat times: 100 on every Linux of this kind.</summary>
    private const double TicksPerSecond = 100;

    public CpuSample Sample()
    {
        var api = apiPid is { } a ? Ticks(a, includeChildren: false) / TicksPerSecond : double.NaN;
        var postgres = double.NaN;
        if (postmasterPid is { } pm && Directory.Exists("/proc"))
        {
            double ticks = Ticks(pm, includeChildren: true);
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
            {
                if (int.TryParse(Path.GetFileName(dir), CultureInfo.InvariantCulture, out var pid) && ParentOf(pid) == pm)
                {
                    ticks += Ticks(pid, includeChildren: false);
                }
            }

            postgres = ticks / TicksPerSecond;
        }

        using var self = Process.GetCurrentProcess();
        return new CpuSample(api, postgres, self.TotalProcessorTime.TotalSeconds);
    }

    /// <summary>utime + stime (and cutime + cstime of reaped children) from /proc/PID/stat; 0 once the process is gone.</summary>
    private static long Ticks(int pid, bool includeChildren)
    {
        var fields = StatFields(pid);
        if (fields is null)
        {
            return 0;
        }

        // After the ")" that ends the command name: field 3 is state; utime, stime, cutime, cstime are fields 14-17.
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return includeChildren ? ticks + long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture) : ticks;
    }

    private static int? ParentOf(int pid) => StatFields(pid) is { } fields ? int.Parse(fields[1], CultureInfo.InvariantCulture) : null;

    private static string[]? StatFields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
