using Sunshine.Api.Hosting;
using Sunshine.Domain.Importing;

namespace Sunshine.Api.Endpoints;

/// <summary>Importing people from CSV or XLSX files, checked row by row in the background.</summary>
public sealed class PersonImports : IEndpointGroup
{
    public static string Prefix => "person-imports";

    public static string Tag => "Registry";

    public static void Map(RouteGroupBuilder group) =>
        group.MapImports(ImportKind.Persons, "Person", "Upload a CSV or XLSX file of people (up to 20 MB) to import (programme.write).", "残疾人信息导入模板");
}
