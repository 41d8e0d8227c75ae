using Sunshine.Domain.Benefits;
using Sunshine.Domain.Common;
using Sunshine.Domain.Policies;
using Sunshine.Domain.Registry;
using Sunshine.Domain.Training;

namespace Sunshine.Domain.UnitTests;

public sealed class TrainingSubsidyRulesTests
{
    private static readonly Guid County = Guid.CreateVersion7();
    private static readonly Guid TableVersion = Guid.CreateVersion7();

    private static readonly QualificationTable Table = new(
    [
        new RecognisedQualification("EC-01", "电子商务师（四级）", Money.FromYuan(1200m)),
        new RecognisedQualification("EC-02", "网络营销师", Money.FromYuan(900m)),
    ]);

    private static TrainingClaimFacts Facts(decimal paid = 800m, string code = "EC-01", bool earlier = false, bool feeCharging = true,
        QualificationTable? table = null, PersonStatus? status = PersonStatus.Active, Guid? claimantCounty = null, string certificateDate = "2019-06-01") =>
        new(status, claimantCounty ?? County, County, table ?? Table, TableVersion, code, new DateOnly(2019, 3, 1),
            DateOnly.Parse(certificateDate, System.Globalization.CultureInfo.InvariantCulture), new DateOnly(2017, 1, 1), new DateOnly(2020, 12, 31),
            Money.FromYuan(paid), feeCharging, earlier);

    [Theory]
    [InlineData(800, 800)] // paid less than the standard: what was paid
    [InlineData(1500, 1200)] // paid more: the standard
    [InlineData(1200, 1200)] // exactly the standard
    [InlineData(1199.99, 1199.99)]
    [InlineData(0.01, 0.01)]
    public void The_amount_is_the_smaller_of_standard_and_paid(decimal paid, decimal expected)
    {
        var decision = TrainingSubsidyRules.Decide(Facts(paid));

        Assert.True(decision.Eligible);
        Assert.Equal(expected, decision.Amount.Yuan);
        Assert.Equal(new DateOnly(2019, 6, 1), decision.AssessmentDate);
        Assert.Equal(TableVersion, decision.PolicyVersionId);
        Assert.All(decision.Criteria, c => Assert.True(c.Met, c.Code));
    }

    [Fact]
    public void Nothing_paid_is_ineligible_naming_the_fee_criterion()
    {
        var decision = TrainingSubsidyRules.Decide(Facts(paid: 0m));

        Assert.False(decision.Eligible);
        Assert.Equal(0m, decision.Amount.Yuan);
        var failed = Assert.Single(decision.Criteria, c => !c.Met && c.Code != "training.amount");
        Assert.Equal("training.fee_paid", failed.Code);
        Assert.Equal("fee-charging, paid 0.00", failed.Actual);
    }

    [Fact]
    public void Training_that_charged_no_fee_is_ineligible() =>
        Assert.False(TrainingSubsidyRules.Decide(Facts(feeCharging: false)).Eligible);

    [Fact]
    public void A_second_claim_for_the_same_qualification_is_ineligible()
    {
        var decision = TrainingSubsidyRules.Decide(Facts(earlier: true));

        Assert.False(decision.Eligible);
        Assert.False(decision.Criteria.Single(c => c.Code == "training.first_claim").Met);
    }

    [Fact]
    public void A_qualification_added_to_the_table_after_the_certificate_date_is_not_recognised()
    {
        var programme = Guid.CreateVersion7();
        var before = PolicyVersion.Create(programme, PolicyKey.TrainingQualifications, new DateOnly(2017, 1, 1), "v1", "sample");
        var after = PolicyVersion.Create(programme, PolicyKey.TrainingQualifications, new DateOnly(2019, 7, 1), "v2", "sample");
        var inForce = PolicyVersion.InForce([before, after], PolicyKey.TrainingQualifications, new DateOnly(2019, 6, 1));
        Assert.Same(before, inForce);
        var tableThen = new QualificationTable([new RecognisedQualification("EC-02", "网络营销师", Money.FromYuan(900m))]);

        var decision = TrainingSubsidyRules.Decide(Facts(code: "EC-01", table: tableThen));

        Assert.False(decision.Eligible);
        var criterion = decision.Criteria.Single(c => c.Code == "training.qualification_recognised");
        Assert.False(criterion.Met);
        Assert.Equal("EC-01 is not in the table", criterion.Actual);
    }

    [Fact]
    public void Without_a_table_in_force_nothing_is_recognised()
    {
        var decision = new TrainingClaimFacts(PersonStatus.Active, County, County, null, null, "EC-01", new DateOnly(2019, 3, 1),
            new DateOnly(2019, 6, 1), new DateOnly(2017, 1, 1), new DateOnly(2020, 12, 31), Money.FromYuan(500m), true, false);

        Assert.False(TrainingSubsidyRules.Decide(decision).Eligible);
    }

    [Theory]
    [InlineData("2019-02-28", false)] // before the training started
    [InlineData("2019-03-01", true)] // the first day of training
    [InlineData("2020-12-31", true)] // the last day of the programme
    [InlineData("2021-01-01", false)] // after the programme
    public void The_certificate_date_lies_between_training_start_and_programme_end(string certificateDate, bool met)
    {
        var decision = TrainingSubsidyRules.Decide(Facts(certificateDate: certificateDate));

        Assert.Equal(met, decision.Criteria.Single(c => c.Code == "training.certificate_date").Met);
    }

    [Theory]
    [InlineData(PersonStatus.Deceased, false)]
    [InlineData(PersonStatus.MovedAway, false)]
    [InlineData(null, false)]
    public void The_claimant_must_be_active_in_the_county(PersonStatus? status, bool eligible) =>
        Assert.Equal(eligible, TrainingSubsidyRules.Decide(Facts(status: status)).Eligible);

    [Fact]
    public void A_claimant_of_another_county_is_ineligible() =>
        Assert.False(TrainingSubsidyRules.Decide(Facts(claimantCounty: Guid.CreateVersion7())).Eligible);
}

public sealed class BenefitWorkflowTests
{
    private static readonly DateTimeOffset Now = new(2019, 7, 1, 2, 0, 0, TimeSpan.Zero);
    private static readonly Guid Maker = Guid.CreateVersion7();
    private static readonly Guid Checker = Guid.CreateVersion7();

    private static Decision Eligible(decimal amount = 800m) =>
        new(true, Money.FromYuan(amount), new DateOnly(2019, 6, 1), Guid.CreateVersion7(), [new CriterionResult("c", "d", "r", "a", true)]);

    private static Benefit Submitted(Decision decision)
    {
        var benefit = Benefit.Create(BenefitType.TrainingSubsidy, Guid.CreateVersion7(), Guid.CreateVersion7(), "key", Maker, Now);
        benefit.Submit(Maker, decision, Now);
        return benefit;
    }

    [Fact]
    public void The_submitter_cannot_review_their_own_claim()
    {
        var decision = Eligible();
        var benefit = Submitted(decision);

        var error = Assert.Throws<DomainException>(() => benefit.ReviewByCounty(Maker, decision, Now, null));

        Assert.Equal("benefit.maker_checker", error.Code);
        Assert.Equal(DomainErrorKind.NotAllowed, error.Kind);
    }

    [Fact]
    public void A_training_claim_is_final_after_the_county_review_and_then_paid_by_another_officer()
    {
        var decision = Eligible();
        var benefit = Submitted(decision);

        benefit.ReviewByCounty(Checker, decision, Now, "材料齐全");

        Assert.True(benefit.IsFinallyApproved);
        Assert.Equal(BenefitState.CountyReviewed, benefit.State);
        Assert.Equal("benefit.maker_checker", Assert.Throws<DomainException>(() => benefit.MarkPaid(Checker, new DateOnly(2019, 7, 1), "V-1", new DateOnly(2019, 7, 1), Now)).Code);
        benefit.MarkPaid(Guid.CreateVersion7(), new DateOnly(2019, 7, 1), "记-2019-001", new DateOnly(2019, 7, 1), Now);
        Assert.Equal(BenefitState.Paid, benefit.State);
        Assert.Equal(["submit", "county_review", "pay"], benefit.Transitions.Select(t => t.Action));
    }

    [Fact]
    public void A_review_is_refused_when_the_live_decision_differs_until_resubmission()
    {
        var frozen = Eligible(800m);
        var benefit = Submitted(frozen);
        var live = frozen with { Amount = Money.FromYuan(600m) };

        Assert.Equal("benefit.decision_changed", Assert.Throws<DomainException>(() => benefit.ReviewByCounty(Checker, live, Now, null)).Code);
        Assert.Equal("benefit.not_submitter", Assert.Throws<DomainException>(() => benefit.Resubmit(Checker, live, Now)).Code);

        benefit.Resubmit(Maker, live, Now);
        benefit.ReviewByCounty(Checker, live, Now, null);
        Assert.Equal(600m, benefit.Decision!.Amount.Yuan);
    }

    [Fact]
    public void After_final_approval_the_decision_stands_whatever_the_policy_says_later()
    {
        var decision = Eligible(800m);
        var benefit = Submitted(decision);
        benefit.ReviewByCounty(Checker, decision, Now, null);

        var later = decision with { Amount = Money.FromYuan(500m), PolicyVersionId = Guid.CreateVersion7() };

        Assert.Equal("benefit.state", Assert.Throws<DomainException>(() => benefit.Resubmit(Maker, later, Now)).Code);
        Assert.Equal(800m, benefit.Decision!.Amount.Yuan);
    }

    [Fact]
    public void An_ineligible_decision_is_not_approved()
    {
        var decision = Eligible() with { Eligible = false, Amount = Money.Zero };
        var benefit = Submitted(decision);

        Assert.Equal("benefit.not_eligible", Assert.Throws<DomainException>(() => benefit.ReviewByCounty(Checker, decision, Now, null)).Code);
        benefit.Reject(Checker, Now, "不符合条件");
        Assert.Equal(BenefitState.Rejected, benefit.State);
    }

    [Fact]
    public void Only_the_submitter_withdraws_and_only_before_review()
    {
        var decision = Eligible();
        var benefit = Submitted(decision);

        Assert.Equal("benefit.not_submitter", Assert.Throws<DomainException>(() => benefit.Withdraw(Checker, Now, null)).Code);
        benefit.Withdraw(Maker, Now, "重新准备材料");
        Assert.Equal(BenefitState.Withdrawn, benefit.State);
        Assert.Equal("benefit.state", Assert.Throws<DomainException>(() => benefit.ReviewByCounty(Checker, decision, Now, null)).Code);
    }

    [Fact]
    public void Returning_needs_a_reason_and_makes_it_a_draft_again()
    {
        var benefit = Submitted(Eligible());

        Assert.Equal("benefit.comment_required", Assert.Throws<DomainException>(() => benefit.Return(Checker, Now, " ")).Code);
        benefit.Return(Checker, Now, "缺少收据");

        Assert.True(benefit.IsEditable);
        Assert.Null(benefit.Decision);
    }

    [Fact]
    public void Training_subsidies_need_no_city_approval()
    {
        var decision = Eligible();
        var benefit = Submitted(decision);
        benefit.ReviewByCounty(Checker, decision, Now, null);

        Assert.Equal("benefit.step_not_needed", Assert.Throws<DomainException>(() => benefit.Approve(Guid.CreateVersion7(), decision, new DateOnly(2019, 7, 1), Now, null)).Code);
    }
}
