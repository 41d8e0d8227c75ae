namespace Sunshine.Domain.Common;

/// <summary>Free-text fields: trimmed, length-checked, empty as null where optional.</summary>
public static class Text
{
    public static string Required(string? text, int maxLength, string code, string field)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        return trimmed.Length is > 0 && trimmed.Length <= maxLength
            ? trimmed
            : throw new DomainException(code, $"Give 1 to {maxLength} characters.", field: field);
    }

    public static string? Optional(string? text, int maxLength, string code, string field)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        return trimmed.Length <= maxLength ? trimmed : throw new DomainException(code, $"At most {maxLength} characters.", field: field);
    }
}
