namespace Sunshine.Domain.Sales;

/// <summary>
/// A shop's sales in one month, maintained in the same transaction as every sales write, so
/// statistics and awards never scan the raw sales. <c>CountedNet</c> leaves out unconfirmed staff figures.
/// </summary>
public sealed class ShopMonthSales
{
    private ShopMonthSales()
    {
    }

    public Guid ShopId { get; private set; }

    public DateOnly Month { get; private set; }

    public Guid CountyId { get; private set; }

    public Guid PlatformId { get; private set; }

    public long OrderCount { get; private set; }

    public long Units { get; private set; }

    public decimal Gross { get; private set; }

    public decimal Refunds { get; private set; }

    public decimal Net { get; private set; }

    public decimal CountedNet { get; private set; }
}

/// <summary>A county's sales in one month (the same sums over its shops).</summary>
public sealed class CountyMonthSales
{
    private CountyMonthSales()
    {
    }

    public Guid CountyId { get; private set; }

    public DateOnly Month { get; private set; }

    public long OrderCount { get; private set; }

    public long Units { get; private set; }

    public decimal Gross { get; private set; }

    public decimal Refunds { get; private set; }

    public decimal Net { get; private set; }

    public decimal CountedNet { get; private set; }
}

/// <summary>
/// The net sales of all the shops of one owner (a person or an enterprise, by id) in one calendar year,
/// maintained with the month roll-ups in the same transaction as every sales write. The awards' "sales of
/// the previous calendar year" of a person or an operator is one row here, so screening reads a few
/// thousand rows instead of summing a year of shop-months.
/// </summary>
public sealed class OwnerYearSales
{
    private OwnerYearSales()
    {
    }

    /// <summary>The shops' owner: a person's or an enterprise's id.</summary>
    public Guid OwnerId { get; private set; }

    public int Year { get; private set; }

    public decimal Net { get; private set; }

    public decimal CountedNet { get; private set; }
}
