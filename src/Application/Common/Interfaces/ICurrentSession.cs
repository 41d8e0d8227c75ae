namespace Sunshine.Application.Common.Interfaces;

/// <summary>The caller's staff session (cookie), when there is one: its deadlines and whether a second factor is owed.</summary>
public interface ICurrentSession
{
    /// <summary>When the session ends: idle (unless used again before) and at the latest; null for bearer tokens.</summary>
    SessionDeadlines? Deadlines { get; }

    /// <summary>The account's role requires a second factor and it has none yet: only enrolment is open to it.</summary>
    bool TwoFactorEnrolmentRequired { get; }
}

public sealed record SessionDeadlines(DateTimeOffset IdleExpiresAt, DateTimeOffset ExpiresAt);
