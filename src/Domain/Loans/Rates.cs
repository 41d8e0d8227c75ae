namespace Sunshine.Domain.Loans;

/// <summary>Annual rates and shares are fractions (0.0435 is 4.35 %) with at most 6 decimals.</summary>
internal static class Rates
{
    public const int MaxDecimals = 6;

    /// <summary>More than 0, below 1 (or up to 1 when <paramref name="oneAllowed"/>), at most 6 decimals.</summary>
    public static bool IsValid(decimal value, bool oneAllowed) =>
        value > 0 && (oneAllowed ? value <= 1 : value < 1) && decimal.Round(value, MaxDecimals) == value;
}
