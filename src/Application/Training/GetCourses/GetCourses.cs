using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Paging;
using Sunshine.Application.Common.Security;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Training;

namespace Sunshine.Application.Training.GetCourses;

/// <summary>Courses the caller can see (their county's and the city's), newest first, by level, county, topic and dates.</summary>
[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record GetCoursesQuery(
    CourseLevel? Level = null,
    Guid? CountyId = null,
    CourseTopic? Topic = null,
    DateOnly? From = null,
    DateOnly? To = null,
    int Page = 1,
    int PageSize = Paging.DefaultPageSize) : IQuery<PagedList<CourseDto>>, IPagedRequest;

public sealed class GetCoursesValidator : AbstractValidator<GetCoursesQuery>
{
    public GetCoursesValidator()
    {
        this.AddPagingRules();
        RuleFor(x => x.Level).IsInEnum();
        RuleFor(x => x.Topic).IsInEnum();
    }
}

public sealed class GetCoursesHandler(IApplicationDbContext db) : IQueryHandler<GetCoursesQuery, PagedList<CourseDto>>
{
    public async ValueTask<PagedList<CourseDto>> Handle(GetCoursesQuery query, CancellationToken cancellationToken)
    {
        var courses = db.Courses.AsNoTracking();
        if (query.Level is { } level)
        {
            courses = courses.Where(c => c.Level == level);
        }

        if (query.CountyId is { } county)
        {
            courses = courses.Where(c => c.CountyId == county);
        }

        if (query.Topic is { } topic)
        {
            courses = courses.Where(c => c.Topics.Contains(topic));
        }

        if (query.From is { } from)
        {
            courses = courses.Where(c => c.EndDate >= from);
        }

        if (query.To is { } to)
        {
            courses = courses.Where(c => c.StartDate <= to);
        }

        var page = await courses.OrderByDescending(c => c.StartDate).ThenBy(c => c.Id).ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
        var counties = await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);
        return new PagedList<CourseDto>(
            page.Items.Select(c => new CourseDto(c.Id, c.Title, c.Level, c.CountyId, c.CountyId is { } id ? counties[id] : null, c.Topics, c.Audience,
                c.ProviderType, c.ProviderName, c.PartnerPlatform, c.StartDate, c.EndDate, c.Capacity, c.PlacesTaken, c.FeeModel, c.Version)).ToList(),
            page.Page, page.PageSize, page.TotalCount);
    }
}
