using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Benefits;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Policies;
using Sunshine.Domain.Benefits;
using Sunshine.Domain.Policies;
using Sunshine.Domain.Training;

namespace Sunshine.Application.Training;

/// <summary>
/// Gathers a training claim's facts as they are now — the claimant in the registry, the recognised
/// table in force on the certificate date, earlier approved claims — and applies the rules.
/// </summary>
public sealed class TrainingSubsidyDecider(IApplicationDbContext db) : IBenefitDecider
{
    public bool Decides(BenefitType type) => type == BenefitType.TrainingSubsidy;

    public async Task<Decision> DecideAsync(Benefit benefit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(benefit);
        var claim = await db.TrainingSubsidyClaims.IgnoreQueryFilters().AsNoTracking().SingleAsync(c => c.Id == benefit.Id, cancellationToken);
        var claimant = await db.Persons.IgnoreQueryFilters().AsNoTracking().Where(p => p.Id == claim.PersonId)
            .Select(p => new { p.Status, p.CountyId }).SingleOrDefaultAsync(cancellationToken);
        var table = await db.InForceAsync(PolicyKey.TrainingQualifications, claim.CertificateDate, cancellationToken);
        var programme = await db.Programmes.AsNoTracking()
            .Where(p => p.PeriodStart <= claim.CertificateDate && p.PeriodEnd >= claim.CertificateDate)
            .Select(p => new { p.PeriodStart, p.PeriodEnd }).FirstOrDefaultAsync(cancellationToken)
            ?? await db.Programmes.AsNoTracking().OrderBy(p => p.PeriodStart).Select(p => new { p.PeriodStart, p.PeriodEnd }).FirstAsync(cancellationToken);
        var key = claim.OneTimeKey;
        var earlier = await db.Benefits.IgnoreQueryFilters()
            .AnyAsync(b => b.Type == BenefitType.TrainingSubsidy && b.OneTimeKey == key && b.IsFinallyApproved && b.Id != benefit.Id, cancellationToken);

        return TrainingSubsidyRules.Decide(new TrainingClaimFacts(
            claimant?.Status,
            claimant?.CountyId,
            claim.CountyId,
            table is null ? null : PolicyStore.ReadQualifications(table.Content),
            table?.Id,
            claim.QualificationCode,
            claim.TrainingStart,
            claim.CertificateDate,
            programme.PeriodStart,
            programme.PeriodEnd,
            claim.FeePaid,
            claim.FeeCharging,
            earlier));
    }
}
