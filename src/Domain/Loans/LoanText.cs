using System.Globalization;
using Sunshine.Domain.Common;

namespace Sunshine.Domain.Loans;

/// <summary>How loan figures read in a decision's explanation.</summary>
internal static class LoanText
{
    /// <summary>12000 as <c>12,000.00</c>.</summary>
    public static string Yuan(Money money) => money.Yuan.ToString("#,##0.00", CultureInfo.InvariantCulture);

    /// <summary>0.0435 as <c>4.35%</c>.</summary>
    public static string Percent(decimal fraction) => (fraction * 100).ToString("0.####", CultureInfo.InvariantCulture) + "%";

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
