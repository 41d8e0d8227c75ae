using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Sunshine.Api.Hosting;
using Sunshine.Application.Accounts;
using Sunshine.Application.Auth.ChangeOwnPassword;
using Sunshine.Application.Auth.ConfirmTwoFactorEnrolment;
using Sunshine.Application.Auth.GetCurrentUser;
using Sunshine.Application.Auth.SignIn;
using Sunshine.Application.Auth.SignInWithTwoFactor;
using Sunshine.Application.Auth.SignOut;
using Sunshine.Application.Auth.StartTwoFactorEnrolment;
using Sunshine.Application.Common.Exceptions;

namespace Sunshine.Api.Endpoints;

/// <summary>Signing in and out of the web client (cookie session), the caller's own account and second factor.</summary>
public sealed class Auth : IEndpointGroup
{
    public const string SignInRateLimit = "sign-in";

    public static string Prefix => "auth";

    public static string Tag => "Auth";

    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("sign-in", SignIn).WithName(nameof(SignIn)).AllowAnonymous().RequireRateLimiting(SignInRateLimit)
            .WithSummary("Sign in with user name and password; starts an HttpOnly, SameSite=Strict session cookie.")
            .WithDescription("Five wrong passwords in a row lock the account for 15 minutes. Failures answer 401 with code auth.invalid_credentials, auth.locked_out or auth.disabled. " +
                "For an account with a second factor the right password answers 401 auth.two_factor_required and sets a five-minute cookie for the second step (sign-in/two-factor). " +
                "A session ends after Sessions:IdleMinutes (30) without a request and Sessions:AbsoluteHours (8) after sign-in (401 auth.session_idle_timeout, auth.session_expired); requests with the header Sunshine-Background: 1 do not count as activity.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status429TooManyRequests);
        group.MapPost("sign-in/two-factor", SignInWithTwoFactor).WithName(nameof(SignInWithTwoFactor)).AllowAnonymous().RequireRateLimiting(SignInRateLimit)
            .WithSummary("The second step of signing in to an account with a second factor: the six-digit code of the authenticator app.")
            .WithDescription("Needs the cookie the first step set. A wrong or already used code answers 401 auth.two_factor_code_invalid and counts towards lockout; without a first step, 401 auth.two_factor_not_started.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status429TooManyRequests);
        group.MapPost("sign-out", SignOut).WithName(nameof(SignOut)).RequireAuthorization()
            .WithSummary("End the session.").ProducesStandardProblems();
        group.MapGet("me", GetCurrentUser).WithName(nameof(GetCurrentUser)).RequireAuthorization()
            .WithSummary("The signed-in caller: roles, county and effective permissions, second factor, and when the session ends.").ProducesStandardProblems();
        group.MapPost("two-factor/enrolment", StartTwoFactorEnrolment).WithName(nameof(StartTwoFactorEnrolment)).RequireAuthorization()
            .WithSummary("Start enrolling a second factor: a new TOTP secret as an otpauth URI and as a key to type in (Cache-Control: no-store).")
            .WithDescription("Not in force until confirmed with a code. 409 auth.two_factor_already_enrolled when one is in force (a security administrator resets it).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status409Conflict);
        group.MapPost("two-factor/enrolment/confirmation", ConfirmTwoFactorEnrolment).WithName(nameof(ConfirmTwoFactorEnrolment)).RequireAuthorization()
            .WithSummary("Confirm the second factor with a code from the authenticator app; from then on sign-in asks for a code.")
            .WithDescription("A wrong code answers 400 with a field error auth.two_factor_code_invalid; without a started enrolment, 409 auth.two_factor_not_started.")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status409Conflict);
        group.MapPost("change-password", ChangeOwnPassword).WithName(nameof(ChangeOwnPassword)).RequireAuthorization()
            .WithSummary("Change your own password.").ProducesStandardProblems();
    }

    private static async Task<Results<Ok<CurrentUserDto>, ProblemResult>> SignIn(SignInCommand command, ISender sender, CancellationToken ct)
    {
        // The attempt is saved (with its audit row and failure count) before a failure is answered.
        var result = await sender.Send(command, ct);
        if (result.Outcome == SignInOutcome.RequiresTwoFactor)
        {
            // Answered, not thrown: the exception handler would clear the second step's cookie.
            return new ProblemResult(StatusCodes.Status401Unauthorized, "auth.two_factor_required", "Enter the six-digit code of your authenticator app.");
        }

        return await AnswerAsync(result, sender, ct);
    }

    private static async Task<Ok<CurrentUserDto>> AnswerAsync(SignInResult result, ISender sender, CancellationToken ct) =>
        result.Outcome switch
        {
            SignInOutcome.Succeeded => TypedResults.Ok(await sender.Send(new GetCurrentUserQuery(), ct)),
            SignInOutcome.LockedOut => throw new NotAuthenticatedException(
                "auth.locked_out", "The account is locked after repeated failed sign-ins. Try again later or ask an administrator to unlock it."),
            SignInOutcome.Disabled => throw new NotAuthenticatedException("auth.disabled", "The account is disabled. Ask an administrator."),
            SignInOutcome.TwoFactorCodeInvalid => throw new NotAuthenticatedException(
                "auth.two_factor_code_invalid", "The code is not correct or has been used. Wait for the next code."),
            SignInOutcome.TwoFactorNotStarted => throw new NotAuthenticatedException(
                "auth.two_factor_not_started", "Sign in with your user name and password first."),
            _ => throw new NotAuthenticatedException("auth.invalid_credentials", "The user name or password is not correct."),
        };

    private static async Task<Ok<CurrentUserDto>> SignInWithTwoFactor(SignInWithTwoFactorCommand command, ISender sender, CancellationToken ct)
    {
        var result = await sender.Send(command, ct);
        return await AnswerAsync(result, sender, ct);
    }

    private static async Task<Ok<TwoFactorEnrolmentDto>> StartTwoFactorEnrolment(HttpContext http, ISender sender, CancellationToken ct)
    {
        var enrolment = await sender.Send(new StartTwoFactorEnrolmentCommand(), ct);
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(enrolment);
    }

    private static async Task<NoContent> ConfirmTwoFactorEnrolment(ConfirmTwoFactorEnrolmentCommand command, ISender sender, CancellationToken ct)
    {
        await sender.Send(command, ct);
        return TypedResults.NoContent();
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
