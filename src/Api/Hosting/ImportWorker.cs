using System.Security.Claims;
using System.Threading.Channels;
using Mediator;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Registry.ImportPersons;
using Sunshine.Application.Sales.ImportSales;
using Sunshine.Domain.Common;
using Sunshine.Domain.Importing;

namespace Sunshine.Api.Hosting;

/// <summary>
/// Imports run in the background so a 10,000-row file does not hold a request open; the file is
/// kept in memory only (it may hold ID numbers in clear) and the job record shows the progress.
/// </summary>
public sealed class ImportInbox
{
    private readonly Channel<QueuedImport> _channel = Channel.CreateUnbounded<QueuedImport>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(Guid importId, ImportKind kind, byte[] content, ClaimsPrincipal requester) =>
        _channel.Writer.TryWrite(new QueuedImport(importId, kind, content, requester));

    internal ChannelReader<QueuedImport> Reader => _channel.Reader;

    internal sealed record QueuedImport(Guid ImportId, ImportKind Kind, byte[] Content, ClaimsPrincipal Requester);
}

/// <summary>Processes queued imports one at a time, each as the officer who started it.</summary>
public sealed partial class ImportWorker(
    ImportInbox queue,
    IServiceScopeFactory scopes,
    IHttpContextAccessor httpContext,
    IImportProgress progress,
    ILogger<ImportWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var import in queue.Reader.ReadAllAsync(stoppingToken))
        {
            await using var scope = scopes.CreateAsyncScope();

            // The use case reads the caller from the HTTP context: give it the requester's.
            httpContext.HttpContext = new DefaultHttpContext { User = import.Requester, RequestServices = scope.ServiceProvider };
            try
            {
                var sender = scope.ServiceProvider.GetRequiredService<ISender>();
                _ = import.Kind switch
                {
                    ImportKind.Persons => await sender.Send(new ProcessPersonImportCommand(import.ImportId, import.Content), stoppingToken),
                    ImportKind.Sales => await sender.Send(new ProcessSalesImportCommand(import.ImportId, import.Content), stoppingToken),
                    _ => throw new InvalidOperationException($"No processing for {import.Kind} imports."),
                };
            }
            catch (DomainException ex)
            {
                await progress.FailAsync(import.ImportId, ex.Code, ex.Message, CancellationToken.None);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogImportFailed(logger, ex, import.ImportId);
                await progress.FailAsync(import.ImportId, "import.failed", "The import failed unexpectedly; nothing was imported. Quote the import id when reporting it.", CancellationToken.None);
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
