using FluentValidation;
using Mediator;
using Sunshine.Application.Benefits;
using Sunshine.Application.Common.Exceptions;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Security;
using Sunshine.Application.Registry;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Benefits;
using Sunshine.Domain.Training;

namespace Sunshine.Application.Training.CreateTrainingClaim;

/// <summary>Starts a training subsidy claim (a draft) for a registered person of the caller's county.</summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record CreateTrainingClaimCommand(
    Guid PersonId,
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

public sealed class CreateTrainingClaimValidator : AbstractValidator<CreateTrainingClaimCommand>
{
    public CreateTrainingClaimValidator()
    {
        RuleFor(x => x.PersonId).NotEmpty();
        Include(new TrainingClaimInputValidator());
    }
}

public sealed class CreateTrainingClaimHandler(IApplicationDbContext db, ICurrentUser user, BenefitWorkflow workflow)
    : ICommandHandler<CreateTrainingClaimCommand, TrainingClaimDto>
{
    public async ValueTask<TrainingClaimDto> Handle(CreateTrainingClaimCommand command, CancellationToken cancellationToken)
    {
        var person = await db.RequirePersonAsync(command.PersonId, cancellationToken);
        await db.EnsureWritableCountyAsync(user, person.CountyId, cancellationToken);
        var details = command.ToDetails();
        var benefit = Benefit.Create(BenefitType.TrainingSubsidy, person.CountyId, person.Id,
            TrainingSubsidyClaim.OneTimeKeyFor(person.Id, details.QualificationCode), user.Id ?? throw new NotAuthenticatedException(), workflow.Now);
        var claim = TrainingSubsidyClaim.Create(benefit.Id, person.Id, person.CountyId, details);
        db.Benefits.Add(benefit);
        db.TrainingSubsidyClaims.Add(claim);
        await db.SaveChangesAsync(cancellationToken);
        return await db.ToDtoAsync(claim, workflow, cancellationToken);
    }
}
