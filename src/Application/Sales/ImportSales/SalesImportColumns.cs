using Sunshine.Application.Importing;

namespace Sunshine.Application.Sales.ImportSales;

/// <summary>The columns of the sales import template.</summary>
public static class SalesImportColumns
{
    public static readonly ImportColumnSet Set = new("网店销售",
    [
        new("platform", "平台", "platform", true, "网店所在电商平台的企业名称或统一社会信用代码。"),
        new("platformShopId", "平台店铺编号", "platformShopId", true, "平台给网店的编号（字母、数字或 - . _ ~）。"),
        new("period", "期间", "period", true, "按日报送的网店填日期（如2024-05-17），按月报送的填月份（如2024-05；Excel 把月份改成日期时，取每月1日即可）。请设为文本格式。"),
        new("orderCount", "订单数", "orderCount", true, "该期间的订单数，0或正整数。"),
        new("units", "商品件数", "units", true, "该期间售出的商品件数，0或正整数。"),
        new("grossAmount", "销售额（元）", "grossAmount", true, "该期间的销售总额（元），最多两位小数，不可为负。"),
        new("refunds", "退款（元）", "refunds", false, "该期间的退款（元），最多两位小数，不可为负；空白为0。"),
    ]);
}
