using FluentValidation;
using Mediator;
using Sunshine.Application.Accounts;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Security;

namespace Sunshine.Application.Auth.SignIn;

/// <summary>Signs a person in with user name and password and starts a cookie session.</summary>
[AllowAnonymousRequest]
public sealed record SignInCommand(string UserName, string Password) : ICommand<SignInResult>;

/// <summary>
/// The outcome of a sign-in. A failed attempt is a result, not an exception, so the failure count
/// that leads to lockout is saved with its audit row.
/// </summary>
public sealed record SignInResult(SignInOutcome Outcome, Guid? AccountId);

public sealed class SignInValidator : AbstractValidator<SignInCommand>
{
    public SignInValidator()
    {
        RuleFor(x => x.UserName).NotEmpty().MaximumLength(50);
        RuleFor(x => x.Password).NotEmpty().MaximumLength(PasswordRules.MaximumLength);
    }
}

public sealed class SignInHandler(IAccountService accounts) : ICommandHandler<SignInCommand, SignInResult>
{
    public async ValueTask<SignInResult> Handle(SignInCommand command, CancellationToken cancellationToken)
    {
        var (outcome, accountId) = await accounts.SignInAsync(command.UserName.Trim(), command.Password, cancellationToken);
        return new SignInResult(outcome, accountId);
    }
}
