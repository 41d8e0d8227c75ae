using FluentValidation;
using Mediator;
using Sunshine.Application.Common.Security;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Benefits;

namespace Sunshine.Application.Benefits.ApproveBenefit;

/// <summary>
/// Final approval after the county review: by the city for city-level benefits (decisions.city), by
/// the county for county awards once their public notice is over (decisions.county). Refused while
/// the notice runs or an objection is open; the decision is re-evaluated first. An award of 0.00 is
/// recognised on approval.
/// </summary>
[RequiresPermission(Permissions.CountyDecide, Permissions.CityDecide)]
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
        workflow.EnsureMayDecide(benefit);
        var live = await workflow.DecideAsync(benefit, cancellationToken);
        benefit.Approve(workflow.Actor, live, workflow.Today, workflow.Now, command.Comment);
        return await workflow.SaveAsync(benefit, live, cancellationToken);
    }
}
