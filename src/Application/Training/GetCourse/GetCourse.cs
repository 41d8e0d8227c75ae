using Mediator;
using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Common.Exceptions;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Security;
using Sunshine.Domain.AccessControl;

namespace Sunshine.Application.Training.GetCourse;

[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record GetCourseQuery(Guid Id) : IQuery<CourseDto>;

public sealed class GetCourseHandler(IApplicationDbContext db) : IQueryHandler<GetCourseQuery, CourseDto>
{
    public async ValueTask<CourseDto> Handle(GetCourseQuery query, CancellationToken cancellationToken)
    {
        var course = await db.Courses.AsNoTracking().FirstOrDefaultAsync(c => c.Id == query.Id, cancellationToken)
            ?? throw new NotFoundException("course", query.Id);
        return await db.ToDtoAsync(course, cancellationToken);
    }
}
