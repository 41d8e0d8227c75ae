using FluentValidation;
using Mediator;
using Sunshine.Application.Auth.SignInWithTwoFactor;
using Sunshine.Application.Common.Exceptions;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Security;

namespace Sunshine.Application.Auth.ConfirmTwoFactorEnrolment;

/// <summary>Confirms the caller's new second factor with a code from the authenticator app; from then on sign-in asks for a code.</summary>
[RequiresSignIn]
[AllowedBeforeTwoFactorEnrolment]
public sealed record ConfirmTwoFactorEnrolmentCommand(string Code) : ICommand;

public sealed class ConfirmTwoFactorEnrolmentValidator : AbstractValidator<ConfirmTwoFactorEnrolmentCommand>
{
    public ConfirmTwoFactorEnrolmentValidator() => RuleFor(x => x.Code).TotpCode();
}

public sealed class ConfirmTwoFactorEnrolmentHandler(IAccountService accounts, ICurrentUser user) : ICommandHandler<ConfirmTwoFactorEnrolmentCommand>
{
    public async ValueTask<Unit> Handle(ConfirmTwoFactorEnrolmentCommand command, CancellationToken cancellationToken)
    {
        await accounts.ConfirmTwoFactorEnrolmentAsync(user.Id ?? throw new NotAuthenticatedException(), command.Code.Trim(), cancellationToken);
        return Unit.Value;
    }
}
