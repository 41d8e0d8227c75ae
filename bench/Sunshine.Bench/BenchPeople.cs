using System.Globalization;
using System.Text;
using Sunshine.Domain.Registry;

namespace Sunshine.Bench;

/// <summary>A made-up registered disabled person of the bench, as a row of the people import file.</summary>
public sealed record BenchPerson(int Index, string Name, string IdNumber, string CertificateNumber, string CountyCode, string Township, string Village, string Registration, string Phone, string Tags)
{
    public string CsvRow => string.Join(',', Name, IdNumber, CertificateNumber, CountyCode, Township, Village, Registration, Phone, Tags);
}

/// <summary>
/// The bench's people, made from the seed alone: valid but fictional resident ID numbers (address prefix
/// 4399xx is never allocated; GB 11643 check character), a certificate number made of the ID number, a
/// disability category and grade, and homes spread over the county-level regions (the county column).
/// They are registered through <c>POST /api/person-imports</c>, which encrypts the sensitive columns.
/// </summary>
public static class BenchPeople
{
    /// <summary>The columns of the people import template.</summary>
    public const string Header = "姓名,身份证号,残疾证号,区县,乡镇（街道）,村（社区）,户籍类型,联系电话,标签";

    /// <summary>Rows per import file: well within the 50,000 rows and 20 MB an import takes.</summary>
    public const int RowsPerFile = 10_000;

    private static readonly string[] Surnames =
        ["王", "李", "张", "刘", "陈", "杨", "黄", "周", "吴", "赵", "彭", "唐", "胡", "邓", "曾", "谭", "罗", "蒋", "朱", "龚", "熊", "覃", "向", "田", "肖", "欧阳"];

    private static readonly string[] GivenNames =
        ["伟", "芳", "娟", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "超", "秀英", "桂兰", "建华", "志强", "春梅", "海燕", "国平", "小红", "德明", "玉兰", "长生", "红梅"];

    private static readonly string[] Townships = ["城关镇", "太平镇", "新安镇", "双溪镇", "永兴乡", "清水街道", "马家铺镇", "桃花源镇"];

    private static readonly string[] Villages = ["太平村", "新华村", "红星村", "和平社区", "长岭村", "白鹤村", "东风村", "幸福社区"];

    private static readonly string[] MobilePrefixes = ["135", "138", "139", "150", "151", "158", "177", "180", "186", "189", "199"];

    public static IReadOnlyList<BenchPerson> Make(int seed, int count, IReadOnlyList<string> countyCodes)
    {
        var people = new List<BenchPerson>(count);
        var taken = new HashSet<string>(count > 100_000 ? count : 0, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            ulong H(ulong k) => SalesData.Mix((ulong)seed, (ulong)i, 0x9E0, k);

            // 4399 + 00–99 as the address, the sequence number from the index: the first 100,000 people are
            // unique by those alone. Beyond them the address and sequence number repeat, so a later person
            // whose birth date is taken too is born a day later (deterministic: the same seed, the same people).
            var birth = new DateOnly(1957, 1, 1).AddDays((int)(H(1) % 15_300));
            var first17 = string.Create(CultureInfo.InvariantCulture, $"4399{i % 100:00}{birth:yyyyMMdd}{i / 100 % 1000:000}");
            if (count > 100_000)
            {
                while (!taken.Add(first17))
                {
                    birth = birth.AddDays(1);
                    first17 = string.Create(CultureInfo.InvariantCulture, $"4399{i % 100:00}{birth:yyyyMMdd}{i / 100 % 1000:000}");
                }
            }

            var idNumber = first17 + ResidentIdNumber.CheckCharacterFor(first17);
            var certificate = string.Create(CultureInfo.InvariantCulture, $"{idNumber}{1 + H(2) % 7}{1 + H(3) % 4}");
            var given = GivenNames[H(5) % (ulong)GivenNames.Length] + (H(6) % 3 == 0 ? GivenNames[H(7) % (ulong)GivenNames.Length][..1] : string.Empty);
            people.Add(new BenchPerson(
                i,
                Surnames[H(4) % (ulong)Surnames.Length] + given,
                idNumber,
                certificate,
                countyCodes[(int)(H(8) % (ulong)countyCodes.Count)],
                Townships[H(9) % (ulong)Townships.Length],
                Villages[H(10) % (ulong)Villages.Length],
                H(11) % 10 < 7 ? "农村" : "城镇",
                H(12) % 10 == 0 ? string.Empty : MobilePrefixes[H(13) % (ulong)MobilePrefixes.Length] + (H(14) % 100_000_000).ToString("D8", CultureInfo.InvariantCulture),
                H(15) % 40 == 0 ? "专职委员" : string.Empty));
        }

        return people;
    }

    /// <summary>The import files (UTF-8 CSV), <see cref="RowsPerFile"/> people each.</summary>
    public static IEnumerable<(byte[] Content, IReadOnlyList<BenchPerson> People)> Files(IReadOnlyList<BenchPerson> people) =>
        people.Chunk(RowsPerFile).Select(chunk =>
            (Encoding.UTF8.GetBytes(Header + "\n" + string.Join('\n', chunk.Select(p => p.CsvRow)) + "\n"), (IReadOnlyList<BenchPerson>)chunk));
}
