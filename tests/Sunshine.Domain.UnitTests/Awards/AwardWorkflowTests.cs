using Sunshine.Domain.Awards;
using Sunshine.Domain.Benefits;
using Sunshine.Domain.Common;
using Sunshine.Domain.Funds;

namespace Sunshine.Domain.UnitTests.Awards;

public sealed class AwardWorkflowTests
{
    private static readonly DateTimeOffset Now = new(2020, 3, 16, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2020, 3, 16);
    private static readonly Guid County = Guid.CreateVersion7();
    private static readonly Guid Maker = Guid.CreateVersion7();
    private static readonly Guid Reviewer = Guid.CreateVersion7();
    private static readonly Guid Approver = Guid.CreateVersion7();
    private static readonly Guid Payer = Guid.CreateVersion7();

    private static Decision Eligible(decimal amount = 10_000m) =>
        new(true, Money.FromYuan(amount), Today, Guid.CreateVersion7(), [new CriterionResult("award.previous_year_sales", "d", "r", "100000.00", true)]);

    private static (Benefit Benefit, Decision Decision) InNotice(BenefitType type = BenefitType.DemonstrationHouseholdAward, decimal amount = 10_000m, int days = 7)
    {
        var (_, benefit) = AwardApplication.Start(type, Guid.CreateVersion7(), County, Maker, Now);
        var decision = Eligible(amount);
        benefit.Submit(Maker, decision, Now);
        benefit.ReviewByCounty(Reviewer, decision, Now, null, Today, days);
        return (benefit, decision);
    }

    [Fact]
    public void The_county_review_of_an_award_starts_its_public_notice_for_the_policys_days()
    {
        var (benefit, _) = InNotice(days: 7);

        Assert.Equal(BenefitState.PublicNotice, benefit.State);
        Assert.False(benefit.IsFinallyApproved);
        Assert.Equal(Today, benefit.NoticeStartsOn);
        Assert.Equal(Today.AddDays(6), benefit.NoticeEndsOn);
        Assert.Equal(["submit", "county_review", "start_notice"], benefit.Transitions.Select(t => t.Action));
    }

    [Fact]
    public void Approval_is_refused_on_the_last_day_of_the_notice_and_given_the_day_after()
    {
        var (benefit, decision) = InNotice(days: 7);

        Assert.Equal("benefit.notice_running", Assert.Throws<DomainException>(() => benefit.Approve(Approver, decision, Today.AddDays(6), Now, null)).Code);
        benefit.Approve(Approver, decision, Today.AddDays(7), Now, null);

        Assert.Equal(BenefitState.Approved, benefit.State);
        Assert.True(benefit.IsFinallyApproved);
        Assert.Equal(Approver, benefit.FinalApproverId);
    }

    [Fact]
    public void Approval_is_refused_while_an_objection_is_open_and_after_one_is_upheld()
    {
        var (benefit, decision) = InNotice();
        var objection = benefit.RecordObjection(Reviewer, Today.AddDays(1), "群众反映销售额含非本人店铺", Today.AddDays(1), Now);
        var after = Today.AddDays(10);

        Assert.Equal("benefit.objection_open", Assert.Throws<DomainException>(() => benefit.Approve(Approver, decision, after, Now, null)).Code);
        Assert.Equal("benefit.maker_checker", Assert.Throws<DomainException>(() => benefit.ResolveObjection(objection.Id, Reviewer, true, "属实", Now)).Code);
        benefit.ResolveObjection(objection.Id, Approver, upheld: true, "核实属实", Now);

        Assert.Equal("benefit.objection_upheld", Assert.Throws<DomainException>(() => benefit.Approve(Payer, decision, after, Now, null)).Code);
        benefit.Reject(Payer, Now, "异议成立");
        Assert.Equal(BenefitState.Rejected, benefit.State);
    }

    [Fact]
    public void A_dismissed_objection_lets_the_approval_go_ahead()
    {
        var (benefit, decision) = InNotice();
        var objection = benefit.RecordObjection(Reviewer, Today, "匿名来信", Today, Now);
        benefit.ResolveObjection(objection.Id, Approver, upheld: false, "经核查不属实", Now);

        benefit.Approve(Payer, decision, Today.AddDays(7), Now, null);

        Assert.Equal(BenefitState.Approved, benefit.State);
    }

    [Fact]
    public void An_objection_is_received_during_the_notice_and_not_in_the_future()
    {
        var (benefit, _) = InNotice(days: 7);

        Assert.Equal("receivedOn", Assert.Throws<DomainException>(() => benefit.RecordObjection(Reviewer, Today.AddDays(-1), "x", Today, Now)).Field);
        Assert.Equal("receivedOn", Assert.Throws<DomainException>(() => benefit.RecordObjection(Reviewer, Today.AddDays(1), "x", Today, Now)).Field);
        Assert.Equal("receivedOn", Assert.Throws<DomainException>(() => benefit.RecordObjection(Reviewer, Today.AddDays(7), "x", Today.AddDays(8), Now)).Field);
        benefit.RecordObjection(Reviewer, Today.AddDays(6), "最后一天收到", Today.AddDays(8), Now);
    }

    [Fact]
    public void Nobody_approves_what_they_submitted_or_reviewed()
    {
        var (benefit, decision) = InNotice();
        var after = Today.AddDays(7);

        Assert.Equal("benefit.maker_checker", Assert.Throws<DomainException>(() => benefit.Approve(Maker, decision, after, Now, null)).Code);
        Assert.Equal("benefit.maker_checker", Assert.Throws<DomainException>(() => benefit.Approve(Reviewer, decision, after, Now, null)).Code);
    }

    [Fact]
    public void A_city_award_is_approved_by_the_city_and_an_amount_of_zero_is_a_recognition()
    {
        var (benefit, decision) = InNotice(BenefitType.PovertyAlleviationBaseEnterpriseAward, amount: 0m);

        benefit.Approve(Approver, decision, Today.AddDays(7), Now, null);

        Assert.Equal(BenefitState.Recognised, benefit.State);
        Assert.Equal(["submit", "county_review", "start_notice", "city_approve", "recognise"], benefit.Transitions.Select(t => t.Action));
        Assert.Equal("benefit.state", Assert.Throws<DomainException>(() => benefit.EnsurePayable()).Code);
    }

    [Fact]
    public void A_changed_decision_stops_the_approval()
    {
        var (benefit, _) = InNotice();
        var live = new Decision(true, Money.FromYuan(10_000m), Today, Guid.CreateVersion7(), [new CriterionResult("award.previous_year_sales", "d", "r", "50000.00", false)]);

        Assert.Equal("benefit.decision_changed", Assert.Throws<DomainException>(() => benefit.Approve(Approver, live, Today.AddDays(7), Now, null)).Code);
    }

    private static (Benefit Benefit, FundAllocation County, FundAllocation CityToCounty, FundAllocation City) Approved(decimal countyAmount = 6_000m, decimal cityAmount = 50_000m)
    {
        var (benefit, decision) = InNotice();
        benefit.Approve(Approver, decision, Today.AddDays(7), Now, null);
        return (
            benefit,
            FundAllocation.Create(2020, FundLevel.County, County, Money.FromYuan(countyAmount), "县残联〔2020〕1号", null, Maker, Now, Today),
            FundAllocation.Create(2020, FundLevel.City, County, Money.FromYuan(cityAmount), "市残联〔2020〕9号", null, Maker, Now, Today),
            FundAllocation.Create(2020, FundLevel.City, null, Money.FromYuan(cityAmount), "市残联〔2020〕1号", null, Maker, Now, Today));
    }

    private static Payee SomePayee => new("张三", "常德农商银行", [1, 2, 3], "1234");

    [Fact]
    public void A_payment_split_across_a_county_and_a_city_allocation_takes_each_part_from_its_balance()
    {
        var (benefit, county, cityToCounty, _) = Approved();

        var payment = FundPayment.Pay(benefit, [new(county, Money.FromYuan(6_000m)), new(cityToCounty, Money.FromYuan(4_000m))], SomePayee, Payer, County, Today, "记-1", Today, Now);

        Assert.Equal(BenefitState.Paid, benefit.State);
        Assert.Equal(10_000m, payment.Amount);
        Assert.Equal(Money.Zero, county.Balance);
        Assert.Equal(Money.FromYuan(46_000m), cityToCounty.Balance);
        Assert.Equal([6_000m, 4_000m], payment.Entries.Select(e => e.Amount));
        Assert.Equal("**** **** **** 1234", payment.MaskedAccount);
    }

    [Fact]
    public void The_parts_sum_to_the_amount_and_each_fits_its_balance()
    {
        var (benefit, county, cityToCounty, city) = Approved(countyAmount: 5_000m);

        Assert.Equal("fund.parts_sum", Assert.Throws<DomainException>(() => FundPayment.Pay(benefit, [new(cityToCounty, Money.FromYuan(9_999.99m))], SomePayee, Payer, County, Today, "v", Today, Now)).Code);
        Assert.Equal("fund.insufficient_balance", Assert.Throws<DomainException>(() => FundPayment.Pay(benefit, [new(county, Money.FromYuan(10_000m))], SomePayee, Payer, County, Today, "v", Today, Now)).Code);
        Assert.Equal("parts[0].allocationId", Assert.Throws<DomainException>(() => FundPayment.Pay(benefit, [new(city, Money.FromYuan(10_000m))], SomePayee, Payer, County, Today, "v", Today, Now)).Field);
        Assert.Equal("parts[1].allocationId", Assert.Throws<DomainException>(() =>
            FundPayment.Pay(benefit, [new(cityToCounty, Money.FromYuan(5_000m)), new(cityToCounty, Money.FromYuan(5_000m))], SomePayee, Payer, County, Today, "v", Today, Now)).Field);
        Assert.Equal(Money.FromYuan(5_000m), county.Balance);
        Assert.Equal(BenefitState.Approved, benefit.State);

        FundPayment.Pay(benefit, [new(county, Money.FromYuan(5_000m)), new(cityToCounty, Money.FromYuan(5_000m))], SomePayee, Payer, County, Today, "v", Today, Now);
        Assert.Equal(Money.Zero, county.Balance);
    }

    [Fact]
    public void The_payer_is_an_officer_of_the_paying_level_who_neither_submitted_nor_approved()
    {
        var (benefit, county, _, _) = Approved(countyAmount: 20_000m);
        IReadOnlyList<PaymentPart> parts = [new(county, Money.FromYuan(10_000m))];

        Assert.Equal("benefit.maker_checker", Assert.Throws<DomainException>(() => FundPayment.Pay(benefit, parts, SomePayee, Approver, County, Today, "v", Today, Now)).Code);
        Assert.Equal("benefit.maker_checker", Assert.Throws<DomainException>(() => FundPayment.Pay(benefit, parts, SomePayee, Maker, County, Today, "v", Today, Now)).Code);
        Assert.Equal("fund.payer_level", Assert.Throws<DomainException>(() => FundPayment.Pay(benefit, parts, SomePayee, Payer, null, Today, "v", Today, Now)).Code);
        Assert.Equal("fund.payer_level", Assert.Throws<DomainException>(() => FundPayment.Pay(benefit, parts, SomePayee, Payer, Guid.CreateVersion7(), Today, "v", Today, Now)).Code);
        Assert.Equal(Money.FromYuan(20_000m), county.Balance);

        FundPayment.Pay(benefit, parts, SomePayee, Reviewer, County, Today, "v", Today, Now); // the reviewer did not give the final approval
        Assert.Equal(BenefitState.Paid, benefit.State);
    }

    [Fact]
    public void A_reversal_is_a_new_negative_payment_that_restores_the_balances_and_leaves_the_ledger_reconciled()
    {
        var (benefit, county, cityToCounty, _) = Approved();
        var payment = FundPayment.Pay(benefit, [new(county, Money.FromYuan(6_000m)), new(cityToCounty, Money.FromYuan(4_000m))], SomePayee, Payer, County, Today, "记-1", Today, Now);
        var allocations = new Dictionary<Guid, FundAllocation> { [county.Id] = county, [cityToCounty.Id] = cityToCounty };

        var reversal = payment.Reverse(benefit, allocations, Payer, County, "账号错误，退回重发", Today, Now);

        Assert.Equal(-10_000m, reversal.Amount);
        Assert.Equal(payment.Id, reversal.ReversalOfId);
        Assert.Equal(reversal.Id, payment.ReversedById);
        Assert.Equal(10_000m, payment.Amount);
        Assert.Equal([-6_000m, -4_000m], reversal.Entries.Select(e => e.Amount));
        Assert.Equal(Money.FromYuan(6_000m), county.Balance);
        Assert.Equal(Money.FromYuan(50_000m), cityToCounty.Balance);
        Assert.Equal(BenefitState.Approved, benefit.State);
        Assert.Equal("fund.already_reversed", Assert.Throws<DomainException>(() => payment.Reverse(benefit, allocations, Payer, County, "again", Today, Now)).Code);

        var entries = payment.Entries.Concat(reversal.Entries).ToList();
        var lines = new[] { county, cityToCounty }.Select(a => new FundReconciliation.Line(
            a.Id, a.Amount.Yuan, a.Disbursed.Yuan, a.Balance.Yuan, entries.Where(e => e.AllocationId == a.Id).Sum(e => e.Amount))).ToList();
        Assert.True(FundReconciliation.Reconciles(lines));
        Assert.False(new FundReconciliation.Line(Guid.Empty, 100m, 10m, 90m, 9.99m).Reconciled);
    }

    [Theory]
    [InlineData(FundLevel.County, false, "countyId")]
    [InlineData(FundLevel.City, true, null)]
    public void A_county_level_allocation_belongs_to_a_county(FundLevel level, bool valid, string? field)
    {
        var create = () => FundAllocation.Create(2020, level, null, Money.FromYuan(1m), "文号", null, Maker, Now, Today);

        if (valid)
        {
            Assert.Null(create().CountyId);
        }
        else
        {
            Assert.Equal(field, Assert.Throws<DomainException>(create).Field);
        }
    }
}
