using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Attachments;
using Sunshine.Application.Benefits;
using Sunshine.Application.Common.Exceptions;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Domain.Benefits;
using Sunshine.Domain.Training;

namespace Sunshine.Application.Training;

public static class TrainingClaimQueries
{
    public const string AttachmentOwner = "TrainingSubsidyClaim";

    public static async Task<TrainingSubsidyClaim> RequireClaimAsync(this IApplicationDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.TrainingSubsidyClaims.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new NotFoundException("training_claim", id);

    /// <summary>
    /// The claim with its benefit and attachments. While a decision is pending or stands, the live
    /// decision is computed too, so a difference is shown (and, after approval, flagged).
    /// </summary>
    public static async Task<TrainingClaimDto> ToDtoAsync(
        this IApplicationDbContext db,
        TrainingSubsidyClaim claim,
        BenefitWorkflow workflow,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(workflow);
        var benefit = await db.Benefits.IgnoreQueryFilters().SingleAsync(b => b.Id == claim.Id, cancellationToken);
        var live = benefit.State is BenefitState.Rejected or BenefitState.Withdrawn ? null : await workflow.DecideAsync(benefit, cancellationToken);
        var personName = await db.Persons.IgnoreQueryFilters().Where(p => p.Id == claim.PersonId).Select(p => p.Name).SingleAsync(cancellationToken);
        var attachments = await db.Attachments.AsNoTracking()
            .Where(a => a.OwnerType == AttachmentOwner && a.OwnerId == claim.Id)
            .OrderBy(a => a.UploadedAt)
            .Select(a => new AttachmentDto(a.Id, a.Kind, a.FileName, a.ContentType, a.Size, a.Sha256, a.UploadedAt))
            .ToListAsync(cancellationToken);
        return new TrainingClaimDto(claim.Id, claim.PersonId, personName, claim.CountyId, claim.ProviderName, claim.CourseName, claim.TrainingStart,
            claim.TrainingEnd, claim.FeePaid.Yuan, claim.FeeCharging, claim.ReceiptNumber, claim.QualificationCode, claim.CertificateNumber,
            claim.CertificateDate, claim.IssuingAuthority, benefit.ToDto(live), attachments, claim.Version);
    }
}
