namespace Sunshine.Infrastructure.Identity;

/// <summary>
/// The server's record of one staff cookie session (ADR 0015). The cookie carries only its id (claim
/// <see cref="SunshineClaimTypes.Session"/>); every request checks the record, so a session ended here (signed out,
/// idle, past its absolute limit, account disabled or password reset) stops working at once, whatever the cookie says.
/// </summary>
public sealed class StaffSession
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid UserId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The last request that was not a background poll (to within <see cref="SessionOptions.TouchInterval"/>).</summary>
    public DateTimeOffset LastSeenAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>Why it ended: one of <see cref="StaffSessionEndReasons"/>.</summary>
    public string? EndedReason { get; set; }
}

/// <summary>Why a session ended (stored in <see cref="StaffSession.EndedReason"/>).</summary>
public static class StaffSessionEndReasons
{
    public const string SignedOut = "signed_out";
    public const string Idle = "idle_timeout";
    public const string Expired = "expired";
    public const string AccountDisabled = "account_disabled";
    public const string PasswordReset = "password_reset";
    public const string TwoFactorReset = "two_factor_reset";
}

/// <summary>Session limits (configuration section <c>Sessions</c>).</summary>
public sealed class SessionOptions
{
    public const string Section = "Sessions";

    /// <summary>Minutes without a request (background polls do not count) after which a session ends.</summary>
    public int IdleMinutes { get; set; } = 30;

    /// <summary>Hours after sign-in after which a session ends, however active.</summary>
    public int AbsoluteHours { get; set; } = 8;

    /// <summary>
    /// The last-seen time is written only when it is older than this, so a burst of requests writes it once; idle
    /// time therefore counts from at most this long before the last request.
    /// </summary>
    public TimeSpan TouchInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long an instance reuses a session record it read (<see cref="SessionCheckCache"/>) before reading it again:
    /// the longest a session ended, or an account changed, on another instance keeps working here. At most a minute;
    /// zero reads the record on every request.
    /// </summary>
    public TimeSpan CheckReuse { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan Idle => TimeSpan.FromMinutes(IdleMinutes);

    public TimeSpan Absolute => TimeSpan.FromHours(AbsoluteHours);
}

/// <summary>The current request's staff session and its two deadlines; set by the session check (or the sign-in).</summary>
public sealed record StaffSessionFeature(Guid SessionId, DateTimeOffset IdleExpiresAt, DateTimeOffset ExpiresAt);
