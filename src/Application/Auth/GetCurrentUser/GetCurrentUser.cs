using Mediator;
using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Common.Exceptions;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Security;
using Sunshine.Domain.AccessControl;

namespace Sunshine.Application.Auth.GetCurrentUser;

/// <summary>
/// The signed-in caller: who they are, their roles, county and effective permissions, their second factor, and for a
/// cookie session when it ends (<c>SessionIdleExpiresAt</c> moves on with every request that is not a background poll).
/// </summary>
public sealed record CurrentUserDto(
    Guid Id,
    string UserName,
    string DisplayName,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Permissions,
    Guid? CountyId,
    string? CountyName,
    bool TwoFactorEnabled,
    bool TwoFactorEnrolmentRequired,
    DateTimeOffset? SessionIdleExpiresAt,
    DateTimeOffset? SessionExpiresAt);

[RequiresSignIn]
[AllowedBeforeTwoFactorEnrolment]
public sealed record GetCurrentUserQuery : IQuery<CurrentUserDto>;

public sealed class GetCurrentUserHandler(ICurrentUser user, ICurrentSession session, IAccountService accounts, IApplicationDbContext db)
    : IQueryHandler<GetCurrentUserQuery, CurrentUserDto>
{
    public async ValueTask<CurrentUserDto> Handle(GetCurrentUserQuery query, CancellationToken cancellationToken)
    {
        var id = user.Id ?? throw new NotAuthenticatedException();
        var account = await accounts.FindAsync(id, cancellationToken) ?? throw new NotAuthenticatedException();
        var countyName = user.CountyId is { } countyId
            ? await db.Regions.AsNoTracking().Where(r => r.Id == countyId).Select(r => r.Name).FirstOrDefaultAsync(cancellationToken)
            : null;
        return new CurrentUserDto(
            account.Id,
            account.UserName,
            account.DisplayName,
            user.Roles,
            Permissions.All.Where(user.Permissions.Contains).ToList(),
            user.CountyId,
            countyName,
            account.TwoFactorEnabled,
            session.TwoFactorEnrolmentRequired,
            session.Deadlines?.IdleExpiresAt,
            session.Deadlines?.ExpiresAt);
    }
}
