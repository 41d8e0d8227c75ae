using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Sunshine.Api.Hosting;
using Sunshine.Application.Accounts;
using Sunshine.Application.Auth.ChangeOwnPassword;
using Sunshine.Application.Auth.GetCurrentUser;
using Sunshine.Application.Auth.SignIn;
using Sunshine.Application.Auth.SignOut;
using Sunshine.Application.Common.Exceptions;

namespace Sunshine.Api.Endpoints;

/// <summary>Signing in and out of the web client (cookie session), and the caller's own account.</summary>
public sealed class Auth : IEndpointGroup
{
    public const string SignInRateLimit = "sign-in";

    public static string Prefix => "auth";

    public static string Tag => "Auth";

    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("sign-in", SignIn).WithName(nameof(SignIn)).AllowAnonymous().RequireRateLimiting(SignInRateLimit)
            .WithSummary("Sign in with user name and password; starts an HttpOnly, SameSite=Strict session cookie.")
            .WithDescription("Five wrong passwords in a row lock the account for 15 minutes. Failures answer 401 with code auth.invalid_credentials, auth.locked_out or auth.disabled.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status429TooManyRequests);
        group.MapPost("sign-out", SignOut).WithName(nameof(SignOut)).RequireAuthorization()
            .WithSummary("End the session.").ProducesStandardProblems();
        group.MapGet("me", GetCurrentUser).WithName(nameof(GetCurrentUser)).RequireAuthorization()
            .WithSummary("The signed-in caller: roles, county and effective permissions.").ProducesStandardProblems();
        group.MapPost("change-password", ChangeOwnPassword).WithName(nameof(ChangeOwnPassword)).RequireAuthorization()
            .WithSummary("Change your own password.").ProducesStandardProblems();
    }

    private static async Task<Ok<CurrentUserDto>> SignIn(SignInCommand command, ISender sender, CancellationToken ct)
    {
        // The attempt is saved (with its audit row and failure count) before a failure is answered.
        var result = await sender.Send(command, ct);
        return result.Outcome switch
        {
            SignInOutcome.Succeeded => TypedResults.Ok(await sender.Send(new GetCurrentUserQuery(), ct)),
            SignInOutcome.LockedOut => throw new NotAuthenticatedException(
                "auth.locked_out", "The account is locked after repeated failed sign-ins. Try again later or ask an administrator to unlock it."),
            SignInOutcome.Disabled => throw new NotAuthenticatedException("auth.disabled", "The account is disabled. Ask an administrator."),
            _ => throw new NotAuthenticatedException("auth.invalid_credentials", "The user name or password is not correct."),
        };
    }

    private static async Task<NoContent> SignOut(ISender sender, CancellationToken ct)
    {
        await sender.Send(new SignOutCommand(), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<CurrentUserDto>> GetCurrentUser(ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetCurrentUserQuery(), ct));

    private static async Task<NoContent> ChangeOwnPassword(ChangeOwnPasswordCommand command, ISender sender, CancellationToken ct)
    {
        await sender.Send(command, ct);
        return TypedResults.NoContent();
    }
}
