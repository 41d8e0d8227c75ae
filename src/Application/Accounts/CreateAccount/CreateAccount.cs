using FluentValidation;
using Mediator;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Security;
using Sunshine.Domain.AccessControl;

namespace Sunshine.Application.Accounts.CreateAccount;

/// <summary>Creates an account with no roles; a security administrator then assigns its access.</summary>
[RequiresPermission(Permissions.AccountsManage)]
public sealed record CreateAccountCommand(string UserName, string DisplayName, string? Email, string Password) : ICommand<AccountDto>;

public sealed class CreateAccountValidator : AbstractValidator<CreateAccountCommand>
{
    public CreateAccountValidator()
    {
        RuleFor(x => x.UserName).NotEmpty().Length(3, 50).Matches("^[A-Za-z0-9._-]+$").WithErrorCode("account.user_name_invalid")
            .WithMessage("A user name is 3 to 50 letters, digits, dots, dashes or underscores.");
        RuleFor(x => x.DisplayName).NotEmpty().MaximumLength(50);
        RuleFor(x => x.Email).EmailAddress().MaximumLength(256).When(x => !string.IsNullOrEmpty(x.Email));
        RuleFor(x => x.Password).StrongPassword();
    }
}

public sealed class CreateAccountHandler(IAccountService accounts) : ICommandHandler<CreateAccountCommand, AccountDto>
{
    public async ValueTask<AccountDto> Handle(CreateAccountCommand command, CancellationToken cancellationToken) =>
        await accounts.CreateAsync(command.UserName.Trim(), command.DisplayName.Trim(), command.Email?.Trim(), command.Password, cancellationToken);
}
