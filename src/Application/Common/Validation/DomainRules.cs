using FluentValidation;
using Sunshine.Domain.Common;

namespace Sunshine.Application.Common.Validation;

/// <summary>Lets a validator use a value object's own factory, reporting its code and message as a field error.</summary>
public static class DomainRules
{
    public static IRuleBuilderOptionsConditions<T, TProperty> MustCreate<T, TProperty>(
        this IRuleBuilder<T, TProperty> rule,
        Action<T, TProperty> create)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return rule.Custom((value, context) =>
        {
            try
            {
                create(context.InstanceToValidate, value);
            }
            catch (DomainException ex)
            {
                context.AddFailure(new FluentValidation.Results.ValidationFailure(context.PropertyPath, ex.Message) { ErrorCode = ex.Code });
            }
        });
    }
}
