using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Common.Exceptions;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Security;
using Sunshine.Domain.AccessControl;

namespace Sunshine.Application.Accounts.SetAccountAccess;

/// <summary>
/// Replaces an account's roles, county and extra permissions. The role table decides which
/// combinations are allowed; nobody changes their own access.
/// </summary>
[RequiresPermission(Domain.AccessControl.Permissions.AccessAssign)]
public sealed record SetAccountAccessCommand(Guid Id, IReadOnlyList<string> Roles, Guid? CountyId, IReadOnlyList<string> Permissions)
    : ICommand<AccountDto>;

public sealed class SetAccountAccessValidator : AbstractValidator<SetAccountAccessCommand>
{
    public SetAccountAccessValidator()
    {
        RuleFor(x => x.Roles).Cascade(CascadeMode.Stop).NotNull().Must(r => r.Count <= 5).WithErrorCode("account.roles_invalid");
        RuleForEach(x => x.Roles).Must(RoleTable.Exists).WithErrorCode("account.role_unknown").WithMessage("There is no such role.");
        RuleFor(x => x.Permissions).Cascade(CascadeMode.Stop).NotNull().Must(p => p.Count <= 20).WithErrorCode("account.permissions_invalid");
        RuleForEach(x => x.Permissions).Must(p => Domain.AccessControl.Permissions.All.Contains(p))
            .WithErrorCode("account.permission_unknown").WithMessage("There is no such permission.");
    }
}

public sealed class SetAccountAccessHandler(IAccountService accounts, IApplicationDbContext db, ICurrentUser user)
    : ICommandHandler<SetAccountAccessCommand, AccountDto>
{
    public async ValueTask<AccountDto> Handle(SetAccountAccessCommand command, CancellationToken cancellationToken)
    {
        if (command.Id == user.Id)
        {
            throw new ForbiddenException("account.cannot_change_own_access", "Another security administrator must change your access.");
        }

        var countyIsCountyLevel = command.CountyId is { } countyId
            && await db.Regions.AnyAsync(r => r.Id == countyId && r.IsActive && r.ParentId != null, cancellationToken);
        var access = AccountAccess.Create(command.Roles, command.CountyId, countyIsCountyLevel, command.Permissions);
        return await accounts.SetAccessAsync(command.Id, access, cancellationToken);
    }
}
