using Sunshine.Domain.Benefits;
using Sunshine.Domain.Common;
using Sunshine.Domain.Loans;
using Sunshine.Domain.Registry;

namespace Sunshine.Domain.UnitTests.Loans;

public sealed class InterestSubsidyRulesTests
{
    private static readonly Guid PolicyVersion = Guid.CreateVersion7();
    private static readonly MicrocreditBorrowerFacts PoorSeller = new(HouseholdRegisteredPoor: true, SellsOnline: true);
    private static readonly SubsidyPeriod SecondQuarter2024 = SubsidyPeriod.Quarter(2024, 2); // 91 days

    private static DateOnly D(string date) => DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

    private static SubsidyPeriod Period(string start, string end) => SubsidyPeriod.Create(D(start), D(end));

    private static InterestSubsidyPolicy Policy(decimal share = 0.5m, decimal? cap = null, int maximumTerm = 36, decimal maximumPrincipal = 50_000m) =>
        new(share, cap, maximumTerm, Money.FromYuan(maximumPrincipal));

    private static Loan Loan(decimal principal = 12_000m, decimal rate = 0.0435m, DayCountBasis basis = DayCountBasis.Actual360, string start = "2023-07-01",
        int term = 36, LoanProgramme programme = LoanProgramme.PovertyAlleviationMicrocredit) =>
        Sunshine.Domain.Loans.Loan.Create(Guid.CreateVersion7(), Guid.CreateVersion7(), programme, "某县农商银行", Money.FromYuan(principal), rate, basis, D(start), term);

    private static Decision Decide(Loan loan, SubsidyPeriod? period = null, InterestSubsidyPolicy? policy = null, LoanBorrowerFacts? borrower = null, bool alreadySubsidised = false) =>
        InterestSubsidyRules.Decide(new InterestSubsidyFacts(loan, period ?? SecondQuarter2024, policy ?? Policy(), PolicyVersion, borrower ?? PoorSeller, alreadySubsidised));

    private static CriterionResult Criterion(Decision decision, string code) => decision.Criteria.Single(c => c.Code == code);

    private static CriterionResult AmountLine(Decision decision) => Criterion(decision, "loan.amount");

    [Fact]
    public void An_eligible_quarter_is_subsidised_with_every_criterion_and_the_computation_explained()
    {
        var decision = Decide(Loan());

        Assert.True(decision.Eligible);
        Assert.Equal(65.98m, decision.Amount.Yuan); // 65.975 exactly, half away from zero
        Assert.Equal(D("2024-04-01"), decision.AssessmentDate);
        Assert.Equal(PolicyVersion, decision.PolicyVersionId);
        Assert.Equal(
            ["loan.borrower_registered_poor", "loan.borrower_sells_online", "loan.policy_in_force", "loan.period_within_term", "loan.first_claim", "loan.amount"],
            decision.Criteria.Select(c => c.Code));
        Assert.All(decision.Criteria, c => Assert.True(c.Met, c.Code));
        Assert.Equal("12,000.00 × 4.35% × 91/360 × 50%", AmountLine(decision).Required);
        Assert.Equal("65.98", AmountLine(decision).Actual);
        Assert.Equal("2024-04-01 to 2024-06-30", Criterion(decision, "loan.period_within_term").Actual);
    }

    [Theory]
    [InlineData("2024-01-01", "2024-03-31", DayCountBasis.Actual365, "91/365", 65.07)] // a leap year's first quarter counts 29 February
    [InlineData("2023-01-01", "2023-03-31", DayCountBasis.Actual365, "90/365", 64.36)]
    [InlineData("2024-01-01", "2024-03-31", DayCountBasis.Actual360, "91/360", 65.98)]
    [InlineData("2023-01-01", "2023-03-31", DayCountBasis.Actual360, "90/360", 65.25)]
    [InlineData("2024-02-01", "2024-02-29", DayCountBasis.Actual365, "29/365", 20.74)]
    [InlineData("2023-02-01", "2023-02-28", DayCountBasis.Actual365, "28/365", 20.02)]
    [InlineData("2024-04-01", "2024-06-30", DayCountBasis.Actual365, "91/365", 65.07)]
    public void Interest_counts_the_actual_days_over_the_contract_basis(string start, string end, DayCountBasis basis, string days, decimal expected)
    {
        var decision = Decide(Loan(basis: basis, start: "2022-07-01"), Period(start, end));

        Assert.Equal(expected, decision.Amount.Yuan);
        Assert.Equal($"12,000.00 × 4.35% × {days} × 50%", AmountLine(decision).Required);
    }

    [Theory]
    [InlineData(0.04, 60.67, "12,000.00 × min(4.35%, 4%) × 91/360 × 50%")] // cap below the rate: the cap
    [InlineData(0.043499, 65.97, "12,000.00 × min(4.35%, 4.3499%) × 91/360 × 50%")]
    [InlineData(0.0435, 65.98, "12,000.00 × 4.35% × 91/360 × 50%")] // cap equal to the rate
    [InlineData(0.05, 65.98, "12,000.00 × 4.35% × 91/360 × 50%")] // cap above the rate: the rate
    [InlineData(null, 65.98, "12,000.00 × 4.35% × 91/360 × 50%")] // no cap: the rate
    public void Interest_is_computed_at_the_lower_of_the_rate_and_the_cap(double? cap, decimal expected, string computation)
    {
        var decision = Decide(Loan(rate: 0.0435m), policy: Policy(cap: (decimal?)cap));

        Assert.Equal(expected, decision.Amount.Yuan);
        Assert.Equal(computation, AmountLine(decision).Required);
    }

    [Theory]
    [InlineData(49_999.99, 274.90, "49,999.99 × 4.35% × 91/360 × 50%")]
    [InlineData(50_000, 274.90, "50,000.00 × 4.35% × 91/360 × 50%")]
    [InlineData(50_000.01, 274.90, "min(50,000.01, 50,000.00) × 4.35% × 91/360 × 50%")]
    [InlineData(60_000, 274.90, "min(60,000.00, 50,000.00) × 4.35% × 91/360 × 50%")]
    [InlineData(200_000, 274.90, "min(200,000.00, 50,000.00) × 4.35% × 91/360 × 50%")]
    public void Principal_above_the_maximum_is_subsidised_only_up_to_the_maximum(decimal principal, decimal expected, string computation)
    {
        var decision = Decide(Loan(principal: principal), policy: Policy(maximumPrincipal: 50_000m));

        Assert.True(decision.Eligible);
        Assert.Equal(expected, decision.Amount.Yuan);
        Assert.Equal(computation, AmountLine(decision).Required);
    }

    [Fact]
    public void A_repayment_below_the_maximum_changes_the_subsidy_only_once_the_balance_falls_under_it()
    {
        var loan = Loan(principal: 60_000m);
        loan.Repay(D("2024-05-16"), Money.FromYuan(20_000m));

        var decision = Decide(loan, policy: Policy(maximumPrincipal: 50_000m));

        // 50,000 × 45 days + 40,000 × 46 days = 4,090,000 principal-days × 4.35% × 50% / 360 = 247.104...
        Assert.Equal(247.10m, decision.Amount.Yuan);
        Assert.Equal("(min(60,000.00, 50,000.00) × 4.35% × 45/360 + 40,000.00 × 4.35% × 46/360) × 50%", AmountLine(decision).Required);
    }

    [Theory]
    [InlineData("2024-04-01", "2024-05-14", true, "2024-04-01 to 2024-05-14", 31.90)] // ends on the last day of the term
    [InlineData("2024-04-01", "2024-05-15", true, "2024-04-01 to 2024-05-15, cut to 2024-04-01 to 2024-05-14", 31.90)]
    [InlineData("2024-04-01", "2024-06-30", true, "2024-04-01 to 2024-06-30, cut to 2024-04-01 to 2024-05-14", 31.90)]
    [InlineData("2024-05-14", "2024-06-30", true, "2024-05-14 to 2024-06-30, cut to 2024-05-14 to 2024-05-14", 0.73)] // one day left
    [InlineData("2024-05-15", "2024-06-30", false, "2024-05-15 to 2024-06-30, after the term", 0)] // starts the day after the term
    [InlineData("2024-07-01", "2024-09-30", false, "2024-07-01 to 2024-09-30, after the term", 0)]
    public void A_period_crossing_the_end_of_the_maximum_term_is_cut_and_one_after_it_is_refused(string start, string end, bool eligible, string actual, decimal expected)
    {
        // Twelve subsidised months from 2023-05-15 end on 2024-05-14, although the loan runs 36 months.
        var decision = Decide(Loan(start: "2023-05-15", term: 36), Period(start, end), Policy(maximumTerm: 12));

        Assert.Equal(eligible, decision.Eligible);
        Assert.Equal(expected, decision.Amount.Yuan);
        Assert.Equal(eligible, !AmountLine(decision).Required.StartsWith("no subsidised day", StringComparison.Ordinal));
        var criterion = Criterion(decision, "loan.period_within_term");
        Assert.Equal(eligible, criterion.Met);
        Assert.Equal(actual, criterion.Actual);
        Assert.Equal("within 2023-05-15 to 2024-05-14", criterion.Required);
    }

    [Fact]
    public void A_loan_maturing_before_the_maximum_term_is_subsidised_only_to_maturity()
    {
        var decision = Decide(Loan(start: "2023-05-15", term: 12), policy: Policy(maximumTerm: 36));

        Assert.Equal(31.90m, decision.Amount.Yuan);
        Assert.Equal("12,000.00 × 4.35% × 44/360 × 50%", AmountLine(decision).Required);
    }

    [Theory]
    [InlineData("2024-02-15", true, "2024-01-01 to 2024-03-31, cut to 2024-02-15 to 2024-03-31", "46/360")] // 15 days of February 2024 and 31 of March
    [InlineData("2024-03-31", true, "2024-01-01 to 2024-03-31, cut to 2024-03-31 to 2024-03-31", "1/360")]
    [InlineData("2024-04-01", false, "2024-01-01 to 2024-03-31, before the loan started", "no subsidised day in the period")]
    public void A_period_that_starts_before_the_loan_counts_from_its_start(string loanStart, bool eligible, string actual, string days)
    {
        var decision = Decide(Loan(start: loanStart), Period("2024-01-01", "2024-03-31"));

        Assert.Equal(eligible, decision.Eligible);
        Assert.Equal(actual, Criterion(decision, "loan.period_within_term").Actual);
        Assert.Contains(days, AmountLine(decision).Required, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2024-05-16", 2_000, 60.42, "(12,000.00 × 4.35% × 45/360 + 10,000.00 × 4.35% × 46/360) × 50%")]
    [InlineData("2024-04-01", 2_000, 54.98, "10,000.00 × 4.35% × 91/360 × 50%")] // on the first day: the whole period on the lower balance
    [InlineData("2024-03-31", 2_000, 54.98, "10,000.00 × 4.35% × 91/360 × 50%")] // before the period
    [InlineData("2024-06-30", 2_000, 65.85, "(12,000.00 × 4.35% × 90/360 + 10,000.00 × 4.35% × 1/360) × 50%")] // on the last day
    [InlineData("2024-07-01", 2_000, 65.98, "12,000.00 × 4.35% × 91/360 × 50%")] // after the period
    [InlineData("2024-05-16", 12_000, 32.63, "12,000.00 × 4.35% × 45/360 × 50%")] // repaid in full: 32.625, half away from zero
    public void A_repayment_inside_the_period_splits_the_computation(string date, decimal repaid, decimal expected, string computation)
    {
        var loan = Loan();
        loan.Repay(D(date), Money.FromYuan(repaid));

        var decision = Decide(loan);

        Assert.Equal(expected, decision.Amount.Yuan);
        Assert.Equal(computation, AmountLine(decision).Required);
    }

    [Fact]
    public void The_amount_is_rounded_once_at_the_end_not_per_sub_period()
    {
        // 10,100.00 for 15 days is 7.575 and 9,900.00 for 15 days is 7.425: rounded apart they would make 7.58 + 7.43 = 15.01.
        var loan = Loan(principal: 10_100m, rate: 0.036m, start: "2024-01-01");
        loan.Repay(D("2024-04-16"), Money.FromYuan(200m));

        var decision = Decide(loan, Period("2024-04-01", "2024-04-30"));

        Assert.Equal(15.00m, decision.Amount.Yuan);
        Assert.Equal("(10,100.00 × 3.6% × 15/360 + 9,900.00 × 3.6% × 15/360) × 50%", AmountLine(decision).Required);
    }

    [Fact]
    public void A_loan_repaid_before_the_period_has_nothing_to_subsidise()
    {
        var loan = Loan();
        loan.Repay(D("2024-02-01"), Money.FromYuan(12_000m));

        var decision = Decide(loan);

        Assert.False(decision.Eligible);
        Assert.Equal(Money.Zero, decision.Amount);
        var failed = Assert.Single(decision.Criteria, c => !c.Met);
        Assert.Equal("loan.amount", failed.Code);
        Assert.Equal("no principal outstanding on a subsidised day", failed.Required);
    }

    [Fact]
    public void A_microcredit_borrower_whose_household_is_not_registered_poor_is_ineligible_with_that_criterion_named()
    {
        var decision = Decide(Loan(), borrower: new MicrocreditBorrowerFacts(HouseholdRegisteredPoor: false, SellsOnline: true));

        Assert.False(decision.Eligible);
        Assert.Equal(Money.Zero, decision.Amount);
        var failed = Assert.Single(decision.Criteria, c => !c.Met && c.Code != "loan.amount");
        Assert.Equal("loan.borrower_registered_poor", failed.Code);
        Assert.Equal("registered poor on 2024-04-01", failed.Required);
        Assert.Equal("not registered poor", failed.Actual);
        Assert.Equal("0.00", AmountLine(decision).Actual);
    }

    [Fact]
    public void A_microcredit_borrower_who_neither_runs_a_shop_nor_sells_goods_online_is_ineligible()
    {
        var decision = Decide(Loan(), borrower: new MicrocreditBorrowerFacts(HouseholdRegisteredPoor: true, SellsOnline: false));

        Assert.Equal("loan.borrower_sells_online", Assert.Single(decision.Criteria, c => !c.Met && c.Code != "loan.amount").Code);
    }

    [Theory]
    [InlineData(PersonStatus.Active, true, true, "Active")]
    [InlineData(PersonStatus.Deceased, true, false, "Deceased")]
    [InlineData(PersonStatus.MovedAway, true, false, "MovedAway")]
    [InlineData(null, true, false, "not in the registry")]
    [InlineData(PersonStatus.Active, false, false, "Active")]
    public void An_entrepreneur_borrower_is_an_active_registered_disabled_person_running_a_business(PersonStatus? status, bool runsBusiness, bool eligible, string actual)
    {
        var loan = Loan(programme: LoanProgramme.DisabledEntrepreneurInterestSubsidy);

        var decision = Decide(loan, borrower: new EntrepreneurBorrowerFacts(status, runsBusiness));

        Assert.Equal(eligible, decision.Eligible);
        Assert.Equal(eligible ? 65.98m : 0m, decision.Amount.Yuan);
        Assert.Equal(actual, Criterion(decision, "loan.borrower_active").Actual);
        Assert.Equal(runsBusiness, Criterion(decision, "loan.borrower_runs_business").Met);
        Assert.Equal("loan.borrower_active", decision.Criteria[0].Code);
    }

    [Fact]
    public void An_already_subsidised_period_is_ineligible()
    {
        var decision = Decide(Loan(), alreadySubsidised: true);

        Assert.False(decision.Eligible);
        var failed = Assert.Single(decision.Criteria, c => !c.Met && c.Code != "loan.amount");
        Assert.Equal("loan.first_claim", failed.Code);
        Assert.Equal("the period is already subsidised", failed.Actual);
    }

    [Fact]
    public void Without_a_policy_in_force_nothing_is_subsidised()
    {
        var decision = InterestSubsidyRules.Decide(new InterestSubsidyFacts(Loan(), SecondQuarter2024, null, null, PoorSeller, false));

        Assert.False(decision.Eligible);
        var failed = Assert.Single(decision.Criteria, c => !c.Met && c.Code != "loan.amount");
        Assert.Equal("loan.policy_in_force", failed.Code);
        Assert.Equal("MicrocreditInterestSubsidy in force on 2024-04-01", failed.Required);
        Assert.Equal("a policy in force", AmountLine(decision).Required);
        Assert.Null(decision.PolicyVersionId);
    }

    [Fact]
    public void The_policy_in_force_is_shown_in_the_decision() =>
        Assert.Equal("50% of the interest, rate capped at 4.35%, at most 36 months and 50,000.00",
            Criterion(Decide(Loan(), policy: Policy(cap: 0.0435m)), "loan.policy_in_force").Actual);

    [Fact]
    public void Borrower_facts_of_another_programme_are_a_programming_error() =>
        Assert.Throws<ArgumentException>(() => Decide(Loan(), borrower: new EntrepreneurBorrowerFacts(PersonStatus.Active, true)));

    [Fact]
    public void The_same_facts_give_the_same_decision() =>
        Assert.True(Decide(Loan()).SameOutcomeAs(Decide(Loan())));
}

public sealed class SubsidyPeriodTests
{
    [Theory]
    [InlineData(2024, 1, "2024-01-01", "2024-03-31", 91)]
    [InlineData(2023, 1, "2023-01-01", "2023-03-31", 90)]
    [InlineData(2024, 4, "2024-10-01", "2024-12-31", 92)]
    public void A_quarter_runs_from_its_first_to_its_last_day(int year, int quarter, string start, string end, int days)
    {
        var period = SubsidyPeriod.Quarter(year, quarter);

        Assert.Equal($"{start} to {end}", period.ToString());
        Assert.Equal(days, period.Days);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void There_are_four_quarters(int quarter) =>
        Assert.Equal("loan.quarter_invalid", Assert.Throws<DomainException>(() => SubsidyPeriod.Quarter(2024, quarter)).Code);

    [Fact]
    public void A_period_ends_on_or_after_it_starts()
    {
        Assert.Equal(1, SubsidyPeriod.Create(new DateOnly(2024, 4, 1), new DateOnly(2024, 4, 1)).Days);
        var error = Assert.Throws<DomainException>(() => SubsidyPeriod.Create(new DateOnly(2024, 4, 2), new DateOnly(2024, 4, 1)));
        Assert.Equal("loan.period_invalid", error.Code);
        Assert.Equal("periodEnd", error.Field);
    }
}
