using Mediator;
using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Security;
using Sunshine.Domain.AccessControl;

namespace Sunshine.Application.Programmes.GetProgrammes;

/// <summary>A programme: its period and the document that issued it.</summary>
public sealed record ProgrammeDto(Guid Id, string Code, string Name, string NameEn, DateOnly PeriodStart, DateOnly PeriodEnd, string DocumentReference);

/// <summary>Lists the programmes, newest first.</summary>
[RequiresPermission(Permissions.ReferenceRead)]
public sealed record GetProgrammesQuery : IQuery<IReadOnlyList<ProgrammeDto>>;

public sealed class GetProgrammesHandler(IApplicationDbContext db) : IQueryHandler<GetProgrammesQuery, IReadOnlyList<ProgrammeDto>>
{
    public async ValueTask<IReadOnlyList<ProgrammeDto>> Handle(GetProgrammesQuery query, CancellationToken cancellationToken) =>
        await db.Programmes.AsNoTracking()
            .OrderByDescending(p => p.PeriodStart)
            .Select(p => new ProgrammeDto(p.Id, p.Code, p.Name, p.NameEn, p.PeriodStart, p.PeriodEnd, p.DocumentReference))
            .ToListAsync(cancellationToken);
}
