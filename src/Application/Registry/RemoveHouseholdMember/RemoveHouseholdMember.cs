using Mediator;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Security;
using Sunshine.Domain.AccessControl;

namespace Sunshine.Application.Registry.RemoveHouseholdMember;

/// <summary>Removes a member who is not the head.</summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record RemoveHouseholdMemberCommand(Guid HouseholdId, Guid MemberId) : ICommand<HouseholdDto>;

public sealed class RemoveHouseholdMemberHandler(IApplicationDbContext db) : ICommandHandler<RemoveHouseholdMemberCommand, HouseholdDto>
{
    public async ValueTask<HouseholdDto> Handle(RemoveHouseholdMemberCommand command, CancellationToken cancellationToken)
    {
        var household = await db.RequireHouseholdAsync(command.HouseholdId, cancellationToken);
        household.RemoveMember(command.MemberId);
        await db.SaveChangesAsync(cancellationToken);
        return await db.ToDtoAsync(household, cancellationToken);
    }
}
