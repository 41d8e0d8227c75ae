using Sunshine.Domain.Common;

namespace Sunshine.Domain.Registry;

/// <summary>Disability category (残疾类别), the 19th character of the certificate number.</summary>
public enum DisabilityCategory
{
    Vision = 1,
    Hearing = 2,
    Speech = 3,
    Physical = 4,
    Intellectual = 5,
    Mental = 6,
    Multiple = 7,
}

/// <summary>Disability level (残疾等级), the 20th character: 1 is the most severe, 4 the mildest.</summary>
public enum DisabilityLevel
{
    Level1 = 1,
    Level2 = 2,
    Level3 = 3,
    Level4 = 4,
}

/// <summary>
/// A second-generation disability certificate number (第二代残疾人证号): the holder's 18-character
/// resident ID number, then the category digit and the level digit.
/// </summary>
public sealed record DisabilityCertificateNumber : ISensitiveValue
{
    public const int Length = 20;

    private DisabilityCertificateNumber(string value) => Value = value;

    public string Value { get; }

    public DisabilityCategory Category => (DisabilityCategory)(Value[18] - '0');

    public DisabilityLevel Level => (DisabilityLevel)(Value[19] - '0');

    /// <summary>Masked like the ID number, and the category and level digits hidden too: <c>430702********1234**</c>.</summary>
    public string Masked => Value[..6] + new string('*', 8) + Value[14..18] + "**";

    public static DisabilityCertificateNumber Create(string? value, ResidentIdNumber holder, string field = "certificateNumber")
    {
        ArgumentNullException.ThrowIfNull(holder);
        var candidate = (value ?? string.Empty).Trim().ToUpperInvariant();
        if (candidate.Length != Length)
        {
            throw new DomainException("certificate_number.length", "A disability certificate number has 20 characters.", field: field);
        }

        if (!string.Equals(candidate[..18], holder.Value, StringComparison.Ordinal))
        {
            throw new DomainException("certificate_number.holder_mismatch", "The first 18 characters of the certificate number must be the holder's ID number.", field: field);
        }

        if (candidate[18] is < '1' or > '7')
        {
            throw new DomainException("certificate_number.category", "The disability category digit is 1 to 7.", field: field);
        }

        if (candidate[19] is < '1' or > '4')
        {
            throw new DomainException("certificate_number.level", "The disability level digit is 1 to 4.", field: field);
        }

        return new DisabilityCertificateNumber(candidate);
    }

    public override string ToString() => Masked;
}
