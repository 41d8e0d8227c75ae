using FluentValidation;
using Sunshine.Domain.Common;
using Sunshine.Domain.Registry;

namespace Sunshine.Application.Registry;

/// <summary>A household's registered-poor status and baseline income, shared by create and update.</summary>
public interface IHouseholdStatusInput
{
    bool IsRegisteredPoor { get; }

    int? RegisteredPoorYear { get; }

    string? PoorHouseholdNumber { get; }

    DateOnly? PovertyExitDate { get; }

    int? BaselineYear { get; }

    decimal? BaselinePerCapitaIncome { get; }
}

public sealed class HouseholdStatusInputValidator : AbstractValidator<IHouseholdStatusInput>
{
    public HouseholdStatusInputValidator()
    {
        RuleFor(x => x.PoorHouseholdNumber).MaximumLength(30);
        RuleFor(x => x.BaselinePerCapitaIncome).InclusiveBetween(0m, 10_000_000m).PrecisionScale(12, 2, ignoreTrailingZeros: true);
    }
}

public static class HouseholdStatusInputExtensions
{
    public static void ApplyTo(this IHouseholdStatusInput input, Household household, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(household);
        household.SetPovertyStatus(input.IsRegisteredPoor, input.RegisteredPoorYear,
            string.IsNullOrWhiteSpace(input.PoorHouseholdNumber) ? null : input.PoorHouseholdNumber, input.PovertyExitDate, today);
        household.SetBaseline(input.BaselineYear,
            input.BaselinePerCapitaIncome is { } income ? Money.FromYuan(income, "baselinePerCapitaIncome") : null, today);
    }
}
