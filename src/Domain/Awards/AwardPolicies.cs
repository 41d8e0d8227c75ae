using System.Text.Json;
using Sunshine.Domain.Common;
using Sunshine.Domain.Policies;

namespace Sunshine.Domain.Awards;

/// <summary>Reads a policy version's JSON content into its stored shape; any other shape is a field error on <c>content</c>.</summary>
internal static class PolicyJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static T Read<T>(JsonElement content, string shape)
        where T : class
    {
        try
        {
            return content.Deserialize<T>(Options) ?? throw new DomainException("policy.content_invalid", shape, field: "content");
        }
        catch (JsonException)
        {
            throw new DomainException("policy.content_invalid", shape, field: "content");
        }
    }

    public static T Read<T>(string json, Func<JsonElement, T> read)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(read);
        using var document = JsonDocument.Parse(json);
        return read(document.RootElement);
    }

    public static Money Amount(decimal? value, string field, string shape) =>
        value is { } v ? Money.FromYuan(v, field) : throw new DomainException("policy.content_invalid", shape, field: "content");

    public static int Count(int? value, int min, int max, string code, string field, string shape) => value switch
    {
        null => throw new DomainException("policy.content_invalid", shape, field: "content"),
        { } v when v < min || v > max => throw new DomainException(code, $"'{field}' is {min} to {max}.", field: field),
        { } v => v,
    };
}

/// <summary>
/// County demonstration household (<see cref="PolicyKey.DemonstrationHouseholdAward"/>): net sales of
/// the previous calendar year at or above <see cref="SalesThreshold"/> earn <see cref="Grant"/>.
/// Stored as <c>{"salesThreshold": 100000.00, "grant": 10000.00}</c>.
/// </summary>
public sealed record DemonstrationHouseholdPolicy(Money SalesThreshold, Money Grant)
{
    private const string Shape = "The content is {\"salesThreshold\", \"grant\"} in yuan.";

    public static DemonstrationHouseholdPolicy FromJson(JsonElement content)
    {
        var stored = PolicyJson.Read<Stored>(content, Shape);
        return new(PolicyJson.Amount(stored.SalesThreshold, "salesThreshold", Shape), PolicyJson.Amount(stored.Grant, "grant", Shape));
    }

    public static DemonstrationHouseholdPolicy FromJson(string json) => PolicyJson.Read(json, FromJson);

    public string ToJson() => JsonSerializer.Serialize(new Stored(SalesThreshold.Yuan, Grant.Yuan), PolicyJson.Options);

    private sealed record Stored(decimal? SalesThreshold, decimal? Grant);
}

/// <summary>
/// City demonstration base (<see cref="PolicyKey.DemonstrationBaseAward"/>): at least
/// <see cref="LinkedHouseholds"/> stably linked disabled households and annual net sales at or above
/// <see cref="SalesThreshold"/> in the previous calendar year earn <see cref="Grant"/>.
/// Stored as <c>{"linkedHouseholds": 10, "salesThreshold": 500000.00, "grant": 60000.00}</c>.
/// </summary>
public sealed record DemonstrationBasePolicy(int LinkedHouseholds, Money SalesThreshold, Money Grant)
{
    private const string Shape = "The content is {\"linkedHouseholds\", \"salesThreshold\", \"grant\"}.";

    public static DemonstrationBasePolicy FromJson(JsonElement content)
    {
        var stored = PolicyJson.Read<Stored>(content, Shape);
        return new(
            PolicyJson.Count(stored.LinkedHouseholds, 1, 100_000, "policy.linked_households_invalid", "linkedHouseholds", Shape),
            PolicyJson.Amount(stored.SalesThreshold, "salesThreshold", Shape),
            PolicyJson.Amount(stored.Grant, "grant", Shape));
    }

    public static DemonstrationBasePolicy FromJson(string json) => PolicyJson.Read(json, FromJson);

    public string ToJson() => JsonSerializer.Serialize(new Stored(LinkedHouseholds, SalesThreshold.Yuan, Grant.Yuan), PolicyJson.Options);

    private sealed record Stored(int? LinkedHouseholds, decimal? SalesThreshold, decimal? Grant);
}

/// <summary>
/// The enterprise recognitions (<see cref="PolicyKey.EnterpriseRecognitions"/>): into Sunshine
/// poverty-alleviation bases (supply agreements in force with at least <see cref="MinimumBases"/>
/// bases) and into Sunshine employment bases (at least <see cref="MinimumDisabledEmployees"/> disabled
/// employees), each with its grant; a grant of 0 is a recognition without money.
/// Stored as <c>{"minimumBases": 10, "minimumDisabledEmployees": 10, "povertyAlleviationBaseGrant": 0, "employmentBaseGrant": 0}</c>.
/// </summary>
public sealed record EnterpriseRecognitionPolicy(int MinimumBases, int MinimumDisabledEmployees, Money PovertyAlleviationBaseGrant, Money EmploymentBaseGrant)
{
    private const string Shape = "The content is {\"minimumBases\", \"minimumDisabledEmployees\", \"povertyAlleviationBaseGrant\", \"employmentBaseGrant\"}.";

    public static EnterpriseRecognitionPolicy FromJson(JsonElement content)
    {
        var stored = PolicyJson.Read<Stored>(content, Shape);
        return new(
            PolicyJson.Count(stored.MinimumBases, 1, 100_000, "policy.minimum_bases_invalid", "minimumBases", Shape),
            PolicyJson.Count(stored.MinimumDisabledEmployees, 1, 100_000, "policy.minimum_employees_invalid", "minimumDisabledEmployees", Shape),
            PolicyJson.Amount(stored.PovertyAlleviationBaseGrant, "povertyAlleviationBaseGrant", Shape),
            PolicyJson.Amount(stored.EmploymentBaseGrant, "employmentBaseGrant", Shape));
    }

    public static EnterpriseRecognitionPolicy FromJson(string json) => PolicyJson.Read(json, FromJson);

    public string ToJson() => JsonSerializer.Serialize(
        new Stored(MinimumBases, MinimumDisabledEmployees, PovertyAlleviationBaseGrant.Yuan, EmploymentBaseGrant.Yuan), PolicyJson.Options);

    private sealed record Stored(int? MinimumBases, int? MinimumDisabledEmployees, decimal? PovertyAlleviationBaseGrant, decimal? EmploymentBaseGrant);
}

/// <summary>The public notice of awards (<see cref="PolicyKey.PublicNotice"/>): <c>{"days": 7}</c>, 1 to 60 days.</summary>
public sealed record PublicNoticePolicy(int Days)
{
    public const int DefaultDays = 7;

    private const string Shape = "The content is {\"days\": 1 to 60}.";

    /// <summary>The default while no version is in force: 7 days.</summary>
    public static PublicNoticePolicy Default { get; } = new(DefaultDays);

    public static PublicNoticePolicy FromJson(JsonElement content) =>
        new(PolicyJson.Count(PolicyJson.Read<Stored>(content, Shape).Days, 1, 60, "policy.notice_days_invalid", "days", Shape));

    public static PublicNoticePolicy FromJson(string json) => PolicyJson.Read(json, FromJson);

    public string ToJson() => JsonSerializer.Serialize(new Stored(Days), PolicyJson.Options);

    private sealed record Stored(int? Days);
}
