using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Common.Exceptions;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Paging;
using Sunshine.Application.Common.Security;
using Sunshine.Application.Enterprises;
using Sunshine.Application.Registry;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Catalogue;
using Sunshine.Domain.Common;
using Sunshine.Domain.Registry;

namespace Sunshine.Application.Catalogue;

/// <summary>A priority product as officers see it.</summary>
public sealed record ProductDto(
    Guid Id, string Name, ProductCategory Category, Guid? ProducerPersonId, Guid? ProducerEnterpriseId, string ProducerName, Guid CountyId,
    decimal Price, string Unit, string Description, ProductAvailability Availability, DateTimeOffset UpdatedAt, DateTimeOffset? RemovedAt, uint Version);

/// <summary>
/// A product as partner platforms pull it. <c>Removed</c> marks a tombstone (drop it); the producer is
/// named only with their consent to publication.
/// </summary>
public sealed record CatalogueProductDto(
    Guid Id, string Name, ProductCategory Category, string? ProducerName, string CountyCode, string CountyName, decimal Price, string Unit, string Description,
    ProductAvailability Availability, DateTimeOffset UpdatedAt, bool Removed);

/// <summary>A page of the catalogue, and the newest change in it (send it back as <c>updatedSince</c>).</summary>
public sealed record CataloguePageDto(IReadOnlyList<CatalogueProductDto> Items, int Page, int PageSize, int TotalCount, DateTimeOffset? LastUpdatedAt);

public interface IProductInput
{
    string Name { get; }

    ProductCategory Category { get; }

    decimal Price { get; }

    string Unit { get; }

    string? Description { get; }

    ProductAvailability Availability { get; }
}

public sealed class ProductInputValidator : AbstractValidator<IProductInput>
{
    public ProductInputValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(100);
        RuleFor(x => x.Category).IsInEnum();
        RuleFor(x => x.Price).InclusiveBetween(0m, 10_000_000m).PrecisionScale(12, 2, ignoreTrailingZeros: true);
        RuleFor(x => x.Unit).NotEmpty().MaximumLength(20);
        RuleFor(x => x.Description).MaximumLength(2000);
        RuleFor(x => x.Availability).IsInEnum();
    }
}

public static class ProductQueries
{
    public static ProductDetails ToDetails(this IProductInput input) =>
        new(input.Name, input.Category, Money.FromYuan(input.Price, "price"), input.Unit, input.Description, input.Availability);

    public static async Task<ProductDto> ToDtoAsync(this IApplicationDbContext db, Product p, CancellationToken cancellationToken)
    {
        var producer = p.ProducerPersonId is { } person
            ? await db.Persons.IgnoreQueryFilters().Where(x => x.Id == person).Select(x => x.Name).SingleAsync(cancellationToken)
            : await db.Enterprises.Where(x => x.Id == p.ProducerEnterpriseId).Select(x => x.Name).SingleAsync(cancellationToken);
        return new ProductDto(p.Id, p.Name, p.Category, p.ProducerPersonId, p.ProducerEnterpriseId, producer, p.CountyId, p.Price.Yuan, p.Unit,
            p.Description, p.Availability, p.UpdatedAt, p.RemovedAt, p.Version);
    }

    public static async Task<Product> RequireProductAsync(this IApplicationDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Products.FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new NotFoundException("product", id);
}

/// <summary>The catalogue in the caller's scope, removed products included when asked.</summary>
[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record GetProductsQuery(Guid? CountyId = null, ProductCategory? Category = null, bool IncludeRemoved = false, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<PagedList<ProductDto>>, IPagedRequest;

public sealed class GetProductsValidator : AbstractValidator<GetProductsQuery>
{
    public GetProductsValidator()
    {
        this.AddPagingRules();
        RuleFor(x => x.Category).IsInEnum();
    }
}

public sealed class GetProductsHandler(IApplicationDbContext db) : IQueryHandler<GetProductsQuery, PagedList<ProductDto>>
{
    public async ValueTask<PagedList<ProductDto>> Handle(GetProductsQuery query, CancellationToken cancellationToken)
    {
        var page = await db.Products.AsNoTracking()
            .Where(p => query.CountyId == null || p.CountyId == query.CountyId)
            .Where(p => query.Category == null || p.Category == query.Category)
            .Where(p => query.IncludeRemoved || p.RemovedAt == null)
            .OrderBy(p => p.Name).ThenBy(p => p.Id)
            .ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
        var items = new List<ProductDto>();
        foreach (var product in page.Items)
        {
            items.Add(await db.ToDtoAsync(product, cancellationToken));
        }

        return new PagedList<ProductDto>(items, page.Page, page.PageSize, page.TotalCount);
    }
}

/// <summary>
/// Adds a product of a registered person's household (<c>ProducerPersonId</c>, a member of a
/// registered-poor household) or of a base (<c>ProducerEnterpriseId</c>).
/// </summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record CreateProductCommand(
    Guid? ProducerPersonId, Guid? ProducerEnterpriseId, string Name, ProductCategory Category, decimal Price, string Unit, string? Description, ProductAvailability Availability)
    : ICommand<ProductDto>, IProductInput;

public sealed class CreateProductValidator : AbstractValidator<CreateProductCommand>
{
    public CreateProductValidator()
    {
        Include(new ProductInputValidator());
        RuleFor(x => x.ProducerPersonId).NotEmpty().When(x => x.ProducerEnterpriseId is null).WithMessage("Name the producer: a person or a base.");
    }
}

public sealed class CreateProductHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<CreateProductCommand, ProductDto>
{
    public async ValueTask<ProductDto> Handle(CreateProductCommand command, CancellationToken cancellationToken)
    {
        Guid county;
        if (command.ProducerPersonId is { } personId)
        {
            var person = await db.RequirePersonAsync(personId, cancellationToken);
            if (!await db.Households.AnyAsync(h => h.IsRegisteredPoor && h.Members.Any(m => m.PersonId == person.Id), cancellationToken))
            {
                throw new DomainException("product.producer_not_registered_poor", "A household producer belongs to a registered-poor household.", field: "producerPersonId");
            }

            county = person.CountyId;
        }
        else
        {
            var producer = await db.RequireEnterpriseAsync(command.ProducerEnterpriseId!.Value, cancellationToken);
            county = producer.CountyId ?? throw new DomainException("product.producer_county_required", "The producing base must be of a county.", field: "producerEnterpriseId");
        }

        await db.EnsureWritableCountyAsync(user, county, cancellationToken);
        var product = Product.Create(county, command.ProducerPersonId, command.ProducerEnterpriseId, command.ToDetails(), clock.GetUtcNow());
        db.Products.Add(product);
        await db.SaveChangesAsync(cancellationToken);
        return await db.ToDtoAsync(product, cancellationToken);
    }
}

[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record UpdateProductCommand(Guid Id, uint? ExpectedVersion, string Name, ProductCategory Category, decimal Price, string Unit, string? Description, ProductAvailability Availability)
    : ICommand<ProductDto>, IProductInput;

public sealed class UpdateProductValidator : AbstractValidator<UpdateProductCommand>
{
    public UpdateProductValidator() => Include(new ProductInputValidator());
}

public sealed class UpdateProductHandler(IApplicationDbContext db, TimeProvider clock) : ICommandHandler<UpdateProductCommand, ProductDto>
{
    public async ValueTask<ProductDto> Handle(UpdateProductCommand command, CancellationToken cancellationToken)
    {
        var product = await db.RequireProductAsync(command.Id, cancellationToken);
        Common.Concurrency.EntityVersion.EnsureCurrent(db, product, command.ExpectedVersion);
        product.Update(command.ToDetails(), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await db.ToDtoAsync(product, cancellationToken);
    }
}

/// <summary>Removes a product from the catalogue; partners see it as a tombstone.</summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record RemoveProductCommand(Guid Id) : ICommand<ProductDto>;

public sealed class RemoveProductHandler(IApplicationDbContext db, TimeProvider clock) : ICommandHandler<RemoveProductCommand, ProductDto>
{
    public async ValueTask<ProductDto> Handle(RemoveProductCommand command, CancellationToken cancellationToken)
    {
        var product = await db.RequireProductAsync(command.Id, cancellationToken);
        product.Remove(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await db.ToDtoAsync(product, cancellationToken);
    }
}

/// <summary>
/// The catalogue for partner platforms, oldest change first so a platform can follow it with
/// <c>updatedSince</c>; removed products come back as tombstones.
/// </summary>
/// <param name="County">The county's six-digit administrative code, e.g. 430721.</param>
/// <param name="Category">Farm product, handicraft or other.</param>
/// <param name="UpdatedSince">Only products changed (or removed) after this instant: the previous page's lastUpdatedAt.</param>
/// <param name="Page">The page, from 1.</param>
/// <param name="PageSize">Products per page.</param>
[RequiresPermission(Permissions.PartnerCatalogRead)]
public sealed record GetCatalogueQuery(string? County = null, ProductCategory? Category = null, DateTimeOffset? UpdatedSince = null, int Page = 1, int PageSize = Paging.MaxPageSize)
    : IQuery<CataloguePageDto>, IPagedRequest;

public sealed class GetCatalogueValidator : AbstractValidator<GetCatalogueQuery>
{
    public GetCatalogueValidator()
    {
        this.AddPagingRules();
        RuleFor(x => x.Category).IsInEnum();
        RuleFor(x => x.County).Matches("^[0-9]{6}$").WithErrorCode("region.code_invalid").WithMessage("A county is given by its six-digit code.");
    }
}

public sealed class GetCatalogueHandler(IApplicationDbContext db, TimeProvider clock) : IQueryHandler<GetCatalogueQuery, CataloguePageDto>
{
    public async ValueTask<CataloguePageDto> Handle(GetCatalogueQuery query, CancellationToken cancellationToken)
    {
        var since = query.UpdatedSince?.ToUniversalTime();
        var counties = await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Id, r => (Code: r.Code.Value, r.Name), cancellationToken);
        var countyId = query.County is null ? (Guid?)null : counties.Where(c => c.Value.Code == query.County).Select(c => (Guid?)c.Key).FirstOrDefault() ?? Guid.Empty;
        var products = db.Products.AsNoTracking()
            .Where(p => countyId == null || p.CountyId == countyId)
            .Where(p => query.Category == null || p.Category == query.Category)
            .Where(p => since == null ? p.RemovedAt == null : p.UpdatedAt > since)
            .OrderBy(p => p.UpdatedAt).ThenBy(p => p.Id);
        var page = await products.ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
        var today = clock.Today();
        var personIds = page.Items.Where(p => p.ProducerPersonId != null).Select(p => p.ProducerPersonId!.Value).ToList();
        var people = await db.Persons.IgnoreQueryFilters().AsNoTracking().Include(p => p.Consents).Where(p => personIds.Contains(p.Id)).ToListAsync(cancellationToken);
        var enterpriseIds = page.Items.Where(p => p.ProducerEnterpriseId != null).Select(p => p.ProducerEnterpriseId!.Value).ToList();
        var enterprises = await db.Enterprises.AsNoTracking().Where(e => enterpriseIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, cancellationToken);

        string? Producer(Product p)
        {
            if (p.ProducerEnterpriseId is { } enterprise)
            {
                return enterprises[enterprise];
            }

            var person = people.Single(x => x.Id == p.ProducerPersonId);
            return person.HasConsent(ConsentScope.Publication, today) ? person.Name : null;
        }

        var items = page.Items.Select(p => p.RemovedAt is null
            ? new CatalogueProductDto(p.Id, p.Name, p.Category, Producer(p), counties[p.CountyId].Code, counties[p.CountyId].Name, p.Price.Yuan, p.Unit, p.Description, p.Availability, p.UpdatedAt, false)
            : new CatalogueProductDto(p.Id, p.Name, p.Category, null, counties[p.CountyId].Code, counties[p.CountyId].Name, p.Price.Yuan, p.Unit, string.Empty, p.Availability, p.UpdatedAt, true)).ToList();
        return new CataloguePageDto(items, page.Page, page.PageSize, page.TotalCount, page.Items.Count == 0 ? null : page.Items.Max(p => p.UpdatedAt));
    }
}
