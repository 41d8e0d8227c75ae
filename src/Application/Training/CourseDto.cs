using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Common.Exceptions;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Domain.Training;

namespace Sunshine.Application.Training;

/// <summary>A course. <c>CountyId</c> is the organising county; null for a city course.</summary>
public sealed record CourseDto(
    Guid Id,
    string Title,
    CourseLevel Level,
    Guid? CountyId,
    string? CountyName,
    IReadOnlyList<CourseTopic> Topics,
    AudienceTrack Audience,
    ProviderType ProviderType,
    string ProviderName,
    string? PartnerPlatform,
    DateOnly StartDate,
    DateOnly EndDate,
    int Capacity,
    int PlacesTaken,
    FeeModel FeeModel,
    uint Version);

/// <summary>A course's editable fields, shared by create and update.</summary>
public interface ICourseInput
{
    string Title { get; }

    IReadOnlyList<CourseTopic> Topics { get; }

    AudienceTrack Audience { get; }

    ProviderType ProviderType { get; }

    string ProviderName { get; }

    string? PartnerPlatform { get; }

    DateOnly StartDate { get; }

    DateOnly EndDate { get; }

    int Capacity { get; }

    FeeModel FeeModel { get; }
}

public sealed class CourseInputValidator : AbstractValidator<ICourseInput>
{
    public CourseInputValidator()
    {
        RuleFor(x => x.Title).NotEmpty().MaximumLength(Course.TitleMaxLength);
        RuleFor(x => x.Topics).NotEmpty();
        RuleForEach(x => x.Topics).IsInEnum();
        RuleFor(x => x.Audience).IsInEnum();
        RuleFor(x => x.ProviderType).IsInEnum();
        RuleFor(x => x.ProviderName).NotEmpty().MaximumLength(200);
        RuleFor(x => x.PartnerPlatform).MaximumLength(200);
        RuleFor(x => x.StartDate).NotEmpty();
        RuleFor(x => x.EndDate).NotEmpty().GreaterThanOrEqualTo(x => x.StartDate).WithErrorCode("course.dates_invalid")
            .WithMessage("A course ends on or after it starts.");
        RuleFor(x => x.Capacity).InclusiveBetween(1, Course.MaxCapacity);
        RuleFor(x => x.FeeModel).IsInEnum();
    }
}

public static class CourseMapping
{
    public static CourseDetails ToDetails(this ICourseInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new CourseDetails(input.Title, input.Topics, input.Audience, input.ProviderType, input.ProviderName, input.PartnerPlatform,
            input.StartDate, input.EndDate, input.Capacity, input.FeeModel);
    }

    public static async Task<CourseDto> ToDtoAsync(this IApplicationDbContext db, Course course, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(course);
        var county = course.CountyId is { } id
            ? await db.Regions.Where(r => r.Id == id).Select(r => r.Name).SingleAsync(cancellationToken)
            : null;
        return new CourseDto(course.Id, course.Title, course.Level, course.CountyId, county, course.Topics, course.Audience, course.ProviderType,
            course.ProviderName, course.PartnerPlatform, course.StartDate, course.EndDate, course.Capacity, course.PlacesTaken, course.FeeModel, course.Version);
    }

    /// <summary>The course if the caller can see it (their county's or a city course), else 404.</summary>
    public static async Task<Course> RequireCourseAsync(this IApplicationDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Courses.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new NotFoundException("course", id);

    /// <summary>County officers organise their county's courses; city officers the city's.</summary>
    public static void EnsureMayOrganise(this ICurrentUser user, CourseLevel level, Guid? countyId)
    {
        ArgumentNullException.ThrowIfNull(user);
        var allowed = user.IsCountyBound
            ? level == CourseLevel.County && countyId == user.CountyId
            : level == CourseLevel.City && countyId is null;
        if (!allowed)
        {
            throw new ForbiddenException("course.organiser_not_allowed", "County officers organise their county's courses, city officers the city's.");
        }
    }
}
