using System.Text.Json;
using Sunshine.Domain.Common;

namespace Sunshine.Domain.Evidence;

/// <summary>
/// The stable-link parameter (policy key <c>StableLinkMonths</c>): a household counts as stably
/// linked when its products were carried in at least <see cref="Months"/> months of the year.
/// </summary>
public sealed record StableLinkPolicy
{
    private const string Shape = "The content is {\"months\": 1 to 12}.";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public StableLinkPolicy(int months)
    {
        if (months is < 1 or > 12)
        {
            throw new DomainException("policy.months_invalid", "The minimum is 1 to 12 months.", field: "months");
        }

        Months = months;
    }

    public int Months { get; }

    /// <summary>The default while no version is in force: 6 months.</summary>
    public static StableLinkPolicy Default { get; } = new(EvidenceCounts.DefaultStableLinkMonths);

    public static StableLinkPolicy FromJson(JsonElement content)
    {
        Stored? stored;
        try
        {
            stored = content.Deserialize<Stored>(Json);
        }
        catch (JsonException)
        {
            stored = null;
        }

        return stored?.Months is { } months ? new StableLinkPolicy(months) : throw new DomainException("policy.content_invalid", Shape, field: "content");
    }

    public static StableLinkPolicy FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json);
        return FromJson(document.RootElement);
    }

    public string ToJson() => JsonSerializer.Serialize(new Stored(Months), Json);

    private sealed record Stored(int? Months);
}
