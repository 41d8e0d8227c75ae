using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Paging;
using Sunshine.Application.Common.Security;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Benefits;

namespace Sunshine.Application.Training.GetTrainingClaims;

/// <summary>A row of the claims list.</summary>
public sealed record TrainingClaimListItemDto(
    Guid Id, Guid PersonId, string PersonName, Guid CountyId, string QualificationCode, DateOnly CertificateDate, decimal FeePaid,
    BenefitState State, decimal? Amount, DateTimeOffset CreatedAt);

/// <summary>Training subsidy claims in the caller's scope, newest first, by state and person.</summary>
[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record GetTrainingClaimsQuery(BenefitState? State = null, Guid? PersonId = null, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<PagedList<TrainingClaimListItemDto>>, IPagedRequest;

public sealed class GetTrainingClaimsValidator : AbstractValidator<GetTrainingClaimsQuery>
{
    public GetTrainingClaimsValidator()
    {
        this.AddPagingRules();
        RuleFor(x => x.State).IsInEnum();
    }
}

public sealed class GetTrainingClaimsHandler(IApplicationDbContext db) : IQueryHandler<GetTrainingClaimsQuery, PagedList<TrainingClaimListItemDto>>
{
    public async ValueTask<PagedList<TrainingClaimListItemDto>> Handle(GetTrainingClaimsQuery query, CancellationToken cancellationToken)
    {
        // The rows are chosen under the county scope; the names are looked up for those rows only.
        var claims = from c in db.TrainingSubsidyClaims.AsNoTracking()
                     join b in db.Benefits on c.Id equals b.Id
                     where (query.State == null || b.State == query.State) && (query.PersonId == null || c.PersonId == query.PersonId)
                     orderby b.CreatedAt descending, c.Id descending
                     select c;
        var page = await claims.ToProjectedPageAsync(
            query.Page,
            query.PageSize,
            ids => from c in db.TrainingSubsidyClaims.AsNoTracking().Where(c => ids.Contains(c.Id))
                   join b in db.Benefits on c.Id equals b.Id
                   join p in db.Persons.IgnoreQueryFilters() on c.PersonId equals p.Id
                   select new { c.Id, c.PersonId, PersonName = p.Name, c.CountyId, c.QualificationCode, c.CertificateDate, c.FeePaid, b.State, b.Decision, b.CreatedAt },
            r => r.Id,
            cancellationToken);
        return new PagedList<TrainingClaimListItemDto>(
            page.Items.Select(r => new TrainingClaimListItemDto(r.Id, r.PersonId, r.PersonName, r.CountyId, r.QualificationCode, r.CertificateDate,
                r.FeePaid.Yuan, r.State, r.Decision?.Amount.Yuan, r.CreatedAt)).ToList(),
            page.Page, page.PageSize, page.TotalCount);
    }
}
