using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Common.Exceptions;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Domain.Common;

namespace Sunshine.Application.Common.Security;

/// <summary>
/// Where a write may put a record. Reads are scoped by the DbContext's query filter; a write that
/// names a county must name an active county-level region the caller may work in.
/// </summary>
public static class CountyScope
{
    public static async Task EnsureWritableCountyAsync(this IApplicationDbContext db, ICurrentUser user, Guid countyId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        if (!await db.Regions.AnyAsync(r => r.Id == countyId && r.ParentId != null && r.IsActive, cancellationToken))
        {
            throw new DomainException("county.invalid", "The county must be an active county-level region.", field: "countyId");
        }

        if (user.IsCountyBound && user.CountyId != countyId)
        {
            throw new ForbiddenException("scope.county_not_allowed", "You may only record facts of your own county.");
        }
    }
}
