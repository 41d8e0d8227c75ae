using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Reminders;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Reminders;
using Sunshine.Infrastructure.Persistence;

namespace Sunshine.Infrastructure.Reminders;

/// <summary>
/// Sends the reminders due on a day: every open deadline of every module (<see cref="IDeadlineSource"/>)
/// whose stage is due (<see cref="ReminderSchedule"/>) becomes a notification for each enabled county
/// officer of its county. Inserted with ON CONFLICT DO NOTHING against the unique index, so a second run,
/// or two instances at once, never send one twice.
/// </summary>
public sealed class ReminderService(ApplicationDbContext db, IEnumerable<IDeadlineSource> sources, TimeProvider clock)
{
    /// <summary>Sends what is due on <paramref name="today"/>; returns the number of notifications created.</summary>
    public async Task<int> SendDueAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var due = new List<(Deadline Deadline, ReminderStage Stage)>();
        foreach (var source in sources)
        {
            foreach (var deadline in await source.OpenDeadlinesAsync(today, cancellationToken))
            {
                if (ReminderSchedule.StageOn(deadline.DueDate, today) is { } stage)
                {
                    due.Add((deadline, stage));
                }
            }
        }

        if (due.Count == 0)
        {
            return 0;
        }

        var counties = due.Select(d => d.Deadline.CountyId).Distinct().ToList();
        var officers = await (from u in db.Users
                              join ur in db.UserRoles on u.Id equals ur.UserId
                              join r in db.Roles on ur.RoleId equals r.Id
                              where r.Name == Roles.CountyOfficer && u.CountyId != null && counties.Contains(u.CountyId.Value)
                                  && (u.LockoutEnd == null || u.LockoutEnd < clock.GetUtcNow())
                              select new { u.Id, County = u.CountyId!.Value }).ToListAsync(cancellationToken);
        var byCounty = officers.ToLookup(o => o.County, o => o.Id);
        var now = clock.GetUtcNow();
        var created = 0;
        foreach (var (deadline, stage) in due)
        {
            foreach (var officer in byCounty[deadline.CountyId])
            {
                var n = Notification.Remind(officer, deadline.Kind, deadline.SubjectId, deadline.CountyId, stage, deadline.DueDate, Title(deadline, stage, today), deadline.Link, now);
                created += await db.Database.ExecuteSqlAsync(
                    $"""
                    INSERT INTO notifications (id, recipient_id, kind, subject_id, county_id, stage, due_date, title, link, created_at)
                    VALUES ({n.Id}, {n.RecipientId}, {n.Kind}, {n.SubjectId}, {n.CountyId}, {n.Stage.ToString()}, {n.DueDate}, {n.Title}, {n.Link}, {n.CreatedAt})
                    ON CONFLICT (recipient_id, kind, subject_id, county_id, stage) DO NOTHING
                    """, cancellationToken);
            }
        }

        return created;
    }

    private static string Title(Deadline deadline, ReminderStage stage, DateOnly today)
    {
        var days = deadline.DueDate.DayNumber - today.DayNumber;
        var due = deadline.DueDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return stage switch
        {
            ReminderStage.Overdue => $"{deadline.Title}已于{due}截止，尚未完成",
            _ when days <= 0 => $"{deadline.Title}今天（{due}）截止",
            _ when days == 1 => $"{deadline.Title}将于{due}截止（明天）",
            _ => $"{deadline.Title}将于{due}截止（还有{days}天）",
        };
    }
}
