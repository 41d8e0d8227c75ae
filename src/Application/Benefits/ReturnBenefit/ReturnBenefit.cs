using FluentValidation;
using Mediator;
using Sunshine.Application.Common.Security;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Benefits;

namespace Sunshine.Application.Benefits.ReturnBenefit;

/// <summary>A reviewer returns the benefit to draft for corrections, saying why.</summary>
[RequiresPermission(Permissions.CountyDecide, Permissions.CityDecide)]
public sealed record ReturnBenefitCommand(Guid Id, string Comment) : ICommand<BenefitDto>;

public sealed class ReturnBenefitValidator : AbstractValidator<ReturnBenefitCommand>
{
    public ReturnBenefitValidator() => RuleFor(x => x.Comment).NotEmpty().MaximumLength(Benefit.CommentMaxLength);
}

public sealed class ReturnBenefitHandler(BenefitWorkflow workflow) : ICommandHandler<ReturnBenefitCommand, BenefitDto>
{
    public async ValueTask<BenefitDto> Handle(ReturnBenefitCommand command, CancellationToken cancellationToken)
    {
        var benefit = await workflow.RequireAsync(command.Id, cancellationToken);
        workflow.EnsureMayDecide(benefit);
        benefit.Return(workflow.Actor, workflow.Now, command.Comment);
        return await workflow.SaveAsync(benefit, null, cancellationToken);
    }
}
