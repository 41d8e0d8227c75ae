using Mediator;
using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Common.Exceptions;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Security;
using Sunshine.Domain.Reminders;
using Sunshine.Domain.Statistics;

namespace Sunshine.Application.Reminders;

/// <summary>A deadline a county must meet: what it is, its record, the day, a title and where to act.</summary>
public sealed record Deadline(string Kind, Guid SubjectId, Guid CountyId, DateOnly DueDate, string Title, string Link);

/// <summary>A module's open deadlines (not yet met) that may need reminding around <c>today</c>.</summary>
public interface IDeadlineSource
{
    Task<IReadOnlyList<Deadline>> OpenDeadlinesAsync(DateOnly today, CancellationToken cancellationToken);
}

/// <summary>The annual summaries: every county that has not submitted its summary of a round.</summary>
public sealed class AnnualSummaryDeadlines(IApplicationDbContext db) : IDeadlineSource
{
    public const string Kind = "annual_summary";

    public async Task<IReadOnlyList<Deadline>> OpenDeadlinesAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var (earliest, latest) = (today.AddDays(-ReminderSchedule.OverdueWindowDays), today.AddDays(14));
        var rounds = await db.AnnualSummaryRounds.AsNoTracking().Where(r => r.DueDate >= earliest && r.DueDate <= latest).ToListAsync(cancellationToken);
        if (rounds.Count == 0)
        {
            return [];
        }

        var roundIds = rounds.Select(r => r.Id).ToList();
        var submitted = (await db.AnnualSummaries.IgnoreQueryFilters().AsNoTracking()
            .Where(s => roundIds.Contains(s.RoundId) && s.Status == AnnualSummaryStatus.Submitted)
            .Select(s => new { s.RoundId, s.CountyId }).ToListAsync(cancellationToken)).ToHashSet();
        var counties = await db.Regions.AsNoTracking().Where(r => r.ParentId != null && r.IsActive).Select(r => r.Id).ToListAsync(cancellationToken);
        return [.. from r in rounds
                   from c in counties
                   where !submitted.Contains(new { RoundId = r.Id, CountyId = c })
                   select new Deadline(Kind, r.Id, c, r.DueDate, $"{r.Year}年度工作总结", $"/annual-summaries/{r.Id}/counties/{c}")];
    }
}

/// <summary>A notification as its recipient sees it.</summary>
public sealed record NotificationDto(Guid Id, string Kind, Guid SubjectId, Guid CountyId, ReminderStage Stage, DateOnly DueDate, string Title, string Link, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

/// <summary>My notifications, newest first, with the unread count.</summary>
public sealed record NotificationListDto(int Unread, IReadOnlyList<NotificationDto> Items);

/// <summary>The signed-in officer's notifications, newest first (the latest 200; unreadOnly limits them).</summary>
[RequiresSignIn]
public sealed record GetMyNotificationsQuery(bool? UnreadOnly) : IQuery<NotificationListDto>;

public sealed class GetMyNotificationsHandler(IApplicationDbContext db, ICurrentUser user) : IQueryHandler<GetMyNotificationsQuery, NotificationListDto>
{
    public async ValueTask<NotificationListDto> Handle(GetMyNotificationsQuery query, CancellationToken cancellationToken)
    {
        var me = user.Id ?? Guid.Empty;
        var mine = db.Notifications.AsNoTracking().Where(n => n.RecipientId == me);
        var unread = await mine.CountAsync(n => n.ReadAt == null, cancellationToken);
        var items = await mine.Where(n => query.UnreadOnly != true || n.ReadAt == null).OrderByDescending(n => n.CreatedAt).Take(200)
            .Select(n => new NotificationDto(n.Id, n.Kind, n.SubjectId, n.CountyId, n.Stage, n.DueDate, n.Title, n.Link, n.CreatedAt, n.ReadAt))
            .ToListAsync(cancellationToken);
        return new NotificationListDto(unread, items);
    }
}

/// <summary>Marks one of my notifications read (officers, programme.write); another officer's answers 404.</summary>
[RequiresPermission(Domain.AccessControl.Permissions.ProgrammeWrite)]
public sealed record MarkNotificationReadCommand(Guid Id) : ICommand<NotificationDto>;

public sealed class MarkNotificationReadHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<MarkNotificationReadCommand, NotificationDto>
{
    public async ValueTask<NotificationDto> Handle(MarkNotificationReadCommand command, CancellationToken cancellationToken)
    {
        var n = await db.Notifications.FirstOrDefaultAsync(x => x.Id == command.Id && x.RecipientId == user.Id, cancellationToken)
            ?? throw new NotFoundException("notification", command.Id);
        n.MarkRead(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return new NotificationDto(n.Id, n.Kind, n.SubjectId, n.CountyId, n.Stage, n.DueDate, n.Title, n.Link, n.CreatedAt, n.ReadAt);
    }
}

/// <summary>The work plans: every required county whose plan of a round is neither submitted nor filed (pending or returned).</summary>
public sealed class WorkPlanDeadlines(IApplicationDbContext db) : IDeadlineSource
{
    public const string Kind = "work_plan";

    public async Task<IReadOnlyList<Deadline>> OpenDeadlinesAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var (earliest, latest) = (today.AddDays(-ReminderSchedule.OverdueWindowDays), today.AddDays(14));
        var open = await (from f in db.WorkPlanFilings.IgnoreQueryFilters().AsNoTracking()
                          join r in db.WorkPlanRounds.IgnoreQueryFilters().AsNoTracking() on f.RoundId equals r.Id
                          where r.Deadline >= earliest && r.Deadline <= latest
                              && (f.State == Domain.WorkPlans.WorkPlanFilingState.Pending || f.State == Domain.WorkPlans.WorkPlanFilingState.Returned)
                          select new { r.Id, r.Title, r.Deadline, f.CountyId, FilingId = f.Id }).ToListAsync(cancellationToken);
        return [.. open.Select(o => new Deadline(Kind, o.Id, o.CountyId, o.Deadline, o.Title, $"/work-plans/{o.Id}"))];
    }
}

/// <summary>
/// The rectification items of supervision visits: every open item (not closed) is a deadline of the visited county
/// on its due date, so its officers are reminded before it and on the day it becomes overdue. Closing an item
/// removes its reminders (<see cref="Supervision.CloseRectificationHandler"/>).
/// </summary>
public sealed class RectificationDeadlines(IApplicationDbContext db) : IDeadlineSource
{
    public const string Kind = "rectification";

    public async Task<IReadOnlyList<Deadline>> OpenDeadlinesAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var (earliest, latest) = (today.AddDays(-ReminderSchedule.OverdueWindowDays), today.AddDays(14));
        var open = await db.SupervisionVisits.IgnoreQueryFilters().AsNoTracking()
            .SelectMany(v => v.Rectifications.Where(r => r.ClosedOn == null && r.DueDate >= earliest && r.DueDate <= latest)
                .Select(r => new { r.Id, r.Item, r.DueDate, v.CountyId, VisitId = v.Id }))
            .ToListAsync(cancellationToken);
        return [.. open.Select(o => new Deadline(Kind, o.Id, o.CountyId, o.DueDate, "整改事项：" + (o.Item.Length > 100 ? o.Item[..100] + "…" : o.Item), $"/supervision/{o.VisitId}"))];
    }
}
