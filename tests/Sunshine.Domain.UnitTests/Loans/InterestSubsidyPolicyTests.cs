using Sunshine.Domain.Common;
using Sunshine.Domain.Loans;
using Sunshine.Domain.Policies;

namespace Sunshine.Domain.UnitTests.Loans;

public sealed class InterestSubsidyPolicyTests
{
    [Fact]
    public void Content_is_read_from_and_written_to_json()
    {
        var policy = InterestSubsidyPolicy.FromJson("""{"subsidyShare": 0.5, "subsidisedRateCap": 0.0435, "maximumTermMonths": 36, "maximumPrincipal": 50000.00}""");

        Assert.Equal(0.5m, policy.SubsidyShare);
        Assert.Equal(0.0435m, policy.SubsidisedRateCap);
        Assert.Equal(36, policy.MaximumTermMonths);
        Assert.Equal(Money.FromYuan(50_000m), policy.MaximumPrincipal);
        Assert.Equal(policy, InterestSubsidyPolicy.FromJson(policy.ToJson()));
        Assert.Equal("""{"subsidyShare":0.5,"subsidisedRateCap":0.0435,"maximumTermMonths":36,"maximumPrincipal":50000.00}""", policy.ToJson());
    }

    [Theory]
    [InlineData("""{"subsidyShare": 1, "maximumTermMonths": 36, "maximumPrincipal": 50000}""")]
    [InlineData("""{"subsidyShare": 1, "subsidisedRateCap": null, "maximumTermMonths": 36, "maximumPrincipal": 50000}""")]
    public void Without_a_cap_the_loan_rate_is_used(string json) => Assert.Null(InterestSubsidyPolicy.FromJson(json).SubsidisedRateCap);

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""{"subsidyShare": 0.5, "maximumTermMonths": 36}""")]
    [InlineData("""{"subsidyShare": 0.5, "maximumTermMonths": 36.5, "maximumPrincipal": 50000}""")]
    [InlineData("""{"qualifications": []}""")]
    public void Content_of_another_shape_is_refused(string json)
    {
        var error = Assert.Throws<DomainException>(() => InterestSubsidyPolicy.FromJson(json));

        Assert.Equal("policy.content_invalid", error.Code);
        Assert.Equal("content", error.Field);
    }

    [Theory]
    [InlineData(0, null, 36, 50000, "policy.subsidy_share_invalid", "subsidyShare")]
    [InlineData(1.000001, null, 36, 50000, "policy.subsidy_share_invalid", "subsidyShare")]
    [InlineData(0.0000001, null, 36, 50000, "policy.subsidy_share_invalid", "subsidyShare")]
    [InlineData(0.5, 1.0, 36, 50000, "policy.rate_cap_invalid", "subsidisedRateCap")]
    [InlineData(0.5, 0.0, 36, 50000, "policy.rate_cap_invalid", "subsidisedRateCap")]
    [InlineData(0.5, null, 0, 50000, "policy.maximum_term_invalid", "maximumTermMonths")]
    [InlineData(0.5, null, 361, 50000, "policy.maximum_term_invalid", "maximumTermMonths")]
    [InlineData(0.5, null, 36, 0, "policy.maximum_principal_invalid", "maximumPrincipal")]
    [InlineData(0.5, null, 36, 0.001, "money.precision", "maximumPrincipal")]
    public void Invalid_parameters_are_refused_naming_the_field(decimal share, double? cap, int term, decimal principal, string code, string field)
    {
        var json = System.Text.Json.JsonSerializer.Serialize(new { subsidyShare = share, subsidisedRateCap = (decimal?)cap, maximumTermMonths = term, maximumPrincipal = principal });

        var error = Assert.Throws<DomainException>(() => InterestSubsidyPolicy.FromJson(json));

        Assert.Equal(code, error.Code);
        Assert.Equal(field, error.Field);
    }

    [Theory]
    [InlineData(1, 0.999999, 1, 0.01)]
    [InlineData(0.000001, 0.000001, 360, 999999999999.99)]
    public void The_limits_themselves_are_accepted(decimal share, decimal cap, int term, decimal principal)
    {
        var policy = new InterestSubsidyPolicy(share, cap, term, Money.FromYuan(principal));

        Assert.Equal(share, policy.SubsidyShare);
        Assert.Equal(term, policy.MaximumTermMonths);
    }

    [Theory]
    [InlineData(LoanProgramme.PovertyAlleviationMicrocredit, PolicyKey.MicrocreditInterestSubsidy)]
    [InlineData(LoanProgramme.DisabledEntrepreneurInterestSubsidy, PolicyKey.EntrepreneurLoanInterestSubsidy)]
    public void Each_programme_has_its_own_policy_key(LoanProgramme programme, PolicyKey key) => Assert.Equal(key, InterestSubsidyPolicy.KeyFor(programme));
}
