using FluentValidation;
using Mediator;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Security;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Registry;

namespace Sunshine.Application.Registry.ChangeHouseholdHead;

/// <summary>Makes another member the head; the former head takes the given relation.</summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record ChangeHouseholdHeadCommand(Guid HouseholdId, Guid MemberId, HouseholdRelation FormerHeadRelation) : ICommand<HouseholdDto>;

public sealed class ChangeHouseholdHeadValidator : AbstractValidator<ChangeHouseholdHeadCommand>
{
    public ChangeHouseholdHeadValidator() => RuleFor(x => x.FormerHeadRelation).IsInEnum();
}

public sealed class ChangeHouseholdHeadHandler(IApplicationDbContext db) : ICommandHandler<ChangeHouseholdHeadCommand, HouseholdDto>
{
    public async ValueTask<HouseholdDto> Handle(ChangeHouseholdHeadCommand command, CancellationToken cancellationToken)
    {
        var household = await db.RequireHouseholdAsync(command.HouseholdId, cancellationToken);
        household.ChangeHead(command.MemberId, command.FormerHeadRelation);
        await db.SaveChangesAsync(cancellationToken);
        return await db.ToDtoAsync(household, cancellationToken);
    }
}
