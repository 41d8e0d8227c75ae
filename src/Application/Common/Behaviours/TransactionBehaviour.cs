using Mediator;
using Sunshine.Application.Common.Interfaces;

namespace Sunshine.Application.Common.Behaviours;

/// <summary>
/// Runs each command in one transaction and names it in the audit trail, so its changes and their
/// audit rows are kept together or not at all. Queries pass straight through.
/// </summary>
public sealed class TransactionBehaviour<TMessage, TResponse>(ITransactionRunner transactions, IAuditTrail audit)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is not IBaseCommand)
        {
            return await next(message, cancellationToken);
        }

        audit.Action = UseCaseName.Of(typeof(TMessage));
        return await transactions.RunAsync(async ct => await next(message, ct), cancellationToken);
    }
}

/// <summary>The name of a use case: the request type's name without a Command/Query suffix.</summary>
public static class UseCaseName
{
    public static string Of(Type requestType)
    {
        ArgumentNullException.ThrowIfNull(requestType);
        var name = requestType.Name;
        foreach (var suffix in (string[])["Command", "Query"])
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal) && name.Length > suffix.Length)
            {
                return name[..^suffix.Length];
            }
        }

        return name;
    }
}
