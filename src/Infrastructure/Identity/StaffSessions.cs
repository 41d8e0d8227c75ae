using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sunshine.Infrastructure.Persistence;

namespace Sunshine.Infrastructure.Identity;

/// <summary>Starts, checks and ends the server-side records of staff sessions (<see cref="StaffSession"/>).</summary>
public sealed class StaffSessions(ApplicationDbContext db, TimeProvider clock, IOptions<SessionOptions> options, SessionCheckCache cache)
{
    /// <summary>The header the web client sends on background polls: they do not count as activity.</summary>
    public const string BackgroundHeader = "Sunshine-Background";

    public const string IdleTimeoutCode = "auth.session_idle_timeout";
    public const string ExpiredCode = "auth.session_expired";
    public const string EndedCode = "auth.session_ended";

    private SessionOptions Limits => options.Value;

    /// <summary>Records a new session for the account (in the caller's transaction) and returns it.</summary>
    public async Task<StaffSessionFeature> StartAsync(Guid userId, CancellationToken cancellationToken)
    {
        var now = Now();
        var session = new StaffSession { UserId = userId, CreatedAt = now, LastSeenAt = now };
        db.StaffSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return Feature(session.Id, now, now);
    }

    /// <summary>
    /// Checks the session on a request: one primary-key read (with the account's concurrency stamp, which the caller
    /// compares), or this instance's record of it read within the last <see cref="SessionOptions.CheckReuse"/>
    /// (<see cref="SessionCheckCache"/>). A session past a limit is ended here, after a fresh read. Unless
    /// <paramref name="background"/>, the request counts as activity: last seen moves to now (written at most once per
    /// <see cref="SessionOptions.TouchInterval"/>).
    /// </summary>
    public async Task<SessionCheck> CheckAsync(Guid sessionId, Guid userId, bool background, CancellationToken cancellationToken)
    {
        var now = Now();
        var row = cache.Find(sessionId, userId);
        if (row is null || now >= row.CreatedAt + Limits.Absolute || now > row.LastSeenAt + Limits.Idle)
        {
            row = await ReadAsync(sessionId, userId, now, cancellationToken);
            if (row is null)
            {
                cache.Forget(sessionId);
                return SessionCheck.Refused(EndedCode);
            }
        }

        if (now >= row.CreatedAt + Limits.Absolute)
        {
            await EndAsync(sessionId, StaffSessionEndReasons.Expired, cancellationToken);
            return SessionCheck.Refused(ExpiredCode);
        }

        if (now > row.LastSeenAt + Limits.Idle)
        {
            await EndAsync(sessionId, StaffSessionEndReasons.Idle, cancellationToken);
            return SessionCheck.Refused(IdleTimeoutCode);
        }

        var lastSeen = row.LastSeenAt;
        if (!background && now - lastSeen >= Limits.TouchInterval)
        {
            // Concurrent requests of one page wait for each other's row lock and then skip: the condition is re-read.
            var threshold = now - Limits.TouchInterval;
            await db.StaffSessions.Where(s => s.Id == sessionId && s.EndedAt == null && s.LastSeenAt <= threshold)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenAt, now), cancellationToken);
            lastSeen = now;
            cache.Touched(sessionId, now);
        }

        return new SessionCheck(null, row.AccountStamp, Feature(sessionId, row.CreatedAt, lastSeen));
    }

    /// <summary>The open session's record with the account's stamp (remembered for the next requests), or null when it is ended or unknown.</summary>
    private async Task<SessionCheckCache.SessionRecord?> ReadAsync(Guid sessionId, Guid userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var row = await db.StaffSessions.AsNoTracking()
            .Where(s => s.Id == sessionId && s.UserId == userId)
            .Select(s => new
            {
                s.CreatedAt,
                s.LastSeenAt,
                s.EndedAt,
                Stamp = db.Users.Where(u => u.Id == s.UserId).Select(u => u.ConcurrencyStamp).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null || row.EndedAt is not null)
        {
            return null;
        }

        var record = new SessionCheckCache.SessionRecord(userId, row.CreatedAt, row.LastSeenAt, row.Stamp, now);
        cache.Remember(sessionId, record);
        return record;
    }

    public Task<int> EndAsync(Guid sessionId, string reason, CancellationToken cancellationToken)
    {
        var now = Now();
        cache.Forget(sessionId);
        return db.StaffSessions.Where(s => s.Id == sessionId && s.EndedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, now).SetProperty(s => s.EndedReason, reason), cancellationToken);
    }

    /// <summary>Ends every open session of the account (disabled, password or second factor reset).</summary>
    public Task<int> EndAllAsync(Guid userId, string reason, CancellationToken cancellationToken)
    {
        var now = Now();
        cache.ForgetAccount(userId);
        return db.StaffSessions.Where(s => s.UserId == userId && s.EndedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, now).SetProperty(s => s.EndedReason, reason), cancellationToken);
    }

    /// <summary>The time to the microsecond, as PostgreSQL keeps it, so the deadlines reported equal those stored.</summary>
    private DateTimeOffset Now()
    {
        var now = clock.GetUtcNow();
        return new DateTimeOffset(now.UtcTicks - (now.UtcTicks % 10), TimeSpan.Zero);
    }

    private StaffSessionFeature Feature(Guid id, DateTimeOffset createdAt, DateTimeOffset lastSeen)
    {
        var expires = createdAt + Limits.Absolute;
        var idle = lastSeen + Limits.Idle;
        return new StaffSessionFeature(id, idle < expires ? idle : expires, expires);
    }

    /// <summary>Why the current request's session was refused, for its 401 problem.</summary>
    public static string? RefusalOf(HttpContext context) =>
        context?.Items.TryGetValue(RefusalKey, out var code) == true ? code as string : null;

    internal static void SetRefusal(HttpContext context, string code) => context.Items[RefusalKey] = code;

    private const string RefusalKey = "Sunshine.SessionRefusal";
}

/// <summary>A session check: refused with a code, or the account's current concurrency stamp and the session's deadlines.</summary>
public sealed record SessionCheck(string? RefusalCode, string? AccountStamp, StaffSessionFeature? Session)
{
    public static SessionCheck Refused(string code) => new(code, null, null);
}
