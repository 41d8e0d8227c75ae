using System.Security.Claims;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Domain.AccessControl;
using Sunshine.Infrastructure.Identity;

namespace Sunshine.Api.Hosting;

/// <summary>The caller, read from the session cookie's or bearer token's claims (the same claim types).</summary>
public sealed class CurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private (ClaimsPrincipal Principal, IReadOnlySet<string> Permissions)? _permissions;

    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public bool IsAuthenticated => Principal?.Identity?.IsAuthenticated == true && Id is not null;

    public Guid? Id => Guid.TryParse(Principal?.FindFirstValue(SunshineClaimTypes.Subject), out var id) ? id : null;

    public string? UserName => Principal?.FindFirstValue(SunshineClaimTypes.Name);

    public IReadOnlyList<string> Roles =>
        Principal?.FindAll(SunshineClaimTypes.Role).Select(c => c.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList() ?? [];

    public Guid? CountyId => Guid.TryParse(Principal?.FindFirstValue(SunshineClaimTypes.County), out var county) ? county : null;

    public Guid? PlatformId => Guid.TryParse(Principal?.FindFirstValue(SunshineClaimTypes.Platform), out var platform) ? platform : null;

    public bool IsCountyBound => Roles.Any(r => RoleTable.Exists(r) && RoleTable.Get(r).CountyBound);

    public IReadOnlySet<string> Permissions
    {
        get
        {
            var principal = Principal;
            if (principal is null || !IsAuthenticated)
            {
                return new HashSet<string>();
            }

            if (_permissions is not { } cached || !ReferenceEquals(cached.Principal, principal))
            {
                cached = (principal, RoleTable.EffectivePermissions(Roles, principal.FindAll(SunshineClaimTypes.Permission).Select(c => c.Value)));
                _permissions = cached;
            }

            return cached.Permissions;
        }
    }

    public bool HasPermission(string permission) => Permissions.Contains(permission);
}

/// <summary>The caller's staff session: the deadlines the session check found (or the sign-in set) and the enrolment claim.</summary>
public sealed class CurrentSession(IHttpContextAccessor accessor) : ICurrentSession
{
    public SessionDeadlines? Deadlines =>
        accessor.HttpContext?.Features.Get<StaffSessionFeature>() is { } session ? new SessionDeadlines(session.IdleExpiresAt, session.ExpiresAt) : null;

    public bool TwoFactorEnrolmentRequired =>
        accessor.HttpContext?.User.FindFirstValue(SunshineClaimTypes.TwoFactorEnrolmentRequired) == "true";
}
