using Sunshine.Domain.Common;

namespace Sunshine.Domain.Reminders;

/// <summary>When a deadline's officers are reminded: 14 days before, 1 day before, and the day it is overdue.</summary>
public enum ReminderStage
{
    FourteenDaysBefore,
    OneDayBefore,
    Overdue,
}

/// <summary>
/// The reminder schedule of a deadline. Each stage is due from its day and stays due until the next
/// stage's day (a day the job did not run is caught up the next time it does); an overdue reminder is
/// sent up to <see cref="OverdueWindowDays"/> days after the deadline, once.
/// </summary>
public static class ReminderSchedule
{
    public const int OverdueWindowDays = 30;

    /// <summary>The stage due on <paramref name="today"/> for a deadline on <paramref name="due"/>, or null.</summary>
    public static ReminderStage? StageOn(DateOnly due, DateOnly today)
    {
        if (today > due.AddDays(OverdueWindowDays))
        {
            return null;
        }

        if (today > due)
        {
            return ReminderStage.Overdue;
        }

        if (today >= due.AddDays(-1))
        {
            return ReminderStage.OneDayBefore;
        }

        return today >= due.AddDays(-14) ? ReminderStage.FourteenDaysBefore : null;
    }
}

/// <summary>
/// A notification in an officer's notification centre: a reminder of a deadline of their county. One per
/// recipient, deadline, county and stage (a unique index), so no run of the job — on any instance — sends it twice.
/// </summary>
public sealed class Notification : Entity
{
    private Notification()
    {
        Kind = null!;
        Title = null!;
        Link = null!;
    }

    public Guid RecipientId { get; private set; }

    /// <summary>What the deadline is: <c>annual_summary</c>, <c>work_plan</c> ….</summary>
    public string Kind { get; private set; }

    /// <summary>The record the deadline belongs to (a round).</summary>
    public Guid SubjectId { get; private set; }

    public Guid CountyId { get; private set; }

    public ReminderStage Stage { get; private set; }

    public DateOnly DueDate { get; private set; }

    public string Title { get; private set; }

    /// <summary>The SPA path to act on it.</summary>
    public string Link { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ReadAt { get; private set; }

    public static Notification Remind(Guid recipientId, string kind, Guid subjectId, Guid countyId, ReminderStage stage, DateOnly dueDate, string title, string link, DateTimeOffset at) =>
        new()
        {
            RecipientId = recipientId,
            Kind = kind,
            SubjectId = subjectId,
            CountyId = countyId,
            Stage = stage,
            DueDate = dueDate,
            Title = title.Length > 300 ? title[..300] : title,
            Link = link,
            CreatedAt = at,
        };

    public void MarkRead(DateTimeOffset at) => ReadAt ??= at;
}
