namespace Sunshine.Infrastructure.Testing;

/// <summary>
/// The system clock moved forward by an offset, for end-to-end tests of rules that wait for days to
/// pass (a public notice). Registered only in Development with <c>Testing:AdjustableClock=true</c>;
/// never in production.
/// </summary>
public sealed class AdjustableClock : TimeProvider
{
    public const string Setting = "Testing:AdjustableClock";

    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public void Reset() => Interlocked.Exchange(ref _offsetTicks, 0);
}
