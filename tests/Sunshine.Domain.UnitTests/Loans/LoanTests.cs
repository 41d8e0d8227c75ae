using Sunshine.Domain.Common;
using Sunshine.Domain.Loans;

namespace Sunshine.Domain.UnitTests.Loans;

public sealed class LoanTests
{
    private static DateOnly D(string date) => DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

    private static Loan Create(decimal principal = 10_000m, decimal rate = 0.0435m, int term = 12, string start = "2024-01-31", string lender = "某县农村信用合作联社") =>
        Loan.Create(Guid.CreateVersion7(), Guid.CreateVersion7(), LoanProgramme.PovertyAlleviationMicrocredit, lender, Money.FromYuan(principal, "principal"),
            rate, DayCountBasis.Actual360, D(start), term);

    [Theory]
    [InlineData("2024-01-31", 1, "2024-02-29")] // month ends are kept within the shorter month
    [InlineData("2023-01-31", 1, "2023-02-28")]
    [InlineData("2024-03-15", 36, "2027-03-15")]
    public void Maturity_is_the_start_plus_the_term(string start, int term, string maturity) =>
        Assert.Equal(D(maturity), Create(start: start, term: term).MaturityDate);

    [Theory]
    [InlineData(0.000001, 1)]
    [InlineData(0.999999, 1)]
    [InlineData(0.01, 360)]
    public void The_smallest_and_largest_rates_and_terms_are_accepted(decimal rate, int term)
    {
        var loan = Create(rate: rate, term: term);

        Assert.Equal(rate, loan.AnnualRate);
        Assert.Equal(term, loan.TermMonths);
        Assert.Equal(Money.FromYuan(10_000m), loan.OutstandingOn(loan.StartDate));
    }

    [Theory]
    [InlineData(0, 0.0435, 12, "loan.principal_invalid", "principal")]
    [InlineData(0.01, 0.0435, 0, "loan.term_invalid", "termMonths")]
    [InlineData(0.01, 0.0435, -1, "loan.term_invalid", "termMonths")]
    [InlineData(0.01, 0.0435, 361, "loan.term_invalid", "termMonths")]
    [InlineData(0.01, 1, 12, "loan.rate_invalid", "annualRate")]
    [InlineData(0.01, 1.5, 12, "loan.rate_invalid", "annualRate")]
    [InlineData(0.01, 0, 12, "loan.rate_invalid", "annualRate")]
    [InlineData(0.01, -0.0435, 12, "loan.rate_invalid", "annualRate")]
    [InlineData(0.01, 0.0435001, 12, "loan.rate_invalid", "annualRate")] // 7 decimals
    public void Invalid_contract_terms_are_refused(decimal principal, decimal rate, int term, string code, string field)
    {
        var error = Assert.Throws<DomainException>(() => Create(principal, rate, term));

        Assert.Equal(code, error.Code);
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void A_negative_principal_cannot_even_be_an_amount()
    {
        var error = Assert.Throws<DomainException>(() => Create(principal: -1m));

        Assert.Equal("money.negative", error.Code);
        Assert.Equal("principal", error.Field);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_lender_is_named(string lender) =>
        Assert.Equal("loan.lender_invalid", Assert.Throws<DomainException>(() => Create(lender: lender)).Code);

    [Fact]
    public void A_lender_name_is_at_most_200_characters()
    {
        Assert.Equal(new string('行', 200), Create(lender: new string('行', 200)).Lender);
        Assert.Equal("lender", Assert.Throws<DomainException>(() => Create(lender: new string('行', 201))).Field);
    }

    [Fact]
    public void Outstanding_on_a_date_deducts_the_repayments_made_before_it()
    {
        var loan = Create(start: "2024-01-01");
        loan.Repay(D("2024-03-10"), Money.FromYuan(2_500m));
        loan.Repay(D("2024-06-01"), Money.FromYuan(1_000m));

        Assert.Equal(10_000m, loan.OutstandingOn(D("2024-03-10")).Yuan);
        Assert.Equal(7_500m, loan.OutstandingAtEndOf(D("2024-03-10")).Yuan);
        Assert.Equal(7_500m, loan.OutstandingOn(D("2024-03-11")).Yuan);
        Assert.Equal(7_500m, loan.OutstandingOn(D("2024-06-01")).Yuan);
        Assert.Equal(6_500m, loan.OutstandingOn(D("2024-06-02")).Yuan);
        Assert.Equal(2, loan.Repayments.Count);
    }

    [Fact]
    public void The_whole_outstanding_principal_can_be_repaid_but_not_a_fen_more()
    {
        var loan = Create(start: "2024-01-01");
        loan.Repay(D("2024-05-01"), Money.FromYuan(4_000m));

        var error = Assert.Throws<DomainException>(() => loan.Repay(D("2024-06-01"), Money.FromYuan(6_000.01m)));
        Assert.Equal("loan.repayment_exceeds_outstanding", error.Code);
        Assert.Equal("principal", error.Field);

        loan.Repay(D("2024-06-01"), Money.FromYuan(6_000m));
        Assert.Equal(Money.Zero, loan.OutstandingOn(D("2024-06-02")));
        Assert.Equal("loan.repayment_exceeds_outstanding", Assert.Throws<DomainException>(() => loan.Repay(D("2024-07-01"), Money.FromYuan(0.01m))).Code);
    }

    [Fact]
    public void A_back_dated_repayment_counts_against_everything_already_repaid()
    {
        var loan = Create(start: "2024-01-01");
        loan.Repay(D("2024-06-01"), Money.FromYuan(6_000m));

        Assert.Equal("loan.repayment_exceeds_outstanding", Assert.Throws<DomainException>(() => loan.Repay(D("2024-03-01"), Money.FromYuan(5_000m))).Code);
    }

    [Theory]
    [InlineData("2023-12-31", "loan.repayment_before_start")]
    [InlineData("2025-01-02", "loan.repayment_after_maturity")]
    public void A_repayment_lies_between_the_start_and_maturity(string date, string code)
    {
        var loan = Create(start: "2024-01-01", term: 12);

        var error = Assert.Throws<DomainException>(() => loan.Repay(D(date), Money.FromYuan(100m)));

        Assert.Equal(code, error.Code);
        Assert.Equal("date", error.Field);
    }

    [Theory]
    [InlineData("2024-01-01")] // the start date
    [InlineData("2025-01-01")] // the maturity date
    public void A_repayment_on_the_start_or_maturity_date_is_accepted(string date)
    {
        var loan = Create(start: "2024-01-01", term: 12);

        var repayment = loan.Repay(D(date), Money.FromYuan(100m));

        Assert.Equal(D(date), repayment.Date);
        Assert.Equal(9_900m, loan.OutstandingAtEndOf(D(date)).Yuan);
    }

    [Fact]
    public void A_repayment_repays_something() =>
        Assert.Equal("loan.repayment_invalid", Assert.Throws<DomainException>(() => Create().Repay(D("2024-03-01"), Money.Zero)).Code);
}
