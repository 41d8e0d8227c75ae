using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Paging;
using Sunshine.Application.Common.Security;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Registry;

namespace Sunshine.Application.Registry.GetHouseholds;

/// <summary>Lists households in the caller's scope: by county, registered-poor status, exit, head's name.</summary>
[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record GetHouseholdsQuery(
    Guid? CountyId = null,
    bool? RegisteredPoor = null,
    bool? ExitedPoverty = null,
    string? HeadName = null,
    string Sort = "head",
    int Page = 1,
    int PageSize = Paging.DefaultPageSize) : IQuery<PagedList<HouseholdListItemDto>>, IPagedRequest;

public sealed class GetHouseholdsValidator : AbstractValidator<GetHouseholdsQuery>
{
    public static readonly string[] Sorts = ["head", "-head", "county", "-county", "registered", "-registered"];

    public GetHouseholdsValidator()
    {
        this.AddPagingRules();
        RuleFor(x => x.HeadName).MaximumLength(Person.NameMaxLength);
        RuleFor(x => x.Sort).Must(s => Sorts.Contains(s)).WithErrorCode("sort.unknown").WithMessage("Sort by " + string.Join(", ", Sorts) + ".");
    }
}

public sealed class GetHouseholdsHandler(IApplicationDbContext db) : IQueryHandler<GetHouseholdsQuery, PagedList<HouseholdListItemDto>>
{
    public async ValueTask<PagedList<HouseholdListItemDto>> Handle(GetHouseholdsQuery query, CancellationToken cancellationToken)
    {
        var households = db.Households.AsNoTracking();
        if (query.CountyId is { } county)
        {
            households = households.Where(h => h.CountyId == county);
        }

        if (query.RegisteredPoor is { } poor)
        {
            households = households.Where(h => h.IsRegisteredPoor == poor);
        }

        if (query.ExitedPoverty is { } exited)
        {
            households = households.Where(h => (h.PovertyExitDate != null) == exited);
        }

        var rows = from h in households
                   join r in db.Regions on h.CountyId equals r.Id
                   select new
                   {
                       h.Id,
                       h.CountyId,
                       CountyName = r.Name,
                       h.Township,
                       h.Village,
                       HeadName = h.Members.Where(m => m.Relation == HouseholdRelation.Head).Select(m => m.Name).FirstOrDefault() ?? string.Empty,
                       MemberCount = h.Members.Count,
                       DisabledMemberCount = h.Members.Count(m => m.PersonId != null),
                       h.IsRegisteredPoor,
                       h.RegisteredPoorYear,
                       h.PovertyExitDate,
                   };

        if (!string.IsNullOrWhiteSpace(query.HeadName))
        {
            var pattern = "%" + LikePattern.Escape(query.HeadName.Trim()) + "%";
            rows = rows.Where(r => EF.Functions.Like(r.HeadName, pattern, "\\"));
        }

        rows = query.Sort switch
        {
            "-head" => rows.OrderByDescending(r => r.HeadName).ThenBy(r => r.Id),
            "county" => rows.OrderBy(r => r.CountyName).ThenBy(r => r.HeadName).ThenBy(r => r.Id),
            "-county" => rows.OrderByDescending(r => r.CountyName).ThenBy(r => r.HeadName).ThenBy(r => r.Id),
            "registered" => rows.OrderBy(r => r.Id),
            "-registered" => rows.OrderByDescending(r => r.Id),
            _ => rows.OrderBy(r => r.HeadName).ThenBy(r => r.Id),
        };
        var page = await rows.ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
        return new PagedList<HouseholdListItemDto>(
            page.Items.Select(r => new HouseholdListItemDto(r.Id, r.CountyId, r.CountyName, r.Township, r.Village, r.HeadName, r.MemberCount,
                r.DisabledMemberCount, r.IsRegisteredPoor, r.RegisteredPoorYear, r.PovertyExitDate)).ToList(),
            page.Page,
            page.PageSize,
            page.TotalCount);
    }
}
