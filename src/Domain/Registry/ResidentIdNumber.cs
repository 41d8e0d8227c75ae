using System.Globalization;
using Sunshine.Domain.Common;

namespace Sunshine.Domain.Registry;

/// <summary>Sex as recorded in the resident ID number (odd 17th digit: male).</summary>
public enum Sex
{
    Female,
    Male,
}

/// <summary>
/// A resident identity card number (公民身份号码, GB 11643-1999): six-digit address code, eight-digit
/// birth date, three-digit sequence (odd for men), and an ISO 7064 MOD 11-2 check character.
/// The address code is where the person was first registered: unknown or retired codes stay valid.
/// </summary>
public sealed record ResidentIdNumber : ISensitiveValue
{
    public const int Length = 18;
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    private ResidentIdNumber(string value, DateOnly birthDate)
    {
        Value = value;
        BirthDate = birthDate;
    }

    /// <summary>The 18 characters, with a capital X check character.</summary>
    public string Value { get; }

    public DateOnly BirthDate { get; }

    public Sex Sex => (Value[16] - '0') % 2 == 1 ? Sex.Male : Sex.Female;

    public string AddressCode => Value[..6];

    /// <summary>First 6 and last 4 characters, the birth date hidden: <c>430702********1234</c>.</summary>
    public string Masked => Value[..6] + new string('*', 8) + Value[14..];

    /// <summary>Validates and normalises an ID number. <paramref name="today"/> is the China Standard Time date.</summary>
    public static ResidentIdNumber Create(string? value, DateOnly today, string field = "idNumber")
    {
        var candidate = (value ?? string.Empty).Trim().ToUpperInvariant();
        if (candidate.Length != Length)
        {
            throw Invalid("id_number.length", "A resident ID number has 18 characters.", field);
        }

        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(candidate[i]))
            {
                throw Invalid("id_number.characters", "The first 17 characters of a resident ID number are digits.", field);
            }
        }

        if (!char.IsAsciiDigit(candidate[17]) && candidate[17] != 'X')
        {
            throw Invalid("id_number.characters", "The last character of a resident ID number is a digit or X.", field);
        }

        if (candidate[17] != CheckCharacterFor(candidate.AsSpan(0, 17)))
        {
            throw Invalid("id_number.check_digit", "The check character of the resident ID number is wrong.", field);
        }

        if (!DateOnly.TryParseExact(candidate.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
            || birth.Year < 1900)
        {
            throw Invalid("id_number.birth_date", "The resident ID number holds no valid birth date.", field);
        }

        if (birth > today)
        {
            throw Invalid("id_number.birth_date_future", "The birth date in the resident ID number is in the future.", field);
        }

        return new ResidentIdNumber(candidate, birth);
    }

    /// <summary>The ISO 7064 MOD 11-2 check character for the first 17 digits.</summary>
    public static char CheckCharacterFor(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17)
        {
            throw new ArgumentException("Seventeen digits are needed.", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    public override string ToString() => Masked;

    private static DomainException Invalid(string code, string message, string field) => new(code, message, field: field);
}
