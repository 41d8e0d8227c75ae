using Mediator;
using Sunshine.Application.Common.Exceptions;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Security;
using Sunshine.Domain.AccessControl;

namespace Sunshine.Application.Accounts.DisableAccount;

/// <summary>Disables an account: it can no longer sign in and its sessions and tokens end.</summary>
[RequiresPermission(Permissions.AccountsManage)]
public sealed record DisableAccountCommand(Guid Id) : ICommand<AccountDto>;

public sealed class DisableAccountHandler(IAccountService accounts, ICurrentUser user) : ICommandHandler<DisableAccountCommand, AccountDto>
{
    public async ValueTask<AccountDto> Handle(DisableAccountCommand command, CancellationToken cancellationToken)
    {
        if (command.Id == user.Id)
        {
            throw new ForbiddenException("account.cannot_disable_self", "You cannot disable your own account.");
        }

        return await accounts.SetDisabledAsync(command.Id, disabled: true, cancellationToken);
    }
}
