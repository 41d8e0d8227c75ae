using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Sunshine.Infrastructure.Identity;

/// <summary>
/// This instance's memory of the session records it read, each reused for <see cref="SessionOptions.CheckReuse"/>
/// (10 s unless configured; the requirement is that an ended session or a disabled account stops working within a
/// minute on every instance). On this instance nothing waits for the window: ending a session, ending an account's
/// sessions and every saved change of an account (roles, county, permissions, disabling, password, second factor) forget
/// what was remembered at once, so the next request reads the record again. Another instance's change is seen when the
/// window closes. A session is never refused from memory: a limit reached by a remembered record is read again first.
/// </summary>
public sealed class SessionCheckCache(TimeProvider clock, IOptions<SessionOptions> options)
{
    /// <summary>Well above the staff's concurrent sessions; past it the memory starts again empty.</summary>
    private const int MaxEntries = 20_000;

    private readonly ConcurrentDictionary<Guid, SessionRecord> _records = new();

    /// <summary>A session's record as read, and when.</summary>
    public sealed record SessionRecord(Guid UserId, DateTimeOffset CreatedAt, DateTimeOffset LastSeenAt, string? AccountStamp, DateTimeOffset ReadAt);

    /// <summary>The session's record read within the window, or null.</summary>
    public SessionRecord? Find(Guid sessionId, Guid userId)
    {
        var reuse = options.Value.CheckReuse;
        if (reuse <= TimeSpan.Zero || !_records.TryGetValue(sessionId, out var record) || record.UserId != userId)
        {
            return null;
        }

        var age = clock.GetUtcNow() - record.ReadAt;
        return age >= TimeSpan.Zero && age < reuse ? record : null;
    }

    public void Remember(Guid sessionId, SessionRecord record)
    {
        if (options.Value.CheckReuse <= TimeSpan.Zero)
        {
            return;
        }

        if (_records.Count >= MaxEntries)
        {
            _records.Clear();
        }

        _records[sessionId] = record;
    }

    /// <summary>Keeps a remembered record's last-seen time in step with the one this instance wrote.</summary>
    public void Touched(Guid sessionId, DateTimeOffset lastSeenAt)
    {
        if (_records.TryGetValue(sessionId, out var record))
        {
            _records.TryUpdate(sessionId, record with { LastSeenAt = lastSeenAt }, record);
        }
    }

    public void Forget(Guid sessionId) => _records.TryRemove(sessionId, out _);

    /// <summary>Forgets every remembered session of the account.</summary>
    public void ForgetAccount(Guid userId)
    {
        foreach (var (sessionId, record) in _records)
        {
            if (record.UserId == userId)
            {
                _records.TryRemove(sessionId, out _);
            }
        }
    }
}

/// <summary>
/// Forgets the remembered sessions of accounts being written (<see cref="SessionCheckCache"/>): as the change is saved,
/// and again once it is committed (a request between the two may have read and remembered the record as it was).
/// </summary>
public sealed class SessionCheckCacheInterceptor(SessionCheckCache cache) : SaveChangesInterceptor
{
    private static readonly ConditionalWeakTable<DbContext, HashSet<Guid>> Written = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData?.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData?.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData?.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData?.Context);
        return ValueTask.FromResult(result);
    }

    /// <summary>The transaction of a save committed: forget its accounts once more.</summary>
    internal void Committed(DbContext? context)
    {
        if (context is not null && Written.TryGetValue(context, out var accounts))
        {
            Written.Remove(context);
            ForgetAll(accounts);
        }
    }

    private void Note(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var accounts = context.ChangeTracker.Entries<ApplicationUser>()
            .Where(e => e.State is EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Entity.Id)
            .ToList();
        if (accounts.Count > 0)
        {
            Written.GetOrCreateValue(context).UnionWith(accounts);
            ForgetAll(accounts);
        }
    }

    private void Saved(DbContext? context)
    {
        if (context is not null && context.Database.CurrentTransaction is null)
        {
            Committed(context);
        }
        else if (context is not null && Written.TryGetValue(context, out var accounts))
        {
            ForgetAll(accounts);
        }
    }

    private void ForgetAll(IEnumerable<Guid> accounts)
    {
        foreach (var account in accounts)
        {
            cache.ForgetAccount(account);
        }
    }
}

/// <summary>Tells <see cref="SessionCheckCacheInterceptor"/> when a transaction commits.</summary>
public sealed class SessionCheckCacheTransactionInterceptor(SessionCheckCacheInterceptor saves) : DbTransactionInterceptor
{
    public override void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) =>
        saves.Committed(eventData?.Context);

    public override Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        saves.Committed(eventData?.Context);
        return Task.CompletedTask;
    }
}
