using Mediator;
using Sunshine.Application.Common.Security;
using Sunshine.Domain.AccessControl;

namespace Sunshine.Application.Accounts.GetRoles;

/// <summary>A role of the role table. <c>IsMachine</c>: held by partner API clients, never by accounts.</summary>
public sealed record RoleDto(string Name, string Summary, bool CountyBound, bool IsMachine, IReadOnlyList<string> Permissions, IReadOnlyList<string> GrantablePermissions);

/// <summary>The role and permission table, as the system enforces it.</summary>
[RequiresPermission(Permissions.ReferenceRead)]
public sealed record GetRolesQuery : IQuery<IReadOnlyList<RoleDto>>;

public sealed class GetRolesHandler : IQueryHandler<GetRolesQuery, IReadOnlyList<RoleDto>>
{
    public ValueTask<IReadOnlyList<RoleDto>> Handle(GetRolesQuery query, CancellationToken cancellationToken)
    {
        IReadOnlyList<RoleDto> roles = Roles.All
            .Select(RoleTable.Get)
            .Select(r => new RoleDto(
                r.Name,
                r.Summary,
                r.CountyBound,
                r.IsMachine,
                Permissions.All.Where(r.Permissions.Contains).ToList(),
                Permissions.All.Where(r.Grantable.Contains).ToList()))
            .ToList();
        return ValueTask.FromResult(roles);
    }
}
