namespace Sunshine.Application.Common.Validation;

/// <summary>Turns validator property paths (<c>Items[2].Amount</c>) into JSON paths (<c>items[2].amount</c>).</summary>
public static class FieldNames
{
    public static string ToJsonPath(string propertyPath)
    {
        if (string.IsNullOrEmpty(propertyPath))
        {
            return string.Empty;
        }

        var parts = propertyPath.Split('.');
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].Length > 0)
            {
                parts[i] = char.ToLowerInvariant(parts[i][0]) + parts[i][1..];
            }
        }

        return string.Join('.', parts);
    }
}

/// <summary>Stable codes for FluentValidation's built-in rules; custom rules set their own code.</summary>
public static class ErrorCodes
{
    private static readonly Dictionary<string, string> BuiltIn = new(StringComparer.Ordinal)
    {
        ["NotEmptyValidator"] = "required",
        ["NotNullValidator"] = "required",
        ["MaximumLengthValidator"] = "too_long",
        ["MinimumLengthValidator"] = "too_short",
        ["LengthValidator"] = "length_invalid",
        ["ExactLengthValidator"] = "length_invalid",
        ["EmailValidator"] = "email_invalid",
        ["RegularExpressionValidator"] = "format_invalid",
        ["InclusiveBetweenValidator"] = "out_of_range",
        ["ExclusiveBetweenValidator"] = "out_of_range",
        ["GreaterThanValidator"] = "out_of_range",
        ["GreaterThanOrEqualValidator"] = "out_of_range",
        ["LessThanValidator"] = "out_of_range",
        ["LessThanOrEqualValidator"] = "out_of_range",
        ["EnumValidator"] = "value_unknown",
        ["PredicateValidator"] = "invalid",
        ["AsyncPredicateValidator"] = "invalid",
        ["PrecisionScaleValidator"] = "precision_invalid",
    };

    public static string Normalise(string? code) =>
        code is null ? "invalid" : BuiltIn.GetValueOrDefault(code, code);
}
