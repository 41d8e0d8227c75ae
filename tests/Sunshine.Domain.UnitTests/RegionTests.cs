using Sunshine.Domain.Common;
using Sunshine.Domain.Regions;

namespace Sunshine.Domain.UnitTests;

public sealed class RegionTests
{
    [Theory]
    [InlineData("430702", "430702", true)]
    [InlineData("4307z1", "4307Z1", false)]
    [InlineData(" 430781 ", "430781", true)]
    public void Valid_codes_are_normalised(string input, string expected, bool statistical)
    {
        var code = RegionCode.Create(input);

        Assert.Equal(expected, code.Value);
        Assert.Equal(statistical, code.IsStatistical);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("43070")]
    [InlineData("4307021")]
    [InlineData("43A702")]
    [InlineData("4307-1")]
    public void Invalid_codes_cannot_be_constructed(string? input)
    {
        var error = Assert.Throws<DomainException>(() => RegionCode.Create(input));

        Assert.Equal("region.code_invalid", error.Code);
        Assert.Equal("code", error.Field);
    }

    [Fact]
    public void A_county_level_unit_belongs_to_its_city_and_shares_its_prefix()
    {
        var city = Region.CreateCity(RegionCode.Create("430700"), "常德市", "Changde City");

        var wuling = Region.CreateCountyLevel(RegionCode.Create("430702"), "武陵区", "Wuling District", RegionKind.District, city, 10);

        Assert.Equal(city.Id, wuling.ParentId);
        Assert.True(wuling.IsCountyLevel);
        Assert.False(city.IsCountyLevel);
        Assert.Equal("region.code_outside_city",
            Assert.Throws<DomainException>(() => Region.CreateCountyLevel(RegionCode.Create("430102"), "芙蓉区", "Furong", RegionKind.District, city, 1)).Code);
        Assert.Equal("region.code_invalid",
            Assert.Throws<DomainException>(() => Region.CreateCountyLevel(RegionCode.Create("430700"), "重复", "Same", RegionKind.District, city, 1)).Code);
    }

    [Fact]
    public void A_county_level_unit_cannot_be_the_parent_of_another()
    {
        var city = Region.CreateCity(RegionCode.Create("430700"), "常德市", "Changde City");
        var wuling = Region.CreateCountyLevel(RegionCode.Create("430702"), "武陵区", "Wuling District", RegionKind.District, city, 10);

        var error = Assert.Throws<DomainException>(() =>
            Region.CreateCountyLevel(RegionCode.Create("430799"), "子区", "Child", RegionKind.District, wuling, 1));

        Assert.Equal("region.parent_invalid", error.Code);
    }

    [Fact]
    public void A_city_cannot_become_a_county_level_unit()
    {
        var city = Region.CreateCity(RegionCode.Create("430700"), "常德市", "Changde City");
        var other = Region.CreateCity(RegionCode.Create("430100"), "长沙市", "Changsha City");

        var error = Assert.Throws<DomainException>(() => city.Update(city.Code, "常德市", "Changde", RegionKind.District, other, 0, true));

        Assert.Equal("region.kind_change", error.Code);
    }

    [Theory]
    [InlineData(50, true)]
    [InlineData(51, false)]
    public void Names_are_at_most_50_characters(int length, bool valid)
    {
        var name = new string('区', length);

        var create = () => Region.CreateCity(RegionCode.Create("430700"), name, "Changde City");

        if (valid)
        {
            Assert.Equal(name, create().Name);
        }
        else
        {
            Assert.Equal("region.name_invalid", Assert.Throws<DomainException>(create).Code);
        }
    }
}
