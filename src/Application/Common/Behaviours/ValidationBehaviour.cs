using FluentValidation;
using Mediator;
using Sunshine.Application.Common.Exceptions;
using Sunshine.Application.Common.Validation;

namespace Sunshine.Application.Common.Behaviours;

/// <summary>
/// Refuses NUL characters and malformed Unicode in any string of any request (<see cref="TextCharacters"/>), then runs every FluentValidation
/// validator of the request; any failure is a 400 naming the fields.
/// </summary>
public sealed class ValidationBehaviour<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var failures = TextCharacters.Find(message);
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(message, cancellationToken);
            failures.AddRange(result.Errors.Select(e => new FieldError(
                FieldNames.ToJsonPath(e.PropertyName),
                ErrorCodes.Normalise(e.ErrorCode),
                e.ErrorMessage)));
        }

        if (failures.Count > 0)
        {
            throw new RequestValidationException(failures);
        }

        return await next(message, cancellationToken);
    }
}
