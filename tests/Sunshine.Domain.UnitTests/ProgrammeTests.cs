using Sunshine.Domain.Common;
using Sunshine.Domain.Programmes;

namespace Sunshine.Domain.UnitTests;

public sealed class ProgrammeTests
{
    [Fact]
    public void A_programme_covers_its_period_inclusively()
    {
        var programme = Programme.Create("CD-ECDA-2017", "常德", "Changde", new DateOnly(2017, 1, 1), new DateOnly(2020, 12, 31), "文件");

        Assert.False(programme.Covers(new DateOnly(2016, 12, 31)));
        Assert.True(programme.Covers(new DateOnly(2017, 1, 1)));
        Assert.True(programme.Covers(new DateOnly(2020, 12, 31)));
        Assert.False(programme.Covers(new DateOnly(2021, 1, 1)));
    }

    [Fact]
    public void A_period_ending_before_it_starts_is_refused_but_a_one_day_period_is_not()
    {
        var error = Assert.Throws<DomainException>(() =>
            Programme.Create("X", "X", "X", new DateOnly(2020, 1, 2), new DateOnly(2020, 1, 1), "文件"));

        Assert.Equal("programme.period_invalid", error.Code);
        Assert.NotNull(Programme.Create("X", "X", "X", new DateOnly(2020, 1, 1), new DateOnly(2020, 1, 1), "文件"));
    }
}
