using FluentValidation;
using Mediator;
using Sunshine.Application.Common.Security;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Benefits;

namespace Sunshine.Application.Benefits.ApproveBenefit;

/// <summary>The city approves a county-reviewed benefit of a type that needs it; the decision is re-evaluated first.</summary>
[RequiresPermission(Permissions.CityDecide)]
public sealed record ApproveBenefitCommand(Guid Id, string? Comment) : ICommand<BenefitDto>;

public sealed class ApproveBenefitValidator : AbstractValidator<ApproveBenefitCommand>
{
    public ApproveBenefitValidator() => RuleFor(x => x.Comment).MaximumLength(Benefit.CommentMaxLength);
}

public sealed class ApproveBenefitHandler(BenefitWorkflow workflow) : ICommandHandler<ApproveBenefitCommand, BenefitDto>
{
    public async ValueTask<BenefitDto> Handle(ApproveBenefitCommand command, CancellationToken cancellationToken)
    {
        var benefit = await workflow.RequireAsync(command.Id, cancellationToken);
        var live = await workflow.DecideAsync(benefit, cancellationToken);
        benefit.ApproveByCity(workflow.Actor, live, workflow.Now, command.Comment);
        return await workflow.SaveAsync(benefit, live, cancellationToken);
    }
}
