using FluentValidation;
using Mediator;
using Sunshine.Application.Common.Concurrency;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Security;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Training;

namespace Sunshine.Application.Training.UpdateCourse;

/// <summary>Edits a course its organiser may change; <c>ExpectedVersion</c> is the ETag from <c>If-Match</c>.</summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record UpdateCourseCommand(
    Guid Id,
    uint? ExpectedVersion,
    string Title,
    IReadOnlyList<CourseTopic> Topics,
    AudienceTrack Audience,
    ProviderType ProviderType,
    string ProviderName,
    string? PartnerPlatform,
    DateOnly StartDate,
    DateOnly EndDate,
    int Capacity,
    FeeModel FeeModel) : ICommand<CourseDto>, ICourseInput;

public sealed class UpdateCourseValidator : AbstractValidator<UpdateCourseCommand>
{
    public UpdateCourseValidator() => Include(new CourseInputValidator());
}

public sealed class UpdateCourseHandler(IApplicationDbContext db, ICurrentUser user) : ICommandHandler<UpdateCourseCommand, CourseDto>
{
    public async ValueTask<CourseDto> Handle(UpdateCourseCommand command, CancellationToken cancellationToken)
    {
        var course = await db.RequireCourseAsync(command.Id, cancellationToken);
        db.EnsureCurrent(course, command.ExpectedVersion);
        user.EnsureMayOrganise(course.Level, course.CountyId);
        course.Update(command.ToDetails());
        await db.SaveChangesAsync(cancellationToken);
        return await db.ToDtoAsync(course, cancellationToken);
    }
}
