using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Domain.Awards;
using Sunshine.Domain.Common;
using Sunshine.Domain.Evidence;
using Sunshine.Domain.Loans;
using Sunshine.Domain.Policies;

namespace Sunshine.Application.Policies;

/// <summary>The one policy store: which version of a parameter is in force on a date, and its typed content.</summary>
public static class PolicyStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// The version of <paramref name="key"/> in force on <paramref name="on"/>: of the programme whose
    /// period covers the date, the latest version that took effect on or before it.
    /// </summary>
    public static async Task<PolicyVersion?> InForceAsync(this IApplicationDbContext db, PolicyKey key, DateOnly on, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var programme = await db.Programmes.AsNoTracking()
            .Where(p => p.PeriodStart <= on && p.PeriodEnd >= on)
            .OrderByDescending(p => p.PeriodStart)
            .Select(p => (Guid?)p.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return programme is null
            ? null
            : await db.PolicyVersions
                .Where(v => v.ProgrammeId == programme && v.Key == key && v.EffectiveFrom <= on)
                .OrderByDescending(v => v.EffectiveFrom)
                .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Reads and checks a version's content for its key; invalid content is a field error on <c>content</c>.</summary>
    public static object ParseContent(PolicyKey key, JsonElement content) => key switch
    {
        PolicyKey.TrainingQualifications => ReadQualifications(content),
        PolicyKey.MicrocreditInterestSubsidy or PolicyKey.EntrepreneurLoanInterestSubsidy => InterestSubsidyPolicy.FromJson(content),
        PolicyKey.StableLinkMonths => StableLinkPolicy.FromJson(content),
        PolicyKey.DemonstrationHouseholdAward => DemonstrationHouseholdPolicy.FromJson(content),
        PolicyKey.DemonstrationBaseAward => DemonstrationBasePolicy.FromJson(content),
        PolicyKey.EnterpriseRecognitions => EnterpriseRecognitionPolicy.FromJson(content),
        PolicyKey.PublicNotice => PublicNoticePolicy.FromJson(content),
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Unknown policy key."),
    };

    /// <summary>The stable-link minimum in force on a date, or the default of 6 months.</summary>
    public static async Task<StableLinkPolicy> StableLinkAsync(this IApplicationDbContext db, DateOnly on, CancellationToken cancellationToken) =>
        await db.InForceAsync(PolicyKey.StableLinkMonths, on, cancellationToken) is { } version ? StableLinkPolicy.FromJson(version.Content) : StableLinkPolicy.Default;

    public static QualificationTable ReadQualifications(string json) => ReadQualifications(JsonDocument.Parse(json).RootElement);

    public static QualificationTable ReadQualifications(JsonElement content)
    {
        StoredQualifications? stored;
        try
        {
            stored = content.Deserialize<StoredQualifications>(Json);
        }
        catch (JsonException)
        {
            stored = null;
        }

        if (stored?.Qualifications is null)
        {
            throw new DomainException("policy.content_invalid", "The content is {\"qualifications\": [{\"code\", \"name\", \"standardAmount\"}]}.", field: "content");
        }

        return new QualificationTable(stored.Qualifications
            .Select(q => new RecognisedQualification(q.Code?.Trim() ?? string.Empty, q.Name?.Trim() ?? string.Empty, Money.FromYuan(q.StandardAmount, "content")))
            .ToList());
    }

    public static string Write(QualificationTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return JsonSerializer.Serialize(
            new StoredQualifications(table.Qualifications.Select(q => new StoredQualification(q.Code, q.Name, q.StandardAmount.Yuan)).ToList()), Json);
    }

    private sealed record StoredQualifications(List<StoredQualification>? Qualifications);

    private sealed record StoredQualification(string? Code, string? Name, decimal StandardAmount);
}
