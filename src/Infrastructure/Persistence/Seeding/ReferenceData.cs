using Sunshine.Domain.Common;
using Sunshine.Domain.Policies;
using Sunshine.Domain.Regions;

namespace Sunshine.Infrastructure.Persistence.Seeding;

/// <summary>
/// Changde City and its county-level units (GB/T 2260 codes), and the zones without a county-level
/// code that report separately, given internal codes 4307Z1… under the city. Seeded once; after that
/// the system administrator edits them as data.
/// </summary>
internal static class ReferenceData
{
    public static readonly (string Code, string Name, string NameEn) City = ("430700", "常德市", "Changde City");

    public static readonly IReadOnlyList<(string Code, string Name, string NameEn, RegionKind Kind)> CountyLevelUnits =
    [
        ("430702", "武陵区", "Wuling District", RegionKind.District),
        ("430703", "鼎城区", "Dingcheng District", RegionKind.District),
        ("430721", "安乡县", "Anxiang County", RegionKind.County),
        ("430722", "汉寿县", "Hanshou County", RegionKind.County),
        ("430723", "澧县", "Li County", RegionKind.County),
        ("430724", "临澧县", "Linli County", RegionKind.County),
        ("430725", "桃源县", "Taoyuan County", RegionKind.County),
        ("430726", "石门县", "Shimen County", RegionKind.County),
        ("430781", "津市市", "Jinshi City", RegionKind.CountyLevelCity),
        ("430771", "西洞庭管理区", "Xidongting Administrative Zone", RegionKind.ManagementZone),
        ("4307Z1", "西湖管理区", "Xihu Administrative Zone", RegionKind.ManagementZone),
        ("4307Z2", "柳叶湖旅游度假区", "Liuye Lake Tourist Resort", RegionKind.DevelopmentZone),
        ("4307Z3", "常德经济技术开发区", "Changde Economic and Technological Development Zone", RegionKind.DevelopmentZone),
        ("4307Z4", "桃花源旅游管理区", "Taohuayuan Tourism Administrative Zone", RegionKind.ManagementZone),
    ];

    public const string ProgrammeCode = "CD-ECDA-2017";
    public const string ProgrammeName = "常德市电子商务助残扶贫工程（2017-2020年）";
    public const string ProgrammeNameEn = "Changde City E-commerce Disability-Assistance Poverty-Alleviation Programme (2017-2020)";
    public static readonly DateOnly ProgrammeStart = new(2017, 1, 1);
    public static readonly DateOnly ProgrammeEnd = new(2020, 12, 31);
    public const string ProgrammeDocument =
        "常德市残疾人联合会、常德市商务局《关于印发〈常德市电子商务助残扶贫工程行动方案（2017-2020年）〉的通知》";

    /// <summary>
    /// The action plan's first filing round of county work plans (工作方案备案): every county-level unit
    /// files its plan with the city by 30 April 2018. Later rounds are added by city officers as data.
    /// </summary>
    public static readonly (string Title, DateOnly Deadline) FirstWorkPlanRound =
        ("各区县市电子商务助残扶贫工作方案备案（第一轮）", new DateOnly(2018, 4, 30));

    /// <summary>
    /// SAMPLE DATA: plausible qualifications of the internet &amp; electronic-communication category,
    /// to be replaced by the official 《湖南省职业培训补贴标准》 table as a new policy version.
    /// </summary>
    public static readonly QualificationTable SampleQualifications = new(
    [
        new RecognisedQualification("SAMPLE-EC-5", "电子商务师（五级/初级工）— 示例", Money.FromYuan(800m)),
        new RecognisedQualification("SAMPLE-EC-4", "电子商务师（四级/中级工）— 示例", Money.FromYuan(1200m)),
        new RecognisedQualification("SAMPLE-EC-3", "电子商务师（三级/高级工）— 示例", Money.FromYuan(1600m)),
        new RecognisedQualification("SAMPLE-NM-4", "互联网营销师（四级）— 示例", Money.FromYuan(1000m)),
        new RecognisedQualification("SAMPLE-CS-5", "网络客服（五级）— 示例", Money.FromYuan(600m)),
        new RecognisedQualification("SAMPLE-IT-4", "计算机操作员（四级）— 示例", Money.FromYuan(900m)),
    ]);

    /// <summary>The award parameters of the action plan (§三(三)–(五)); the public notice of 7 days is the usual practice.</summary>
    public static readonly IReadOnlyList<(PolicyKey Key, string Content, string Note)> AwardPolicies =
    [
        (PolicyKey.DemonstrationHouseholdAward, new Domain.Awards.DemonstrationHouseholdPolicy(Money.FromYuan(100_000m), Money.FromYuan(10_000m)).ToJson(),
            "行动方案：上年度网络销售额10万元以上的县级阳光致富示范户，一次性奖补1万元。Action plan: previous-year sales of 100,000 yuan, a one-time grant of 10,000 yuan."),
        (PolicyKey.DemonstrationBaseAward, new Domain.Awards.DemonstrationBasePolicy(10, Money.FromYuan(500_000m), Money.FromYuan(60_000m)).ToJson(),
            "行动方案：稳定带动10户以上残疾人家庭、年销售额50万元以上的市级阳光扶贫示范基地，一次性奖补6万元。Action plan: 10 stably linked households, annual sales of 500,000 yuan, a grant of 60,000 yuan."),
        (PolicyKey.EnterpriseRecognitions, new Domain.Awards.EnterpriseRecognitionPolicy(10, 10, Money.Zero, Money.Zero).ToJson(),
            "行动方案：与10个以上阳光基地签约、或吸纳10名以上残疾人就业的企业予以认定；奖补金额待定（0 = 只认定不奖补）。Recognition at 10 bases or 10 disabled employees; grants to be set (0 = recognition only)."),
        (PolicyKey.PublicNotice, new Domain.Awards.PublicNoticePolicy(7).ToJson(), "公示期7天。A public notice of 7 days."),
    ];

    public const string SampleQualificationsNote =
        "示例数据：须以《湖南省职业培训补贴标准》中互联网和电子通信类职业资格的正式标准替换（新增版本）。Sample data: replace with the official Hunan vocational-training subsidy standard by adding a new version.";
}
