using System.Globalization;
using System.Text.Json;

namespace Sunshine.Bench;

/// <summary>One shop of the bench platform: its ids and its county.</summary>
public sealed record BenchShop(int Index, string PlatformShopId, Guid Id, Guid CountyId);

/// <summary>One month's figures of one shop; amounts in fen (cents) so sums are exact.</summary>
public readonly record struct Figures(int Orders, int Units, long GrossFen, long RefundsFen)
{
    public decimal Gross => GrossFen / 100m;

    public decimal Refunds => RefundsFen / 100m;
}

/// <summary>
/// The bench's sales, made from the seed alone: shop <c>s</c> in month <c>m</c> (from January 2017) has
/// the same figures in every run and for every method, so the API and COPY write the same rows. A batch
/// is one month of <see cref="BenchOptions.BatchSize"/> consecutive shops, months in order, as a
/// platform back-filling its history month by month would send them.
/// </summary>
public sealed class SalesData(BenchOptions options, IReadOnlyList<BenchShop> shops)
{
    public static readonly DateOnly FirstMonth = new(2017, 1, 1);

    public IReadOnlyList<BenchShop> Shops => shops;

    public int BatchSize => options.BatchSize;

    private int ChunksPerMonth => options.Shops / options.BatchSize;

    public static string PlatformShopId(int index) => $"bench-s{index:D6}";

    public static DateOnly Month(int monthIndex) => FirstMonth.AddMonths(monthIndex);

    /// <summary>The figures of a shop and month; <paramref name="version"/> &gt; 0 gives changed figures for a re-sent batch.</summary>
    public Figures FiguresOf(int shop, int month, int version = 0)
    {
        var h = Mix((ulong)options.Seed, (ulong)shop, (ulong)month, (ulong)version);
        var orders = (int)(h % 120);
        var units = orders + (int)((h >> 8) % (ulong)(2 * orders + 1));
        var gross = orders == 0 ? 0L : 1_000L + (long)((h >> 16) % 2_000_000UL);
        var refunds = (long)((h >> 40) % (ulong)(gross / 10 + 1));
        return new Figures(orders, units, gross, refunds);
    }

    /// <summary>The (shop, month) pairs of batch <paramref name="batch"/>.</summary>
    public IEnumerable<(int Shop, int Month)> KeysOf(int batch)
    {
        var month = batch / ChunksPerMonth;
        var first = batch % ChunksPerMonth * options.BatchSize;
        for (var s = first; s < first + options.BatchSize; s++)
        {
            yield return (s, month);
        }
    }

    /// <summary>The JSON body of <c>PUT /api/partner/v1/sales</c> for a batch.</summary>
    public byte[] BodyOf(int batch, int version = 0)
    {
        using var stream = new MemoryStream(options.BatchSize * 128);
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteStartArray("records");
            foreach (var (shop, month) in KeysOf(batch))
            {
                var f = FiguresOf(shop, month, version);
                json.WriteStartObject();
                json.WriteString("platformShopId", shops[shop].PlatformShopId);
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

    /// <summary>A deterministic id from the seed (version-4 layout), for shops copied in.</summary>
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
    private static ulong Mix(ulong a, ulong b, ulong c, ulong d)
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
}
