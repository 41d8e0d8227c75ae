using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Paging;
using Sunshine.Application.Common.Security;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Benefits;

namespace Sunshine.Application.Benefits.GetBenefits;

/// <summary>A row of the benefits worklist.</summary>
public sealed record BenefitListItemDto(
    Guid Id, BenefitType Type, Guid CountyId, string CountyName, Guid? PersonId, string? PersonName, BenefitState State,
    bool IsFinallyApproved, decimal? Amount, DateTimeOffset? SubmittedAt);

/// <summary>Benefits in the caller's scope by type and state, newest first: the officers' worklist.</summary>
[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record GetBenefitsQuery(BenefitType? Type = null, BenefitState? State = null, Guid? PersonId = null, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<PagedList<BenefitListItemDto>>, IPagedRequest;

public sealed class GetBenefitsValidator : AbstractValidator<GetBenefitsQuery>
{
    public GetBenefitsValidator()
    {
        this.AddPagingRules();
        RuleFor(x => x.Type).IsInEnum();
        RuleFor(x => x.State).IsInEnum();
    }
}

public sealed class GetBenefitsHandler(IApplicationDbContext db) : IQueryHandler<GetBenefitsQuery, PagedList<BenefitListItemDto>>
{
    public async ValueTask<PagedList<BenefitListItemDto>> Handle(GetBenefitsQuery query, CancellationToken cancellationToken)
    {
        var benefits = db.Benefits.AsNoTracking()
            .Where(b => query.Type == null || b.Type == query.Type)
            .Where(b => query.State == null || b.State == query.State)
            .Where(b => query.PersonId == null || b.PersonId == query.PersonId);
        // The rows are chosen under the county scope; the names are looked up for those rows only.
        var page = await benefits.OrderByDescending(b => b.CreatedAt).ThenByDescending(b => b.Id).ToProjectedPageAsync(
            query.Page,
            query.PageSize,
            ids => from b in db.Benefits.AsNoTracking().Where(b => ids.Contains(b.Id))
                   join r in db.Regions on b.CountyId equals r.Id
                   select new
                   {
                       b.Id, b.Type, b.CountyId, CountyName = r.Name, b.PersonId,
                       PersonName = db.Persons.IgnoreQueryFilters().Where(p => p.Id == b.PersonId).Select(p => p.Name).FirstOrDefault(),
                       b.State, b.IsFinallyApproved, b.Decision, b.SubmittedAt,
                   },
            r => r.Id,
            cancellationToken);
        return new PagedList<BenefitListItemDto>(
            page.Items.Select(r => new BenefitListItemDto(r.Id, r.Type, r.CountyId, r.CountyName, r.PersonId, r.PersonName, r.State,
                r.IsFinallyApproved, r.Decision?.Amount.Yuan, r.SubmittedAt)).ToList(),
            page.Page, page.PageSize, page.TotalCount);
    }
}
