using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Paging;
using Sunshine.Application.Common.Security;
using Sunshine.Application.Common.Validation;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Registry;

namespace Sunshine.Application.Registry.GetPersons;

/// <summary>
/// Lists people in the caller's scope, filtered and sorted. <c>IdNumber</c> finds one person by the
/// exact number (through its blind index; the number is never stored in clear).
/// </summary>
[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record GetPersonsQuery(
    Guid? CountyId = null,
    DisabilityCategory? Category = null,
    DisabilityLevel? Level = null,
    HouseholdRegistration? Registration = null,
    bool? RegisteredPoor = null,
    PersonTags? Tag = null,
    PersonStatus? Status = null,
    string? Name = null,
    string? IdNumber = null,
    string Sort = "name",
    int Page = 1,
    int PageSize = Paging.DefaultPageSize) : IQuery<PagedList<PersonListItemDto>>, IPagedRequest;

public sealed class GetPersonsValidator : AbstractValidator<GetPersonsQuery>
{
    public static readonly string[] Sorts = ["name", "-name", "county", "-county", "category", "-category", "level", "-level", "registered", "-registered"];

    public GetPersonsValidator()
    {
        this.AddPagingRules();
        RuleFor(x => x.Category).IsInEnum();
        RuleFor(x => x.Level).IsInEnum();
        RuleFor(x => x.Registration).IsInEnum();
        RuleFor(x => x.Status).IsInEnum();
        RuleFor(x => x.Tag).Must(t => t is null or PersonTags.SpecialistCommitteeMember or PersonTags.UniversityStudent or PersonTags.VocationalStudent)
            .WithErrorCode("person.tag_unknown").WithMessage("Tags are SpecialistCommitteeMember, UniversityStudent or VocationalStudent.");
        RuleFor(x => x.Name).MaximumLength(Person.NameMaxLength);
        RuleFor(x => x.IdNumber).MustCreate((_, v) => ResidentIdNumber.Create(v, DateOnly.MaxValue)).When(x => !string.IsNullOrEmpty(x.IdNumber));
        RuleFor(x => x.Sort).Must(s => Sorts.Contains(s)).WithErrorCode("sort.unknown")
            .WithMessage("Sort by " + string.Join(", ", Sorts) + ".");
    }
}

public sealed class GetPersonsHandler(IApplicationDbContext db, ISensitiveDataProtector protector)
    : IQueryHandler<GetPersonsQuery, PagedList<PersonListItemDto>>
{
    public async ValueTask<PagedList<PersonListItemDto>> Handle(GetPersonsQuery query, CancellationToken cancellationToken)
    {
        var persons = db.Persons.AsNoTracking();
        if (query.CountyId is { } county)
        {
            persons = persons.Where(p => p.CountyId == county);
        }

        if (query.Category is { } category)
        {
            persons = persons.Where(p => p.Category == category);
        }

        if (query.Level is { } level)
        {
            persons = persons.Where(p => p.Level == level);
        }

        if (query.Registration is { } registration)
        {
            persons = persons.Where(p => p.Registration == registration);
        }

        if (query.Status is { } status)
        {
            persons = persons.Where(p => p.Status == status);
        }

        if (query.Tag is { } tag)
        {
            persons = persons.Where(p => (p.Tags & tag) == tag);
        }

        if (!string.IsNullOrWhiteSpace(query.Name))
        {
            var pattern = "%" + LikePattern.Escape(query.Name.Trim()) + "%";
            persons = persons.Where(p => EF.Functions.Like(p.Name, pattern, "\\"));
        }

        if (!string.IsNullOrEmpty(query.IdNumber))
        {
            var index = protector.BlindIndex(SensitiveKind.ResidentIdNumber, ResidentIdNumber.Create(query.IdNumber, DateOnly.MaxValue).Value);
            persons = persons.Where(p => EF.Property<byte[]>(p, SensitiveColumns.IdNumberIndex) == index);
        }

        var rows = from p in persons
                   join r in db.Regions on p.CountyId equals r.Id
                   let household = db.Households.Where(h => h.Members.Any(m => m.PersonId == p.Id))
                       .Select(h => new { h.Id, h.IsRegisteredPoor }).FirstOrDefault()
                   select new
                   {
                       p.Id,
                       p.Name,
                       p.IdNumber,
                       p.Category,
                       p.Level,
                       p.Sex,
                       p.CountyId,
                       CountyName = r.Name,
                       CountyOrder = r.SortOrder,
                       p.Township,
                       p.Village,
                       p.Registration,
                       p.Tags,
                       p.Status,
                       HouseholdId = household == null ? (Guid?)null : household.Id,
                       IsRegisteredPoor = household != null && household.IsRegisteredPoor,
                   };

        if (query.RegisteredPoor is { } poor)
        {
            rows = rows.Where(r => r.IsRegisteredPoor == poor);
        }

        rows = query.Sort switch
        {
            "-name" => rows.OrderByDescending(r => r.Name).ThenByDescending(r => r.Id),
            "county" => rows.OrderBy(r => r.CountyOrder).ThenBy(r => r.Name).ThenBy(r => r.Id),
            "-county" => rows.OrderByDescending(r => r.CountyOrder).ThenBy(r => r.Name).ThenBy(r => r.Id),
            "category" => rows.OrderBy(r => r.Category).ThenBy(r => r.Name).ThenBy(r => r.Id),
            "-category" => rows.OrderByDescending(r => r.Category).ThenBy(r => r.Name).ThenBy(r => r.Id),
            "level" => rows.OrderBy(r => r.Level).ThenBy(r => r.Name).ThenBy(r => r.Id),
            "-level" => rows.OrderByDescending(r => r.Level).ThenBy(r => r.Name).ThenBy(r => r.Id),
            "registered" => rows.OrderBy(r => r.Id),
            "-registered" => rows.OrderByDescending(r => r.Id),
            _ => rows.OrderBy(r => r.Name).ThenBy(r => r.Id),
        };

        var page = await rows.ToCountedPageAsync(query.Page, query.PageSize, cancellationToken);
        return new PagedList<PersonListItemDto>(
            page.Items.Select(r => new PersonListItemDto(
                r.Id, r.Name, r.IdNumber.Masked, r.Category, r.Level, r.Sex, r.CountyId, r.CountyName, r.Township, r.Village,
                r.Registration, r.Tags.ToList(), r.Status, r.HouseholdId, r.IsRegisteredPoor)).ToList(),
            page.Page,
            page.PageSize,
            page.TotalCount);
    }
}
