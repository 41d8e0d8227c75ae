namespace Sunshine.Application.Common.Interfaces;

/// <summary>Calendar dates in China Standard Time (UTC+8), from the application's <see cref="TimeProvider"/>.</summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>Today's date in China Standard Time.</summary>
    public static DateOnly Today(this TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Offset).DateTime);
    }
}
