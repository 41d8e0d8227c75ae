using FluentValidation;
using Mediator;
using Sunshine.Application.Common.Security;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Benefits;

namespace Sunshine.Application.Benefits.ResubmitBenefit;

/// <summary>The submitter re-submits a benefit awaiting a decision, freezing the decision the facts give now.</summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record ResubmitBenefitCommand(Guid Id, string? Comment) : ICommand<BenefitDto>;

public sealed class ResubmitBenefitValidator : AbstractValidator<ResubmitBenefitCommand>
{
    public ResubmitBenefitValidator() => RuleFor(x => x.Comment).MaximumLength(Benefit.CommentMaxLength);
}

public sealed class ResubmitBenefitHandler(BenefitWorkflow workflow) : ICommandHandler<ResubmitBenefitCommand, BenefitDto>
{
    public async ValueTask<BenefitDto> Handle(ResubmitBenefitCommand command, CancellationToken cancellationToken)
    {
        var benefit = await workflow.RequireAsync(command.Id, cancellationToken);
        var decision = await workflow.DecideOnSubmissionAsync(benefit, cancellationToken);
        benefit.Resubmit(workflow.Actor, decision, workflow.Now, command.Comment);
        await workflow.FreezeAsync(benefit, cancellationToken);
        await workflow.MarkPolicyUsedAsync(decision, cancellationToken);
        return await workflow.SaveAsync(benefit, decision, cancellationToken);
    }
}
