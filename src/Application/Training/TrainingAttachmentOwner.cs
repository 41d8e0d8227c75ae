using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Attachments;
using Sunshine.Application.Common.Exceptions;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Domain.Common;

namespace Sunshine.Application.Training;

/// <summary>Documents are attached to training claims while they are drafts.</summary>
public sealed class AttachmentOwners(IApplicationDbContext db) : IAttachmentOwners
{
    public async Task<Guid> RequireWritableOwnerAsync(string ownerType, Guid ownerId, CancellationToken cancellationToken)
    {
        if (ownerType != TrainingClaimQueries.AttachmentOwner)
        {
            throw new RequestValidationException("ownerType", "attachment.owner_unknown", "Documents can be attached to training claims.");
        }

        var claim = await db.RequireClaimAsync(ownerId, cancellationToken);
        var editable = await db.Benefits.Where(b => b.Id == claim.Id).Select(b => b.State == Domain.Benefits.BenefitState.Draft).SingleAsync(cancellationToken);
        if (!editable)
        {
            throw new DomainException("claim.not_draft", "Documents are attached while the claim is a draft.", DomainErrorKind.Conflict);
        }

        return claim.CountyId;
    }
}
