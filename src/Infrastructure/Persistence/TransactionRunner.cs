using Sunshine.Application.Common.Interfaces;
using Sunshine.Infrastructure.Auditing;

namespace Sunshine.Infrastructure.Persistence;

/// <summary>
/// One READ COMMITTED transaction per command; a command sent from inside another joins it. Audit
/// entries the use case recorded after its last save are written before the commit.
/// </summary>
public sealed class TransactionRunner(ApplicationDbContext db, AuditTrail audit) : ITransactionRunner
{
    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (db.Database.CurrentTransaction is not null)
        {
            return await work(cancellationToken);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var result = await work(cancellationToken);
            if (audit.HasPending)
            {
                await db.SaveChangesAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        catch
        {
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            throw;
        }
    }
}
