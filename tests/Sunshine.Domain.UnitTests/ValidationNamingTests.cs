using Sunshine.Application.Common.Behaviours;
using Sunshine.Application.Common.Validation;

namespace Sunshine.Domain.UnitTests;

public sealed class ValidationNamingTests
{
    [Theory]
    [InlineData("Name", "name")]
    [InlineData("Items[2].Amount", "items[2].amount")]
    [InlineData("", "")]
    public void Validator_paths_become_json_paths(string path, string expected) => Assert.Equal(expected, FieldNames.ToJsonPath(path));

    [Theory]
    [InlineData("NotEmptyValidator", "required")]
    [InlineData("MaximumLengthValidator", "too_long")]
    [InlineData("region.code_invalid", "region.code_invalid")]
    [InlineData(null, "invalid")]
    public void Built_in_rule_codes_are_stable(string? code, string expected) => Assert.Equal(expected, ErrorCodes.Normalise(code));

    [Theory]
    [InlineData(typeof(Sunshine.Application.Regions.CreateRegion.CreateRegionCommand), "CreateRegion")]
    [InlineData(typeof(Sunshine.Application.Regions.GetRegions.GetRegionsQuery), "GetRegions")]
    public void Use_case_names_drop_the_message_suffix(Type type, string expected) => Assert.Equal(expected, UseCaseName.Of(type));
}
