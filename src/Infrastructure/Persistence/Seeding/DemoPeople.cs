using Sunshine.Domain.Common;
using Sunshine.Domain.Registry;

namespace Sunshine.Infrastructure.Persistence.Seeding;

/// <summary>
/// Made-up people for the demo data set. Their ID numbers use the address prefixes 439901–439914,
/// which no region has ever been allocated, with correct check characters: they pass validation but
/// cannot belong to anyone.
/// </summary>
internal static class DemoPeople
{
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "罗", "彭", "曾", "谭", "邓", "熊"];
    private static readonly string[] GivenNames = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "桂花", "建华", "志强", "海燕", "春梅", "国庆", "红梅", "德明", "小龙", "文娟"];
    private static readonly string[] Townships = ["城关镇", "河洑镇", "石公桥镇", "丹洲乡", "芦荻山乡", "盘塘镇", "官垱镇", "周家店镇"];
    private static readonly string[] Villages = ["太平村", "新民村", "桃花村", "和平社区", "光明村", "长岭村", "团结社区", "柳叶村"];

    /// <summary>A valid, unallocated ID number: prefix 4399xx, the birth date, a sequence, the check character.</summary>
    public static ResidentIdNumber IdNumber(int prefixIndex, DateOnly birthDate, int sequence)
    {
        var first17 = $"4399{prefixIndex:00}{birthDate:yyyyMMdd}{sequence:000}";
        return ResidentIdNumber.Create(first17 + ResidentIdNumber.CheckCharacterFor(first17), DateOnly.MaxValue);
    }

    public static IEnumerable<(PersonDetails Details, string CountyCode)> Generate(IReadOnlyList<string> countyCodes, int count)
    {
        var random = new Random(20171101);
        for (var i = 0; i < count; i++)
        {
            var birth = new DateOnly(random.Next(1950, 2004), random.Next(1, 13), random.Next(1, 29));
            var id = IdNumber(1 + (i % 14), birth, 100 + i);
            var certificate = DisabilityCertificateNumber.Create($"{id.Value}{random.Next(1, 8)}{random.Next(1, 5)}", id);
            var phone = random.Next(4) == 0 ? null : PhoneNumber.Create($"1{random.Next(3, 10)}{random.Next(0, 1_000_000_000):000000000}");
            var tags = random.Next(10) switch
            {
                0 => PersonTags.SpecialistCommitteeMember,
                1 => PersonTags.UniversityStudent,
                2 => PersonTags.VocationalStudent,
                _ => PersonTags.None,
            };
            var details = new PersonDetails(
                Surnames[random.Next(Surnames.Length)] + GivenNames[random.Next(GivenNames.Length)],
                id,
                certificate,
                Townships[random.Next(Townships.Length)],
                Villages[random.Next(Villages.Length)],
                random.Next(10) < 7 ? HouseholdRegistration.Rural : HouseholdRegistration.Urban,
                phone,
                tags);
            yield return (details, countyCodes[i % countyCodes.Count]);
        }
    }

    /// <summary>The relation and name of a family member for the demo households.</summary>
    public static (string Name, HouseholdRelation Relation) FamilyMember(Random random, string surname) =>
        random.Next(3) switch
        {
            0 => (surname + GivenNames[random.Next(GivenNames.Length)], HouseholdRelation.Spouse),
            1 => (surname + GivenNames[random.Next(GivenNames.Length)], HouseholdRelation.Child),
            _ => (surname + GivenNames[random.Next(GivenNames.Length)], HouseholdRelation.Parent),
        };

    public static Money Income(Random random, int low, int high) => Money.FromYuan(random.Next(low, high));
}
