using Sunshine.Domain.Common;
using Sunshine.Domain.Benefits;

namespace Sunshine.Domain.Statistics;

/// <summary>What an indicator's figure counts or sums.</summary>
public enum IndicatorUnit
{
    People,
    Households,
    Shops,
    Orders,
    Benefits,

    /// <summary>An amount of money in yuan (2 decimals).</summary>
    Yuan,
}

/// <summary>
/// How the city-wide figure follows from the county figures: a sum, or a distinct count that may be
/// less than the sum (a person trained in two counties counts once city-wide), or an average.
/// </summary>
public enum IndicatorTotal
{
    Sum,
    Distinct,
    Average,
}

/// <summary>One indicator of the statistics bulletin (统计通报): a stable code and its definition in both languages.</summary>
public sealed record IndicatorDefinition(
    string Code, string Group, string Name, string NameEn, string Definition, string DefinitionEn, IndicatorUnit Unit, IndicatorTotal Total);

/// <summary>
/// The indicators of the programme (action plan §五: training, shops opened, sales volume and value,
/// income increase and poverty exit of registered-poor disabled households, and the measures' own
/// figures). The codes are stable: bulletins, exports and the SPA refer to them; a new indicator gets a
/// new code, a changed definition a new code too.
/// </summary>
public static class Indicators
{
    public const string TrainedPersons = "training.persons";
    public const string TrainedFamilyMembers = "training.family_members";
    public const string ShopsOpened = "shops.opened";
    public const string ShopsActive = "shops.active";
    public const string SalesOrders = "sales.orders";
    public const string SalesAmount = "sales.amount";
    public const string TrainingSubsidiesPaidCount = "subsidies.training.paid.count";
    public const string TrainingSubsidiesPaidAmount = "subsidies.training.paid.amount";
    public const string InterestSubsidiesPaidCount = "subsidies.interest.paid.count";
    public const string InterestSubsidiesPaidAmount = "subsidies.interest.paid.amount";
    public const string DisabledEmployed = "employment.disabled_people";
    public const string LinkedPoorHouseholds = "households.linked";
    public const string HouseholdsIncomeAboveBaseline = "households.income_above_baseline";
    public const string AverageIncomeIncrease = "households.income_increase_average";
    public const string PovertyExits = "households.poverty_exits";
    public const string ProsperityLeaders = "leaders.prosperity";
    public const string Incubatees = "incubation.incubatees";
    public const string EventSales = "events.sales";
    public const string HouseholdsInChain = "chain.households";
    public const string HouseholdsInChainIncomeUp = "chain.households_income_up";
    public const string StationRecruits = "employment.station_recruits";
    public const string ServiceRecipients = "services.households_and_bases";

    /// <summary>The award types counted by type, with the short code part of each.</summary>
    public static readonly IReadOnlyList<(BenefitType Type, string Code, string Name, string NameEn)> AwardTypes =
    [
        (BenefitType.DemonstrationHouseholdAward, "household", "县级阳光致富示范户", "county demonstration household"),
        (BenefitType.DemonstrationBaseAward, "base", "市级阳光扶贫示范基地", "city demonstration base"),
        (BenefitType.PovertyAlleviationBaseEnterpriseAward, "enterprise_poverty_base", "企业进阳光扶贫基地", "enterprise into Sunshine poverty-alleviation base"),
        (BenefitType.EmploymentBaseEnterpriseAward, "enterprise_employment_base", "企业进阳光就业基地", "enterprise into Sunshine employment base"),
    ];

    private static readonly IndicatorDefinition[] Definitions = Build();

    private static readonly Dictionary<string, IndicatorDefinition> ByCode = Definitions.ToDictionary(d => d.Code, StringComparer.Ordinal);

    /// <summary>Every indicator in bulletin order.</summary>
    public static IReadOnlyList<IndicatorDefinition> All => Definitions;

    public static bool Exists(string code) => ByCode.ContainsKey(code);

    public static IndicatorDefinition Get(string code) =>
        ByCode.TryGetValue(code, out var definition)
            ? definition
            : throw new DomainException("indicator.unknown", $"There is no indicator '{code}'.", field: "codes");

    /// <summary>The code of an award type's figure: <c>awards.household.approved.count</c> and so on.</summary>
    public static string AwardCode(BenefitType type, bool paid, bool amount)
    {
        var part = AwardTypes.Single(a => a.Type == type).Code;
        return $"awards.{part}.{(paid ? "paid" : "approved")}.{(amount ? "amount" : "count")}";
    }

    private static IndicatorDefinition[] Build()
    {
        var list = new List<IndicatorDefinition>
        {
            new(TrainedPersons, "training", "培训残疾人数", "Disabled people trained",
                "期内至少完成一次培训（结业）的残疾人，按人去重；同一人培训多次只计一次，全市数按人去重。",
                "Disabled people with at least one completed enrolment in the period, each counted once; the city-wide figure is distinct across counties.",
                IndicatorUnit.People, IndicatorTotal.Distinct),
            new(TrainedFamilyMembers, "training", "培训残疾人亲属数", "Family members trained",
                "期内完成培训的残疾人家庭成员，按家庭和姓名去重，与残疾人分开统计。",
                "Family members of disabled people who completed an enrolment in the period, distinct by household and name, counted apart from disabled people.",
                IndicatorUnit.People, IndicatorTotal.Distinct),
            new(ShopsOpened, "shops", "新开网店数", "Shops opened",
                "开店日期在期内的网店（个人和企业），按开店时店主所在区县统计。",
                "Shops (of people and enterprises) whose opening date lies in the period, in the owner's county at opening.",
                IndicatorUnit.Shops, IndicatorTotal.Sum),
            new(ShopsActive, "shops", "在营网店数", "Active shops",
                "期末已开业且未关闭的网店。",
                "Shops opened on or before the last day of the period and not closed by then.",
                IndicatorUnit.Shops, IndicatorTotal.Sum),
            new(SalesOrders, "sales", "网络销售订单数", "Sales orders",
                "期内各整月的订单数，取自月度汇总（含合作平台报送和工作人员录入的数据）。",
                "Orders of the whole calendar months within the period, from the monthly roll-ups (partner reports and staff entries).",
                IndicatorUnit.Orders, IndicatorTotal.Sum),
            new(SalesAmount, "sales", "网络销售额", "Sales amount",
                "期内各整月的净销售额（销售额减退款），只计合作平台报送和已复核的录入数据，取自月度汇总。",
                "Net sales (gross less refunds) of the whole calendar months within the period, counting partner reports and confirmed staff entries only, from the monthly roll-ups.",
                IndicatorUnit.Yuan, IndicatorTotal.Sum),
        };

        foreach (var (type, _, name, nameEn) in AwardTypes)
        {
            list.Add(new(AwardCode(type, paid: false, amount: false), "awards", $"{name}批准数", $"Approved: {nameEn}",
                "期内最终批准（审批通过或认定）的申请数。", "Applications finally approved (or recognised) in the period.", IndicatorUnit.Benefits, IndicatorTotal.Sum));
            list.Add(new(AwardCode(type, paid: false, amount: true), "awards", $"{name}批准金额", $"Approved amount: {nameEn}",
                "期内最终批准的申请的核定金额合计。", "The decided amounts of the applications finally approved in the period.", IndicatorUnit.Yuan, IndicatorTotal.Sum));
            list.Add(new(AwardCode(type, paid: true, amount: false), "awards", $"{name}兑现数", $"Paid: {nameEn}",
                "期内有支付（扣除冲正后金额大于零）的申请数，取自资金台账。", "Applications with payments in the period (net of reversals, above zero), from the fund ledger.", IndicatorUnit.Benefits, IndicatorTotal.Sum));
            list.Add(new(AwardCode(type, paid: true, amount: true), "awards", $"{name}兑现金额", $"Paid amount: {nameEn}",
                "期内支付金额减冲正金额，取自资金台账。", "Payments less reversals dated in the period, from the fund ledger.", IndicatorUnit.Yuan, IndicatorTotal.Sum));
        }

        list.AddRange(
        [
            new(TrainingSubsidiesPaidCount, "subsidies", "培训补贴兑现人次", "Training subsidies paid",
                "期内有支付（扣除冲正后大于零）的培训补贴申请数，取自资金台账。", "Training-subsidy claims with payments in the period (net of reversals, above zero), from the fund ledger.",
                IndicatorUnit.Benefits, IndicatorTotal.Sum),
            new(TrainingSubsidiesPaidAmount, "subsidies", "培训补贴兑现金额", "Training subsidies paid (amount)",
                "期内培训补贴支付金额减冲正金额。", "Training-subsidy payments less reversals dated in the period.", IndicatorUnit.Yuan, IndicatorTotal.Sum),
            new(InterestSubsidiesPaidCount, "subsidies", "贷款贴息兑现笔数", "Interest subsidies paid",
                "期内有支付（扣除冲正后大于零）的贴息申请数，取自资金台账。", "Interest-subsidy claims with payments in the period (net of reversals, above zero), from the fund ledger.",
                IndicatorUnit.Benefits, IndicatorTotal.Sum),
            new(InterestSubsidiesPaidAmount, "subsidies", "贷款贴息兑现金额", "Interest subsidies paid (amount)",
                "期内贴息支付金额减冲正金额。", "Interest-subsidy payments less reversals dated in the period.", IndicatorUnit.Yuan, IndicatorTotal.Sum),
            new(DisabledEmployed, "employment", "企业吸纳残疾人就业人数", "Disabled people employed by enterprises",
                "期内任一天在企业就业（有在期内有效的就业记录）的残疾人，按人去重。",
                "Disabled people with an employment record in force on any day of the period, each counted once.",
                IndicatorUnit.People, IndicatorTotal.Distinct),
            new(StationRecruits, "employment", "村级服务站、微店进小区招募残疾人数", "Disabled people recruited through village stations and micro-stores",
                "就业指标的配套指标（不计入“企业吸纳残疾人就业人数”）：开始日期在期末或之前、经村级服务站或社区微店专项招募并享受准入优惠的残疾人，按人去重。",
                "A companion of the employment indicator (not included in \"Disabled people employed by enterprises\"): disabled people recruited through a village service station or a community micro-store with preferential terms starting on or before the last day of the period, each counted once.",
                IndicatorUnit.People, IndicatorTotal.Distinct),
            new(LinkedPoorHouseholds, "households", "建立帮扶联结的建档立卡残疾人家庭数", "Registered-poor households with benefit links",
                "期内有有效利益联结（供货、保护价收购、务工、入股分红等）的建档立卡残疾人家庭，按户去重。",
                "Registered-poor disabled households with a benefit link in force on any day of the period, each counted once.",
                IndicatorUnit.Households, IndicatorTotal.Distinct),
            new(HouseholdsIncomeAboveBaseline, "households", "人均收入高于基线的建档立卡家庭数", "Households with income above baseline",
                "建档立卡残疾人家庭中，期末年份或之前最近一年的人均收入高于其基线人均收入的户数。",
                "Registered-poor disabled households whose latest per-capita income recorded for a year up to the period's last year is above their baseline.",
                IndicatorUnit.Households, IndicatorTotal.Sum),
            new(AverageIncomeIncrease, "households", "建档立卡家庭人均收入平均增幅", "Average per-capita income increase",
                "有基线和收入记录的建档立卡残疾人家庭：最近一年人均收入减基线人均收入的平均值（元）。",
                "Over registered-poor disabled households with a baseline and an income record: the average of latest per-capita income less baseline (yuan).",
                IndicatorUnit.Yuan, IndicatorTotal.Average),
            new(PovertyExits, "households", "脱贫户数", "Poverty exits",
                "脱贫日期在期内的建档立卡残疾人家庭数。", "Registered-poor disabled households whose poverty-exit date lies in the period.",
                IndicatorUnit.Households, IndicatorTotal.Sum),
            new(ProsperityLeaders, "leaders", "阳光致富带头人数", "Prosperity leaders",
                "期末持有已批准或已兑现的示范户或示范基地奖补的农村残疾人（基地按其经营者）。",
                "Rural disabled people holding, at the end of the period, an approved or paid demonstration-household award or operating a base with a demonstration-base award.",
                IndicatorUnit.People, IndicatorTotal.Sum),
            new(Incubatees, "incubation", "孵化对象人数", "Incubatees",
                "期内任一天在孵化（有在期内有效的孵化记录）的残疾人，按人去重。",
                "Disabled people with an incubation record in force on any day of the period, each counted once.",
                IndicatorUnit.People, IndicatorTotal.Distinct),
            new(EventSales, "events", "展销活动销售额", "Event sales",
                "结束日期在期内的展销、推介活动的销售额；市级活动只计入全市合计。",
                "Sales of fairs and promotion events ending in the period; city-organised events count in the city-wide total only.",
                IndicatorUnit.Yuan, IndicatorTotal.Sum),
            new(HouseholdsInChain, "chain", "带入产业链的建档立卡残疾人家庭数", "Households brought into the chain",
                "期内有有效利益联结、或有成员在企业就业、或有成员的网店有销售的建档立卡残疾人家庭，按户去重。",
                "Registered-poor disabled households with, in the period, a benefit link in force, a member employed by an enterprise, or a member's shop with sales; each counted once.",
                IndicatorUnit.Households, IndicatorTotal.Distinct),
            new(HouseholdsInChainIncomeUp, "chain", "其中人均收入高于基线的户数", "Of which income above baseline",
                "带入产业链的家庭中，最近一年人均收入高于基线的户数。",
                "Households brought into the chain whose latest per-capita income is above their baseline.",
                IndicatorUnit.Households, IndicatorTotal.Distinct),
            new(ServiceRecipients, "services", "电商运营延伸服务户数和基地数", "Households and bases served",
                "期内接受过电商运营延伸服务的对象数：建档立卡残疾人家庭、示范户或致富带头人（按人计为一户）和阳光基地，按对象去重；同一对象期内多次服务只计一次，按服务对象所在区县统计。",
                "Recipients of e-commerce operation extension services delivered in the period — registered-poor disabled households, award holders or prosperity leaders (each person counted as one household) and Sunshine bases — each counted once however often served, in the recipient's county.",
                IndicatorUnit.Households, IndicatorTotal.Distinct),
        ]);
        return [.. list];
    }
}
