using FluentValidation;
using Mediator;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Security;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Training;

namespace Sunshine.Application.Training.CreateCourse;

/// <summary>Creates a course: a county course in the officer's county, or a city course run with a partner platform.</summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record CreateCourseCommand(
    string Title,
    CourseLevel Level,
    Guid? CountyId,
    IReadOnlyList<CourseTopic> Topics,
    AudienceTrack Audience,
    ProviderType ProviderType,
    string ProviderName,
    string? PartnerPlatform,
    DateOnly StartDate,
    DateOnly EndDate,
    int Capacity,
    FeeModel FeeModel) : ICommand<CourseDto>, ICourseInput;

public sealed class CreateCourseValidator : AbstractValidator<CreateCourseCommand>
{
    public CreateCourseValidator()
    {
        Include(new CourseInputValidator());
        RuleFor(x => x.Level).IsInEnum();
        RuleFor(x => x.CountyId).NotEmpty().When(x => x.Level == CourseLevel.County).WithMessage("A county course names its county.");
        RuleFor(x => x.CountyId).Null().When(x => x.Level == CourseLevel.City).WithErrorCode("course.organiser_invalid")
            .WithMessage("A city course is organised by the city: leave the county empty.");
    }
}

public sealed class CreateCourseHandler(IApplicationDbContext db, ICurrentUser user) : ICommandHandler<CreateCourseCommand, CourseDto>
{
    public async ValueTask<CourseDto> Handle(CreateCourseCommand command, CancellationToken cancellationToken)
    {
        user.EnsureMayOrganise(command.Level, command.CountyId);
        if (command.CountyId is { } county)
        {
            await db.EnsureWritableCountyAsync(user, county, cancellationToken);
        }

        var course = Course.Create(command.Level, command.CountyId, command.ToDetails());
        db.Courses.Add(course);
        await db.SaveChangesAsync(cancellationToken);
        return await db.ToDtoAsync(course, cancellationToken);
    }
}
