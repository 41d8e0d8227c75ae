using FluentValidation;
using Mediator;
using Sunshine.Application.Common.Security;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Benefits;

namespace Sunshine.Application.Benefits.ReviewBenefit;

/// <summary>
/// The county federation reviews and approves a submitted benefit (final for types without city
/// approval); awards go into their public notice (公示) for the days of the policy in force. The decision is re-evaluated: if it would differ now, the step is refused (409).
/// </summary>
[RequiresPermission(Permissions.CountyDecide)]
public sealed record ReviewBenefitCommand(Guid Id, string? Comment) : ICommand<BenefitDto>;

public sealed class ReviewBenefitValidator : AbstractValidator<ReviewBenefitCommand>
{
    public ReviewBenefitValidator() => RuleFor(x => x.Comment).MaximumLength(Benefit.CommentMaxLength);
}

public sealed class ReviewBenefitHandler(BenefitWorkflow workflow) : ICommandHandler<ReviewBenefitCommand, BenefitDto>
{
    public async ValueTask<BenefitDto> Handle(ReviewBenefitCommand command, CancellationToken cancellationToken)
    {
        var benefit = await workflow.RequireAsync(command.Id, cancellationToken);
        var live = await workflow.DecideAsync(benefit, cancellationToken);
        var noticeDays = benefit.Definition.RequiresPublicNotice ? await workflow.NoticeDaysAsync(cancellationToken) : 0;
        benefit.ReviewByCounty(workflow.Actor, live, workflow.Now, command.Comment, workflow.Today, noticeDays);
        return await workflow.SaveAsync(benefit, live, cancellationToken);
    }
}
