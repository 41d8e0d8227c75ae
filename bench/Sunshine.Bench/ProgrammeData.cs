using System.Numerics;
using Sunshine.Domain.Registry;
using Sunshine.Domain.Sales;

namespace Sunshine.Bench;

/// <summary>One row of <c>sales_records</c> of the programme data set.</summary>
public readonly record struct ProgrammeSalesRow(int Shop, DateOnly PeriodStart, bool Daily, DateOnly Month, Figures Figures, bool ByStaff, bool Confirmed)
{
    /// <summary>Net sales the awards count: partner figures, and staff figures once confirmed.</summary>
    public long CountedNetFen => !ByStaff || Confirmed ? Figures.GrossFen - Figures.RefundsFen : 0;
}

/// <summary>How the programme data set came out: figures for the report.</summary>
public sealed record ProgrammeProfile(
    int People, int Sellers, int InactivePeople, int Shops, int PersonShops, int EnterpriseShops, int DailyShops, int StaffShops, long Records, long DailyRecords,
    double TopPercentToMedian, double TopPercentShare, int SalesYear, long SalesYearNetFen, int PeopleWithSalesInYear, int PeopleOverThreshold, decimal Threshold);

/// <summary>
/// Scenario 2's data set, made from the seed alone: the programme at full scale. People (valid fictional ID
/// numbers, see <see cref="BenchPeople"/>) in the county-level regions; about 40 % of them sell online, so
/// their shops (98 % of the shops; the rest belong to enterprises) fall to them at random: most sellers have
/// one shop, some several. Every shop has a size drawn once (log-normal, σ = <see cref="SalesData.SizeSigma"/>:
/// a few large sellers, many small), an average order value and a growth rate, and opened before the window
/// (three in four) or during it. The window is <see cref="ScreeningOptions.Months"/> months ending with the last
/// full month before today, so it holds the whole previous calendar year. Monthly shops report a row a month;
/// shops reporting a row a day are picked, the largest most likely, until the rows add up to exactly
/// <see cref="ScreeningOptions.Records"/>. A few shops were registered by staff, whose figures count only once
/// confirmed (most are). Months and days follow the size, the season (the Spring Festival lull, 618, Double 11),
/// the weekday, the growth and noise; refunds are a small fraction of the gross.
/// </summary>
public sealed class ProgrammeData
{
    /// <summary>Orders in a month of the median shop, before the season and the noise.</summary>
    public const double MedianOrders = 5;

    /// <summary>Share of the people who sell online.</summary>
    public const double SellerShare = 0.40;

    /// <summary>Share of the shops owned by enterprises (e-commerce enterprises of a county), not people.</summary>
    public const double EnterpriseShopShare = 0.02;

    /// <summary>Share of the shops registered by staff (their figures count once confirmed).</summary>
    public const double StaffShopShare = 0.03;

    /// <summary>Share of staff-entered rows confirmed so far.</summary>
    public const double ConfirmedShare = 0.80;

    private static readonly double[] Season = [1.05, 0.70, 0.90, 0.92, 0.95, 1.20, 0.90, 0.90, 0.95, 1.00, 1.65, 1.25];

    /// <summary>Monday to Sunday (mean 1).</summary>
    private static readonly double[] Weekday = [0.94, 0.95, 0.96, 0.98, 1.03, 1.09, 1.05];

    private readonly ulong _seed;
    private readonly double[] _size;
    private readonly double[] _orderValueFen;
    private readonly double[] _growth;
    private readonly double[] _unitsPerOrder;

    public ProgrammeData(ScreeningOptions options, DateOnly today, IReadOnlyList<string> countyCodes)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(countyCodes);
        Options = options;
        _seed = (ulong)options.Seed;
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        FirstMonth = thisMonth.AddMonths(-options.Months);
        LastDay = thisMonth.AddDays(-1);
        SalesYear = today.Year - 1;
        CountyCodes = countyCodes;
        People = BenchPeople.Make(options.Seed, options.People, countyCodes);

        Status = new PersonStatus[People.Count];
        var sellers = new List<int>();
        for (var p = 0; p < People.Count; p++)
        {
            var u = SalesData.Unit(Hash((ulong)p, 0x57A7, 0));
            Status[p] = u < 0.006 ? PersonStatus.Deceased : u < 0.010 ? PersonStatus.MovedAway : PersonStatus.Active;
            if (SalesData.Unit(Hash((ulong)p, 0x5E11, 0)) < SellerShare)
            {
                sellers.Add(p);
            }
        }

        Sellers = sellers.Count;
        Enterprises = Math.Max(1, options.Shops / 500);
        var shops = options.Shops;
        OwnerPerson = new int[shops];
        OwnerEnterprise = new int[shops];
        Platform = new int[shops];
        OpenedOn = new DateOnly[shops];
        FirstRecordMonth = new int[shops];
        Daily = new bool[shops];
        ByStaff = new bool[shops];
        _size = new double[shops];
        _orderValueFen = new double[shops];
        _growth = new double[shops];
        _unitsPerOrder = new double[shops];
        var platformWeights = Enumerable.Range(1, options.Platforms).Select(p => 1.0 / p).ToArray();
        var weightSum = platformWeights.Sum();
        for (var s = 0; s < shops; s++)
        {
            ulong H(ulong k) => Hash((ulong)s, 0x5109, k);
            _size[s] = Math.Exp(SalesData.SizeSigma * SalesData.Normal(H(1), H(2)));
            _orderValueFen[s] = 4_500 * Math.Exp(0.45 * SalesData.Normal(H(3), H(4)));
            _growth[s] = -0.10 + 0.50 * SalesData.Unit(H(5));
            _unitsPerOrder[s] = 1.0 + 1.5 * SalesData.Unit(H(6));
            if (SalesData.Unit(H(7)) < EnterpriseShopShare)
            {
                OwnerPerson[s] = -1;
                OwnerEnterprise[s] = (int)(H(8) % (ulong)Enterprises);
            }
            else
            {
                OwnerPerson[s] = sellers[(int)(H(8) % (ulong)sellers.Count)];
                OwnerEnterprise[s] = -1;
            }

            var pick = SalesData.Unit(H(9)) * weightSum;
            var platform = 0;
            while (platform < platformWeights.Length - 1 && (pick -= platformWeights[platform]) > 0)
            {
                platform++;
            }

            Platform[s] = platform;
            ByStaff[s] = SalesData.Unit(H(10)) < StaffShopShare;
            if (SalesData.Unit(H(11)) < 0.75)
            {
                // Opened before the window (within the five years before it): rows from the window's first month.
                FirstRecordMonth[s] = 0;
                OpenedOn[s] = FirstMonth.AddDays(-1 - (int)(H(12) % 1_800));
            }
            else
            {
                FirstRecordMonth[s] = 1 + (int)(H(12) % (ulong)(options.Months - 3));
                OpenedOn[s] = FirstMonth.AddMonths(FirstRecordMonth[s]).AddDays((int)(H(13) % 28));
            }
        }

        PickDailyShops();
    }

    public ScreeningOptions Options { get; }

    public DateOnly FirstMonth { get; }

    /// <summary>The last day with sales: the end of the last full month before today.</summary>
    public DateOnly LastDay { get; }

    public DateOnly LastMonth => new(LastDay.Year, LastDay.Month, 1);

    /// <summary>The calendar year before today: the one the screening sums.</summary>
    public int SalesYear { get; }

    public IReadOnlyList<string> CountyCodes { get; }

    public IReadOnlyList<BenchPerson> People { get; }

    public PersonStatus[] Status { get; }

    public int Sellers { get; }

    /// <summary>E-commerce enterprises owning a few shops.</summary>
    public int Enterprises { get; }

    /// <summary>The shop's owner (a person's index), or -1 for an enterprise's shop.</summary>
    public int[] OwnerPerson { get; }

    public int[] OwnerEnterprise { get; }

    public int[] Platform { get; }

    public DateOnly[] OpenedOn { get; }

    /// <summary>The window month (index) of a monthly shop's first row.</summary>
    public int[] FirstRecordMonth { get; }

    public bool[] Daily { get; }

    public bool[] ByStaff { get; }

    public int ShopCount => OwnerPerson.Length;

    public string CountyOfEnterprise(int enterprise) => CountyCodes[(int)(Hash((ulong)enterprise, 0xE47, 0) % (ulong)CountyCodes.Count)];

    public string CountyOfShop(int shop) => OwnerPerson[shop] >= 0 ? People[OwnerPerson[shop]].CountyCode : CountyOfEnterprise(OwnerEnterprise[shop]);

    /// <summary>A deterministic id (version-4 layout) of the <paramref name="index"/>th row of a kind.</summary>
    public Guid IdOf(ulong kind, int index)
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, Hash((ulong)index, 0x1D0000 + kind, 1));
        BitConverter.TryWriteBytes(bytes[8..], Hash((ulong)index, 0x1D0000 + kind, 2));
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    public const ulong PersonKind = 1, ShopKind = 2, PlatformKind = 3, EnterpriseKind = 4, BenefitKind = 5;

    /// <summary>The rows of one shop, in period order.</summary>
    public IEnumerable<ProgrammeSalesRow> RowsOf(int shop)
    {
        if (Daily[shop])
        {
            var start = OpenedOn[shop] > FirstMonth ? OpenedOn[shop] : FirstMonth;
            for (var day = start; day <= LastDay; day = day.AddDays(1))
            {
                var month = new DateOnly(day.Year, day.Month, 1);
                yield return new ProgrammeSalesRow(shop, day, true, month, DayFigures(shop, day), false, false);
            }
        }
        else
        {
            for (var m = FirstRecordMonth[shop]; m < Options.Months; m++)
            {
                var month = FirstMonth.AddMonths(m);
                var confirmed = ByStaff[shop] && SalesData.Unit(Hash((ulong)shop, (ulong)m, 0xC0F)) < ConfirmedShare;
                yield return new ProgrammeSalesRow(shop, month, false, month, MonthFigures(shop, m), ByStaff[shop], confirmed);
            }
        }
    }

    /// <summary>How many rows a shop has.</summary>
    public int RowCount(int shop) => Daily[shop]
        ? LastDay.DayNumber - (OpenedOn[shop] > FirstMonth ? OpenedOn[shop] : FirstMonth).DayNumber + 1
        : Options.Months - FirstRecordMonth[shop];

    /// <summary>A month of a monthly shop: no sales in about 4 % of the months.</summary>
    public Figures MonthFigures(int shop, int monthIndex)
    {
        var h = Hash((ulong)shop, (ulong)monthIndex, 0x3017);
        if (h % 100 < 4)
        {
            return default;
        }

        var expected = Expected(shop, monthIndex) * Math.Exp(0.30 * SalesData.Normal(h, Hash((ulong)shop, (ulong)monthIndex, 0x3018)));
        return Figures(shop, expected, h);
    }

    /// <summary>A day of a daily shop: the month's expectation spread over its days by weekday, no sales on about 3 % of the days.</summary>
    public Figures DayFigures(int shop, DateOnly day)
    {
        var h = Hash((ulong)shop, (ulong)day.DayNumber, 0xDA1);
        if (h % 100 < 3)
        {
            return default;
        }

        var monthIndex = (day.Year - FirstMonth.Year) * 12 + day.Month - FirstMonth.Month;
        var expected = Expected(shop, monthIndex) / DateTime.DaysInMonth(day.Year, day.Month) * Weekday[((int)day.DayOfWeek + 6) % 7]
            * Math.Exp(0.45 * SalesData.Normal(h, Hash((ulong)shop, (ulong)day.DayNumber, 0xDA2)));
        return Figures(shop, expected, h);
    }

    /// <summary>Generates everything once without a database: the profile, and each person's counted net of the sales year (fen).</summary>
    public (ProgrammeProfile Profile, long[] PersonYearNetFen) Profile(decimal threshold)
    {
        var personNet = new long[People.Count];
        var shopTotal = new long[ShopCount];
        long records = 0, dailyRecords = 0, yearNet = 0;
        for (var s = 0; s < ShopCount; s++)
        {
            foreach (var row in RowsOf(s))
            {
                Count(row, personNet, ref yearNet);
                shopTotal[s] += row.Figures.GrossFen;
                records++;
                dailyRecords += row.Daily ? 1 : 0;
            }
        }

        return (MakeProfile(personNet, shopTotal, records, dailyRecords, yearNet, threshold), personNet);
    }

    /// <summary>Adds a row to the people's counted net of the sales year.</summary>
    public void Count(in ProgrammeSalesRow row, long[] personNet, ref long yearNet)
    {
        if (row.Month.Year != SalesYear)
        {
            return;
        }

        var net = row.CountedNetFen;
        yearNet += net;
        if (OwnerPerson[row.Shop] is var owner and >= 0)
        {
            personNet[owner] += net;
        }
    }

    public ProgrammeProfile MakeProfile(long[] personNet, long[] shopGross, long records, long dailyRecords, long yearNet, decimal threshold)
    {
        ArgumentNullException.ThrowIfNull(personNet);
        ArgumentNullException.ThrowIfNull(shopGross);
        var sorted = shopGross.Order().ToArray();
        var top = sorted[^Math.Max(1, sorted.Length / 100)..];
        var median = Math.Max(1.0, sorted[sorted.Length / 2]);
        var total = Math.Max(1.0, (double)sorted.Sum());
        var thresholdFen = (long)(threshold * 100);
        return new ProgrammeProfile(
            People.Count, Sellers, Status.Count(s => s != PersonStatus.Active), ShopCount, OwnerPerson.Count(o => o >= 0), OwnerPerson.Count(o => o < 0),
            Daily.Count(d => d), ByStaff.Count(b => b), records, dailyRecords, top.Average() / median, top.Sum() / total, SalesYear, yearNet,
            personNet.Count(n => n > 0), Enumerable.Range(0, People.Count).Count(p => personNet[p] >= thresholdFen && Status[p] == PersonStatus.Active), threshold);
    }

    private double Expected(int shop, int monthIndex)
    {
        var calendarMonth = FirstMonth.AddMonths(monthIndex).Month;
        return MedianOrders * _size[shop] * Season[calendarMonth - 1] * Math.Pow(1 + _growth[shop], monthIndex / 12.0);
    }

    private Figures Figures(int shop, double expected, ulong h)
    {
        var orders = (int)Math.Min(SalesFigures.MaxCount, Math.Floor(expected + SalesData.Unit(BitOperations.RotateLeft(h, 29))));
        if (orders == 0)
        {
            return default;
        }

        var h2 = Hash((ulong)shop, h, 0x200);
        var units = (int)Math.Min(SalesFigures.MaxCount, Math.Round(orders * _unitsPerOrder[shop] * (0.9 + 0.2 * SalesData.Unit(h2))));
        var gross = (long)Math.Round(orders * _orderValueFen[shop] * (0.85 + 0.30 * SalesData.Unit(BitOperations.RotateLeft(h2, 31))));

        // Refunds: none in about a third of the periods, otherwise up to 8 % of the gross (about 2.7 % overall).
        var h3 = Hash((ulong)shop, h, 0x300);
        var refunds = h3 % 3 == 0 ? 0L : (long)(gross * 0.08 * SalesData.Unit(BitOperations.RotateLeft(h3, 23)));
        return new Figures(orders, units, gross, refunds);
    }

    /// <summary>
    /// Monthly rows are the floor; shops switch to a row a day (the largest most likely: the order is the log
    /// size plus noise) until the rows reach <see cref="ScreeningOptions.Records"/>; the last one switched starts
    /// its daily rows late enough to land on the total exactly. Staff-registered shops stay monthly.
    /// </summary>
    private void PickDailyShops()
    {
        long rows = 0;
        for (var s = 0; s < ShopCount; s++)
        {
            rows += RowCount(s);
        }

        var missing = Options.Records - rows;
        if (missing < 0)
        {
            throw new ArgumentException($"{Options.Shops:N0} shops over {Options.Months} months already make {rows:N0} monthly rows: ask for at least that many --records, or fewer --shops.");
        }

        var order = Enumerable.Range(0, ShopCount).Where(s => !ByStaff[s])
            .OrderByDescending(s => Math.Log(_size[s]) + 1.2 * SalesData.Normal(Hash((ulong)s, 0xDA17, 1), Hash((ulong)s, 0xDA17, 2)))
            .ThenBy(s => s);
        foreach (var s in order)
        {
            if (missing == 0)
            {
                break;
            }

            var monthly = RowCount(s);
            Daily[s] = true;
            var gain = RowCount(s) - monthly;
            if (gain <= missing)
            {
                missing -= gain;
            }
            else
            {
                // The last one: its daily rows start so that it adds exactly what is missing.
                OpenedOn[s] = LastDay.AddDays(-(int)(monthly + missing) + 1);
                FirstRecordMonth[s] = (OpenedOn[s].Year - FirstMonth.Year) * 12 + OpenedOn[s].Month - FirstMonth.Month;
                missing = 0;
            }
        }

        if (missing > 0)
        {
            throw new ArgumentException($"Even with every shop reporting daily the rows stop {missing:N0} short of --records {Options.Records:N0}: use more --shops.");
        }
    }

    private ulong Hash(ulong a, ulong b, ulong c) => SalesData.Mix(_seed, a, b, c);
}
