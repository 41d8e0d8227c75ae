using Sunshine.Domain.Common;

namespace Sunshine.Domain.Statistics;

/// <summary>
/// An issued statistics bulletin (统计通报): a number, the period and counties it covers, and its figures
/// frozen at issue — the table as JSON and the XLSX and CSV files as they were generated — so an issued
/// bulletin reproduces byte for byte after any later correction of the data.
/// </summary>
public sealed class Bulletin : Entity
{
    public const int MaxTitleLength = 200;

    private Bulletin()
    {
        Number = null!;
        Title = null!;
        CountyIds = null!;
        Codes = null!;
        Figures = null!;
        Xlsx = null!;
        Csv = null!;
    }

    private Bulletin(int year, int sequence, string title, StatisticsPeriod period, Guid[] countyIds, string[] codes, bool cityWide, string figures,
        byte[] xlsx, byte[] csv, Guid issuedById, DateTimeOffset issuedAt)
    {
        Year = year;
        Sequence = sequence;
        Number = NumberOf(year, sequence);
        Title = title;
        PeriodKind = period.Kind;
        From = period.From;
        To = period.To;
        CountyIds = countyIds;
        Codes = codes;
        CityWide = cityWide;
        Figures = figures;
        Xlsx = xlsx;
        Csv = csv;
        IssuedById = issuedById;
        IssuedAt = issuedAt;
    }

    /// <summary>The year of issue (China Standard Time); numbers run from 1 each year.</summary>
    public int Year { get; private set; }

    public int Sequence { get; private set; }

    /// <summary>The bulletin number, e.g. <c>统计通报〔2026〕第3号</c>.</summary>
    public string Number { get; private set; }

    public string Title { get; private set; }

    public PeriodKind PeriodKind { get; private set; }

    public DateOnly From { get; private set; }

    public DateOnly To { get; private set; }

    /// <summary>The counties covered, in the order of the table.</summary>
    public Guid[] CountyIds { get; private set; }

    /// <summary>The indicator codes, in the order of the table.</summary>
    public string[] Codes { get; private set; }

    /// <summary>True when it covers the whole city (the totals include what belongs to no county).</summary>
    public bool CityWide { get; private set; }

    /// <summary>The frozen table (JSON), as the API returns it.</summary>
    public string Figures { get; private set; }

    public byte[] Xlsx { get; private set; }

    public byte[] Csv { get; private set; }

    public Guid IssuedById { get; private set; }

    public DateTimeOffset IssuedAt { get; private set; }

    public static string NumberOf(int year, int sequence) => $"统计通报〔{year}〕第{sequence}号";

    public static Bulletin Issue(int year, int sequence, string title, StatisticsPeriod period, IReadOnlyList<Guid> countyIds, IReadOnlyList<string> codes, bool cityWide,
        string figures, byte[] xlsx, byte[] csv, Guid issuedById, DateTimeOffset issuedAt)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(countyIds);
        ArgumentNullException.ThrowIfNull(codes);
        var text = title?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > MaxTitleLength)
        {
            throw new DomainException("bulletin.title_invalid", $"A bulletin needs a title of at most {MaxTitleLength} characters.", field: "title");
        }

        if (countyIds.Count == 0 || codes.Count == 0)
        {
            throw new DomainException("bulletin.empty", "A bulletin covers at least one county and one indicator.", field: "codes");
        }

        return new Bulletin(year, sequence, text, period, [.. countyIds], [.. codes], cityWide, figures, xlsx, csv, issuedById, issuedAt);
    }
}
