using System.Text.RegularExpressions;
using Sunshine.Domain.Common;

namespace Sunshine.Domain.Registry;

/// <summary>
/// A mainland China phone number: a mobile number (11 digits starting 13–19, optionally with +86)
/// or a landline with its area code (0 + 2–3 digits, then 7–8 digits, optional extension).
/// Stored normalised: <c>13812345678</c> or <c>0736-7251234</c> (<c>0736-7251234-8001</c>).
/// </summary>
public sealed partial record PhoneNumber : ISensitiveValue
{
    private PhoneNumber(string value, bool isMobile)
    {
        Value = value;
        IsMobile = isMobile;
    }

    public string Value { get; }

    public bool IsMobile { get; }

    /// <summary>First 3 and last 4 digits: <c>138****5678</c>.</summary>
    public string Masked
    {
        get
        {
            var digits = Value.Replace("-", string.Empty, StringComparison.Ordinal);
            return digits[..3] + new string('*', digits.Length - 7) + digits[^4..];
        }
    }

    public static PhoneNumber Create(string? value, string field = "phone")
    {
        var candidate = Separators().Replace((value ?? string.Empty).Trim(), string.Empty);
        var mobile = Mobile().Match(candidate);
        if (mobile.Success)
        {
            return new PhoneNumber(mobile.Groups["number"].Value, isMobile: true);
        }

        var landline = Landline().Match((value ?? string.Empty).Trim().Replace(" ", string.Empty, StringComparison.Ordinal));
        if (landline.Success)
        {
            var normalised = landline.Groups["area"].Value + "-" + landline.Groups["number"].Value;
            if (landline.Groups["ext"].Success)
            {
                normalised += "-" + landline.Groups["ext"].Value;
            }

            return new PhoneNumber(normalised, isMobile: false);
        }

        throw new DomainException("phone.invalid", "A phone number is a mainland mobile number (11 digits) or a landline with its area code.", field: field);
    }

    public override string ToString() => Masked;

    [GeneratedRegex(@"[\s-]")]
    private static partial Regex Separators();

    [GeneratedRegex(@"^(?:\+?86)?(?<number>1[3-9][0-9]{9})$")]
    private static partial Regex Mobile();

    [GeneratedRegex(@"^(?:\+?86-?)?(?<area>0[1-9][0-9]{1,2})-?(?<number>[2-9][0-9]{6,7})(?:-(?<ext>[0-9]{1,5}))?$")]
    private static partial Regex Landline();
}
