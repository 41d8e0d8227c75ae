using FluentValidation;
using Mediator;
using Sunshine.Application.Auth.SignIn;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Security;

namespace Sunshine.Application.Auth.SignInWithTwoFactor;

/// <summary>The second step of signing in to an account with a second factor: the current TOTP code.</summary>
[AllowAnonymousRequest]
public sealed record SignInWithTwoFactorCommand(string Code) : ICommand<SignInResult>;

public sealed class SignInWithTwoFactorValidator : AbstractValidator<SignInWithTwoFactorCommand>
{
    public SignInWithTwoFactorValidator() => RuleFor(x => x.Code).TotpCode();
}

public sealed class SignInWithTwoFactorHandler(IAccountService accounts) : ICommandHandler<SignInWithTwoFactorCommand, SignInResult>
{
    public async ValueTask<SignInResult> Handle(SignInWithTwoFactorCommand command, CancellationToken cancellationToken)
    {
        var (outcome, accountId) = await accounts.SignInWithTwoFactorAsync(command.Code.Trim(), cancellationToken);
        return new SignInResult(outcome, accountId);
    }
}

public static class TotpCodeRule
{
    /// <summary>Six digits (RFC 6238 codes as authenticator apps show them).</summary>
    public static IRuleBuilderOptions<T, string> TotpCode<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().Matches("^\\s*[0-9]{6}\\s*$").WithErrorCode("auth.two_factor_code_format").WithMessage("Enter the six digits the authenticator app shows.");
}
