using System.Globalization;

namespace Sunshine.Domain.Common;

/// <summary>
/// An amount in yuan (CNY), exact to the fen (2 decimal places). Input with more precision is
/// refused rather than silently rounded; calculations round half away from zero once, at the end,
/// through <see cref="Round"/>.
/// </summary>
public readonly record struct Money : IComparable<Money>
{
    public const decimal Maximum = 999_999_999_999.99m;

    private Money(decimal yuan) => Yuan = yuan;

    public decimal Yuan { get; }

    public static Money Zero => default;

    /// <summary>An amount given by a person or a partner: at most 2 decimal places, not negative.</summary>
    public static Money FromYuan(decimal yuan, string field = "amount")
    {
        if (yuan < 0)
        {
            throw new DomainException("money.negative", "An amount cannot be negative.", field: field);
        }

        if (yuan > Maximum)
        {
            throw new DomainException("money.too_large", "The amount is too large.", field: field);
        }

        if (decimal.Round(yuan, 2) != yuan)
        {
            throw new DomainException("money.precision", "An amount has at most 2 decimal places (fen).", field: field);
        }

        return new Money(decimal.Round(yuan, 2));
    }

    /// <summary>The result of a calculation, rounded half away from zero to the fen.</summary>
    public static Money Round(decimal yuan) => FromYuan(decimal.Round(yuan, 2, MidpointRounding.AwayFromZero));

    public static Money operator +(Money left, Money right) => new(left.Yuan + right.Yuan);

    public static Money Add(Money left, Money right) => left + right;

    public static bool operator <(Money left, Money right) => left.Yuan < right.Yuan;

    public static bool operator >(Money left, Money right) => left.Yuan > right.Yuan;

    public static bool operator <=(Money left, Money right) => left.Yuan <= right.Yuan;

    public static bool operator >=(Money left, Money right) => left.Yuan >= right.Yuan;

    public int CompareTo(Money other) => Yuan.CompareTo(other.Yuan);

    public override string ToString() => Yuan.ToString("0.00", CultureInfo.InvariantCulture);
}
