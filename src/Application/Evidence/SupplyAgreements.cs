using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Bases;
using Sunshine.Application.Common.Concurrency;
using Sunshine.Application.Common.Exceptions;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Paging;
using Sunshine.Application.Common.Security;
using Sunshine.Application.Enterprises;
using Sunshine.Application.Registry;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Benefits;
using Sunshine.Domain.Evidence;

namespace Sunshine.Application.Evidence;

/// <summary>A direct-purchase/supply agreement (直采直供) of an enterprise with a base or a person.</summary>
public sealed record SupplyAgreementDto(
    Guid Id, Guid EnterpriseId, string EnterpriseName, Guid? BaseId, string? BaseName, Guid? PersonId, string? PersonName, Guid CountyId, string CountyName,
    DateOnly StartDate, DateOnly? EndDate, string Products, AgreementStatus Status, uint Version);

public static class SupplyAgreementQueries
{
    public static async Task<SupplyAgreement> RequireAgreementAsync(this IApplicationDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.SupplyAgreements.FirstOrDefaultAsync(a => a.Id == id, cancellationToken) ?? throw new NotFoundException("supply_agreement", id);

    public static IQueryable<SupplyAgreementDto> ProjectAgreements(this IApplicationDbContext db, IQueryable<SupplyAgreement> agreements) =>
        from a in agreements
        join enterprise in db.Enterprises on a.EnterpriseId equals enterprise.Id
        join county in db.Regions on a.CountyId equals county.Id
        select new SupplyAgreementDto(
            a.Id, a.EnterpriseId, enterprise.Name, a.BaseId,
            db.SunshineBases.IgnoreQueryFilters().Where(b => b.Id == a.BaseId).Select(b => b.Name).FirstOrDefault(),
            a.PersonId, db.Persons.IgnoreQueryFilters().Where(p => p.Id == a.PersonId).Select(p => p.Name).FirstOrDefault(),
            a.CountyId, county.Name, a.StartDate, a.EndDate, a.Products, a.Status, a.Version);

    public static async Task<SupplyAgreementDto> AgreementDtoAsync(this IApplicationDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.ProjectAgreements(db.SupplyAgreements.AsNoTracking().Where(a => a.Id == id)).SingleAsync(cancellationToken);

    /// <summary>One agreement of an enterprise with a counterparty at a time: a second one overlapping in dates is refused.</summary>
    public static async Task EnsureNoOverlapAsync(
        this IApplicationDbContext db, Guid enterpriseId, Guid? baseId, Guid? personId, DateOnly start, DateOnly? end, Guid? except, CancellationToken cancellationToken)
    {
        if (await db.SupplyAgreements.IgnoreQueryFilters()
                .Where(a => a.Id != except && a.EnterpriseId == enterpriseId && a.BaseId == baseId && a.PersonId == personId)
                .AnyAsync(DatedRecord.OverlapsPeriod<SupplyAgreement>(start, end), cancellationToken))
        {
            throw new ConflictException("agreement.overlapping", "The enterprise already has an agreement with this counterparty in these dates.", "startDate");
        }
    }
}

/// <summary>Agreements in your scope (either party's county) by enterprise, base, person, status, and in force on a date.</summary>
[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record GetSupplyAgreementsQuery(
    Guid? EnterpriseId = null, Guid? BaseId = null, Guid? PersonId = null, AgreementStatus? Status = null, DateOnly? InForceOn = null, int Page = 1,
    int PageSize = Paging.DefaultPageSize) : IQuery<PagedList<SupplyAgreementDto>>, IPagedRequest;

public sealed class GetSupplyAgreementsValidator : AbstractValidator<GetSupplyAgreementsQuery>
{
    public GetSupplyAgreementsValidator()
    {
        this.AddPagingRules();
        RuleFor(x => x.Status).IsInEnum();
    }
}

public sealed class GetSupplyAgreementsHandler(IApplicationDbContext db) : IQueryHandler<GetSupplyAgreementsQuery, PagedList<SupplyAgreementDto>>
{
    public async ValueTask<PagedList<SupplyAgreementDto>> Handle(GetSupplyAgreementsQuery query, CancellationToken cancellationToken)
    {
        var agreements = db.SupplyAgreements.AsNoTracking()
            .Where(a => (query.EnterpriseId == null || a.EnterpriseId == query.EnterpriseId) && (query.BaseId == null || a.BaseId == query.BaseId)
                && (query.PersonId == null || a.PersonId == query.PersonId) && (query.Status == null || a.Status == query.Status));
        if (query.InForceOn is { } date)
        {
            agreements = agreements.Where(DatedRecord.InForceOn<SupplyAgreement>(date));
        }

        return await agreements.OrderByDescending(a => a.StartDate).ThenBy(a => a.Id).ToProjectedPageAsync(
            query.Page, query.PageSize, ids => db.ProjectAgreements(db.SupplyAgreements.AsNoTracking().Where(a => ids.Contains(a.Id))), a => a.Id, cancellationToken);
    }
}

[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record GetSupplyAgreementQuery(Guid Id) : IQuery<SupplyAgreementDto>;

public sealed class GetSupplyAgreementHandler(IApplicationDbContext db) : IQueryHandler<GetSupplyAgreementQuery, SupplyAgreementDto>
{
    public async ValueTask<SupplyAgreementDto> Handle(GetSupplyAgreementQuery query, CancellationToken cancellationToken) =>
        await db.AgreementDtoAsync((await db.RequireAgreementAsync(query.Id, cancellationToken)).Id, cancellationToken);
}

/// <summary>
/// Records an agreement of an enterprise with a base (<c>BaseId</c>) or a registered person
/// (<c>PersonId</c>) of your scope; the end date is the last day in force (none: open-ended).
/// </summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record CreateSupplyAgreementCommand(Guid EnterpriseId, Guid? BaseId, Guid? PersonId, DateOnly StartDate, DateOnly? EndDate, string Products)
    : ICommand<SupplyAgreementDto>;

public sealed class CreateSupplyAgreementValidator : AbstractValidator<CreateSupplyAgreementCommand>
{
    public CreateSupplyAgreementValidator()
    {
        RuleFor(x => x.EnterpriseId).NotEmpty();
        RuleFor(x => x.BaseId).NotNull().When(x => x.PersonId is null).WithErrorCode("agreement.counterparty_required").WithMessage("Give the base or the person.");
        RuleFor(x => x.BaseId).Null().When(x => x.PersonId is not null).WithErrorCode("agreement.counterparty_required")
            .WithMessage("An agreement is with a base or a person, not both.");
        RuleFor(x => x.StartDate).NotEmpty();
        RuleFor(x => x.Products).NotEmpty().MaximumLength(SupplyAgreement.ProductsMaxLength);
    }
}

public sealed class CreateSupplyAgreementHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<CreateSupplyAgreementCommand, SupplyAgreementDto>
{
    public async ValueTask<SupplyAgreementDto> Handle(CreateSupplyAgreementCommand command, CancellationToken cancellationToken)
    {
        var enterprise = await db.RequireEnterpriseAsync(command.EnterpriseId, cancellationToken);
        var countyId = command.BaseId is { } baseId
            ? (await db.RequireBaseAsync(baseId, cancellationToken)).CountyId
            : (await db.RequirePersonAsync(command.PersonId!.Value, cancellationToken)).CountyId;
        await db.EnsureWritableCountyAsync(user, countyId, cancellationToken);
        await db.EnsureNoOverlapAsync(enterprise.Id, command.BaseId, command.PersonId, command.StartDate, command.EndDate, null, cancellationToken);
        var holdsAward = command.PersonId is { } personId && await db.Benefits.IgnoreQueryFilters().AnyAsync(
            b => b.Type == BenefitType.DemonstrationHouseholdAward && b.IsFinallyApproved && b.PersonId == personId, cancellationToken);
        var agreement = SupplyAgreement.Create(
            enterprise.Id, enterprise.CountyId, command.BaseId, command.PersonId, countyId, command.StartDate, command.EndDate, command.Products, clock.Today(), holdsAward);
        db.SupplyAgreements.Add(agreement);
        await db.SaveChangesAsync(cancellationToken);
        return await db.AgreementDtoAsync(agreement.Id, cancellationToken);
    }
}

/// <summary>Corrects an agreement's dates or products; <c>ExpectedVersion</c> is the ETag from <c>If-Match</c>.</summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record UpdateSupplyAgreementCommand(Guid Id, uint? ExpectedVersion, DateOnly StartDate, DateOnly? EndDate, string Products) : ICommand<SupplyAgreementDto>;

public sealed class UpdateSupplyAgreementValidator : AbstractValidator<UpdateSupplyAgreementCommand>
{
    public UpdateSupplyAgreementValidator()
    {
        RuleFor(x => x.StartDate).NotEmpty();
        RuleFor(x => x.Products).NotEmpty().MaximumLength(SupplyAgreement.ProductsMaxLength);
    }
}

public sealed class UpdateSupplyAgreementHandler(IApplicationDbContext db, TimeProvider clock) : ICommandHandler<UpdateSupplyAgreementCommand, SupplyAgreementDto>
{
    public async ValueTask<SupplyAgreementDto> Handle(UpdateSupplyAgreementCommand command, CancellationToken cancellationToken)
    {
        var agreement = await db.RequireAgreementAsync(command.Id, cancellationToken);
        db.EnsureCurrent(agreement, command.ExpectedVersion);
        await db.EnsureNoOverlapAsync(agreement.EnterpriseId, agreement.BaseId, agreement.PersonId, command.StartDate, command.EndDate, agreement.Id, cancellationToken);
        agreement.Update(command.StartDate, command.EndDate, command.Products, clock.Today());
        await db.SaveChangesAsync(cancellationToken);
        return await db.AgreementDtoAsync(agreement.Id, cancellationToken);
    }
}

/// <summary>Terminates an agreement; <c>LastDay</c> is its last day in force.</summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record TerminateSupplyAgreementCommand(Guid Id, DateOnly LastDay) : ICommand<SupplyAgreementDto>;

public sealed class TerminateSupplyAgreementHandler(IApplicationDbContext db) : ICommandHandler<TerminateSupplyAgreementCommand, SupplyAgreementDto>
{
    public async ValueTask<SupplyAgreementDto> Handle(TerminateSupplyAgreementCommand command, CancellationToken cancellationToken)
    {
        var agreement = await db.RequireAgreementAsync(command.Id, cancellationToken);
        agreement.Terminate(command.LastDay);
        await db.SaveChangesAsync(cancellationToken);
        return await db.AgreementDtoAsync(agreement.Id, cancellationToken);
    }
}
