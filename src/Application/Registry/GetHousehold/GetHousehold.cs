using Mediator;
using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Common.Exceptions;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Security;
using Sunshine.Domain.AccessControl;

namespace Sunshine.Application.Registry.GetHousehold;

[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record GetHouseholdQuery(Guid Id) : IQuery<HouseholdDto>;

public sealed class GetHouseholdHandler(IApplicationDbContext db) : IQueryHandler<GetHouseholdQuery, HouseholdDto>
{
    public async ValueTask<HouseholdDto> Handle(GetHouseholdQuery query, CancellationToken cancellationToken)
    {
        var household = await db.Households.AsNoTracking().FirstOrDefaultAsync(h => h.Id == query.Id, cancellationToken)
            ?? throw new NotFoundException("household", query.Id);
        return await db.ToDtoAsync(household, cancellationToken);
    }
}
