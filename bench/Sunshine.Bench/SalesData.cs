using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Sunshine.Domain.Sales;

namespace Sunshine.Bench;

/// <summary>One shop of the bench: its index, its platform, its ids, its owner and its county (the owner's).</summary>
public sealed record BenchShop(int Index, int Platform, Guid PlatformId, string PlatformShopId, Guid Id, Guid OwnerPersonId, Guid CountyId);

/// <summary>One month's figures of one shop; amounts in fen (cents) so sums are exact.</summary>
public readonly record struct Figures(int Orders, int Units, long GrossFen, long RefundsFen)
{
    public decimal Gross => GrossFen / 100m;

    public decimal Refunds => RefundsFen / 100m;
}

/// <summary>How skewed the generated sales are: figures for the report.</summary>
public sealed record SalesProfile(int Shops, int Months, double TopPercentToMedian, double TopPercentShare, double RefundShare, double ZeroMonths);

/// <summary>
/// The bench's sales, made from the seed alone: shop <c>s</c> in month <c>m</c> (from January 2017) has
/// the same figures in every run and for every method, so the API and COPY write the same rows.
/// Every shop has a size drawn once from the seed (log-normal, σ = <see cref="SizeSigma"/>: a few large
/// sellers, many small; the top 1 % of shops sell about 100 times the median shop), an average order value
/// and a growth rate; a month's orders follow the size, the season (the Spring Festival lull, 618, Double 11)
/// and some noise, and some months a shop sells nothing. Refunds are a small fraction of the gross.
/// A batch is <see cref="BenchOptions.BatchSize"/> consecutive shops of one platform in one month; months go
/// in order, and within a month the platforms' batches are interleaved in proportion to their shops, as
/// platforms back-filling their history side by side would send them.
/// </summary>
public sealed class SalesData
{
    public static readonly DateOnly FirstMonth = new(2017, 1, 1);

    /// <summary>The spread of the shops' log sizes: mean of the top 1 % ≈ e^(σ²/2)·Φ(σ − 2.326)/0.01 ≈ 100 × the median.</summary>
    public const double SizeSigma = 1.65;

    /// <summary>Orders in a month of the median shop, before the season and the noise.</summary>
    private const double MedianOrders = 30;

    /// <summary>Calendar-month factors: the Spring Festival lull in February, 618 in June, Double 11 in November.</summary>
    private static readonly double[] Season = [1.05, 0.70, 0.90, 0.92, 0.95, 1.20, 0.90, 0.90, 0.95, 1.00, 1.65, 1.25];

    private readonly BenchOptions _options;
    private readonly IReadOnlyList<BenchShop> _shops;
    private readonly double[] _size;
    private readonly double[] _orderValueFen;
    private readonly double[] _growth;
    private readonly double[] _unitsPerOrder;
    private readonly int[] _chunkOrder;

    public SalesData(BenchOptions options, IReadOnlyList<BenchShop> shops)
    {
        _options = options;
        _shops = shops;
        _size = new double[shops.Count];
        _orderValueFen = new double[shops.Count];
        _growth = new double[shops.Count];
        _unitsPerOrder = new double[shops.Count];
        for (var s = 0; s < shops.Count; s++)
        {
            var seed = (ulong)options.Seed;
            _size[s] = Math.Exp(SizeSigma * Normal(Mix(seed, (ulong)s, 0x5123, 1), Mix(seed, (ulong)s, 0x5123, 2)));
            _orderValueFen[s] = 4_500 * Math.Exp(0.45 * Normal(Mix(seed, (ulong)s, 0x5123, 3), Mix(seed, (ulong)s, 0x5123, 4)));
            _growth[s] = -0.10 + 0.50 * Unit(Mix(seed, (ulong)s, 0x5123, 5));
            _unitsPerOrder[s] = 1.0 + 1.5 * Unit(Mix(seed, (ulong)s, 0x5123, 6));
        }

        // Within a month, the batches of platform p go out at evenly spread turns: (k + ½) / (p's batches).
        var chunks = shops.Count / options.BatchSize;
        _chunkOrder = Enumerable.Range(0, chunks)
            .Select(c => (Chunk: c, Platform: shops[c * options.BatchSize].Platform))
            .GroupBy(x => x.Platform)
            .SelectMany(g => g.Select((x, k) => (x.Chunk, x.Platform, Turn: (k + 0.5) / g.Count())))
            .OrderBy(x => x.Turn).ThenBy(x => x.Platform)
            .Select(x => x.Chunk).ToArray();
    }

    public IReadOnlyList<BenchShop> Shops => _shops;

    public int BatchSize => _options.BatchSize;

    private int ChunksPerMonth => _chunkOrder.Length;

    public static string PlatformShopId(int platform, int index) => string.Create(CultureInfo.InvariantCulture, $"bench-p{platform + 1}-s{index:D6}");

    public static DateOnly Month(int monthIndex) => FirstMonth.AddMonths(monthIndex);

    /// <summary>The figures of a shop and month; <paramref name="version"/> &gt; 0 gives changed figures for a re-sent batch.</summary>
    public Figures FiguresOf(int shop, int month, int version = 0)
    {
        var seed = (ulong)_options.Seed;
        var h = Mix(seed, (ulong)shop, (ulong)month, (ulong)version);
        if (h % 100 < 4)
        {
            return new Figures(0, 0, 0, 0); // a month without sales
        }

        var noise = Math.Exp(0.30 * Normal(h, Mix(seed, (ulong)shop, (ulong)month, (ulong)version + 0x100)));
        var trend = Math.Pow(1 + _growth[shop], month / 12.0);
        var expected = MedianOrders * _size[shop] * Season[Month(month).Month - 1] * trend * noise;
        var orders = (int)Math.Min(SalesFigures.MaxCount, Math.Floor(expected + Unit(BitOperations.RotateLeft(h, 29))));
        if (orders == 0)
        {
            return new Figures(0, 0, 0, 0);
        }

        var h2 = Mix(seed, (ulong)shop, (ulong)month, (ulong)version + 0x200);
        var units = (int)Math.Min(SalesFigures.MaxCount, Math.Round(orders * _unitsPerOrder[shop] * (0.9 + 0.2 * Unit(h2))));
        var gross = (long)Math.Round(orders * _orderValueFen[shop] * (0.85 + 0.30 * Unit(BitOperations.RotateLeft(h2, 31))));

        // Refunds: none in about a third of the months, otherwise up to 8 % of the gross (about 2.7 % overall).
        var h3 = Mix(seed, (ulong)shop, (ulong)month, (ulong)version + 0x300);
        var refunds = h3 % 3 == 0 ? 0L : (long)(gross * 0.08 * Unit(BitOperations.RotateLeft(h3, 23)));
        return new Figures(orders, units, gross, refunds);
    }

    /// <summary>The platform (index) whose shops batch <paramref name="batch"/> holds.</summary>
    public int PlatformOf(int batch) => _shops[_chunkOrder[batch % ChunksPerMonth] * _options.BatchSize].Platform;

    /// <summary>The (shop, month) pairs of batch <paramref name="batch"/>.</summary>
    public IEnumerable<(int Shop, int Month)> KeysOf(int batch)
    {
        var month = batch / ChunksPerMonth;
        var first = _chunkOrder[batch % ChunksPerMonth] * _options.BatchSize;
        for (var s = first; s < first + _options.BatchSize; s++)
        {
            yield return (s, month);
        }
    }

    /// <summary>The JSON body of <c>PUT /api/partner/v1/sales</c> for a batch.</summary>
    public byte[] BodyOf(int batch, int version = 0)
    {
        using var stream = new MemoryStream(_options.BatchSize * 128);
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteStartArray("records");
            foreach (var (shop, month) in KeysOf(batch))
            {
                var f = FiguresOf(shop, month, version);
                json.WriteStartObject();
                json.WriteString("platformShopId", _shops[shop].PlatformShopId);
                json.WriteString("period", Month(month).ToString("yyyy-MM", CultureInfo.InvariantCulture));
                json.WriteNumber("orderCount", f.Orders);
                json.WriteNumber("units", f.Units);
                json.WriteNumber("grossAmount", f.Gross);
                json.WriteNumber("refunds", f.Refunds);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return stream.ToArray();
    }

    /// <summary>What the first <paramref name="batches"/> batches add up to.</summary>
    public (long Records, long Orders, long Units, long GrossFen, long RefundsFen) Totals(int batches)
    {
        long records = 0, orders = 0, units = 0, gross = 0, refunds = 0;
        for (var b = 0; b < batches; b++)
        {
            foreach (var (shop, month) in KeysOf(b))
            {
                var f = FiguresOf(shop, month);
                records++;
                orders += f.Orders;
                units += f.Units;
                gross += f.GrossFen;
                refunds += f.RefundsFen;
            }
        }

        return (records, orders, units, gross, refunds);
    }

    /// <summary>The skew of the first <paramref name="batches"/> batches: the shops' gross over the months sent.</summary>
    public SalesProfile Profile(int batches)
    {
        var gross = new long[_shops.Count];
        long refunds = 0, records = 0, zero = 0;
        var months = 0;
        for (var b = 0; b < batches; b++)
        {
            foreach (var (shop, month) in KeysOf(b))
            {
                var f = FiguresOf(shop, month);
                gross[shop] += f.GrossFen;
                refunds += f.RefundsFen;
                records++;
                zero += f.Orders == 0 ? 1 : 0;
                months = Math.Max(months, month + 1);
            }
        }

        var sorted = gross.Order().ToArray();
        var top = sorted[^Math.Max(1, sorted.Length / 100)..];
        var median = (double)sorted[sorted.Length / 2];
        var total = (double)sorted.Sum();
        return new SalesProfile(_shops.Count, months, top.Average() / median, top.Sum() / total, refunds / total, (double)zero / records);
    }

    /// <summary>A deterministic id from the seed (version-4 layout), for rows copied in.</summary>
    public static Guid IdFrom(int seed, int index)
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, Mix((ulong)seed, (ulong)index, 0xC0FFEE, 1));
        BitConverter.TryWriteBytes(bytes[8..], Mix((ulong)seed, (ulong)index, 0xC0FFEE, 2));
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    /// <summary>SplitMix64 over the inputs: cheap, well spread, and the same on every machine.</summary>
    public static ulong Mix(ulong a, ulong b, ulong c, ulong d)
    {
        var x = a * 0x9E3779B97F4A7C15UL;
        foreach (var v in (ReadOnlySpan<ulong>)[b, c, d])
        {
            x ^= v + 0x9E3779B97F4A7C15UL + (x << 6) + (x >> 2);
            x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
            x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
            x ^= x >> 31;
        }

        return x;
    }

    /// <summary>A uniform number in [0, 1) from the hash's top 53 bits.</summary>
    public static double Unit(ulong h) => (h >> 11) * (1.0 / (1UL << 53));

    /// <summary>A standard normal number from two hashes (Box–Muller).</summary>
    public static double Normal(ulong h1, ulong h2) => Math.Sqrt(-2 * Math.Log(1 - Unit(h1))) * Math.Cos(2 * Math.PI * Unit(h2));
}
