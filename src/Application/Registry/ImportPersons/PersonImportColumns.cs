using Sunshine.Application.Importing;
using Sunshine.Domain.Registry;

namespace Sunshine.Application.Registry.ImportPersons;

/// <summary>The columns of the people import template, and the words accepted in its cells.</summary>
public static class PersonImportColumns
{
    public static readonly ImportColumnSet Set = new("残疾人信息",
    [
        new("name", "姓名", "name", true, "残疾人姓名，1至50个字。"),
        new("idNumber", "身份证号", "idNumber", true, "18位公民身份号码，末位可为X。请将本列设为文本格式，以免数字被改写。"),
        new("certificateNumber", "残疾证号", "certificateNumber", true, "20位第二代残疾人证号：身份证号＋残疾类别（1-7）＋残疾等级（1-4）。请设为文本格式。"),
        new("county", "区县", "county", true, "区县市或管理区的代码（如430702）或名称（如武陵区）。"),
        new("township", "乡镇（街道）", "township", false, "乡镇或街道，最多100个字。"),
        new("village", "村（社区）", "village", false, "村或社区，最多100个字。"),
        new("registration", "户籍类型", "registration", true, "农村 或 城镇。"),
        new("phone", "联系电话", "phone", false, "手机号（11位）或带区号的固定电话，如0736-7251234。"),
        new("tags", "标签", "tags", false, "可填：专职委员、大学生、中高职学生，多个用顿号或分号分隔。"),
    ]);

    private static readonly Dictionary<string, PersonTags> TagWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["专职委员"] = PersonTags.SpecialistCommitteeMember,
        ["残疾人专职委员"] = PersonTags.SpecialistCommitteeMember,
        ["SpecialistCommitteeMember"] = PersonTags.SpecialistCommitteeMember,
        ["大学生"] = PersonTags.UniversityStudent,
        ["UniversityStudent"] = PersonTags.UniversityStudent,
        ["中高职学生"] = PersonTags.VocationalStudent,
        ["职校生"] = PersonTags.VocationalStudent,
        ["VocationalStudent"] = PersonTags.VocationalStudent,
    };

    public static HouseholdRegistration? Registration(string? value) => value?.Trim() switch
    {
        "农村" or "农业" or "Rural" or "rural" => HouseholdRegistration.Rural,
        "城镇" or "非农业" or "Urban" or "urban" => HouseholdRegistration.Urban,
        _ => null,
    };

    /// <summary>The tags in a cell, or null when a word is not a known tag.</summary>
    public static IReadOnlyList<PersonTags>? Tags(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return [];
        }

        var tags = new List<PersonTags>();
        foreach (var word in value.Split(['、', ';', '；', ',', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!TagWords.TryGetValue(word, out var tag))
            {
                return null;
            }

            tags.Add(tag);
        }

        return tags.Distinct().ToList();
    }
}
