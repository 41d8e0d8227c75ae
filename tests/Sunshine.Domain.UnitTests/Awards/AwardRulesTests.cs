using Sunshine.Domain.Awards;
using Sunshine.Domain.Bases;
using Sunshine.Domain.Benefits;
using Sunshine.Domain.Common;
using Sunshine.Domain.Evidence;
using Sunshine.Domain.Policies;
using Sunshine.Domain.Registry;

namespace Sunshine.Domain.UnitTests.Awards;

public sealed class AwardRulesTests
{
    private static readonly DateOnly On = new(2020, 3, 16);
    private static readonly Guid Version = Guid.CreateVersion7();
    private static readonly DemonstrationHouseholdPolicy Household = new(Money.FromYuan(100_000m), Money.FromYuan(10_000m));
    private static readonly DemonstrationBasePolicy Base = new(10, Money.FromYuan(500_000m), Money.FromYuan(60_000m));
    private static readonly EnterpriseRecognitionPolicy Recognitions = new(10, 10, Money.Zero, Money.FromYuan(20_000m));

    private static DemonstrationHouseholdFacts HouseholdFacts(decimal sales, bool holds = false, PersonStatus? status = PersonStatus.Active, DemonstrationHouseholdPolicy? policy = null) =>
        new(On, Version, holds, status, [new ShopSales(Guid.CreateVersion7(), "甲店", Money.FromYuan(sales))], policy ?? Household);

    private static DemonstrationBaseFacts BaseFacts(int households, decimal sales, BaseStatus status = BaseStatus.Active) =>
        new(On, Version, false, status, households, 6, [new ShopSales(Guid.CreateVersion7(), "基地店", Money.FromYuan(sales))], Base);

    private static CriterionResult Criterion(Decision decision, string code) => decision.Criteria.Single(c => c.Code == code);

    [Theory]
    [InlineData(99_999.99, false, 0)]
    [InlineData(100_000.00, true, 10_000)]
    [InlineData(100_000.01, true, 10_000)]
    public void A_demonstration_household_needs_the_previous_years_sales_threshold(decimal sales, bool eligible, decimal amount)
    {
        var decision = AwardRules.Decide(HouseholdFacts(sales));

        Assert.Equal(eligible, decision.Eligible);
        Assert.Equal(Money.FromYuan(amount), decision.Amount);
        Assert.Equal(eligible, Criterion(decision, "award.previous_year_sales").Met);
        Assert.Contains("2019", Criterion(decision, "award.previous_year_sales").Required, StringComparison.Ordinal);
    }

    [Fact]
    public void Sales_of_several_shops_are_added_up()
    {
        var facts = new DemonstrationHouseholdFacts(On, Version, false, PersonStatus.Active,
            [new ShopSales(Guid.CreateVersion7(), "甲", Money.FromYuan(60_000m)), new ShopSales(Guid.CreateVersion7(), "乙", Money.FromYuan(40_000m))], Household);

        Assert.True(AwardRules.Decide(facts).Eligible);
        Assert.Equal("100000.00 over 2 shop(s)", Criterion(AwardRules.Decide(facts), "award.previous_year_sales").Actual);
    }

    [Fact]
    public void A_second_award_of_the_same_type_is_ineligible()
    {
        var decision = AwardRules.Decide(HouseholdFacts(200_000m, holds: true));

        Assert.False(decision.Eligible);
        Assert.False(Criterion(decision, "award.not_already_held").Met);
        Assert.Equal(Money.Zero, decision.Amount);
    }

    [Fact]
    public void An_inactive_person_is_ineligible_whatever_they_sold()
    {
        Assert.False(AwardRules.Decide(HouseholdFacts(200_000m, status: PersonStatus.Deceased)).Eligible);
        Assert.False(AwardRules.Decide(HouseholdFacts(200_000m, status: null)).Eligible);
    }

    [Fact]
    public void The_decision_records_the_policy_version_the_assessment_date_and_every_criterion()
    {
        var decision = AwardRules.Decide(HouseholdFacts(150_000m));

        Assert.Equal(Version, decision.PolicyVersionId);
        Assert.Equal(On, decision.AssessmentDate);
        Assert.Equal(["award.policy_in_force", "award.person_active", "award.previous_year_sales", "award.not_already_held", "award.amount"], decision.Criteria.Select(c => c.Code));
    }

    [Fact]
    public void Without_a_policy_in_force_nobody_qualifies()
    {
        var facts = new DemonstrationHouseholdFacts(On, null, false, PersonStatus.Active, [new ShopSales(Guid.CreateVersion7(), "甲", Money.FromYuan(900_000m))], null);

        var decision = AwardRules.Decide(facts);

        Assert.False(decision.Eligible);
        Assert.False(Criterion(decision, "award.policy_in_force").Met);
    }

    [Fact]
    public void The_previous_calendar_year_is_the_year_before_the_assessment_date()
    {
        Assert.Equal(2019, AwardRules.SalesYearOf(new DateOnly(2020, 1, 1)));
        Assert.Equal(2019, AwardRules.SalesYearOf(new DateOnly(2020, 12, 31)));
        Assert.Equal(2020, AwardRules.SalesYearOf(new DateOnly(2021, 1, 1)));
    }

    [Fact]
    public void A_policy_effective_1_July_does_not_apply_to_an_assessment_dated_30_June()
    {
        var programme = Guid.CreateVersion7();
        var old = PolicyVersion.Create(programme, PolicyKey.DemonstrationHouseholdAward, new DateOnly(2017, 1, 1), Household.ToJson(), "旧");
        var raised = PolicyVersion.Create(programme, PolicyKey.DemonstrationHouseholdAward, new DateOnly(2020, 7, 1),
            new DemonstrationHouseholdPolicy(Money.FromYuan(120_000m), Money.FromYuan(12_000m)).ToJson(), "新");

        Assert.Same(old, PolicyVersion.InForce([old, raised], PolicyKey.DemonstrationHouseholdAward, new DateOnly(2020, 6, 30)));
        Assert.Same(raised, PolicyVersion.InForce([old, raised], PolicyKey.DemonstrationHouseholdAward, new DateOnly(2020, 7, 1)));

        var june = AwardRules.Decide(HouseholdFacts(110_000m, policy: DemonstrationHouseholdPolicy.FromJson(old.Content)));
        var july = AwardRules.Decide(HouseholdFacts(110_000m, policy: DemonstrationHouseholdPolicy.FromJson(raised.Content)));
        Assert.True(june.Eligible);
        Assert.False(july.Eligible);
    }

    [Theory]
    [InlineData(9, 600_000, false)]
    [InlineData(10, 600_000, true)]
    [InlineData(10, 499_999.99, false)]
    [InlineData(10, 500_000, true)]
    public void A_demonstration_base_needs_ten_stably_linked_households_and_the_annual_sales(int households, decimal sales, bool eligible)
    {
        var decision = AwardRules.Decide(BaseFacts(households, sales));

        Assert.Equal(eligible, decision.Eligible);
        Assert.Equal(eligible ? Money.FromYuan(60_000m) : Money.Zero, decision.Amount);
    }

    [Fact]
    public void A_suspended_base_is_ineligible()
    {
        Assert.False(AwardRules.Decide(BaseFacts(20, 900_000m, BaseStatus.Suspended)).Eligible);
    }

    [Fact]
    public void A_household_linked_in_only_five_months_does_not_count_towards_the_base()
    {
        var year = 2019;
        var months = new List<(Guid, DateOnly)>();
        var households = Enumerable.Range(0, 10).Select(_ => Guid.CreateVersion7()).ToList();
        foreach (var (household, i) in households.Select((h, i) => (h, i)))
        {
            var count = i == 0 ? 5 : 6;
            months.AddRange(Enumerable.Range(1, count).Select(m => (household, new DateOnly(year, m, 1))));
        }

        var counted = EvidenceCounts.StablyLinkedHouseholds(months, year, 6);

        Assert.Equal(9, counted);
        Assert.False(AwardRules.Decide(BaseFacts(counted, 600_000m)).Eligible);
    }

    [Theory]
    [InlineData(9, false)]
    [InlineData(10, true)]
    public void The_poverty_alleviation_base_recognition_needs_ten_bases_under_agreement(int bases, bool eligible)
    {
        var decision = AwardRules.Decide(new EnterpriseRecognitionFacts(BenefitType.PovertyAlleviationBaseEnterpriseAward, On, Version, false, bases, 0, Recognitions));

        Assert.Equal(eligible, decision.Eligible);
        Assert.Equal(Money.Zero, decision.Amount); // recognition without money
    }

    [Theory]
    [InlineData(9, false, 0)]
    [InlineData(10, true, 20_000)]
    public void The_employment_base_recognition_needs_ten_disabled_employees(int employees, bool eligible, decimal amount)
    {
        var decision = AwardRules.Decide(new EnterpriseRecognitionFacts(BenefitType.EmploymentBaseEnterpriseAward, On, Version, false, 0, employees, Recognitions));

        Assert.Equal(eligible, decision.Eligible);
        Assert.Equal(Money.FromYuan(amount), decision.Amount);
    }

    [Fact]
    public void Policy_content_is_checked_field_by_field()
    {
        Assert.Equal("salesThreshold", Assert.Throws<DomainException>(() => DemonstrationHouseholdPolicy.FromJson("""{"salesThreshold": -1, "grant": 10}""")).Field);
        Assert.Equal("content", Assert.Throws<DomainException>(() => DemonstrationHouseholdPolicy.FromJson("""{"grant": 10}""")).Field);
        Assert.Equal("linkedHouseholds", Assert.Throws<DomainException>(() => DemonstrationBasePolicy.FromJson("""{"linkedHouseholds": 0, "salesThreshold": 1, "grant": 1}""")).Field);
        Assert.Equal("days", Assert.Throws<DomainException>(() => PublicNoticePolicy.FromJson("""{"days": 0}""")).Field);
        Assert.Equal(60, PublicNoticePolicy.FromJson("""{"days": 60}""").Days);
        Assert.Equal("days", Assert.Throws<DomainException>(() => PublicNoticePolicy.FromJson("""{"days": 61}""")).Field);
        Assert.Equal(Recognitions, EnterpriseRecognitionPolicy.FromJson(Recognitions.ToJson()));
    }
}
