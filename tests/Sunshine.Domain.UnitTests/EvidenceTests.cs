using Sunshine.Domain.Bases;
using Sunshine.Domain.Common;
using Sunshine.Domain.Enterprises;
using Sunshine.Domain.Evidence;
using Sunshine.Domain.Shops;

namespace Sunshine.Domain.UnitTests;

public sealed class EvidenceTests
{
    private static readonly DateOnly Today = new(2026, 11, 29);
    private static readonly Guid CountyA = Guid.NewGuid();
    private static readonly Guid CountyB = Guid.NewGuid();

    private static SupplyAgreement Agreement(DateOnly start, DateOnly? end) =>
        SupplyAgreement.Create(Guid.NewGuid(), CountyB, Guid.NewGuid(), null, CountyA, start, end, "擂茶、腊肉", Today);

    [Theory]
    [InlineData("2024-03-01", true)]  // the first day
    [InlineData("2024-02-29", false)] // the day before it starts
    [InlineData("2024-12-31", true)]  // the last day
    [InlineData("2025-01-01", false)] // it ended the day before
    public void A_record_is_in_force_from_its_start_to_its_end_day_inclusive(string date, bool inForce)
    {
        var agreement = Agreement(new DateOnly(2024, 3, 1), new DateOnly(2024, 12, 31));
        var on = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(inForce, agreement.IsInForceOn(on));
        Assert.Equal(inForce, DatedRecord.InForceOn<SupplyAgreement>(on).Compile()(agreement));
    }

    [Fact]
    public void A_record_without_an_end_stays_in_force()
    {
        var agreement = Agreement(new DateOnly(2024, 3, 1), null);

        Assert.True(agreement.IsInForceOn(new DateOnly(2030, 1, 1)));
    }

    [Fact]
    public void A_terminated_agreement_ends_on_its_last_day_and_cannot_be_changed()
    {
        var agreement = Agreement(new DateOnly(2024, 3, 1), null);

        agreement.Terminate(new DateOnly(2025, 6, 30));

        Assert.True(agreement.IsInForceOn(new DateOnly(2025, 6, 30)));
        Assert.False(agreement.IsInForceOn(new DateOnly(2025, 7, 1)));
        Assert.Equal(AgreementStatus.Terminated, agreement.Status);
        Assert.Equal("agreement.terminated", Assert.Throws<DomainException>(() => agreement.Terminate(new DateOnly(2025, 7, 1))).Code);
    }

    [Fact]
    public void Dates_out_of_order_and_a_counterparty_other_than_one_are_refused()
    {
        var reversed = Assert.Throws<DomainException>(() => Agreement(new DateOnly(2024, 3, 1), new DateOnly(2024, 2, 29)));
        Assert.Equal(("dates.end_before_start", "endDate"), (reversed.Code, reversed.Field));
        Agreement(new DateOnly(2024, 3, 1), new DateOnly(2024, 3, 1)); // one day is fine

        var both = Assert.Throws<DomainException>(() =>
            SupplyAgreement.Create(Guid.NewGuid(), null, Guid.NewGuid(), Guid.NewGuid(), CountyA, new DateOnly(2024, 1, 1), null, "茶", Today, personHoldsAward: true));
        Assert.Equal("agreement.counterparty_required", both.Code);
        var neither = Assert.Throws<DomainException>(() =>
            SupplyAgreement.Create(Guid.NewGuid(), null, null, null, CountyA, new DateOnly(2024, 1, 1), null, "茶", Today));
        Assert.Equal("agreement.counterparty_required", neither.Code);
    }

    [Fact]
    public void An_agreement_with_a_person_is_with_an_award_holder()
    {
        var person = Guid.NewGuid();
        var refused = Assert.Throws<DomainException>(() =>
            SupplyAgreement.Create(Guid.NewGuid(), null, null, person, CountyA, new DateOnly(2024, 1, 1), null, "茶", Today, personHoldsAward: false));
        Assert.Equal(("agreement.person_not_award_holder", "personId"), (refused.Code, refused.Field));

        Assert.Equal(person, SupplyAgreement.Create(Guid.NewGuid(), null, null, person, CountyA, new DateOnly(2024, 1, 1), null, "茶", Today, personHoldsAward: true).PersonId);
    }

    [Fact]
    public void Employment_periods_overlap_when_they_share_a_day()
    {
        var job = EmploymentRecord.Create(Guid.NewGuid(), CountyB, Guid.NewGuid(), CountyA, JobCategory.CustomerService, HoursType.FullTime,
            new DateOnly(2024, 1, 1), new DateOnly(2024, 6, 30), RecordSource.Staff, Today);

        foreach (var (start, end, overlaps) in new (DateOnly, DateOnly?, bool)[]
                 {
                     (new(2024, 6, 30), null, true),
                     (new(2024, 7, 1), null, false),
                     (new(2023, 1, 1), new(2024, 1, 1), true),
                     (new(2023, 1, 1), new(2023, 12, 31), false),
                 })
        {
            Assert.Equal(overlaps, job.Overlaps(start, end));
            Assert.Equal(overlaps, DatedRecord.OverlapsPeriod<EmploymentRecord>(start, end).Compile()(job));
        }
    }

    private static BenefitLink Link(LinkType type = LinkType.ProductSupply, Guid? household = null) =>
        BenefitLink.Create(Guid.NewGuid(), null, CountyB, household ?? Guid.NewGuid(), CountyA, type, new DateOnly(2024, 3, 15), null, Today);

    [Fact]
    public void Monthly_amounts_are_kept_within_the_links_dates_and_zero_removes_a_month()
    {
        var link = Link();

        link.RecordMonth(2024, 3, Money.FromYuan(120m), Today); // the start month counts though the link began mid-month
        link.RecordMonth(2024, 4, Money.FromYuan(80m), Today);
        link.RecordMonth(2024, 4, Money.FromYuan(90m), Today); // a correction replaces
        Assert.Equal([(new DateOnly(2024, 3, 1), 120m), (new DateOnly(2024, 4, 1), 90m)], link.Months.Select(m => (m.Month, m.Amount.Yuan)));

        link.RecordMonth(2024, 3, Money.Zero, Today);
        Assert.Single(link.Months);

        Assert.Equal("link.month_outside", Assert.Throws<DomainException>(() => link.RecordMonth(2024, 2, Money.FromYuan(1m), Today)).Code);
        Assert.Equal("link.month_future", Assert.Throws<DomainException>(() => link.RecordMonth(2026, 12, Money.FromYuan(1m), Today)).Code);
        Assert.Equal("link.month_invalid", Assert.Throws<DomainException>(() => link.RecordMonth(2024, 13, Money.FromYuan(1m), Today)).Code);
        link.RecordMonth(2026, 11, Money.FromYuan(1m), Today); // the current month is fine

        link.End(new DateOnly(2026, 11, 30));
        Assert.Equal("link.months_outside", Assert.Throws<DomainException>(() => link.ChangeDates(new DateOnly(2024, 5, 1), null, Today)).Code);
    }

    [Fact]
    public void Only_product_links_carry_products()
    {
        Assert.True(Link(LinkType.ProductSupply).CarriesProducts);
        Assert.True(Link(LinkType.ProtectivePricePurchase).CarriesProducts);
        Assert.False(Link(LinkType.ProcurementOnBehalf).CarriesProducts);
        Assert.False(Link(LinkType.FeesPaidOnBehalf).CarriesProducts);
        Assert.False(Link(LinkType.Employment).CarriesProducts);
        Assert.Equal("link.party_required", Assert.Throws<DomainException>(() =>
            BenefitLink.Create(null, null, CountyB, Guid.NewGuid(), CountyA, LinkType.ProductSupply, new DateOnly(2024, 1, 1), null, Today)).Code);
    }

    [Theory]
    [InlineData(5, 6, 0)]
    [InlineData(6, 6, 1)]
    [InlineData(12, 6, 1)]
    [InlineData(1, 1, 1)]
    public void A_household_is_stably_linked_with_products_carried_in_at_least_N_months_of_the_year(int months, int minimum, int expected)
    {
        var household = Guid.NewGuid();
        var rows = Enumerable.Range(1, months).Select(m => (household, new DateOnly(2025, m, 1)));

        Assert.Equal(expected, EvidenceCounts.StablyLinkedHouseholds(rows, 2025, minimum));
    }

    [Fact]
    public void Months_of_several_links_to_one_household_count_once_and_other_years_do_not_count()
    {
        var household = Guid.NewGuid();
        var other = Guid.NewGuid();
        var rows = new List<(Guid, DateOnly)>();
        rows.AddRange(Enumerable.Range(1, 5).Select(m => (household, new DateOnly(2025, m, 1))));
        rows.AddRange(Enumerable.Range(1, 5).Select(m => (household, new DateOnly(2025, m, 1)))); // a second link, same months
        rows.Add((household, new DateOnly(2024, 12, 1)));                                       // the year before
        rows.AddRange(Enumerable.Range(1, 6).Select(m => (other, new DateOnly(2025, m + 6, 1))));

        Assert.Equal(1, EvidenceCounts.StablyLinkedHouseholds(rows, 2025, 6));
        rows.Add((household, new DateOnly(2025, 6, 1)));
        Assert.Equal(2, EvidenceCounts.StablyLinkedHouseholds(rows, 2025, 6));
    }

    [Theory]
    [InlineData(1999, "base.year_invalid")]
    [InlineData(2027, "base.year_invalid")]
    public void A_base_is_recognised_from_2000_to_this_year(int year, string code)
    {
        var details = new BaseDetails("桃源擂茶基地", Guid.NewGuid(), null, year, BaseStatus.Active, "擂茶");

        Assert.Equal(code, Assert.Throws<DomainException>(() => SunshineBase.Register(CountyA, details, Today)).Code);
        Assert.Equal(2026, SunshineBase.Register(CountyA, details with { RecognisedYear = 2026 }, Today).RecognisedYear);
        Assert.Equal(2000, SunshineBase.Register(CountyA, details with { RecognisedYear = 2000 }, Today).RecognisedYear);
    }

    [Fact]
    public void A_base_has_exactly_one_operator()
    {
        var both = new BaseDetails("基地", Guid.NewGuid(), Guid.NewGuid(), 2020, BaseStatus.Active, null);

        Assert.Equal("base.operator_required", Assert.Throws<DomainException>(() => SunshineBase.Register(CountyA, both, Today)).Code);
        Assert.Equal("base.operator_required", Assert.Throws<DomainException>(() => SunshineBase.Register(CountyA, both with { OperatorPersonId = null, OperatorEnterpriseId = null }, Today)).Code);
    }

    [Fact]
    public void An_enterprise_profile_normalises_the_phone_and_checks_lengths()
    {
        var enterprise = Enterprise.Create("绿野电商", UnifiedSocialCreditCode.Create("91110000600037341L"), CountyA, EnterpriseRoles.ThirdPartyServiceProvider);

        enterprise.SetProfile(" 李经理 ", "0736-7123456", "武陵区朝阳路 1 号", null);
        Assert.Equal(("李经理", "0736-7123456"), (enterprise.ContactName, enterprise.ContactPhone));

        var phone = Assert.Throws<DomainException>(() => enterprise.SetProfile(null, "12345", null, null));
        Assert.Equal("contactPhone", phone.Field);
        var address = Assert.Throws<DomainException>(() => enterprise.SetProfile(null, null, new string('路', Enterprise.AddressMaxLength + 1), null));
        Assert.Equal("address", address.Field);
        enterprise.SetProfile(null, null, new string('路', Enterprise.AddressMaxLength), null);
    }
}
