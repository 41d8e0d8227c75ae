using Mediator;
using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Security;
using Sunshine.Domain.AccessControl;

namespace Sunshine.Application.Training.GetEnrolments;

/// <summary>A course's enrolments the caller may see: a county officer sees only their own county's people.</summary>
[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record GetEnrolmentsQuery(Guid CourseId) : IQuery<IReadOnlyList<EnrolmentDto>>;

public sealed class GetEnrolmentsHandler(IApplicationDbContext db) : IQueryHandler<GetEnrolmentsQuery, IReadOnlyList<EnrolmentDto>>
{
    public async ValueTask<IReadOnlyList<EnrolmentDto>> Handle(GetEnrolmentsQuery query, CancellationToken cancellationToken)
    {
        var course = await db.RequireCourseAsync(query.CourseId, cancellationToken);
        var enrolments = await db.Enrolments.AsNoTracking().Where(e => e.CourseId == course.Id)
            .OrderBy(e => e.Kind).ThenBy(e => e.Name).ToListAsync(cancellationToken);
        return enrolments.Select(e => e.ToDto()).ToList();
    }
}
