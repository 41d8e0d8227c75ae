using Sunshine.Application.Sales;

namespace Sunshine.Api.FunctionalTests;

/// <summary>
/// The sales batch validator skips the per-record rules when every record passes them for certain; that
/// shortcut must never let through what the rules refuse, and must be taken for ordinary records.
/// </summary>
public sealed class PartnerSalesValidationTests
{
    private static readonly string[] ShopIds = ["shop-1", "", " ", "a", new string('s', 100), new string('s', 101), "店铺"];
    private static readonly string[] Periods = ["2024-01", "2024-01-31", "2024-1", "2024-01-", "2024/01", "", "  ", "２０２４-01", "2024-01\n", "24-01", "2024-01-311"];
    private static readonly int[] Counts = [0, 1, -1, 100_000_000, 100_000_001, int.MinValue, int.MaxValue];
    private static readonly decimal[] Amounts =
        [0m, 0.01m, 1.5m, 1.50m, 1.500m, 1.005m, 0.001m, -0.01m, 999_999_999.99m, 1_000_000_000m, 1_000_000_000.00m, 1_000_000_000.01m, 123.4500000m, 10m / 3m];

    [Fact]
    public void A_record_that_passes_for_certain_passes_every_rule()
    {
        var validator = new SubmitPartnerSalesValidator();
        var random = new Random(20_240_101);
        var certain = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var record = new PartnerSalesRecord(Pick(ShopIds), Pick(Periods), Pick(Counts), Pick(Counts), Pick(Amounts), Pick(Amounts));
            var result = validator.Validate(new SubmitPartnerSalesCommand([record]));
            if (SubmitPartnerSalesValidator.PassesForCertain(record))
            {
                certain++;
                Assert.True(result.IsValid, $"{record} passed for certain but the rules refused it: {result}");
            }
        }

        Assert.True(certain > 100, $"only {certain} records passed for certain");

        T Pick<T>(T[] values) => values[random.Next(values.Length)];
    }

    [Theory]
    [InlineData("bench-s000001", "2017-01", 12, 30, 1234.56, 12.30)]
    [InlineData("shop.a_b~c-1", "2024-02-29", 0, 0, 0, 0)]
    [InlineData("s", "2019-12", 100_000_000, 100_000_000, 1_000_000_000, 999_999_999.99)]
    public void Ordinary_records_pass_for_certain(string shop, string period, int orders, int units, double gross, double refunds) =>
        Assert.True(SubmitPartnerSalesValidator.PassesForCertain(new PartnerSalesRecord(shop, period, orders, units, (decimal)gross, (decimal)refunds)));

    [Fact]
    public void One_doubtful_record_makes_the_rules_run_for_the_batch()
    {
        var records = Enumerable.Range(0, 5).Select(i => new PartnerSalesRecord($"shop-{i}", "2024-01", 1, 1, 10m, 0m)).ToList();
        records[3] = records[3] with { Refunds = 0.001m };

        var result = new SubmitPartnerSalesValidator().Validate(new SubmitPartnerSalesCommand(records));

        Assert.Equal(["Records[3].Refunds"], result.Errors.Select(e => e.PropertyName));
    }
}
