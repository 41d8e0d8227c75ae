using Sunshine.Domain.Sales;
using Sunshine.Domain.Shops;

namespace Sunshine.Application.Sales;

/// <summary>One period's figures of one shop to write.</summary>
public sealed record SalesWrite(Guid ShopId, Guid CountyId, Guid PlatformId, SalesPeriod Period, SalesFigures Figures, RecordSource Source, Guid? EnteredById);

/// <summary>What a write did: a new record, a superseded one (its old figures kept), or nothing (same figures).</summary>
public enum SalesWriteOutcome
{
    Created,
    Updated,
    Unchanged,
}

/// <summary>
/// Writes sales in bulk within the current transaction: upserts on (shop, period), keeps superseded
/// figures in the history, and maintains the shop-month and county-month roll-ups by the change.
/// </summary>
public interface ISalesWriter
{
    Task<IReadOnlyList<SalesWriteOutcome>> UpsertAsync(IReadOnlyList<SalesWrite> writes, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Takes the shops' write locks for the rest of the transaction (writes of the shops wait, and so do others' confirmations).</summary>
    Task LockShopsAsync(IReadOnlyCollection<Guid> shopIds, CancellationToken cancellationToken);

    /// <summary>Staff figures were confirmed: they now count, so the roll-ups' counted net grows by their net.</summary>
    Task CountConfirmedAsync(Guid shopId, Guid countyId, DateOnly month, decimal net, CancellationToken cancellationToken);
}
