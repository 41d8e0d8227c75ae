using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Benefits;
using Sunshine.Application.Common.Concurrency;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Security;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Common;

namespace Sunshine.Application.Training.UpdateTrainingClaim;

/// <summary>Corrects a draft claim's facts; <c>ExpectedVersion</c> is the claim's ETag. Submitted claims are returned to draft first.</summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record UpdateTrainingClaimCommand(
    Guid Id,
    uint? ExpectedVersion,
    string ProviderName,
    string CourseName,
    DateOnly TrainingStart,
    DateOnly TrainingEnd,
    decimal FeePaid,
    bool FeeCharging,
    string ReceiptNumber,
    string QualificationCode,
    string CertificateNumber,
    DateOnly CertificateDate,
    string IssuingAuthority) : ICommand<TrainingClaimDto>, ITrainingClaimInput;

public sealed class UpdateTrainingClaimValidator : AbstractValidator<UpdateTrainingClaimCommand>
{
    public UpdateTrainingClaimValidator() => Include(new TrainingClaimInputValidator());
}

public sealed class UpdateTrainingClaimHandler(IApplicationDbContext db, BenefitWorkflow workflow) : ICommandHandler<UpdateTrainingClaimCommand, TrainingClaimDto>
{
    public async ValueTask<TrainingClaimDto> Handle(UpdateTrainingClaimCommand command, CancellationToken cancellationToken)
    {
        var claim = await db.RequireClaimAsync(command.Id, cancellationToken);
        db.EnsureCurrent(claim, command.ExpectedVersion);
        var benefit = await db.Benefits.SingleAsync(b => b.Id == claim.Id, cancellationToken);
        if (!benefit.IsEditable)
        {
            throw new DomainException("claim.not_draft", $"Only a draft claim is corrected (this one is {benefit.State}).", DomainErrorKind.Conflict);
        }

        claim.Update(command.ToDetails());
        benefit.ChangeOneTimeKey(claim.OneTimeKey);
        await db.SaveChangesAsync(cancellationToken);
        return await db.ToDtoAsync(claim, workflow, cancellationToken);
    }
}
