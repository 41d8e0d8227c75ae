using Sunshine.Domain.Common;
using Sunshine.Domain.WorkPlans;

namespace Sunshine.Domain.UnitTests.WorkPlans;

public sealed class WorkPlanTests
{
    private static readonly DateOnly ProgrammeStart = new(2017, 1, 1);
    private static readonly DateOnly Deadline = new(2018, 4, 30);
    private static readonly DateTimeOffset Now = new(2018, 4, 1, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly Guid Officer = Guid.NewGuid();

    private static WorkPlanRound Round() => WorkPlanRound.Create(Guid.NewGuid(), ProgrammeStart, "工作方案备案（第一轮）", Deadline, Now);

    /// <summary>A filing brought to a stored state through its own methods.</summary>
    private static WorkPlanFiling FilingIn(WorkPlanFilingState state)
    {
        var filing = Round().RequireCounty(Guid.NewGuid());
        if (state == WorkPlanFilingState.Pending)
        {
            return filing;
        }

        filing.AttachDocument(Guid.NewGuid());
        filing.Submit(Officer, Now);
        switch (state)
        {
            case WorkPlanFilingState.Filed:
                filing.File(Officer, Now);
                break;
            case WorkPlanFilingState.Returned:
                filing.Return(Officer, Now, "缺少年度目标");
                break;
        }

        return filing;
    }

    [Theory]
    [InlineData(WorkPlanFilingState.Pending, "2018-04-30", WorkPlanStatus.Due)]
    [InlineData(WorkPlanFilingState.Pending, "2018-05-01", WorkPlanStatus.Overdue)]
    [InlineData(WorkPlanFilingState.Returned, "2018-04-30", WorkPlanStatus.Returned)]
    [InlineData(WorkPlanFilingState.Returned, "2018-05-01", WorkPlanStatus.Overdue)]
    [InlineData(WorkPlanFilingState.Submitted, "2018-04-30", WorkPlanStatus.Submitted)]
    [InlineData(WorkPlanFilingState.Submitted, "2018-05-01", WorkPlanStatus.Submitted)]
    [InlineData(WorkPlanFilingState.Filed, "2018-04-30", WorkPlanStatus.Filed)]
    [InlineData(WorkPlanFilingState.Filed, "2018-05-01", WorkPlanStatus.Filed)]
    public void The_status_on_the_deadline_day_and_the_day_after(WorkPlanFilingState state, string today, WorkPlanStatus expected)
    {
        var filing = FilingIn(state);

        Assert.Equal(state, filing.State);
        Assert.Equal(expected, filing.StatusOn(Deadline, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void A_round_is_past_its_deadline_only_from_the_next_day()
    {
        var round = Round();

        Assert.False(round.IsPastDeadline(new DateOnly(2018, 4, 30)));
        Assert.True(round.IsPastDeadline(new DateOnly(2018, 5, 1)));
    }

    [Fact]
    public void A_deadline_before_the_programme_begins_is_refused_but_its_first_day_is_not()
    {
        var error = Assert.Throws<DomainException>(() => WorkPlanRound.Create(Guid.NewGuid(), ProgrammeStart, "方案", ProgrammeStart.AddDays(-1), Now));

        Assert.Equal("work_plan.deadline_before_programme", error.Code);
        Assert.Equal(ProgrammeStart, WorkPlanRound.Create(Guid.NewGuid(), ProgrammeStart, "方案", ProgrammeStart, Now).Deadline);
    }

    [Fact]
    public void A_plan_is_submitted_with_its_document_and_only_while_the_county_holds_it()
    {
        var filing = Round().RequireCounty(Guid.NewGuid());
        Assert.True(filing.IsUntouched);

        var missing = Assert.Throws<DomainException>(() => filing.Submit(Officer, Now));
        Assert.Equal(("work_plan.document_required", DomainErrorKind.Conflict), (missing.Code, missing.Kind));

        filing.AttachDocument(Guid.NewGuid());
        Assert.False(filing.IsUntouched);
        filing.Submit(Officer, Now);
        Assert.Equal("work_plan.not_with_county", Assert.Throws<DomainException>(() => filing.Submit(Officer, Now)).Code);
        Assert.Equal("work_plan.not_with_county", Assert.Throws<DomainException>(() => filing.AttachDocument(Guid.NewGuid())).Code);
    }

    [Fact]
    public void The_city_files_or_returns_only_a_submitted_plan_and_a_return_needs_a_reason()
    {
        var pending = FilingIn(WorkPlanFilingState.Pending);
        Assert.Equal("work_plan.not_submitted", Assert.Throws<DomainException>(() => pending.File(Officer, Now)).Code);
        Assert.Equal("work_plan.not_submitted", Assert.Throws<DomainException>(() => pending.Return(Officer, Now, "理由")).Code);

        var submitted = FilingIn(WorkPlanFilingState.Submitted);
        Assert.Equal("work_plan.reason_required", Assert.Throws<DomainException>(() => submitted.Return(Officer, Now, "  ")).Code);
        Assert.Equal(WorkPlanFilingState.Submitted, submitted.State);

        var filed = FilingIn(WorkPlanFilingState.Filed);
        Assert.Equal("work_plan.not_submitted", Assert.Throws<DomainException>(() => filed.Return(Officer, Now, "理由")).Code);
        Assert.Equal("work_plan.not_with_county", Assert.Throws<DomainException>(() => filed.AttachDocument(Guid.NewGuid())).Code);
    }

    [Fact]
    public void A_returned_plan_can_be_uploaded_again_and_resubmitted_and_the_reason_goes_once_it_is_filed()
    {
        var filing = FilingIn(WorkPlanFilingState.Returned);
        Assert.Equal("缺少年度目标", filing.ReturnReason);

        var second = Guid.NewGuid();
        filing.AttachDocument(second);
        filing.Submit(Officer, Now.AddDays(3));
        filing.File(Officer, Now.AddDays(4));

        Assert.Equal((WorkPlanFilingState.Filed, second, null, Now.AddDays(3)), (filing.State, filing.DocumentId, filing.ReturnReason, filing.SubmittedAt));
    }
}
