using System.Globalization;

namespace Sunshine.Api.Hosting;

/// <summary>Row versions as HTTP entity tags: <c>"123"</c> in <c>ETag</c> and <c>If-Match</c>.</summary>
public static class ETags
{
    public static string Format(uint version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>
    /// The version an <c>If-Match</c> header names, or null when there is none (the use case answers 428).
    /// A header that names no single version (<c>*</c>, a list, garbage) can never match: version 0 (412).
    /// </summary>
    public static uint? ParseIfMatch(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }

        var value = header.Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal))
        {
            value = value[2..];
        }

        return value.Length > 2 && value[0] == '"' && value[^1] == '"'
            && uint.TryParse(value.AsSpan(1, value.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : 0;
    }

    public static void SetETag(this HttpResponse response, uint version)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.ETag = Format(version);
    }
}
