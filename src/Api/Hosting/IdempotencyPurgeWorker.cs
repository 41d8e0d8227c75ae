using Sunshine.Infrastructure.Partners;

namespace Sunshine.Api.Hosting;

/// <summary>
/// Writes the idempotency outcomes kept while the database was out of reach, every two seconds while there are
/// any; and deletes keys past their 24 hours every ten minutes (expired keys are ignored before that anyway).
/// </summary>
public sealed partial class IdempotencyPurgeWorker(IdempotencyStore store, ILogger<IdempotencyPurgeWorker> logger) : BackgroundService
{
    private static readonly TimeSpan SettleInterval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan PurgeInterval = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(SettleInterval);
        var sincePurge = System.Diagnostics.Stopwatch.StartNew();
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (store.PendingCount > 0)
            {
                try
                {
                    if (await store.SettlePendingAsync(stoppingToken) == 0)
                    {
                        LogSettled(logger);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogSettleFailed(logger, ex);
                }
            }

            if (sincePurge.Elapsed < PurgeInterval)
            {
                continue;
            }

            sincePurge.Restart();
            try
            {
                var purged = await store.PurgeExpiredAsync(stoppingToken);
                LogPurged(logger, purged);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPurgeFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Idempotency outcomes kept during a database outage are written")]
    private static partial void LogSettled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing idempotency outcomes kept during a database outage failed; retrying")]
    private static partial void LogSettleFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Purged {Count} expired idempotency keys")]
    private static partial void LogPurged(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Purging expired idempotency keys failed; retrying at the next interval")]
    private static partial void LogPurgeFailed(ILogger logger, Exception exception);
}
