using Sunshine.Domain.Common;

namespace Sunshine.Domain.Enterprises;

/// <summary>
/// A unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from the set
/// 0-9 and A-Y without I, O, S, V, Z; the last is a check character over the first 17 (weights
/// 3^i mod 31, check = 31 − sum mod 31).
/// </summary>
public sealed record UnifiedSocialCreditCode
{
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    private UnifiedSocialCreditCode(string value) => Value = value;

    public string Value { get; }

    /// <summary>The administrative division code of the registering authority (characters 3–8).</summary>
    public string DivisionCode => Value[2..8];

    public static UnifiedSocialCreditCode Create(string? value, string field = "creditCode")
    {
        var candidate = (value ?? string.Empty).Trim().ToUpperInvariant();
        if (candidate.Length != 18)
        {
            throw new DomainException("credit_code.length", "A unified social credit code has 18 characters.", field: field);
        }

        if (candidate.Any(c => !Alphabet.Contains(c, StringComparison.Ordinal)))
        {
            throw new DomainException("credit_code.characters", "A unified social credit code uses digits and capital letters other than I, O, S, V and Z.", field: field);
        }

        if (candidate[17] != CheckCharacterFor(candidate.AsSpan(0, 17)))
        {
            throw new DomainException("credit_code.check_character", "The check character of the unified social credit code is wrong.", field: field);
        }

        return new UnifiedSocialCreditCode(candidate);
    }

    public static char CheckCharacterFor(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17)
        {
            throw new ArgumentException("Seventeen characters are needed.", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += Alphabet.IndexOf(first17[i], StringComparison.Ordinal) * Weights[i];
        }

        var check = 31 - (sum % 31);
        return Alphabet[check == 31 ? 0 : check];
    }

    public override string ToString() => Value;
}
