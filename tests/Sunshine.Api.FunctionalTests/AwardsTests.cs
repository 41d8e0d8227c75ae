using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sunshine.Api.FunctionalTests.Infrastructure;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Awards;
using Sunshine.Domain.Common;
using Sunshine.Domain.Policies;
using Sunshine.Domain.Programmes;
using Sunshine.Domain.Regions;

namespace Sunshine.Api.FunctionalTests;

/// <summary>
/// Awards end to end: the live check, submission with its frozen facts, review, public notice and
/// objections, approval by the right level, payment from the fund ledger (split, concurrent,
/// reversed), screening, scoping. Assessments are dated today, so the tests add a programme period
/// covering today with the action plan's parameters (the reference period ends in 2020).
/// </summary>
public sealed class AwardsTests(SunshineApp app)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
    private static readonly int LastYear = Today.Year - 1;
    private static readonly SemaphoreSlim PolicyLock = new(1, 1);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private async Task EnsurePoliciesAsync()
    {
        await PolicyLock.WaitAsync();
        try
        {
            await app.QueryAsync(async db =>
            {
                if (await db.Programmes.AnyAsync(p => p.Code == "TEST-AWARDS"))
                {
                    return 0;
                }

                var start = new DateOnly(LastYear - 1, 1, 1);
                var programme = Programme.Create("TEST-AWARDS", "奖补测试期", "Awards test period", start, new DateOnly(2099, 12, 31), "测试");
                db.Programmes.Add(programme);
                db.PolicyVersions.AddRange(
                    PolicyVersion.Create(programme.Id, PolicyKey.DemonstrationHouseholdAward, start, new DemonstrationHouseholdPolicy(Money.FromYuan(100_000m), Money.FromYuan(10_000m)).ToJson(), "测试"),
                    PolicyVersion.Create(programme.Id, PolicyKey.DemonstrationBaseAward, start, new DemonstrationBasePolicy(10, Money.FromYuan(500_000m), Money.FromYuan(60_000m)).ToJson(), "测试"),
                    PolicyVersion.Create(programme.Id, PolicyKey.EnterpriseRecognitions, start, new EnterpriseRecognitionPolicy(10, 10, Money.Zero, Money.FromYuan(20_000m)).ToJson(), "测试"),
                    PolicyVersion.Create(programme.Id, PolicyKey.PublicNotice, start, new PublicNoticePolicy(7).ToJson(), "测试"));
                return await db.SaveChangesAsync();
            });
        }
        finally
        {
            PolicyLock.Release();
        }
    }

    private sealed record County(Guid Id, HttpClient Maker, HttpClient Reviewer, HttpClient Approver, HttpClient Payer, HttpClient City, Guid Platform);

    private async Task<County> CountyAsync(string code) => await CountyAsync(await app.RegionIdAsync(code));

    private async Task<County> CountyAsync(Guid id)
    {
        await EnsurePoliciesAsync();
        var city = (await app.SignInAsNewAsync(Roles.CityOfficer)).Client;
        return new County(
            id,
            (await app.SignInAsNewAsync(Roles.CountyOfficer, id)).Client,
            (await app.SignInAsNewAsync(Roles.CountyOfficer, id)).Client,
            (await app.SignInAsNewAsync(Roles.CountyOfficer, id)).Client,
            (await app.SignInAsNewAsync(Roles.CountyOfficer, id)).Client,
            city,
            await TestPartners.CreatePlatformAsync(city));
    }

    /// <summary>A registered person with a staff-registered shop whose confirmed net sales last year are <paramref name="net"/>.</summary>
    private static async Task<(Guid Person, Guid Shop)> SellerAsync(County county, decimal net)
    {
        var person = (await TestPeople.CreateAsync(county.Maker, county.Id)).GetProperty("id").GetGuid();
        var shop = (await (await county.Maker.PostAsJsonAsync("/api/shops", new
        {
            ownerPersonId = person, platformId = county.Platform, platformShopId = "award-" + Guid.NewGuid().ToString("N")[..10], name = "示范店",
            url = (string?)null, granularity = "Monthly", openedOn = $"{LastYear}-01-01",
        })).ShouldBeJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await SalesAsync(county, shop, net);
        return (person, shop);
    }

    private static async Task SalesAsync(County county, Guid shop, decimal net)
    {
        var entered = await (await county.Maker.PutAsJsonAsync($"/api/shops/{shop}/sales", new
        {
            period = $"{LastYear}-06", orderCount = 40, units = 50, grossAmount = net, refunds = 0m,
        })).ShouldBeJsonAsync();
        await (await county.Reviewer.PostAsync($"/api/shops/sales/{entered.GetProperty("id").GetGuid()}/confirmation", null)).ShouldBeJsonAsync();
    }

    private static async Task<Guid> ApplyAsync(HttpClient officer, string type, Guid beneficiary) =>
        (await (await officer.PostAsJsonAsync("/api/awards/applications", new { type, beneficiaryId = beneficiary })).ShouldBeJsonAsync(HttpStatusCode.Created))
            .GetProperty("id").GetGuid();

    private static async Task<JsonElement> StepAsync(HttpClient officer, Guid id, string step, HttpStatusCode status = HttpStatusCode.OK) =>
        await (await officer.PostAsJsonAsync($"/api/benefits/{id}/{step}", new { comment = "同意" })).ShouldBeJsonAsync(status);

    /// <summary>Ends the public notice as if its days had passed (the clock cannot be moved in-process).</summary>
    private Task<int> EndNoticeAsync(Guid id) => app.QueryAsync(db => db.Benefits.IgnoreQueryFilters().Where(b => b.Id == id)
        .ExecuteUpdateAsync(s => s.SetProperty(b => b.NoticeStartsOn, Today.AddDays(-8)).SetProperty(b => b.NoticeEndsOn, Today.AddDays(-1))));

    private static async Task<Guid> InNoticeAsync(County county, decimal net = 100_000m)
    {
        var (person, _) = await SellerAsync(county, net);
        var id = await ApplyAsync(county.Maker, "DemonstrationHouseholdAward", person);
        await StepAsync(county.Maker, id, "submission");
        await StepAsync(county.Reviewer, id, "county-review");
        return id;
    }

    [Fact]
    public async Task A_demonstration_household_goes_from_the_live_check_through_notice_and_objection_to_a_split_payment_and_a_reversal()
    {
        var county = await CountyAsync("430724");
        var (person, _) = await SellerAsync(county, 100_000m);

        var preview = await (await county.Maker.GetAsync($"/api/awards/preview?type=DemonstrationHouseholdAward&beneficiaryId={person}")).ShouldBeJsonAsync();
        Assert.True(preview.GetProperty("decision").GetProperty("eligible").GetBoolean());
        Assert.Equal(10_000m, preview.GetProperty("decision").GetProperty("amount").GetDecimal());
        Assert.Equal(100_000m, preview.GetProperty("facts").GetProperty("totalSales").GetDecimal());

        var id = await ApplyAsync(county.Maker, "DemonstrationHouseholdAward", person);
        await (await county.Maker.PostAsJsonAsync("/api/awards/applications", new { type = "DemonstrationHouseholdAward", beneficiaryId = person }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "award.application_exists");
        var submitted = await StepAsync(county.Maker, id, "submission");
        Assert.True(submitted.GetProperty("decision").GetProperty("eligible").GetBoolean());
        Assert.NotNull(submitted.GetProperty("decision").GetProperty("policyVersionId").GetString());

        await (await county.Maker.PostAsJsonAsync($"/api/benefits/{id}/county-review", new { })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "benefit.maker_checker");
        var reviewed = await StepAsync(county.Reviewer, id, "county-review");
        Assert.Equal("PublicNotice", reviewed.GetProperty("state").GetString());
        Assert.Equal(Iso(Today.AddDays(6)), reviewed.GetProperty("noticeEndsOn").GetString());

        await (await county.Approver.PostAsJsonAsync($"/api/benefits/{id}/approval", new { })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "benefit.notice_running");
        var objected = await (await county.Reviewer.PostAsJsonAsync($"/api/benefits/{id}/objections", new { receivedOn = Iso(Today), summary = "反映销售额不实" }))
            .ShouldBeJsonAsync();
        var objection = objected.GetProperty("objections")[0].GetProperty("id").GetGuid();
        await EndNoticeAsync(id);
        await (await county.Approver.PostAsJsonAsync($"/api/benefits/{id}/approval", new { })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "benefit.objection_open");
        await (await county.Approver.PostAsJsonAsync($"/api/benefits/{id}/objections/{objection}/resolution", new { upheld = false, resolution = "经核查，销售额属实" }))
            .ShouldBeJsonAsync();
        var approved = await StepAsync(county.Approver, id, "approval");
        Assert.Equal("Approved", approved.GetProperty("state").GetString());

        var buyer = (await (await county.City.PostAsJsonAsync("/api/enterprises", new
        {
            name = "直采测试企业" + Random.Shared.Next(1_000_000), creditCode = TestPartners.NewCreditCode(), countyId = county.Id, roles = new[] { "EcommerceEnterprise" },
        })).ShouldBeJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await (await county.Maker.PostAsJsonAsync("/api/supply-agreements", new { enterpriseId = buyer, personId = person, startDate = Iso(Today), products = "示范户农产品" }))
            .ShouldBeJsonAsync(HttpStatusCode.Created); // an award holder may now sign a direct-supply agreement

        var countyAllocation = await FundsHelper.AllocationAsync(county.Payer, county.Id, 6_000m);
        var cityToCounty = await FundsHelper.AllocationAsync(county.City, county.Id, 50_000m, "City");
        await (await county.Approver.PostAsJsonAsync($"/api/benefits/{id}/payment", FundsHelper.Payment(Iso(Today), "记-1", (countyAllocation, 6_000m), (cityToCounty, 4_000m))))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "benefit.maker_checker");
        await (await county.City.PostAsJsonAsync($"/api/benefits/{id}/payment", FundsHelper.Payment(Iso(Today), "记-1", (countyAllocation, 6_000m), (cityToCounty, 4_000m))))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.permission_required");
        var unbalanced = await county.Payer.PostAsJsonAsync($"/api/benefits/{id}/payment", FundsHelper.Payment(Iso(Today), "记-1", (countyAllocation, 6_000m), (cityToCounty, 3_999.99m)));
        Assert.Contains("parts", HttpAssertions.FieldsOf(await unbalanced.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "fund.parts_sum")));
        var paid = await (await county.Payer.PostAsJsonAsync($"/api/benefits/{id}/payment", FundsHelper.Payment(Iso(Today), "记-1", (countyAllocation, 6_000m), (cityToCounty, 4_000m))))
            .ShouldBeJsonAsync();
        Assert.Equal("Paid", paid.GetProperty("state").GetString());

        var allocations = await (await county.Payer.GetAsync("/api/funds/allocations")).ShouldBeJsonAsync();
        Assert.Equal(0m, allocations.EnumerateArray().Single(a => a.GetProperty("id").GetGuid() == countyAllocation).GetProperty("balance").GetDecimal());
        Assert.Equal(46_000m, allocations.EnumerateArray().Single(a => a.GetProperty("id").GetGuid() == cityToCounty).GetProperty("balance").GetDecimal());
        var payments = await (await county.Payer.GetAsync($"/api/funds/payments?benefitId={id}")).ShouldBeJsonAsync();
        var payment = payments.GetProperty("items")[0];
        Assert.Equal("**** **** **** 5678", payment.GetProperty("payeeAccount").GetString());
        var stored = await app.QueryAsync(db => db.FundPayments.IgnoreQueryFilters().Where(p => p.BenefitId == id).Select(p => p.PayeeAccount).SingleAsync());
        Assert.DoesNotContain("62170000", System.Text.Encoding.UTF8.GetString(stored), StringComparison.Ordinal);

        var reversal = await (await county.Payer.PostAsJsonAsync($"/api/funds/payments/{payment.GetProperty("id").GetGuid()}/reversal", new { reason = "账号有误，退回重发" }))
            .ShouldBeJsonAsync();
        Assert.Equal(-10_000m, reversal.GetProperty("amount").GetDecimal());
        var reconciliation = await (await county.City.GetAsync("/api/funds/reconciliation")).ShouldBeJsonAsync();
        Assert.True(reconciliation.GetProperty("reconciled").GetBoolean());
        Assert.Equal(reconciliation.GetProperty("disbursed").GetDecimal(), reconciliation.GetProperty("entriesTotal").GetDecimal());
        var (auditor, auditorAccount) = await app.SignInAsNewAsync(Roles.Auditor);
        var watermark = await app.AuditWatermarkAsync();
        var roster = await auditor.GetAsync($"/api/funds/payment-roster?from={Iso(Today.AddDays(-1))}&to={Iso(Today)}&countyId={county.Id}");
        Assert.Equal(HttpStatusCode.OK, roster.StatusCode);
        Assert.Equal("PK"u8.ToArray(), (await roster.Content.ReadAsByteArrayAsync())[..2]);
        Assert.Contains(await app.AuditRowsAfterAsync(watermark, actorId: auditorAccount.Id), e => e.Action == "ExportPaymentRoster");

        var application = await (await county.Maker.GetAsync($"/api/awards/applications/{id}")).ShouldBeJsonAsync();
        Assert.Equal("Approved", application.GetProperty("benefit").GetProperty("state").GetString());
        Assert.Equal(
            ["submit", "county_review", "start_notice", "object", "dismiss_objection", "approve", "pay", "reverse_payment"],
            application.GetProperty("benefit").GetProperty("transitions").EnumerateArray().Select(t => t.GetProperty("action").GetString()));
    }

    [Fact]
    public async Task The_frozen_snapshot_stays_as_submitted_after_a_sales_correction_and_the_review_waits_for_a_resubmission()
    {
        var county = await CountyAsync("4307Z2");
        var (person, shop) = await SellerAsync(county, 120_000m);
        var id = await ApplyAsync(county.Maker, "DemonstrationHouseholdAward", person);
        await StepAsync(county.Maker, id, "submission");

        await SalesAsync(county, shop, 80_000m);

        var application = await (await county.Reviewer.GetAsync($"/api/awards/applications/{id}")).ShouldBeJsonAsync();
        Assert.Equal(120_000m, application.GetProperty("snapshot").GetProperty("totalSales").GetDecimal());
        Assert.Equal(80_000m, application.GetProperty("liveFacts").GetProperty("totalSales").GetDecimal());
        Assert.True(application.GetProperty("benefit").GetProperty("decisionChanged").GetBoolean());
        await (await county.Reviewer.PostAsJsonAsync($"/api/benefits/{id}/county-review", new { })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "benefit.decision_changed");

        var resubmitted = await StepAsync(county.Maker, id, "resubmission");
        Assert.False(resubmitted.GetProperty("decision").GetProperty("eligible").GetBoolean());
        var after = await (await county.Reviewer.GetAsync($"/api/awards/applications/{id}")).ShouldBeJsonAsync();
        Assert.Equal(80_000m, after.GetProperty("snapshot").GetProperty("totalSales").GetDecimal());
    }

    [Fact]
    public async Task Screening_finds_exactly_who_qualifies_and_has_no_application_and_its_export_is_audited()
    {
        var county = await CountyAsync("430781");
        var (exactly, _) = await SellerAsync(county, 100_000m);
        var (justBelow, _) = await SellerAsync(county, 99_999.99m);
        var (applied, _) = await SellerAsync(county, 150_000m);
        var (large, _) = await SellerAsync(county, 250_000m);
        await ApplyAsync(county.Maker, "DemonstrationHouseholdAward", applied);
        var other = await CountyAsync("430723");
        var (foreign, _) = await SellerAsync(other, 300_000m);

        var screening = await (await county.Maker.GetAsync("/api/awards/screening?type=DemonstrationHouseholdAward")).ShouldBeJsonAsync();
        var found = screening.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("beneficiaryId").GetGuid()).ToHashSet();
        Assert.Equal(new HashSet<Guid> { exactly, large }, found);
        Assert.DoesNotContain(justBelow, found);
        Assert.DoesNotContain(foreign, found);
        Assert.Equal(LastYear, screening.GetProperty("salesYear").GetInt32());

        var cityWide = await (await county.City.GetAsync($"/api/awards/screening?type=DemonstrationHouseholdAward&countyId={other.Id}")).ShouldBeJsonAsync();
        Assert.True(cityWide.GetProperty("rows").EnumerateArray().Any(r => r.GetProperty("beneficiaryId").GetGuid() == foreign), cityWide.ToString() + " " + foreign);
        Assert.Contains(foreign, cityWide.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("beneficiaryId").GetGuid()));

        var watermark = await app.AuditWatermarkAsync();
        var export = await county.Maker.GetAsync("/api/awards/screening/export?type=DemonstrationHouseholdAward");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType?.MediaType);
        Assert.Equal("PK"u8.ToArray(), (await export.Content.ReadAsByteArrayAsync())[..2]);
        Assert.Contains(await app.AuditRowsAfterAsync(watermark), e => e.Action == "ExportAwardScreening");

        await (await county.Maker.GetAsync("/api/awards/screening?type=TrainingSubsidy")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
    }

    [Fact]
    public async Task Two_concurrent_payments_that_together_exceed_an_allocation_leave_exactly_one_paid_and_the_balance_not_negative()
    {
        var county = await CountyAsync("430771");
        var first = await InNoticeAsync(county);
        var second = await InNoticeAsync(county);
        foreach (var id in new[] { first, second })
        {
            await EndNoticeAsync(id);
            await StepAsync(county.Approver, id, "approval");
        }

        var allocation = await FundsHelper.AllocationAsync(county.Payer, county.Id, 15_000m);
        var (otherPayer, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, county.Id);
        var responses = await Task.WhenAll(
            county.Payer.PostAsJsonAsync($"/api/benefits/{first}/payment", FundsHelper.Payment(Iso(Today), "记-A", (allocation, 10_000m))),
            otherPayer.PostAsJsonAsync($"/api/benefits/{second}/payment", FundsHelper.Payment(Iso(Today), "记-B", (allocation, 10_000m))));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var balance = await app.QueryAsync(db => db.FundAllocations.IgnoreQueryFilters().Where(a => a.Id == allocation).Select(a => a.Disbursed).SingleAsync());
        Assert.Equal(Money.FromYuan(10_000m), balance);
        var reconciliation = await (await county.Payer.GetAsync("/api/funds/reconciliation")).ShouldBeJsonAsync();
        Assert.True(reconciliation.GetProperty("reconciled").GetBoolean());
    }

    [Fact]
    public async Task A_city_level_recognition_is_approved_by_the_city_and_paid_from_the_citys_allocation_by_a_city_officer()
    {
        var county = await CountyAsync("4307Z1");
        var enterprise = (await (await county.City.PostAsJsonAsync("/api/enterprises", new
        {
            name = "就业基地测试企业" + Random.Shared.Next(1_000_000), creditCode = TestPartners.NewCreditCode(), countyId = county.Id, roles = new[] { "EcommerceEnterprise" },
        })).ShouldBeJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        for (var i = 0; i < 10; i++)
        {
            var person = (await TestPeople.CreateAsync(county.Maker, county.Id)).GetProperty("id").GetGuid();
            await (await county.Maker.PostAsJsonAsync("/api/employment", new
            {
                enterpriseId = enterprise, personId = person, jobCategory = "CustomerService", hoursType = "FullTime", startDate = $"{LastYear}-01-01",
            })).ShouldBeJsonAsync(HttpStatusCode.Created);
        }

        var id = await ApplyAsync(county.Maker, "EmploymentBaseEnterpriseAward", enterprise);
        var submitted = await StepAsync(county.Maker, id, "submission");
        Assert.Equal(20_000m, submitted.GetProperty("decision").GetProperty("amount").GetDecimal());
        await StepAsync(county.Reviewer, id, "county-review");
        await EndNoticeAsync(id);

        await (await county.Approver.PostAsJsonAsync($"/api/benefits/{id}/approval", new { })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.permission_required");
        var approved = await StepAsync(county.City, id, "approval");
        Assert.Equal("CityApproved", approved.GetProperty("state").GetString());

        var cityAllocation = await FundsHelper.AllocationAsync((await app.SignInAsNewAsync(Roles.CityOfficer)).Client, null, 100_000m);
        var countyAllocation = await FundsHelper.AllocationAsync(county.Payer, county.Id, 100_000m);
        await (await county.Payer.PostAsJsonAsync($"/api/benefits/{id}/payment", FundsHelper.Payment(Iso(Today), "记-C", (countyAllocation, 20_000m))))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.permission_required");
        var (cityPayer, _) = await app.SignInAsNewAsync(Roles.CityOfficer);
        await (await cityPayer.PostAsJsonAsync($"/api/benefits/{id}/payment", FundsHelper.Payment(Iso(Today), "记-C", (countyAllocation, 20_000m))))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "fund.allocation_not_applicable");
        var paid = await (await cityPayer.PostAsJsonAsync($"/api/benefits/{id}/payment", FundsHelper.Payment(Iso(Today), "记-C", (cityAllocation, 20_000m))))
            .ShouldBeJsonAsync();
        Assert.Equal("Paid", paid.GetProperty("state").GetString());
    }

    [Fact]
    public async Task Awards_approved_and_paid_in_a_year_count_in_its_statistics_and_their_rural_holders_as_prosperity_leaders()
    {
        var countyId = await app.QueryAsync(async db =>
        {
            var city = await db.Regions.SingleAsync(r => r.ParentId == null);
            var used = (await db.Regions.Select(r => r.Code).ToListAsync()).Select(c => c.Value).ToHashSet();
            var code = Enumerable.Range(10, 10).Select(n => $"4307{n}").First(c => !used.Contains(c)); // 430710–430719: no other test's
            var region = Region.CreateCountyLevel(RegionCode.Create(code), "奖补统计区" + code, "Award statistics district " + code, RegionKind.District, city, 900);
            db.Regions.Add(region);
            await db.SaveChangesAsync();
            return region.Id;
        });
        var county = await CountyAsync(countyId);
        var allocation = await FundsHelper.AllocationAsync(county.Payer, county.Id, 30_000m);

        // Two awards approved this year (10,000 each): one paid, one paid and the payment reversed (nets to 0: not paid); a third still in notice.
        var paid = await InNoticeAsync(county);
        var reversed = await InNoticeAsync(county);
        foreach (var id in new[] { paid, reversed })
        {
            await EndNoticeAsync(id);
            await StepAsync(county.Approver, id, "approval");
            await (await county.Payer.PostAsJsonAsync($"/api/benefits/{id}/payment", FundsHelper.Payment(Iso(Today), "记-S" + id.ToString("N")[..4], (allocation, 10_000m))))
                .ShouldBeJsonAsync();
        }

        var payment = (await (await county.Payer.GetAsync($"/api/funds/payments?benefitId={reversed}")).ShouldBeJsonAsync()).GetProperty("items")[0].GetProperty("id").GetGuid();
        await (await county.Payer.PostAsJsonAsync($"/api/funds/payments/{payment}/reversal", new { reason = "账号有误，退回重发" })).ShouldBeJsonAsync();
        await InNoticeAsync(county);

        decimal Figure(JsonElement table, string code) =>
            table.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("code").GetString() == code).GetProperty("total").GetDecimal();
        var year = await (await county.City.GetAsync($"/api/statistics?period=Year&year={Today.Year}&countyId={county.Id}")).ShouldBeJsonAsync();
        Assert.Equal(2m, Figure(year, "awards.household.approved.count"));
        Assert.Equal(20_000m, Figure(year, "awards.household.approved.amount"));
        Assert.Equal(1m, Figure(year, "awards.household.paid.count"));
        Assert.Equal(10_000m, Figure(year, "awards.household.paid.amount"));
        Assert.Equal(0m, Figure(year, "awards.base.approved.count"));
        Assert.Equal(2m, Figure(year, "leaders.prosperity"));
        var leaders = await (await county.Maker.GetAsync("/api/awards/prosperity-leaders")).ShouldBeJsonAsync();
        Assert.Equal(2, leaders.GetProperty("counties").EnumerateArray().Single().GetProperty("leaders").GetInt32());

        // The year before: nothing approved, paid or held yet.
        var before = await (await county.City.GetAsync($"/api/statistics?period=Year&year={Today.Year - 1}&countyId={county.Id}")).ShouldBeJsonAsync();
        Assert.Equal(0m, Figure(before, "awards.household.approved.count"));
        Assert.Equal(0m, Figure(before, "awards.household.paid.amount"));
        Assert.Equal(0m, Figure(before, "leaders.prosperity"));
    }

    [Fact]
    public async Task Applications_of_another_county_answer_404_and_stay_out_of_lists()
    {
        var county = await CountyAsync("430722");
        var id = await InNoticeAsync(county);
        var (stranger, _) = await app.SignInAsNewAsync(Roles.CountyOfficer, await app.RegionIdAsync("430725"));

        await (await stranger.GetAsync($"/api/awards/applications/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "award_application.not_found");
        await (await stranger.PostAsJsonAsync($"/api/benefits/{id}/objections", new { receivedOn = Iso(Today), summary = "x" }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "benefit.not_found");
        var list = await (await stranger.GetAsync("/api/awards/applications?pageSize=100")).ShouldBeJsonAsync();
        Assert.DoesNotContain(id, list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
        var own = await (await county.Maker.GetAsync("/api/awards/applications?pageSize=100")).ShouldBeJsonAsync();
        Assert.Contains(id, own.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
        var leaders = await (await stranger.GetAsync("/api/awards/prosperity-leaders")).ShouldBeJsonAsync();
        Assert.Single(leaders.GetProperty("counties").EnumerateArray());
    }
}
