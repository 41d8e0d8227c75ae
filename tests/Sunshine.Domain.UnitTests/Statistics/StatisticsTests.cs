using Sunshine.Domain.Benefits;
using Sunshine.Domain.Common;
using Sunshine.Domain.Programmes;
using Sunshine.Domain.Registry;
using Sunshine.Domain.Statistics;

namespace Sunshine.Domain.UnitTests.Statistics;

public sealed class StatisticsTests
{
    private static readonly Programme Programme = Programme.Create("CD-ECDA-2017", "常德市电子商务助残扶贫工程", "Changde", new(2017, 1, 1), new(2020, 12, 31), "常残联发〔2017〕1号");

    [Fact]
    public void Indicator_codes_are_unique_and_every_award_type_has_its_four_figures()
    {
        Assert.Equal(Indicators.All.Count, Indicators.All.Select(d => d.Code).Distinct().Count());
        foreach (var (type, _, _, _) in Indicators.AwardTypes)
        {
            Assert.True(Indicators.Exists(Indicators.AwardCode(type, paid: true, amount: true)));
            Assert.True(Indicators.Exists(Indicators.AwardCode(type, paid: false, amount: false)));
        }

        Assert.Equal("awards.household.paid.amount", Indicators.AwardCode(BenefitType.DemonstrationHouseholdAward, paid: true, amount: true));
        Assert.All(Indicators.All, d => Assert.False(string.IsNullOrWhiteSpace(d.Definition) || string.IsNullOrWhiteSpace(d.DefinitionEn)));
        Assert.Equal("indicator.unknown", Assert.Throws<DomainException>(() => Indicators.Get("no.such")).Code);
    }

    [Theory]
    [InlineData(PeriodKind.Month, 2019, 2, "2019-02-01", "2019-02-28")]
    [InlineData(PeriodKind.Month, 2020, 2, "2020-02-01", "2020-02-29")]
    [InlineData(PeriodKind.Month, 2019, 12, "2019-12-01", "2019-12-31")]
    [InlineData(PeriodKind.Quarter, 2019, 1, "2019-01-01", "2019-03-31")]
    [InlineData(PeriodKind.Quarter, 2019, 4, "2019-10-01", "2019-12-31")]
    [InlineData(PeriodKind.Year, 2019, null, "2019-01-01", "2019-12-31")]
    public void Periods_resolve_to_whole_dates(PeriodKind kind, int year, int? part, string from, string to)
    {
        var period = StatisticsPeriod.Of(kind, year, part, null, null);
        Assert.Equal(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), period.From);
        Assert.Equal(DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), period.To);
        Assert.Equal((period.From, new DateOnly(period.To.Year, period.To.Month, 1)), period.SalesMonths);
    }

    [Theory]
    [InlineData(PeriodKind.Month, 2019, 0, "period.month_invalid")]
    [InlineData(PeriodKind.Month, 2019, 13, "period.month_invalid")]
    [InlineData(PeriodKind.Quarter, 2019, 0, "period.quarter_invalid")]
    [InlineData(PeriodKind.Quarter, 2019, 5, "period.quarter_invalid")]
    [InlineData(PeriodKind.Year, 1999, null, "period.year_invalid")]
    [InlineData(PeriodKind.Year, 2101, null, "period.year_invalid")]
    [InlineData(PeriodKind.Month, 2019, null, "period.month_required")]
    [InlineData(PeriodKind.Quarter, null, 1, "period.year_required")]
    public void Bad_periods_are_refused_with_a_code(PeriodKind kind, int? year, int? part, string code) =>
        Assert.Equal(code, Assert.Throws<DomainException>(() => StatisticsPeriod.Of(kind, year, part, null, null)).Code);

    [Fact]
    public void Parts_of_the_boundaries_of_years_and_months_are_accepted()
    {
        Assert.Equal(2000, StatisticsPeriod.Year(2000).From.Year);
        Assert.Equal(2100, StatisticsPeriod.Year(2100).To.Year);
        Assert.Equal(1, StatisticsPeriod.Month(2019, 1).From.Month);
    }

    [Fact]
    public void A_custom_period_ends_on_or_after_its_start_and_lasts_at_most_ten_years()
    {
        var day = new DateOnly(2019, 5, 1);
        Assert.Equal(day, StatisticsPeriod.Custom(day, day).To);
        Assert.Equal("period.invalid", Assert.Throws<DomainException>(() => StatisticsPeriod.Custom(day, day.AddDays(-1))).Code);
        Assert.Equal(day.AddDays(StatisticsPeriod.MaxDays - 1), StatisticsPeriod.Custom(day, day.AddDays(StatisticsPeriod.MaxDays - 1)).To);
        Assert.Equal("period.too_long", Assert.Throws<DomainException>(() => StatisticsPeriod.Custom(day, day.AddDays(StatisticsPeriod.MaxDays))).Code);
        Assert.Equal("period.from_required", Assert.Throws<DomainException>(() => StatisticsPeriod.Of(PeriodKind.Custom, null, null, null, day)).Code);
    }

    [Theory]
    [InlineData("2019-03-01", "2019-03-31", "2019-03-01", "2019-03-01")]
    [InlineData("2019-03-02", "2019-03-31", null, null)]
    [InlineData("2019-03-01", "2019-03-30", null, null)]
    [InlineData("2019-02-15", "2019-05-14", "2019-03-01", "2019-04-01")]
    [InlineData("2019-12-01", "2020-01-31", "2019-12-01", "2020-01-01")]
    public void Sales_cover_the_calendar_months_wholly_within_a_period(string from, string to, string? first, string? last)
    {
        static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
        var months = StatisticsPeriod.Custom(D(from), D(to)).SalesMonths;
        if (first == null)
        {
            Assert.Null(months);
        }
        else
        {
            Assert.Equal((D(first), D(last!)), months);
        }
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(ProgrammeTarget.MaxFigure, true)]
    [InlineData(ProgrammeTarget.MaxFigure + 1, false)]
    public void Target_figures_lie_between_zero_and_the_maximum(int figure, bool accepted)
    {
        var create = () => ProgrammeTarget.Create(Programme, null, figure, 10, 100, new(2020, 12, 31));
        if (accepted)
        {
            Assert.Equal(figure, create().TrainedPeople);
        }
        else
        {
            Assert.Equal("target.figure_invalid", Assert.Throws<DomainException>(create).Code);
        }
    }

    [Theory]
    [InlineData("2016-12-31", false)]
    [InlineData("2017-01-01", true)]
    [InlineData("2020-12-31", true)]
    [InlineData("2021-01-01", false)]
    public void The_target_date_lies_within_the_programme(string date, bool accepted)
    {
        var on = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        var create = () => ProgrammeTarget.Create(Programme, null, 70, 10, 100, on);
        if (accepted)
        {
            Assert.Equal(on, create().TargetDate);
        }
        else
        {
            Assert.Equal("target.date_outside_programme", Assert.Throws<DomainException>(create).Code);
        }
    }

    [Fact]
    public void Income_change_is_the_latest_record_up_to_the_year_less_the_baseline()
    {
        var today = new DateOnly(2021, 6, 1);
        var household = Household.Create(Guid.CreateVersion7(), null, null, null, "张三");
        Assert.Null(household.IncomeChangeUpTo(2020));
        household.SetBaseline(2016, Money.FromYuan(3_000m), today);
        Assert.Null(household.IncomeChangeUpTo(2020));
        household.RecordIncome(2016, Money.FromYuan(3_000m), today);
        Assert.Null(household.IncomeChangeUpTo(2020)); // the baseline year itself is no change
        household.RecordIncome(2018, Money.FromYuan(3_500m), today);
        household.RecordIncome(2020, Money.FromYuan(2_900m), today);
        Assert.Equal(500m, household.IncomeChangeUpTo(2019));
        Assert.Equal(-100m, household.IncomeChangeUpTo(2020));
        Assert.Null(household.IncomeChangeUpTo(2017));
    }

    [Fact]
    public void A_bulletin_needs_a_title_counties_and_indicators()
    {
        var period = StatisticsPeriod.Year(2019);
        Bulletin Issue(string title, int counties, int codes) => Bulletin.Issue(2026, 3, title, period,
            Enumerable.Range(0, counties).Select(_ => Guid.CreateVersion7()).ToList(), Enumerable.Repeat(Indicators.SalesAmount, codes).ToList(), true, "{}", [1], [2], Guid.CreateVersion7(), DateTimeOffset.UnixEpoch);
        Assert.Equal("统计通报〔2026〕第3号", Issue("通报", 1, 1).Number);
        Assert.Equal("bulletin.title_invalid", Assert.Throws<DomainException>(() => Issue(" ", 1, 1)).Code);
        Assert.Equal("bulletin.title_invalid", Assert.Throws<DomainException>(() => Issue(new string('题', Bulletin.MaxTitleLength + 1), 1, 1)).Code);
        Assert.Equal(Bulletin.MaxTitleLength, Issue(new string('题', Bulletin.MaxTitleLength), 1, 1).Title.Length);
        Assert.Equal("bulletin.empty", Assert.Throws<DomainException>(() => Issue("通报", 0, 1)).Code);
    }
}

public sealed class AnnualSummaryTests
{
    private static readonly DateOnly CutOff = new(2019, 10, 31);
    private static readonly AnnualSummaryRound Round = AnnualSummaryRound.Create(2019, AnnualSummaryRound.DefaultDueDate(2019), CutOff);

    private static AnnualSummary Written()
    {
        var summary = AnnualSummary.Start(Round, Guid.CreateVersion7());
        summary.Write("成绩", "案例", "问题", "计划");
        return summary;
    }

    [Fact]
    public void The_due_date_is_5_November_and_the_cut_off_lies_in_the_year()
    {
        Assert.Equal(new DateOnly(2019, 11, 5), Round.DueDate);
        Assert.Equal((new DateOnly(2019, 1, 1), CutOff), (Round.Period.From, Round.Period.To));
        Assert.Equal("annual_summary.cutoff_invalid", Assert.Throws<DomainException>(() => AnnualSummaryRound.Create(2019, new(2019, 11, 5), new(2020, 1, 1))).Code);
        Assert.Equal("annual_summary.due_date_invalid", Assert.Throws<DomainException>(() => AnnualSummaryRound.Create(2019, new(2019, 10, 30), CutOff)).Code);
        Assert.Equal(CutOff, AnnualSummaryRound.Create(2019, CutOff, CutOff).DueDate);
        Assert.Equal(new DateOnly(2020, 3, 31), AnnualSummaryRound.Create(2019, new(2020, 3, 31), CutOff).DueDate);
        Assert.Equal("annual_summary.due_date_invalid", Assert.Throws<DomainException>(() => AnnualSummaryRound.Create(2019, new(2020, 4, 1), CutOff)).Code);
    }

    [Theory]
    [InlineData("2019-11-05", AnnualSummaryStanding.Due)]
    [InlineData("2019-11-06", AnnualSummaryStanding.Overdue)]
    public void A_summary_not_in_becomes_overdue_the_day_after_the_due_date(string today, AnnualSummaryStanding standing)
    {
        var day = DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(standing, AnnualSummary.StandingOf(null, Round, day));
        Assert.Equal(standing == AnnualSummaryStanding.Due ? AnnualSummaryStanding.Draft : AnnualSummaryStanding.Overdue, AnnualSummary.StandingOf(Written(), Round, day));
    }

    [Theory]
    [InlineData("2019-10-31", null)]
    [InlineData("2019-11-01", false)]
    [InlineData("2019-11-05", false)]
    [InlineData("2019-11-06", true)]
    public void Submission_comes_after_the_cut_off_and_is_late_after_the_due_date(string today, bool? late)
    {
        var day = DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture);
        var summary = Written();
        if (late == null)
        {
            Assert.Equal("annual_summary.before_cutoff", Assert.Throws<DomainException>(() => summary.Submit(Round, "{}", Guid.CreateVersion7(), DateTimeOffset.UnixEpoch, day)).Code);
            return;
        }

        summary.Submit(Round, "{}", Guid.CreateVersion7(), DateTimeOffset.UnixEpoch, day);
        Assert.Equal(late, summary.IsLate);
        Assert.Equal(AnnualSummaryStanding.Submitted, AnnualSummary.StandingOf(summary, Round, day.AddDays(30)));
        Assert.Equal("annual_summary.submitted", Assert.Throws<DomainException>(() => summary.Write("改", null, null, "计划")).Code);
        summary.Return("请补充典型案例");
        Assert.Equal(AnnualSummaryStatus.Returned, summary.Status);
        Assert.Equal(AnnualSummaryStanding.Returned, AnnualSummary.StandingOf(summary, Round, Round.DueDate));
        Assert.Equal(AnnualSummaryStanding.Returned, AnnualSummary.StandingOf(summary, Round, Round.DueDate.AddDays(1)));
        summary.Write("成绩（修改）", "案例", null, "计划");
    }

    [Fact]
    public void Sections_are_bounded_and_the_essentials_are_required_to_submit()
    {
        var summary = AnnualSummary.Start(Round, Guid.CreateVersion7());
        Assert.Equal("annual_summary.section_too_long", Assert.Throws<DomainException>(() => summary.Write(new string('字', AnnualSummary.MaxSectionLength + 1), null, null, null)).Code);
        summary.Write(new string('字', AnnualSummary.MaxSectionLength), null, null, null);
        Assert.Equal("annual_summary.sections_required", Assert.Throws<DomainException>(() => summary.Submit(Round, "{}", Guid.CreateVersion7(), DateTimeOffset.UnixEpoch, new(2019, 11, 1))).Code);
        Assert.Equal("annual_summary.not_submitted", Assert.Throws<DomainException>(() => summary.Return("理由")).Code);
    }
}

public sealed class ReminderScheduleTests
{
    private static readonly DateOnly Due = new(2018, 11, 5);

    [Theory]
    [InlineData(-15, null)]
    [InlineData(-14, Domain.Reminders.ReminderStage.FourteenDaysBefore)]
    [InlineData(-2, Domain.Reminders.ReminderStage.FourteenDaysBefore)]
    [InlineData(-1, Domain.Reminders.ReminderStage.OneDayBefore)]
    [InlineData(0, Domain.Reminders.ReminderStage.OneDayBefore)]
    [InlineData(1, Domain.Reminders.ReminderStage.Overdue)]
    [InlineData(Domain.Reminders.ReminderSchedule.OverdueWindowDays, Domain.Reminders.ReminderStage.Overdue)]
    [InlineData(Domain.Reminders.ReminderSchedule.OverdueWindowDays + 1, null)]
    public void Each_stage_is_due_from_its_day_until_the_next(int daysFromDue, Domain.Reminders.ReminderStage? stage) =>
        Assert.Equal(stage, Domain.Reminders.ReminderSchedule.StageOn(Due, Due.AddDays(daysFromDue)));
}
