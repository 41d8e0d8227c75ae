using Sunshine.Domain.Common;

namespace Sunshine.Domain.Sales;

/// <summary>
/// A period's sales of a shop: orders, units, gross amount and refunds. Net = gross − refunds is
/// what awards and statistics use (it may be negative when refunds of earlier sales exceed a period's).
/// </summary>
public sealed record SalesFigures
{
    public const int MaxCount = 100_000_000;

    public SalesFigures(int orderCount, int units, Money gross, Money refunds, string field = "")
    {
        if (orderCount is < 0 or > MaxCount)
        {
            throw new DomainException("sales.order_count_invalid", "The order count is 0 or more.", field: Field(field, "orderCount"));
        }

        if (units is < 0 or > MaxCount)
        {
            throw new DomainException("sales.units_invalid", "The number of units is 0 or more.", field: Field(field, "units"));
        }

        OrderCount = orderCount;
        Units = units;
        Gross = gross;
        Refunds = refunds;
    }

    public int OrderCount { get; }

    public int Units { get; }

    public Money Gross { get; }

    public Money Refunds { get; }

    public decimal Net => Gross.Yuan - Refunds.Yuan;

    private static string Field(string prefix, string name) => prefix.Length == 0 ? name : $"{prefix}.{name}";
}
