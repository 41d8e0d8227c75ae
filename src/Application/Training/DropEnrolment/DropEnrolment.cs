using Mediator;
using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Common.Exceptions;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Security;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Training;

namespace Sunshine.Application.Training.DropEnrolment;

/// <summary>Records that a participant dropped out; their place is freed.</summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record DropEnrolmentCommand(Guid Id) : ICommand<EnrolmentDto>;

public sealed class DropEnrolmentHandler(IApplicationDbContext db) : ICommandHandler<DropEnrolmentCommand, EnrolmentDto>
{
    public async ValueTask<EnrolmentDto> Handle(DropEnrolmentCommand command, CancellationToken cancellationToken)
    {
        var enrolment = await db.Enrolments.FirstOrDefaultAsync(e => e.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("enrolment", command.Id);
        await db.LockAsync<Course>(enrolment.CourseId, cancellationToken);
        var course = await db.Courses.IgnoreQueryFilters().SingleAsync(c => c.Id == enrolment.CourseId, cancellationToken);
        enrolment.Drop();
        course.ReleasePlace();
        await db.SaveChangesAsync(cancellationToken);
        return enrolment.ToDto();
    }
}
