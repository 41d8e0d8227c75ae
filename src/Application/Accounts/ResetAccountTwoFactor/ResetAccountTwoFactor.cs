using Mediator;
using Sunshine.Application.Common.Exceptions;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Security;
using Sunshine.Domain.AccessControl;

namespace Sunshine.Application.Accounts.ResetAccountTwoFactor;

/// <summary>
/// Removes an account's second factor (a lost phone): the holder signs in with the password alone and enrols again.
/// Its sessions end. A security administrator does it, never for their own account.
/// </summary>
[RequiresPermission(Permissions.AccessAssign)]
public sealed record ResetAccountTwoFactorCommand(Guid Id) : ICommand<AccountDto>;

public sealed class ResetAccountTwoFactorHandler(IAccountService accounts, ICurrentUser user) : ICommandHandler<ResetAccountTwoFactorCommand, AccountDto>
{
    public async ValueTask<AccountDto> Handle(ResetAccountTwoFactorCommand command, CancellationToken cancellationToken)
    {
        if (command.Id == user.Id)
        {
            throw new ForbiddenException("account.cannot_change_own_access", "Another security administrator must reset your second factor.");
        }

        return await accounts.ResetTwoFactorAsync(command.Id, cancellationToken);
    }
}
