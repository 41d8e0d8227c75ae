using System.Diagnostics;
using Mediator;
using Microsoft.Extensions.Logging;
using Sunshine.Application.Common.Exceptions;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Domain.Common;

namespace Sunshine.Application.Common.Behaviours;

/// <summary>
/// Logs every use case with its duration and outcome. Expected failures (invalid input, not found,
/// not allowed, a rule broken) are information, not errors: they are answers, not faults.
/// </summary>
public sealed partial class LoggingBehaviour<TMessage, TResponse>(ILogger<LoggingBehaviour<TMessage, TResponse>> logger, ICurrentUser user)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var name = typeof(TMessage).Name;
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next(message, cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            LogHandled(logger, name, user.UserName, elapsed);
            return response;
        }
        catch (Exception ex) when (IsExpected(ex))
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var reason = ex.GetType().Name;
            LogRefused(logger, name, user.UserName, elapsed, reason, ex.Message);
            throw;
        }
        catch (Exception ex)
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            LogFailed(logger, ex, name, user.UserName, elapsed);
            throw;
        }
    }

    private static bool IsExpected(Exception ex) => ex is RequestValidationException or CodedException or DomainException;

    [LoggerMessage(Level = LogLevel.Information, Message = "{UseCase} handled for {User} in {ElapsedMs:0.0} ms")]
    private static partial void LogHandled(ILogger logger, string useCase, string? user, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "{UseCase} refused for {User} in {ElapsedMs:0.0} ms: {Reason} {Detail}")]
    private static partial void LogRefused(ILogger logger, string useCase, string? user, double elapsedMs, string reason, string detail);

    [LoggerMessage(Level = LogLevel.Error, Message = "{UseCase} failed for {User} after {ElapsedMs:0.0} ms")]
    private static partial void LogFailed(ILogger logger, Exception exception, string useCase, string? user, double elapsedMs);
}
