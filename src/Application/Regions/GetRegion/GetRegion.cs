using Mediator;
using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Common.Exceptions;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Security;
using Sunshine.Domain.AccessControl;

namespace Sunshine.Application.Regions.GetRegion;

[RequiresPermission(Permissions.ReferenceRead)]
public sealed record GetRegionQuery(Guid Id) : IQuery<RegionDto>;

public sealed class GetRegionHandler(IApplicationDbContext db) : IQueryHandler<GetRegionQuery, RegionDto>
{
    public async ValueTask<RegionDto> Handle(GetRegionQuery query, CancellationToken cancellationToken)
    {
        var region = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == query.Id, cancellationToken)
            ?? throw new NotFoundException("region", query.Id);
        return region.ToDto();
    }
}
