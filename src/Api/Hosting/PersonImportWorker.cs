using System.Security.Claims;
using System.Threading.Channels;
using Mediator;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Registry.ImportPersons;
using Sunshine.Domain.Common;

namespace Sunshine.Api.Hosting;

/// <summary>
/// Imports run in the background so a 10,000-row file does not hold a request open; the file is
/// kept in memory only (it holds ID numbers in clear) and the job record shows the progress.
/// </summary>
public sealed class PersonImportInbox
{
    private readonly Channel<(Guid ImportId, byte[] Content, ClaimsPrincipal Requester)> _channel =
        Channel.CreateUnbounded<(Guid, byte[], ClaimsPrincipal)>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(Guid importId, byte[] content, ClaimsPrincipal requester) =>
        _channel.Writer.TryWrite((importId, content, requester));

    internal ChannelReader<(Guid ImportId, byte[] Content, ClaimsPrincipal Requester)> Reader => _channel.Reader;
}

/// <summary>Processes queued imports one at a time, each as the officer who started it.</summary>
public sealed partial class PersonImportWorker(
    PersonImportInbox queue,
    IServiceScopeFactory scopes,
    IHttpContextAccessor httpContext,
    IImportProgress progress,
    ILogger<PersonImportWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var (importId, content, requester) in queue.Reader.ReadAllAsync(stoppingToken))
        {
            await using var scope = scopes.CreateAsyncScope();

            // The use case reads the caller from the HTTP context: give it the requester's.
            httpContext.HttpContext = new DefaultHttpContext { User = requester, RequestServices = scope.ServiceProvider };
            try
            {
                await scope.ServiceProvider.GetRequiredService<ISender>().Send(new ProcessPersonImportCommand(importId, content), stoppingToken);
            }
            catch (DomainException ex)
            {
                await progress.FailAsync(importId, ex.Code, ex.Message, CancellationToken.None);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogImportFailed(logger, ex, importId);
                await progress.FailAsync(importId, "import.failed", "The import failed unexpectedly; nothing was imported. Quote the import id when reporting it.", CancellationToken.None);
            }
            finally
            {
                httpContext.HttpContext = null;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Import {ImportId} failed")]
    private static partial void LogImportFailed(ILogger logger, Exception exception, Guid importId);
}
