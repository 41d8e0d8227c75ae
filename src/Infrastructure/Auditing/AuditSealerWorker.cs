using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Sunshine.Infrastructure.Auditing;

/// <summary>Runs the sealer every <see cref="AuditTrailOptions.SealInterval"/>; instances that find another sealer at work skip the turn.</summary>
public sealed partial class AuditSealerWorker(AuditSealer sealer, IOptions<AuditTrailOptions> options, ILogger<AuditSealerWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SealInterval);
        do
        {
            try
            {
                await sealer.SealAsync(waitForOtherSealer: false, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSealFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sealing the audit trail failed; retrying at the next interval")]
    private static partial void LogSealFailed(ILogger logger, Exception exception);
}
