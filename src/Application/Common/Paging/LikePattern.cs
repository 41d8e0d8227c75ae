namespace Sunshine.Application.Common.Paging;

/// <summary>Escapes user text for a LIKE pattern, so % and _ match themselves.</summary>
public static class LikePattern
{
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
    }
}
