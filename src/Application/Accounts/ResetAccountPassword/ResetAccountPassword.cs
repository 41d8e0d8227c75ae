using FluentValidation;
using Mediator;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Security;
using Sunshine.Domain.AccessControl;

namespace Sunshine.Application.Accounts.ResetAccountPassword;

/// <summary>Sets a new password for an account (for example after the holder forgot it); ends its sessions.</summary>
[RequiresPermission(Permissions.AccountsManage)]
public sealed record ResetAccountPasswordCommand(Guid Id, string NewPassword) : ICommand;

public sealed class ResetAccountPasswordValidator : AbstractValidator<ResetAccountPasswordCommand>
{
    public ResetAccountPasswordValidator() => RuleFor(x => x.NewPassword).StrongPassword();
}

public sealed class ResetAccountPasswordHandler(IAccountService accounts) : ICommandHandler<ResetAccountPasswordCommand>
{
    public async ValueTask<Unit> Handle(ResetAccountPasswordCommand command, CancellationToken cancellationToken)
    {
        await accounts.ResetPasswordAsync(command.Id, command.NewPassword, cancellationToken);
        return Unit.Value;
    }
}
