using Mediator;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Security;
using Sunshine.Domain.AccessControl;

namespace Sunshine.Application.Accounts.EnableAccount;

/// <summary>Enables a disabled account again.</summary>
[RequiresPermission(Permissions.AccountsManage)]
public sealed record EnableAccountCommand(Guid Id) : ICommand<AccountDto>;

public sealed class EnableAccountHandler(IAccountService accounts) : ICommandHandler<EnableAccountCommand, AccountDto>
{
    public async ValueTask<AccountDto> Handle(EnableAccountCommand command, CancellationToken cancellationToken) =>
        await accounts.SetDisabledAsync(command.Id, disabled: false, cancellationToken);
}
