using FluentValidation;
using Mediator;
using Sunshine.Application.Accounts;
using Sunshine.Application.Common.Exceptions;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Security;

namespace Sunshine.Application.Auth.ChangeOwnPassword;

/// <summary>Changes the caller's own password; the current password must be given.</summary>
[RequiresSignIn]
public sealed record ChangeOwnPasswordCommand(string CurrentPassword, string NewPassword) : ICommand;

public sealed class ChangeOwnPasswordValidator : AbstractValidator<ChangeOwnPasswordCommand>
{
    public ChangeOwnPasswordValidator()
    {
        RuleFor(x => x.CurrentPassword).NotEmpty().MaximumLength(PasswordRules.MaximumLength);
        RuleFor(x => x.NewPassword).StrongPassword();
        RuleFor(x => x.NewPassword).NotEqual(x => x.CurrentPassword).WithErrorCode("password.unchanged")
            .WithMessage("The new password must differ from the current one.");
    }
}

public sealed class ChangeOwnPasswordHandler(IAccountService accounts, ICurrentUser user) : ICommandHandler<ChangeOwnPasswordCommand>
{
    public async ValueTask<Unit> Handle(ChangeOwnPasswordCommand command, CancellationToken cancellationToken)
    {
        var id = user.Id ?? throw new NotAuthenticatedException();
        await accounts.ChangePasswordAsync(id, command.CurrentPassword, command.NewPassword, cancellationToken);
        return Unit.Value;
    }
}
