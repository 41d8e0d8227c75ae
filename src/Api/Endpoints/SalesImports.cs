using Sunshine.Api.Hosting;
using Sunshine.Domain.Importing;

namespace Sunshine.Api.Endpoints;

/// <summary>Importing shops' sales entered by officers from CSV or XLSX files, checked row by row in the background.</summary>
public sealed class SalesImports : IEndpointGroup
{
    public static string Prefix => "sales-imports";

    public static string Tag => "Shops";

    public static void Map(RouteGroupBuilder group) =>
        group.MapImports(ImportKind.Sales, "Sales",
            "Upload a CSV or XLSX file of shops' sales (up to 20 MB); the figures count once another officer confirms them (programme.write).", "网店销售导入模板");
}
