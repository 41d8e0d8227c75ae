using Mediator;
using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Security;
using Sunshine.Domain.AccessControl;

namespace Sunshine.Application.Regions.GetRegions;

/// <summary>Lists regions: the city first, then its county-level units in their sort order.</summary>
[RequiresPermission(Permissions.ReferenceRead)]
public sealed record GetRegionsQuery(bool IncludeInactive = false) : IQuery<IReadOnlyList<RegionDto>>;

public sealed class GetRegionsHandler(IApplicationDbContext db) : IQueryHandler<GetRegionsQuery, IReadOnlyList<RegionDto>>
{
    public async ValueTask<IReadOnlyList<RegionDto>> Handle(GetRegionsQuery query, CancellationToken cancellationToken)
    {
        var regions = await db.Regions.AsNoTracking()
            .Where(r => query.IncludeInactive || r.IsActive)
            .ToListAsync(cancellationToken);

        return regions
            .OrderBy(r => r.ParentId is null ? 0 : 1)
            .ThenBy(r => r.SortOrder)
            .ThenBy(r => r.Code.Value, StringComparer.Ordinal)
            .Select(r => r.ToDto())
            .ToList();
    }
}
