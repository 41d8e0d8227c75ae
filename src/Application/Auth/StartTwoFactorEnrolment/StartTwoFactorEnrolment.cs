using Mediator;
using Sunshine.Application.Accounts;
using Sunshine.Application.Common.Exceptions;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Security;

namespace Sunshine.Application.Auth.StartTwoFactorEnrolment;

/// <summary>Starts enrolling the caller's second factor: a new TOTP secret, in force once confirmed with a code.</summary>
[RequiresSignIn]
[AllowedBeforeTwoFactorEnrolment]
public sealed record StartTwoFactorEnrolmentCommand : ICommand<TwoFactorEnrolmentDto>;

public sealed class StartTwoFactorEnrolmentHandler(IAccountService accounts, ICurrentUser user)
    : ICommandHandler<StartTwoFactorEnrolmentCommand, TwoFactorEnrolmentDto>
{
    public async ValueTask<TwoFactorEnrolmentDto> Handle(StartTwoFactorEnrolmentCommand command, CancellationToken cancellationToken) =>
        await accounts.StartTwoFactorEnrolmentAsync(user.Id ?? throw new NotAuthenticatedException(), cancellationToken);
}
