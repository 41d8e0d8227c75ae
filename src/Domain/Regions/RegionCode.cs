using System.Text.RegularExpressions;
using Sunshine.Domain.Common;

namespace Sunshine.Domain.Regions;

/// <summary>
/// A six-character region code: a GB/T 2260 statistical code (six digits, e.g. 430702) or an
/// internal code for a zone without one (four digits of the city, then letters or digits, e.g. 4307Z1).
/// </summary>
public sealed partial record RegionCode
{
    private RegionCode(string value) => Value = value;

    public string Value { get; }

    /// <summary>True when the code is an official statistical code (all digits).</summary>
    public bool IsStatistical => Value.All(char.IsAsciiDigit);

    /// <summary>The prefecture prefix (first four characters, e.g. 4307).</summary>
    public string CityPrefix => Value[..4];

    public static RegionCode Create(string? value)
    {
        var normalised = value?.Trim().ToUpperInvariant() ?? string.Empty;
        if (!Pattern().IsMatch(normalised))
        {
            throw new DomainException("region.code_invalid", "A region code is six characters: four digits, then two digits or capital letters.", field: "code");
        }

        return new RegionCode(normalised);
    }

    public override string ToString() => Value;

    [GeneratedRegex("^[0-9]{4}[0-9A-Z]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
