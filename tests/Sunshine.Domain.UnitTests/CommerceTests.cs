using Sunshine.Domain.Catalogue;
using Sunshine.Domain.Common;
using Sunshine.Domain.Enterprises;
using Sunshine.Domain.Sales;
using Sunshine.Domain.Shops;

namespace Sunshine.Domain.UnitTests;

public sealed class UnifiedSocialCreditCodeTests
{
    [Theory]
    [InlineData("9144030071526726XG")]
    [InlineData("91330100716105852F")]
    [InlineData("91110000600037341L")]
    [InlineData("91110108551385082q")] // lowercase is normalised
    public void Published_codes_are_valid(string code)
    {
        var parsed = UnifiedSocialCreditCode.Create(code);

        Assert.Equal(code.ToUpperInvariant(), parsed.Value);
        Assert.Equal(code[2..8], parsed.DivisionCode);
    }

    [Theory]
    [InlineData("9144030071526726X", "credit_code.length")]
    [InlineData("9144030071526726XGG", "credit_code.length")]
    [InlineData("9144030071526726XH", "credit_code.check_character")]
    [InlineData("9144030071526726IG", "credit_code.characters")]
    [InlineData("914403007152672OXG", "credit_code.characters")]
    [InlineData("", "credit_code.length")]
    public void Malformed_codes_are_refused_with_the_reason(string code, string expected)
    {
        var error = Assert.Throws<DomainException>(() => UnifiedSocialCreditCode.Create(code));

        Assert.Equal(expected, error.Code);
        Assert.Equal("creditCode", error.Field);
    }

    [Fact]
    public void Every_single_character_change_is_caught_by_the_check_character()
    {
        const string valid = "91330100716105852F";
        for (var i = 0; i < 17; i++)
        {
            foreach (var c in UnifiedSocialCreditCode.Alphabet.Where(c => c != valid[i]))
            {
                var changed = valid[..i] + c + valid[(i + 1)..];
                Assert.Throws<DomainException>(() => UnifiedSocialCreditCode.Create(changed));
            }
        }
    }
}

public sealed class EnterpriseTests
{
    [Fact]
    public void Only_a_partner_platform_has_api_clients()
    {
        var code = UnifiedSocialCreditCode.Create("91330100716105852F");
        var trader = Enterprise.Create("某电商企业", code, Guid.NewGuid(), EnterpriseRoles.EcommerceEnterprise);
        var platform = Enterprise.Create("某平台", code, null, EnterpriseRoles.PartnerPlatform | EnterpriseRoles.EcommerceEnterprise);

        Assert.Equal("partner_client.not_platform",
            Assert.Throws<DomainException>(() => PartnerClient.Create(trader, "对接", PartnerScopes.SalesWrite, Guid.NewGuid(), DateTimeOffset.UnixEpoch)).Code);
        var client = PartnerClient.Create(platform, "对接", PartnerScopes.SalesWrite, Guid.NewGuid(), DateTimeOffset.UnixEpoch);
        Assert.StartsWith("partner-", client.ClientId, StringComparison.Ordinal);
        Assert.Equal("partner_client.scopes_required",
            Assert.Throws<DomainException>(() => PartnerClient.Create(platform, "对接", PartnerScopes.None, Guid.NewGuid(), DateTimeOffset.UnixEpoch)).Code);
    }

    [Fact]
    public void A_revoked_client_cannot_be_rotated()
    {
        var platform = Enterprise.Create("某平台", UnifiedSocialCreditCode.Create("91330100716105852F"), null, EnterpriseRoles.PartnerPlatform);
        var client = PartnerClient.Create(platform, "对接", PartnerScopes.SalesWrite, Guid.NewGuid(), DateTimeOffset.UnixEpoch);

        client.Revoke(DateTimeOffset.UnixEpoch.AddDays(1));

        Assert.False(client.IsActive);
        Assert.Throws<DomainException>(() => client.SecretRotated(DateTimeOffset.UnixEpoch.AddDays(2)));
    }
}

public sealed class SalesRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 29);

    private static Shop MonthlyShop(DateOnly? opened = null) =>
        Shop.ForPerson(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "shop-1", new ShopDetails("小店", null, ReportingGranularity.Monthly, opened ?? new DateOnly(2024, 3, 15)), Today, RecordSource.Partner);

    [Theory]
    [InlineData("2026-11-29", ReportingGranularity.Daily)]
    [InlineData("2026-11", ReportingGranularity.Monthly)]
    [InlineData("2024-02-29", ReportingGranularity.Daily)]
    public void Periods_are_days_or_months_up_to_today(string text, ReportingGranularity granularity)
    {
        var period = SalesPeriod.Parse(text, Today);

        Assert.Equal(granularity, period.Granularity);
        Assert.Equal(text, period.ToString());
    }

    [Theory]
    [InlineData("2026-11-30", "sales.period_future")]
    [InlineData("2026-12", "sales.period_future")]
    [InlineData("2023-02-29", "sales.period_invalid")]
    [InlineData("2024-13", "sales.period_invalid")]
    [InlineData("2024-1", "sales.period_invalid")]
    [InlineData("202405", "sales.period_invalid")]
    public void Other_periods_are_refused(string text, string code) =>
        Assert.Equal(code, Assert.Throws<DomainException>(() => SalesPeriod.Parse(text, Today, "records[3].period")).Code);

    [Fact]
    public void A_month_period_spans_the_whole_month_and_rolls_up_to_it()
    {
        var february = SalesPeriod.Parse("2024-02", Today);
        var day = SalesPeriod.Parse("2024-02-17", Today);

        Assert.Equal((new DateOnly(2024, 2, 1), new DateOnly(2024, 2, 29)), (february.Start, february.End));
        Assert.Equal(new DateOnly(2024, 2, 1), day.Month);
        Assert.Equal(day.Start, day.End);
    }

    [Fact]
    public void A_shop_takes_only_periods_of_its_granularity_within_its_opening()
    {
        var shop = MonthlyShop();

        shop.EnsureAccepts(SalesPeriod.Parse("2024-03", Today), "period"); // opened mid-month: the month counts
        Assert.Equal("sales.granularity_mismatch",
            Assert.Throws<DomainException>(() => shop.EnsureAccepts(SalesPeriod.Parse("2024-03-20", Today), "records[0].period")).Code);
        Assert.Equal("sales.period_outside_shop",
            Assert.Throws<DomainException>(() => shop.EnsureAccepts(SalesPeriod.Parse("2024-02", Today), "period")).Code);

        shop.Close(new DateOnly(2025, 6, 10), Today);
        shop.EnsureAccepts(SalesPeriod.Parse("2025-06", Today), "period");
        Assert.Equal("sales.period_outside_shop",
            Assert.Throws<DomainException>(() => shop.EnsureAccepts(SalesPeriod.Parse("2025-07", Today), "period")).Code);
    }

    [Fact]
    public void A_shop_closes_once_between_its_opening_and_today()
    {
        var shop = MonthlyShop(new DateOnly(2024, 3, 15));

        Assert.Equal("shop.closed_on_invalid", Assert.Throws<DomainException>(() => shop.Close(new DateOnly(2024, 3, 14), Today)).Code);
        Assert.Equal("shop.closed_on_invalid", Assert.Throws<DomainException>(() => shop.Close(Today.AddDays(1), Today)).Code);
        shop.Close(new DateOnly(2024, 3, 15), Today);
        Assert.Equal(ShopStatus.Closed, shop.Status);
        Assert.Equal("shop.closed", Assert.Throws<DomainException>(() => shop.Close(Today, Today)).Code);
    }

    [Theory]
    [InlineData("a", true)]
    [InlineData("TM-123_45.6~7", true)]
    [InlineData("has space", false)]
    [InlineData("slash/inside", false)]
    [InlineData("店铺1", false)]
    [InlineData("", false)]
    public void Platform_shop_ids_are_url_safe(string id, bool valid)
    {
        var create = () => Shop.ForPerson(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), id, new ShopDetails("小店", null, ReportingGranularity.Daily, Today), Today, RecordSource.Staff);

        if (valid)
        {
            Assert.Equal(id, create().PlatformShopId);
        }
        else
        {
            Assert.Equal("shop.platform_shop_id_invalid", Assert.Throws<DomainException>(create).Code);
        }
    }

    [Fact]
    public void Platform_shop_ids_are_at_most_100_characters()
    {
        var details = new ShopDetails("小店", null, ReportingGranularity.Daily, Today);

        Assert.Equal(100, Shop.ForPerson(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), new string('a', 100), details, Today, RecordSource.Staff).PlatformShopId.Length);
        Assert.Throws<DomainException>(() => Shop.ForPerson(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), new string('a', 101), details, Today, RecordSource.Staff));
    }

    [Fact]
    public void Net_is_gross_less_refunds_and_may_be_negative()
    {
        var figures = new SalesFigures(2, 3, Money.FromYuan(10.50m), Money.FromYuan(12m));

        Assert.Equal(-1.50m, figures.Net);
    }

    [Theory]
    [InlineData(0, 0, true)]
    [InlineData(SalesFigures.MaxCount, SalesFigures.MaxCount, true)]
    [InlineData(-1, 0, false)]
    [InlineData(0, -1, false)]
    [InlineData(SalesFigures.MaxCount + 1, 0, false)]
    public void Counts_are_between_zero_and_the_maximum(int orders, int units, bool valid)
    {
        var create = () => new SalesFigures(orders, units, Money.Zero, Money.Zero, "records[4]");

        if (valid)
        {
            Assert.Equal(orders, create().OrderCount);
        }
        else
        {
            Assert.StartsWith("records[4].", Assert.Throws<DomainException>(create).Field, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("0", true)]
    [InlineData("0.01", true)]
    [InlineData("-0.01", false)]
    [InlineData("1.005", false)]
    public void Amounts_are_yuan_with_two_decimals_and_not_negative(string amount, bool valid)
    {
        var yuan = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture);
        if (valid)
        {
            Assert.Equal(yuan, Money.FromYuan(yuan, "records[0].grossAmount").Yuan);
        }
        else
        {
            Assert.Equal("records[0].grossAmount", Assert.Throws<DomainException>(() => Money.FromYuan(yuan, "records[0].grossAmount")).Field);
        }
    }

    [Fact]
    public void Staff_figures_need_another_officers_confirmation()
    {
        var officer = Guid.NewGuid();
        var shop = MonthlyShop();
        var record = SalesRecord.Create(shop, SalesPeriod.Parse("2024-05", Today), new SalesFigures(1, 1, Money.FromYuan(5m), Money.Zero), RecordSource.Staff, officer, DateTimeOffset.UnixEpoch);

        Assert.False(record.IsCounted);
        Assert.Equal("sales.maker_checker", Assert.Throws<DomainException>(() => record.Confirm(officer)).Code);
        record.Confirm(Guid.NewGuid());
        Assert.True(record.IsCounted);

        var partner = SalesRecord.Create(shop, SalesPeriod.Parse("2024-06", Today), new SalesFigures(1, 1, Money.FromYuan(5m), Money.Zero), RecordSource.Partner, null, DateTimeOffset.UnixEpoch);
        Assert.True(partner.IsCounted);
        Assert.Equal("sales.confirm_partner", Assert.Throws<DomainException>(() => partner.Confirm(officer)).Code);
    }
}

public sealed class ProductTests
{
    [Fact]
    public void A_product_has_one_producer_and_removal_is_final()
    {
        var details = new ProductDetails("石门柑橘", ProductCategory.FarmProduct, Money.FromYuan(6.5m), "斤", null, ProductAvailability.Available);

        Assert.Equal("product.producer_required",
            Assert.Throws<DomainException>(() => Product.Create(Guid.NewGuid(), null, null, details, DateTimeOffset.UnixEpoch)).Code);
        Assert.Throws<DomainException>(() => Product.Create(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), details, DateTimeOffset.UnixEpoch));

        var product = Product.Create(Guid.NewGuid(), Guid.NewGuid(), null, details, DateTimeOffset.UnixEpoch);
        product.Remove(DateTimeOffset.UnixEpoch.AddDays(1));
        Assert.Equal(DateTimeOffset.UnixEpoch.AddDays(1), product.UpdatedAt);
        Assert.Equal("product.removed", Assert.Throws<DomainException>(() => product.Update(details, DateTimeOffset.UnixEpoch.AddDays(2))).Code);
    }
}
