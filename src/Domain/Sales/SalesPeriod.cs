using System.Globalization;
using Sunshine.Domain.Common;
using Sunshine.Domain.Shops;

namespace Sunshine.Domain.Sales;

/// <summary>A sales period: a day (<c>2019-06-15</c>) or a month (<c>2019-06</c>), as China Standard Time dates.</summary>
public sealed record SalesPeriod
{
    private SalesPeriod(DateOnly start, ReportingGranularity granularity)
    {
        Start = start;
        Granularity = granularity;
    }

    public DateOnly Start { get; }

    public ReportingGranularity Granularity { get; }

    public DateOnly End => Granularity == ReportingGranularity.Daily ? Start : Start.AddMonths(1).AddDays(-1);

    /// <summary>The first day of the month the period falls in (its roll-up month).</summary>
    public DateOnly Month => new(Start.Year, Start.Month, 1);

    public static SalesPeriod Day(DateOnly day) => new(day, ReportingGranularity.Daily);

    public static SalesPeriod MonthOf(int year, int month) => new(new DateOnly(year, month, 1), ReportingGranularity.Monthly);

    /// <summary>Parses <c>yyyy-MM-dd</c> (a day) or <c>yyyy-MM</c> (a month); not in the future.</summary>
    public static SalesPeriod Parse(string? text, DateOnly today, string field = "period")
    {
        var value = text?.Trim() ?? string.Empty;
        SalesPeriod period;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            period = Day(day);
        }
        else if (DateOnly.TryParseExact(value + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) && value.Length == 7)
        {
            period = new SalesPeriod(month, ReportingGranularity.Monthly);
        }
        else
        {
            throw new DomainException("sales.period_invalid", "A period is a day (yyyy-MM-dd) or a month (yyyy-MM).", field: field);
        }

        if (period.Start > today)
        {
            throw new DomainException("sales.period_future", "Sales are reported for past periods.", field: field);
        }

        return period;
    }

    public override string ToString() =>
        Granularity == ReportingGranularity.Daily
            ? Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : Start.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
