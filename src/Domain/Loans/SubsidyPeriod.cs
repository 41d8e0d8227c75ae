using System.Globalization;
using Sunshine.Domain.Common;

namespace Sunshine.Domain.Loans;

/// <summary>
/// A period an interest subsidy (贴息) is claimed for, usually a quarter: its first and last day,
/// both inclusive, so the first quarter of 2024 is 2024-01-01 to 2024-03-31 (91 days).
/// </summary>
public sealed record SubsidyPeriod
{
    private SubsidyPeriod(DateOnly start, DateOnly end)
    {
        Start = start;
        End = end;
    }

    /// <summary>The first day, inclusive: the assessment date of the decision.</summary>
    public DateOnly Start { get; }

    /// <summary>The last day, inclusive.</summary>
    public DateOnly End { get; }

    public int Days => End.DayNumber - Start.DayNumber + 1;

    public static SubsidyPeriod Create(DateOnly start, DateOnly end) =>
        end >= start ? new SubsidyPeriod(start, end) : throw new DomainException("loan.period_invalid", "A period ends on or after it starts.", field: "periodEnd");

    /// <summary>The quarter (1 to 4) of a year.</summary>
    public static SubsidyPeriod Quarter(int year, int quarter)
    {
        if (quarter is < 1 or > 4)
        {
            throw new DomainException("loan.quarter_invalid", "A quarter is 1 to 4.", field: "quarter");
        }

        var start = new DateOnly(year, (quarter * 3) - 2, 1);
        return new SubsidyPeriod(start, start.AddMonths(3).AddDays(-1));
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Start:yyyy-MM-dd} to {End:yyyy-MM-dd}");
}
