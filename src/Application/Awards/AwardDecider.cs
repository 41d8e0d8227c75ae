using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Benefits;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Domain.Awards;
using Sunshine.Domain.Benefits;

namespace Sunshine.Application.Awards;

/// <summary>
/// The facts an award decision was made on, as shown and as frozen at submission: the assessment
/// date and the sales year, the policy version, the beneficiary's status, each shop's net sales and
/// the total, the counted households, bases and employees.
/// </summary>
public sealed record AwardFactsDto(
    BenefitType Type,
    DateOnly AssessmentDate,
    int SalesYear,
    Guid? PolicyVersionId,
    bool HoldsAwardOfType,
    string? BeneficiaryStatus,
    IReadOnlyList<ShopSalesDto> Shops,
    decimal? TotalSales,
    int? StablyLinkedHouseholds,
    int? StableLinkMonths,
    int? BasesWithActiveAgreements,
    int? DisabledEmployees)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static AwardFactsDto From(AwardFacts facts) => facts switch
    {
        DemonstrationHouseholdFacts f => new(f.Type, f.AssessmentDate, f.SalesYear, f.PolicyVersionId, f.HoldsAwardOfType, f.PersonStatus?.ToString(),
            ShopRows(f.Shops), f.TotalSales.Yuan, null, null, null, null),
        DemonstrationBaseFacts f => new(f.Type, f.AssessmentDate, f.SalesYear, f.PolicyVersionId, f.HoldsAwardOfType, f.BaseStatus?.ToString(),
            ShopRows(f.Shops), f.TotalSales.Yuan, f.StablyLinkedHouseholds, f.StableLinkMonths, null, null),
        EnterpriseRecognitionFacts f => new(f.Type, f.AssessmentDate, f.SalesYear, f.PolicyVersionId, f.HoldsAwardOfType, null,
            [], null, null, null, f.BasesWithActiveAgreements, f.DisabledEmployees),
        _ => throw new ArgumentOutOfRangeException(nameof(facts)),
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static AwardFactsDto? FromJson(string? json) => json is null ? null : JsonSerializer.Deserialize<AwardFactsDto>(json, Json);

    private static List<ShopSalesDto> ShopRows(IReadOnlyList<ShopSales> shops) => shops.Select(s => new ShopSalesDto(s.ShopId, s.ShopName, s.Net.Yuan)).ToList();
}

/// <summary>One shop's counted net sales of the sales year.</summary>
public sealed record ShopSalesDto(Guid ShopId, string ShopName, decimal Net);

/// <summary>
/// Decides award applications: gathers the facts on the assessment date (the submission date in
/// China Standard Time; today for a draft) and applies the award's rule set; freezes the facts at submission.
/// </summary>
public sealed class AwardDecider(IApplicationDbContext db, AwardFactsGatherer gatherer, TimeProvider clock) : IBenefitDecider
{
    public bool Decides(BenefitType type) => BenefitTypes.Get(type).IsAward;

    public async Task<Decision> DecideAsync(Benefit benefit, CancellationToken cancellationToken) =>
        AwardRules.Decide(await FactsAsync(benefit, AssessmentDate(benefit), cancellationToken));

    public async Task<Decision> DecideOnSubmissionAsync(Benefit benefit, CancellationToken cancellationToken) =>
        AwardRules.Decide(await FactsAsync(benefit, clock.Today(), cancellationToken));

    public async Task FreezeAsync(Benefit benefit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(benefit);
        var application = await db.AwardApplications.IgnoreQueryFilters().SingleAsync(a => a.Id == benefit.Id, cancellationToken);
        application.Freeze(AwardFactsDto.From(await FactsAsync(benefit, AssessmentDate(benefit), cancellationToken)).ToJson());
    }

    /// <summary>The live facts of an application on its assessment date.</summary>
    public async Task<AwardFacts> FactsAsync(Benefit benefit, DateOnly on, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(benefit);
        var beneficiary = await db.AwardApplications.IgnoreQueryFilters().Where(a => a.Id == benefit.Id).Select(a => a.BeneficiaryId).SingleAsync(cancellationToken);
        return await gatherer.GatherAsync(benefit.Type, beneficiary, on, benefit.Id, cancellationToken);
    }

    /// <summary>The submission date in China Standard Time; today while a draft.</summary>
    public DateOnly AssessmentDate(Benefit benefit)
    {
        ArgumentNullException.ThrowIfNull(benefit);
        return benefit.SubmittedAt is { } at && benefit.State != BenefitState.Draft
            ? DateOnly.FromDateTime(at.ToOffset(ChinaTime.Offset).DateTime)
            : clock.Today();
    }
}
