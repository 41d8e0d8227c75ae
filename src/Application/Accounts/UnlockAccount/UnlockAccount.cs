using Mediator;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Security;
using Sunshine.Domain.AccessControl;

namespace Sunshine.Application.Accounts.UnlockAccount;

/// <summary>Ends a lockout after failed sign-ins and resets the failure count.</summary>
[RequiresPermission(Permissions.AccountsManage)]
public sealed record UnlockAccountCommand(Guid Id) : ICommand<AccountDto>;

public sealed class UnlockAccountHandler(IAccountService accounts) : ICommandHandler<UnlockAccountCommand, AccountDto>
{
    public async ValueTask<AccountDto> Handle(UnlockAccountCommand command, CancellationToken cancellationToken) =>
        await accounts.UnlockAsync(command.Id, cancellationToken);
}
