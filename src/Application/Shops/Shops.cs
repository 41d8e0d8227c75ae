using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Common.Concurrency;
using Sunshine.Application.Common.Exceptions;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Paging;
using Sunshine.Application.Common.Security;
using Sunshine.Application.Enterprises;
using Sunshine.Application.Registry;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Common;
using Sunshine.Domain.Shops;

namespace Sunshine.Application.Shops;

/// <summary>A shop as officers see it.</summary>
public sealed record ShopDto(
    Guid Id, Guid? OwnerPersonId, string? OwnerPersonName, Guid? OwnerEnterpriseId, string? OwnerEnterpriseName, Guid PlatformId, string PlatformName,
    string PlatformShopId, string Name, string? Url, Guid CountyId, string CountyName, ReportingGranularity Granularity, DateOnly OpenedOn,
    DateOnly? ClosedOn, ShopStatus Status, RecordSource Source, uint Version);

public static class ShopQueries
{
    public static async Task<Shop> RequireShopAsync(this IApplicationDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Shops.FirstOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw new NotFoundException("shop", id);

    public static IQueryable<ShopDto> ProjectShops(this IApplicationDbContext db, IQueryable<Shop> shops) =>
        from s in shops
        join platform in db.Enterprises on s.PlatformId equals platform.Id
        join county in db.Regions on s.CountyId equals county.Id
        select new ShopDto(
            s.Id,
            s.OwnerPersonId,
            db.Persons.IgnoreQueryFilters().Where(p => p.Id == s.OwnerPersonId).Select(p => p.Name).FirstOrDefault(),
            s.OwnerEnterpriseId,
            db.Enterprises.Where(e => e.Id == s.OwnerEnterpriseId).Select(e => e.Name).FirstOrDefault(),
            s.PlatformId,
            platform.Name,
            s.PlatformShopId,
            s.Name,
            s.Url,
            s.CountyId,
            county.Name,
            s.Granularity,
            s.OpenedOn,
            s.ClosedOn,
            s.Status,
            s.Source,
            s.Version);

    public static async Task<ShopDto> ToDtoAsync(this IApplicationDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.ProjectShops(db.Shops.AsNoTracking().Where(s => s.Id == id)).SingleAsync(cancellationToken);

    public static async Task EnsurePlatformShopIdFreeAsync(this IApplicationDbContext db, Guid platformId, string platformShopId, CancellationToken cancellationToken)
    {
        if (await db.Shops.IgnoreQueryFilters().AnyAsync(s => s.PlatformId == platformId && s.PlatformShopId == platformShopId.Trim(), cancellationToken))
        {
            throw new ConflictException("shop.platform_shop_id_taken", "The platform already has a shop with this id.", "platformShopId");
        }
    }
}

/// <summary>Shops in your scope by county, platform, owner and status, newest first.</summary>
[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record GetShopsQuery(Guid? CountyId = null, Guid? PlatformId = null, Guid? OwnerPersonId = null, ShopStatus? Status = null, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<PagedList<ShopDto>>, IPagedRequest;

public sealed class GetShopsValidator : AbstractValidator<GetShopsQuery>
{
    public GetShopsValidator()
    {
        this.AddPagingRules();
        RuleFor(x => x.Status).IsInEnum();
    }
}

public sealed class GetShopsHandler(IApplicationDbContext db) : IQueryHandler<GetShopsQuery, PagedList<ShopDto>>
{
    public async ValueTask<PagedList<ShopDto>> Handle(GetShopsQuery query, CancellationToken cancellationToken)
    {
        var shops = db.Shops.AsNoTracking()
            .Where(s => query.CountyId == null || s.CountyId == query.CountyId)
            .Where(s => query.PlatformId == null || s.PlatformId == query.PlatformId)
            .Where(s => query.OwnerPersonId == null || s.OwnerPersonId == query.OwnerPersonId)
            .Where(s => query.Status == null || s.Status == query.Status)
            .OrderByDescending(s => s.OpenedOn).ThenBy(s => s.Id);
        var ids = await shops.Select(s => s.Id).ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
        var items = await db.ProjectShops(db.Shops.AsNoTracking().Where(s => ids.Items.Contains(s.Id))).ToListAsync(cancellationToken);
        return new PagedList<ShopDto>(ids.Items.Select(id => items.Single(i => i.Id == id)).ToList(), ids.Page, ids.PageSize, ids.TotalCount);
    }
}

[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record GetShopQuery(Guid Id) : IQuery<ShopDto>;

public sealed class GetShopHandler(IApplicationDbContext db) : IQueryHandler<GetShopQuery, ShopDto>
{
    public async ValueTask<ShopDto> Handle(GetShopQuery query, CancellationToken cancellationToken)
    {
        var shop = await db.RequireShopAsync(query.Id, cancellationToken);
        return await db.ToDtoAsync(shop.Id, cancellationToken);
    }
}

/// <summary>Registers a shop of a disabled person (<c>OwnerPersonId</c>) or an enterprise (<c>OwnerEnterpriseId</c>) on a platform.</summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record CreateShopCommand(
    Guid? OwnerPersonId, Guid? OwnerEnterpriseId, Guid PlatformId, string PlatformShopId, string Name, string? Url, ReportingGranularity Granularity, DateOnly OpenedOn)
    : ICommand<ShopDto>;

public sealed class CreateShopValidator : AbstractValidator<CreateShopCommand>
{
    public CreateShopValidator()
    {
        RuleFor(x => x.OwnerPersonId).NotEmpty().When(x => x.OwnerEnterpriseId is null).WithMessage("Name the owner: a person or an enterprise.");
        RuleFor(x => x.OwnerEnterpriseId).Null().When(x => x.OwnerPersonId is not null).WithErrorCode("shop.owner_ambiguous")
            .WithMessage("A shop has one owner: a person or an enterprise.");
        RuleFor(x => x.PlatformId).NotEmpty();
        RuleFor(x => x.PlatformShopId).NotEmpty().MaximumLength(100);
        RuleFor(x => x.Name).NotEmpty().MaximumLength(Shop.NameMaxLength);
        RuleFor(x => x.Url).MaximumLength(500);
        RuleFor(x => x.Granularity).IsInEnum();
        RuleFor(x => x.OpenedOn).NotEmpty();
    }
}

public sealed class CreateShopHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<CreateShopCommand, ShopDto>
{
    public async ValueTask<ShopDto> Handle(CreateShopCommand command, CancellationToken cancellationToken)
    {
        var platform = await db.RequireEnterpriseAsync(command.PlatformId, cancellationToken);
        if (!platform.IsPartnerPlatform)
        {
            throw new DomainException("shop.platform_invalid", "A shop is on a partner platform.", field: "platformId");
        }

        await db.EnsurePlatformShopIdFreeAsync(platform.Id, command.PlatformShopId, cancellationToken);
        var details = new ShopDetails(command.Name, command.Url, command.Granularity, command.OpenedOn);
        Shop shop;
        if (command.OwnerPersonId is { } personId)
        {
            var person = await db.RequirePersonAsync(personId, cancellationToken);
            await db.EnsureWritableCountyAsync(user, person.CountyId, cancellationToken);
            shop = Shop.ForPerson(person.Id, person.CountyId, platform.Id, command.PlatformShopId, details, clock.Today(), RecordSource.Staff);
        }
        else
        {
            var owner = await db.RequireEnterpriseAsync(command.OwnerEnterpriseId!.Value, cancellationToken);
            var county = owner.CountyId ?? throw new DomainException("shop.owner_county_required", "The owning enterprise must be of a county.", field: "ownerEnterpriseId");
            await db.EnsureWritableCountyAsync(user, county, cancellationToken);
            shop = Shop.ForEnterprise(owner.Id, county, platform.Id, command.PlatformShopId, details, clock.Today(), RecordSource.Staff);
        }

        db.Shops.Add(shop);
        await db.SaveChangesAsync(cancellationToken);
        return await db.ToDtoAsync(shop.Id, cancellationToken);
    }
}

/// <summary>Edits a shop's name, address and opening date; the granularity never changes.</summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record UpdateShopCommand(Guid Id, uint? ExpectedVersion, string Name, string? Url, ReportingGranularity Granularity, DateOnly OpenedOn) : ICommand<ShopDto>;

public sealed class UpdateShopValidator : AbstractValidator<UpdateShopCommand>
{
    public UpdateShopValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(Shop.NameMaxLength);
        RuleFor(x => x.Url).MaximumLength(500);
        RuleFor(x => x.Granularity).IsInEnum();
    }
}

public sealed class UpdateShopHandler(IApplicationDbContext db, TimeProvider clock) : ICommandHandler<UpdateShopCommand, ShopDto>
{
    public async ValueTask<ShopDto> Handle(UpdateShopCommand command, CancellationToken cancellationToken)
    {
        var shop = await db.RequireShopAsync(command.Id, cancellationToken);
        db.EnsureCurrent(shop, command.ExpectedVersion);
        shop.Update(new ShopDetails(command.Name, command.Url, command.Granularity, command.OpenedOn), clock.Today());
        await db.SaveChangesAsync(cancellationToken);
        return await db.ToDtoAsync(shop.Id, cancellationToken);
    }
}

/// <summary>Closes a shop on a date (staff; a partner platform closes its shops through the partner API).</summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record CloseShopCommand(Guid Id, DateOnly ClosedOn) : ICommand<ShopDto>;

public sealed class CloseShopHandler(IApplicationDbContext db, TimeProvider clock) : ICommandHandler<CloseShopCommand, ShopDto>
{
    public async ValueTask<ShopDto> Handle(CloseShopCommand command, CancellationToken cancellationToken)
    {
        var shop = await db.RequireShopAsync(command.Id, cancellationToken);
        shop.Close(command.ClosedOn, clock.Today());
        await db.SaveChangesAsync(cancellationToken);
        return await db.ToDtoAsync(shop.Id, cancellationToken);
    }
}
