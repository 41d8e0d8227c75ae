using Sunshine.Domain.Common;

namespace Sunshine.Domain.Statistics;

/// <summary>How a statistics period is given.</summary>
public enum PeriodKind
{
    Month,
    Quarter,
    Year,
    Custom,
}

/// <summary>
/// A statistics period: whole dates in China Standard Time, both ends inclusive. Sales come from
/// monthly roll-ups, so the sales figures of a period are those of the calendar months lying wholly
/// within it (<see cref="SalesMonths"/>); for a month, quarter or year that is the whole period.
/// </summary>
public sealed record StatisticsPeriod(PeriodKind Kind, DateOnly From, DateOnly To)
{
    /// <summary>The longest custom range (ten years): a bulletin never needs more, and it bounds the work.</summary>
    public const int MaxDays = 3660;

    public static StatisticsPeriod Month(int year, int month)
    {
        EnsureYear(year);
        if (month is < 1 or > 12)
        {
            throw new DomainException("period.month_invalid", "A month is 1 to 12.", field: "month");
        }

        var from = new DateOnly(year, month, 1);
        return new(PeriodKind.Month, from, from.AddMonths(1).AddDays(-1));
    }

    public static StatisticsPeriod Quarter(int year, int quarter)
    {
        EnsureYear(year);
        if (quarter is < 1 or > 4)
        {
            throw new DomainException("period.quarter_invalid", "A quarter is 1 to 4.", field: "quarter");
        }

        var from = new DateOnly(year, ((quarter - 1) * 3) + 1, 1);
        return new(PeriodKind.Quarter, from, from.AddMonths(3).AddDays(-1));
    }

    public static StatisticsPeriod Year(int year)
    {
        EnsureYear(year);
        return new(PeriodKind.Year, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
    }

    public static StatisticsPeriod Custom(DateOnly from, DateOnly to)
    {
        EnsureYear(from.Year, "from");
        EnsureYear(to.Year, "to");
        if (to < from)
        {
            throw new DomainException("period.invalid", "The period must not end before it starts.", field: "to");
        }

        if (to.DayNumber - from.DayNumber + 1 > MaxDays)
        {
            throw new DomainException("period.too_long", $"A custom period is at most {MaxDays} days.", field: "to");
        }

        return new(PeriodKind.Custom, from, to);
    }

    /// <summary>
    /// Builds the period from the query's parts: <paramref name="kind"/> with <paramref name="year"/> and
    /// <paramref name="part"/> (month or quarter), or a custom range.
    /// </summary>
    public static StatisticsPeriod Of(PeriodKind kind, int? year, int? part, DateOnly? from, DateOnly? to) => kind switch
    {
        PeriodKind.Month => Month(Required(year, "year"), Required(part, "month")),
        PeriodKind.Quarter => Quarter(Required(year, "year"), Required(part, "quarter")),
        PeriodKind.Year => Year(Required(year, "year")),
        _ => Custom(
            from ?? throw new DomainException("period.from_required", "A custom period needs 'from'.", field: "from"),
            to ?? throw new DomainException("period.to_required", "A custom period needs 'to'.", field: "to")),
    };

    /// <summary>The first days of the first and last calendar months wholly within the period, or null when there is none.</summary>
    public (DateOnly First, DateOnly Last)? SalesMonths
    {
        get
        {
            var first = From.Day == 1 ? From : new DateOnly(From.Year, From.Month, 1).AddMonths(1);
            var nextAfterTo = To.AddDays(1);
            var last = nextAfterTo.Day == 1 ? nextAfterTo.AddMonths(-1) : new DateOnly(To.Year, To.Month, 1).AddMonths(-1);
            return last < first ? null : (first, last);
        }
    }

    /// <summary>The calendar years the period touches, first to last.</summary>
    public IEnumerable<int> Years => Enumerable.Range(From.Year, To.Year - From.Year + 1);

    /// <summary>A label for headers, e.g. <c>2025-01-01 至 2025-12-31</c>.</summary>
    public string Label => $"{From:yyyy-MM-dd} 至 {To:yyyy-MM-dd}";

    private static int Required(int? value, string field) =>
        value ?? throw new DomainException($"period.{field}_required", $"This period needs '{field}'.", field: field);

    private static void EnsureYear(int year, string field = "year")
    {
        if (year is < 2000 or > 2100)
        {
            throw new DomainException("period.year_invalid", "A statistics year lies between 2000 and 2100.", field: field);
        }
    }
}
