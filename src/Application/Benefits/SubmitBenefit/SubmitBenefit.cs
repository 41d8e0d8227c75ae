using FluentValidation;
using Mediator;
using Sunshine.Application.Common.Security;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Benefits;

namespace Sunshine.Application.Benefits.SubmitBenefit;

/// <summary>Submits a draft: its decision is computed now and frozen with it.</summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record SubmitBenefitCommand(Guid Id, string? Comment) : ICommand<BenefitDto>;

public sealed class SubmitBenefitValidator : AbstractValidator<SubmitBenefitCommand>
{
    public SubmitBenefitValidator() => RuleFor(x => x.Comment).MaximumLength(Benefit.CommentMaxLength);
}

public sealed class SubmitBenefitHandler(BenefitWorkflow workflow) : ICommandHandler<SubmitBenefitCommand, BenefitDto>
{
    public async ValueTask<BenefitDto> Handle(SubmitBenefitCommand command, CancellationToken cancellationToken)
    {
        var benefit = await workflow.RequireAsync(command.Id, cancellationToken);
        var decision = await workflow.DecideOnSubmissionAsync(benefit, cancellationToken);
        benefit.Submit(workflow.Actor, decision, workflow.Now, command.Comment);
        await workflow.FreezeAsync(benefit, cancellationToken);
        await workflow.MarkPolicyUsedAsync(decision, cancellationToken);
        return await workflow.SaveAsync(benefit, decision, cancellationToken);
    }
}
