using FluentValidation;
using Mediator;
using Sunshine.Application.Common.Security;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Benefits;

namespace Sunshine.Application.Benefits.RejectBenefit;

/// <summary>A reviewer rejects the benefit, saying why.</summary>
[RequiresPermission(Permissions.CountyDecide, Permissions.CityDecide)]
public sealed record RejectBenefitCommand(Guid Id, string Comment) : ICommand<BenefitDto>;

public sealed class RejectBenefitValidator : AbstractValidator<RejectBenefitCommand>
{
    public RejectBenefitValidator() => RuleFor(x => x.Comment).NotEmpty().MaximumLength(Benefit.CommentMaxLength);
}

public sealed class RejectBenefitHandler(BenefitWorkflow workflow) : ICommandHandler<RejectBenefitCommand, BenefitDto>
{
    public async ValueTask<BenefitDto> Handle(RejectBenefitCommand command, CancellationToken cancellationToken)
    {
        var benefit = await workflow.RequireAsync(command.Id, cancellationToken);
        workflow.EnsureMayDecide(benefit);
        benefit.Reject(workflow.Actor, workflow.Now, command.Comment);
        return await workflow.SaveAsync(benefit, null, cancellationToken);
    }
}
