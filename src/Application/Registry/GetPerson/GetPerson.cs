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
        var person = await db.Persons.AsNoTracking().FirstOrDefaultAsync(p => p.Id == query.Id, cancellationToken)
            ?? throw new NotFoundException("person", query.Id);
        return await db.ToDtoAsync(person, cancellationToken);
    }
}
