namespace Sunshine.Domain.Shops;

/// <summary>
/// How many of a county's shops opened, and how many closed, on one day: the statistics' shop counts
/// (opened in a period, active at its end) sum these few rows instead of reading every shop. Kept by the
/// database itself (a trigger on <c>shops</c>), so every writer of shops keeps it true. A shop counts as
/// closed on the later of its closing and opening days, so "closed by a day" always implies "opened by it".
/// </summary>
public sealed class CountyShopDay
{
    private CountyShopDay()
    {
    }

    public Guid CountyId { get; private set; }

    public DateOnly Day { get; private set; }

    public int Opened { get; private set; }

    public int Closed { get; private set; }
}

/// <summary>
/// The same counts per county and calendar month (<see cref="Month"/> is its first day): a period's counts are
/// whole months from here and the days of its two ends from <see cref="CountyShopDay"/>.
/// </summary>
public sealed class CountyShopMonth
{
    private CountyShopMonth()
    {
    }

    public Guid CountyId { get; private set; }

    public DateOnly Month { get; private set; }

    public int Opened { get; private set; }

    public int Closed { get; private set; }
}
