using System.Collections.Concurrent;
using System.Reflection;
using Mediator;
using Sunshine.Application.Common.Exceptions;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Security;

namespace Sunshine.Application.Common.Behaviours;

/// <summary>
/// Checks the permission each request declares against the caller's permissions (from the one role
/// table). A request that declares nothing is refused: access is never granted by omission. An account that owes a
/// second factor (<c>Security:TwoFactorRequiredRoles</c>) may only send the requests that enrol one.
/// </summary>
public sealed class AuthorizationBehaviour<TMessage, TResponse>(ICurrentUser user, ICurrentSession session) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var requirement = RequestAccess.Of(typeof(TMessage));
        switch (requirement)
        {
            case AllowAnonymousRequestAttribute:
                break;
            case RequiresSignInAttribute:
                EnsureSignedIn();
                if (user.PlatformId is not null)
                {
                    // A person's own session, password and notifications: a partner platform's client has none of them.
                    throw new ForbiddenException("auth.person_required", "This is for a person's account; partner clients use the partner API.");
                }

                break;
            case RequiresPermissionAttribute permission:
                EnsureSignedIn();
                if (!permission.Permissions.Any(user.HasPermission))
                {
                    throw new ForbiddenException("auth.permission_required", $"This needs the permission '{string.Join("' or '", permission.Permissions)}'.");
                }

                break;
            default:
                throw new InvalidOperationException($"{typeof(TMessage).Name} declares no access requirement.");
        }

        if (requirement is not AllowAnonymousRequestAttribute && session.TwoFactorEnrolmentRequired && !RequestAccess.AllowedBeforeTwoFactorEnrolment(typeof(TMessage)))
        {
            throw new ForbiddenException(
                "auth.two_factor_enrolment_required", "Your role requires a second factor: enrol an authenticator app first.");
        }

        return next(message, cancellationToken);
    }

    private void EnsureSignedIn()
    {
        if (!user.IsAuthenticated)
        {
            throw new NotAuthenticatedException();
        }
    }
}

/// <summary>Reads (once per type) which access attribute a request carries.</summary>
public static class RequestAccess
{
    private static readonly ConcurrentDictionary<Type, Attribute?> Cache = new();

    private static readonly ConcurrentDictionary<Type, bool> BeforeEnrolment = new();

    /// <summary>Whether an account that owes a second factor may send the request (enrolment, its own profile, signing out).</summary>
    public static bool AllowedBeforeTwoFactorEnrolment(Type requestType) =>
        BeforeEnrolment.GetOrAdd(requestType, static t => t.GetCustomAttribute<AllowedBeforeTwoFactorEnrolmentAttribute>() is not null);

    public static Attribute? Of(Type requestType) =>
        Cache.GetOrAdd(requestType, static t =>
            (Attribute?)t.GetCustomAttribute<RequiresPermissionAttribute>()
            ?? (Attribute?)t.GetCustomAttribute<RequiresSignInAttribute>()
            ?? t.GetCustomAttribute<AllowAnonymousRequestAttribute>());
}
