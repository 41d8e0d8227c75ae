using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sunshine.Api.FunctionalTests.Infrastructure;
using Sunshine.Domain.AccessControl;

namespace Sunshine.Api.FunctionalTests;

/// <summary>Micro-loans and their interest subsidy claims through the one benefit workflow.</summary>
public sealed class LoansTests(SunshineApp app)
{
    private static object LoanBody(Guid borrower, string programme = "PovertyAlleviationMicrocredit", decimal principal = 50_000m) => new
    {
        borrowerId = borrower, programme, lender = "常德农村商业银行", principal, annualRate = 0.0435m, dayCountBasis = "Actual360", startDate = "2019-01-01", termMonths = 36,
    };

    private static async Task<Guid> PoorSellerAsync(HttpClient officer, HttpClient city, Guid county, bool registeredPoor)
    {
        var person = (await TestPeople.CreateAsync(officer, county)).GetProperty("id").GetGuid();
        var household = registeredPoor
            ? (object)new { countyId = county, headPersonId = person, isRegisteredPoor = true, registeredPoorYear = 2016, poorHouseholdNumber = "430726160" + Random.Shared.Next(100, 999) }
            : new { countyId = county, headPersonId = person, isRegisteredPoor = false };
        await (await officer.PostAsJsonAsync("/api/households", household)).ShouldBeJsonAsync(HttpStatusCode.Created);
        var platform = await TestPartners.CreatePlatformAsync(city);
        await (await officer.PostAsJsonAsync("/api/shops", new
        {
            ownerPersonId = person, platformId = platform, platformShopId = "loan-" + Guid.NewGuid().ToString("N")[..10], name = "擂茶小铺", granularity = "Monthly", openedOn = "2018-06-01",
        })).ShouldBeJsonAsync(HttpStatusCode.Created);
        return person;
    }

    [Fact]
    public async Task A_quarter_of_microcredit_interest_is_subsidised_by_the_policy_once_and_an_ineligible_borrower_is_told_why()
    {
        var county = await app.RegionIdAsync("430726");
        var (maker, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, county);
        var (checker, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, county);
        var city = await TestPartners.CityOfficerAsync(app);
        var programme = await app.QueryAsync(db => db.Programmes.Select(p => p.Id).FirstAsync());
        await (await city.PostAsJsonAsync("/api/policies", new
        {
            programmeId = programme, key = "MicrocreditInterestSubsidy", effectiveFrom = "2019-01-01", note = "扶贫小额信贷贴息",
            content = new { subsidyShare = 0.5m, subsidisedRateCap = (decimal?)null, maximumTermMonths = 36, maximumPrincipal = 50_000m },
        })).ShouldBeJsonAsync(HttpStatusCode.Created);

        var borrower = await PoorSellerAsync(maker, city, county, registeredPoor: true);
        var loan = await (await maker.PostAsJsonAsync("/api/loans", LoanBody(borrower))).ShouldBeJsonAsync(HttpStatusCode.Created);
        var loanId = loan.GetProperty("id").GetGuid();
        Assert.Equal("2022-01-01", loan.GetProperty("maturityDate").GetString());

        var claim = await (await maker.PostAsJsonAsync("/api/interest-subsidy-claims", new { loanId, periodStart = "2019-01-01", periodEnd = "2019-03-31" }))
            .ShouldBeJsonAsync(HttpStatusCode.Created);
        var id = claim.GetProperty("id").GetString();
        var submitted = await (await maker.PostAsJsonAsync($"/api/benefits/{id}/submission", new { comment = "一季度贴息" })).ShouldBeJsonAsync();
        var decision = submitted.GetProperty("decision");
        Assert.True(decision.GetProperty("eligible").GetBoolean(), decision.ToString());
        Assert.Equal(271.88m, decision.GetProperty("amount").GetDecimal()); // 50,000 × 4.35% × 90/360 × 50% = 271.875
        Assert.Equal("2019-01-01", decision.GetProperty("assessmentDate").GetString());
        await (await checker.PostAsJsonAsync($"/api/benefits/{id}/county-review", new { comment = "同意" })).ShouldBeJsonAsync();

        // The same quarter again is ineligible once the first is approved; the criterion says why.
        var again = await (await maker.PostAsJsonAsync("/api/interest-subsidy-claims", new { loanId, periodStart = "2019-01-01", periodEnd = "2019-03-31" }))
            .ShouldBeJsonAsync(HttpStatusCode.Created);
        var second = await (await maker.PostAsJsonAsync($"/api/benefits/{again.GetProperty("id").GetString()}/submission", new { })).ShouldBeJsonAsync();
        Assert.False(second.GetProperty("decision").GetProperty("eligible").GetBoolean());
        Assert.Contains(second.GetProperty("decision").GetProperty("criteria").EnumerateArray(),
            c => c.GetProperty("code").GetString() == "loan.first_claim" && !c.GetProperty("met").GetBoolean());

        // A borrower whose household is not registered-poor is ineligible for microcredit subsidy, naming the criterion.
        var notPoor = await PoorSellerAsync(maker, city, county, registeredPoor: false);
        var otherLoan = await (await maker.PostAsJsonAsync("/api/loans", LoanBody(notPoor))).ShouldBeJsonAsync(HttpStatusCode.Created);
        var refused = await (await maker.PostAsJsonAsync("/api/interest-subsidy-claims", new { loanId = otherLoan.GetProperty("id").GetGuid(), periodStart = "2019-01-01", periodEnd = "2019-03-31" }))
            .ShouldBeJsonAsync(HttpStatusCode.Created);
        var refusedDecision = (await (await maker.PostAsJsonAsync($"/api/benefits/{refused.GetProperty("id").GetString()}/submission", new { })).ShouldBeJsonAsync()).GetProperty("decision");
        Assert.False(refusedDecision.GetProperty("eligible").GetBoolean());
        Assert.Contains(refusedDecision.GetProperty("criteria").EnumerateArray(),
            c => c.GetProperty("code").GetString() == "loan.borrower_registered_poor" && !c.GetProperty("met").GetBoolean());
        Assert.Equal(0m, refusedDecision.GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task Loans_are_scoped_validated_and_repayments_cannot_exceed_the_outstanding_principal()
    {
        var county = await app.RegionIdAsync("430725");
        var (officer, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, county);
        var (stranger, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, await app.RegionIdAsync("430724"));
        var borrower = (await TestPeople.CreateAsync(officer, county)).GetProperty("id").GetGuid();
        var loan = await (await officer.PostAsJsonAsync("/api/loans", LoanBody(borrower, "DisabledEntrepreneurInterestSubsidy", 20_000m))).ShouldBeJsonAsync(HttpStatusCode.Created);
        var id = loan.GetProperty("id").GetGuid();

        var repaid = await (await officer.PostAsJsonAsync($"/api/loans/{id}/repayments", new { date = "2019-06-30", principal = 5_000m })).ShouldBeJsonAsync();
        Assert.Equal(15_000m, repaid.GetProperty("outstandingToday").GetDecimal());
        var over = await officer.PostAsJsonAsync($"/api/loans/{id}/repayments", new { date = "2019-07-31", principal = 15_000.01m });
        await over.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "loan.repayment_exceeds_outstanding");
        var late = await officer.PostAsJsonAsync($"/api/loans/{id}/repayments", new { date = "2022-01-02", principal = 1m });
        await late.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "loan.repayment_after_maturity");

        var badRate = await officer.PostAsJsonAsync("/api/loans", new
        {
            borrowerId = borrower, programme = "PovertyAlleviationMicrocredit", lender = "银行", principal = 1000m, annualRate = 1.2m, dayCountBasis = "Actual365",
            startDate = "2019-01-01", termMonths = 0,
        });
        var fields = HttpAssertions.FieldsOf(await badRate.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed"));
        Assert.Contains("annualRate", fields);
        Assert.Contains("termMonths", fields);

        await (await stranger.GetAsync($"/api/loans/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "loan.not_found");
        await (await stranger.PostAsJsonAsync($"/api/loans/{id}/repayments", new { date = "2019-08-31", principal = 1m })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "loan.not_found");
        await (await stranger.PostAsJsonAsync("/api/interest-subsidy-claims", new { loanId = id, periodStart = "2019-01-01", periodEnd = "2019-03-31" }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "loan.not_found");
        Assert.Equal(0, (await (await stranger.GetAsync($"/api/loans?borrowerId={borrower}")).ShouldBeJsonAsync()).GetProperty("totalCount").GetInt32());

        var claim = await (await officer.PostAsJsonAsync("/api/interest-subsidy-claims", new { loanId = id, periodStart = "2019-04-01", periodEnd = "2019-06-30" }))
            .ShouldBeJsonAsync(HttpStatusCode.Created);
        await (await stranger.GetAsync($"/api/interest-subsidy-claims/{claim.GetProperty("id").GetString()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "interest_claim.not_found");
        Assert.Equal(0, (await (await stranger.GetAsync($"/api/interest-subsidy-claims?loanId={id}")).ShouldBeJsonAsync()).GetProperty("totalCount").GetInt32());
        var unended = await officer.PostAsJsonAsync("/api/interest-subsidy-claims", new { loanId = id, periodStart = "2026-10-01", periodEnd = "2026-12-31" });
        await unended.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "loan.period_not_over");
        var reversed = await officer.PostAsJsonAsync("/api/interest-subsidy-claims", new { loanId = id, periodStart = "2019-03-31", periodEnd = "2019-01-01" });
        Assert.Contains("periodEnd", HttpAssertions.FieldsOf(await reversed.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed")));
    }
}
