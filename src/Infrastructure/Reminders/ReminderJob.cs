using Microsoft.Extensions.Logging;
using Quartz;
using Sunshine.Application.Common.Interfaces;

namespace Sunshine.Infrastructure.Reminders;

/// <summary>
/// The daily reminder run (Quartz, clustered job store in PostgreSQL: one instance of the cluster fires
/// each trigger; the notifications' unique index guards the rest).
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class ReminderJob(ReminderService reminders, TimeProvider clock, ILogger<ReminderJob> logger) : IJob
{
    public static readonly JobKey Key = new("deadline-reminders", "sunshine");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var today = clock.Today();
        var sent = await reminders.SendDueAsync(today, cancellationToken);
        LogSent(logger, sent, today);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deadline reminders of {Today}: {Sent} notifications created")]
    private static partial void LogSent(ILogger logger, int sent, DateOnly today);
}
