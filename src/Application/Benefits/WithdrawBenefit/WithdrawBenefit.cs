using FluentValidation;
using Mediator;
using Sunshine.Application.Common.Security;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Benefits;

namespace Sunshine.Application.Benefits.WithdrawBenefit;

/// <summary>The submitter withdraws a benefit nobody has reviewed yet.</summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record WithdrawBenefitCommand(Guid Id, string? Comment) : ICommand<BenefitDto>;

public sealed class WithdrawBenefitValidator : AbstractValidator<WithdrawBenefitCommand>
{
    public WithdrawBenefitValidator() => RuleFor(x => x.Comment).MaximumLength(Benefit.CommentMaxLength);
}

public sealed class WithdrawBenefitHandler(BenefitWorkflow workflow) : ICommandHandler<WithdrawBenefitCommand, BenefitDto>
{
    public async ValueTask<BenefitDto> Handle(WithdrawBenefitCommand command, CancellationToken cancellationToken)
    {
        var benefit = await workflow.RequireAsync(command.Id, cancellationToken);
        benefit.Withdraw(workflow.Actor, workflow.Now, command.Comment);
        return await workflow.SaveAsync(benefit, null, cancellationToken);
    }
}
