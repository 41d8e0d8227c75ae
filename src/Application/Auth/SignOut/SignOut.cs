using Mediator;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Security;

namespace Sunshine.Application.Auth.SignOut;

/// <summary>Ends the caller's cookie session.</summary>
[RequiresSignIn]
[AllowedBeforeTwoFactorEnrolment]
public sealed record SignOutCommand : ICommand;

public sealed class SignOutHandler(IAccountService accounts, IAuditTrail audit, ICurrentUser user) : ICommandHandler<SignOutCommand>
{
    public async ValueTask<Unit> Handle(SignOutCommand command, CancellationToken cancellationToken)
    {
        await accounts.SignOutAsync(cancellationToken);
        audit.Record("Account", user.Id?.ToString(), new { session = "ended" });
        return Unit.Value;
    }
}
