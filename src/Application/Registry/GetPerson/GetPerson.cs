using Mediator;
using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Common.Exceptions;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Security;
using Sunshine.Domain.AccessControl;

namespace Sunshine.Application.Registry.GetPerson;

/// <summary>One person, masked; another county's person is 404 for a county officer.</summary>
[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record GetPersonQuery(Guid Id) : IQuery<PersonDto>;

public sealed class GetPersonHandler(IApplicationDbContext db) : IQueryHandler<GetPersonQuery, PersonDto>
{
    public async ValueTask<PersonDto> Handle(GetPersonQuery query, CancellationToken cancellationToken)
    {
        // One statement: the person with consents, the county's name and the household (the most read page).
        var found = await db.Persons.AsNoTracking()
            .Where(p => p.Id == query.Id)
            .Select(p => new
            {
                Person = p,
                County = db.Regions.Where(r => r.Id == p.CountyId).Select(r => r.Name).First(),
                Household = db.Households.Where(h => h.Members.Any(m => m.PersonId == p.Id)).Select(h => (Guid?)h.Id).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("person", query.Id);
        return found.Person.ToDto(found.County, found.Household);
    }
}
