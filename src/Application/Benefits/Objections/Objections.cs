using FluentValidation;
using Mediator;
using Sunshine.Application.Common.Security;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Benefits;

namespace Sunshine.Application.Benefits.Objections;

/// <summary>Records an objection (异议) received during an award's public notice (decisions.county or decisions.city).</summary>
[RequiresPermission(Permissions.CountyDecide, Permissions.CityDecide)]
public sealed record RecordObjectionCommand(Guid Id, DateOnly ReceivedOn, string Summary) : ICommand<BenefitDto>;

public sealed class RecordObjectionValidator : AbstractValidator<RecordObjectionCommand>
{
    public RecordObjectionValidator()
    {
        RuleFor(x => x.ReceivedOn).NotEmpty();
        RuleFor(x => x.Summary).NotEmpty().MaximumLength(BenefitObjection.TextMaxLength);
    }
}

public sealed class RecordObjectionHandler(BenefitWorkflow workflow) : ICommandHandler<RecordObjectionCommand, BenefitDto>
{
    public async ValueTask<BenefitDto> Handle(RecordObjectionCommand command, CancellationToken cancellationToken)
    {
        var benefit = await workflow.RequireAsync(command.Id, cancellationToken);
        benefit.RecordObjection(workflow.Actor, command.ReceivedOn, command.Summary, workflow.Today, workflow.Now);
        return await workflow.SaveAsync(benefit, null, cancellationToken);
    }
}

/// <summary>
/// Resolves an open objection after looking into it: upheld (the award cannot be approved: reject or
/// return it) or dismissed, with the finding. Not by the officer who recorded it; the approving level's permission.
/// </summary>
[RequiresPermission(Permissions.CountyDecide, Permissions.CityDecide)]
public sealed record ResolveObjectionCommand(Guid Id, Guid ObjectionId, bool Upheld, string Resolution) : ICommand<BenefitDto>;

public sealed class ResolveObjectionValidator : AbstractValidator<ResolveObjectionCommand>
{
    public ResolveObjectionValidator()
    {
        RuleFor(x => x.ObjectionId).NotEmpty();
        RuleFor(x => x.Resolution).NotEmpty().MaximumLength(BenefitObjection.TextMaxLength);
    }
}

public sealed class ResolveObjectionHandler(BenefitWorkflow workflow) : ICommandHandler<ResolveObjectionCommand, BenefitDto>
{
    public async ValueTask<BenefitDto> Handle(ResolveObjectionCommand command, CancellationToken cancellationToken)
    {
        var benefit = await workflow.RequireAsync(command.Id, cancellationToken);
        workflow.EnsureMayDecide(benefit);
        benefit.ResolveObjection(command.ObjectionId, workflow.Actor, command.Upheld, command.Resolution, workflow.Now);
        return await workflow.SaveAsync(benefit, null, cancellationToken);
    }
}
