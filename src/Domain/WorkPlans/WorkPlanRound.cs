using Sunshine.Domain.Common;

namespace Sunshine.Domain.WorkPlans;

/// <summary>
/// A filing round of county work plans (工作方案备案): the programme it belongs to, a title and the
/// deadline (a China Standard Time date: plans are due by the end of that day). The counties that
/// must file are the round's <see cref="WorkPlanFiling"/>s, one each.
/// </summary>
public sealed class WorkPlanRound : Entity
{
    public const int TitleMaxLength = 200;

    private WorkPlanRound()
    {
        Title = null!;
    }

    public Guid ProgrammeId { get; private set; }

    public string Title { get; private set; }

    /// <summary>The last day (CST) on which a plan is on time.</summary>
    public DateOnly Deadline { get; private set; }

    /// <summary>Changed with every edit, so the round's version (its ETag) moves when only its counties change.</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Opens a round; a plan cannot be due before its programme begins (<paramref name="programmeStart"/>).</summary>
    public static WorkPlanRound Create(Guid programmeId, DateOnly programmeStart, string title, DateOnly deadline, DateTimeOffset now)
    {
        var round = new WorkPlanRound { ProgrammeId = programmeId };
        round.Update(programmeStart, title, deadline, now);
        return round;
    }

    public void Update(DateOnly programmeStart, string title, DateOnly deadline, DateTimeOffset now)
    {
        if (deadline < programmeStart)
        {
            throw new DomainException("work_plan.deadline_before_programme", "The deadline is on or after the programme's first day.", field: "deadline");
        }

        Title = Text.Required(title, TitleMaxLength, "work_plan.title_invalid", "title");
        Deadline = deadline;
        UpdatedAt = now;
    }

    /// <summary>True once the deadline day has ended in China Standard Time (<paramref name="today"/> is the CST date).</summary>
    public bool IsPastDeadline(DateOnly today) => today > Deadline;

    /// <summary>The filing of a county that must file in this round.</summary>
    public WorkPlanFiling RequireCounty(Guid countyId) => new(Id, countyId);
}
