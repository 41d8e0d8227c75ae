namespace Sunshine.Infrastructure.Partners;

/// <summary>
/// A partner write's idempotency key and the response it got, kept 24 hours per client: the same
/// key with the same body replays the response, with another body is refused.
/// </summary>
public sealed class IdempotencyRecord
{
    public Guid ClientId { get; set; }

    public string Key { get; set; } = string.Empty;

    public byte[] RequestHash { get; set; } = [];

    /// <summary>0 while the request runs; the HTTP status once it has an answer.</summary>
    public int ResponseStatus { get; set; }

    public string? ResponseContentType { get; set; }

    public byte[]? ResponseBody { get; set; }

    /// <summary>The response headers a replay repeats (Location, ETag), as a JSON object.</summary>
    public string? ResponseHeaders { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
}
