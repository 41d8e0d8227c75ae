using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Common.Exceptions;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Paging;
using Sunshine.Application.Common.Security;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Registry;
using Sunshine.Domain.Shops;

namespace Sunshine.Application.Shops;

/// <summary>A shop as its platform sees it: nothing about the seller beyond that it is verified.</summary>
public sealed record PartnerShopDto(Guid Id, string PlatformShopId, string Name, string? Url, ReportingGranularity Granularity, DateOnly OpenedOn, DateOnly? ClosedOn, ShopStatus Status);

/// <summary>The seller a platform registers a shop for: their disability certificate number and name, both.</summary>
public sealed record SellerIdentity(string CertificateNumber, string Name);

/// <summary>The outcome of a registration: the shop, or a refusal that is the same whatever did not match.</summary>
public sealed record PartnerShopRegistration(PartnerShopDto? Shop);

/// <summary>
/// A partner platform registers its seller's shop. The seller must be an active registered person
/// whose certificate number and name both match and who consented to sharing with partner
/// platforms; any failure is the same 422 <c>seller.not_verified</c>, so the endpoint cannot be used
/// to find out whether someone is registered. Every refused attempt is audited.
/// </summary>
[RequiresPermission(Permissions.PartnerShopsWrite)]
public sealed record RegisterPartnerShopCommand(
    string PlatformShopId, string Name, string? Url, ReportingGranularity Granularity, DateOnly OpenedOn, SellerIdentity Seller) : ICommand<PartnerShopRegistration>;

public sealed class RegisterPartnerShopValidator : AbstractValidator<RegisterPartnerShopCommand>
{
    public RegisterPartnerShopValidator()
    {
        RuleFor(x => x.PlatformShopId).NotEmpty().MaximumLength(100);
        RuleFor(x => x.Name).NotEmpty().MaximumLength(Shop.NameMaxLength);
        RuleFor(x => x.Url).MaximumLength(500);
        RuleFor(x => x.Granularity).IsInEnum();
        RuleFor(x => x.OpenedOn).NotEmpty();
        RuleFor(x => x.Seller).NotNull();
        RuleFor(x => x.Seller.CertificateNumber).NotEmpty().MaximumLength(20).When(x => x.Seller is not null);
        RuleFor(x => x.Seller.Name).NotEmpty().MaximumLength(Person.NameMaxLength).When(x => x.Seller is not null);
    }
}

public sealed class RegisterPartnerShopHandler(IApplicationDbContext db, ICurrentUser user, ISensitiveDataProtector protector, IAuditTrail audit, TimeProvider clock)
    : ICommandHandler<RegisterPartnerShopCommand, PartnerShopRegistration>
{
    public async ValueTask<PartnerShopRegistration> Handle(RegisterPartnerShopCommand command, CancellationToken cancellationToken)
    {
        var platformId = user.PlatformId ?? throw new ForbiddenException("partner.not_a_platform", "Only a partner platform's client registers shops.");
        var today = clock.Today();
        var seller = await db.VerifyPartnerSubjectAsync(protector, command.Seller, today, cancellationToken);
        if (seller is null)
        {
            // What failed stays out of the answer and the trail alike; the attempt itself is recorded.
            audit.Record("SellerVerification", null, new { outcome = "not_verified", platformShopId = command.PlatformShopId });
            return new PartnerShopRegistration(null);
        }

        await db.EnsurePlatformShopIdFreeAsync(platformId, command.PlatformShopId, cancellationToken);
        var shop = Shop.ForPerson(seller.Id, seller.CountyId, platformId, command.PlatformShopId,
            new ShopDetails(command.Name, command.Url, command.Granularity, command.OpenedOn), today, RecordSource.Partner);
        db.Shops.Add(shop);
        await db.SaveChangesAsync(cancellationToken);
        return new PartnerShopRegistration(shop.ToPartnerDto());
    }
}

public static class PartnerSubjects
{
    /// <summary>
    /// The registered person a partner names by certificate number and name, when both match, the
    /// person is active and agreed to sharing with partner platforms; otherwise null, whatever failed.
    /// </summary>
    public static async Task<Person?> VerifyPartnerSubjectAsync(
        this IApplicationDbContext db, ISensitiveDataProtector protector, SellerIdentity identity, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(protector);
        ArgumentNullException.ThrowIfNull(identity);
        var index = protector.BlindIndex(SensitiveKind.CertificateNumber, identity.CertificateNumber.Trim().ToUpperInvariant());
        var person = await db.Persons.IgnoreQueryFilters().Include(p => p.Consents)
            .FirstOrDefaultAsync(p => EF.Property<byte[]>(p, Registry.SensitiveColumns.CertificateNumberIndex) == index, cancellationToken);
        return person is { Status: PersonStatus.Active }
            && string.Equals(person.Name, identity.Name.Trim(), StringComparison.Ordinal)
            && person.HasConsent(ConsentScope.PartnerSharing, today)
            ? person
            : null;
    }
}

public static class PartnerShopMapping
{
    public static PartnerShopDto ToPartnerDto(this Shop s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new PartnerShopDto(s.Id, s.PlatformShopId, s.Name, s.Url, s.Granularity, s.OpenedOn, s.ClosedOn, s.Status);
    }
}

/// <summary>The calling platform's shops, by their platform id order.</summary>
[RequiresPermission(Permissions.PartnerShopsWrite, Permissions.PartnerSalesWrite)]
public sealed record GetPartnerShopsQuery(ShopStatus? Status = null, int Page = 1, int PageSize = Paging.DefaultPageSize) : IQuery<PagedList<PartnerShopDto>>, IPagedRequest;

public sealed class GetPartnerShopsValidator : AbstractValidator<GetPartnerShopsQuery>
{
    public GetPartnerShopsValidator()
    {
        this.AddPagingRules();
        RuleFor(x => x.Status).IsInEnum();
    }
}

public sealed class GetPartnerShopsHandler(IApplicationDbContext db) : IQueryHandler<GetPartnerShopsQuery, PagedList<PartnerShopDto>>
{
    public async ValueTask<PagedList<PartnerShopDto>> Handle(GetPartnerShopsQuery query, CancellationToken cancellationToken)
    {
        var page = await db.Shops.AsNoTracking().Where(s => query.Status == null || s.Status == query.Status)
            .OrderBy(s => s.PlatformShopId).ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
        return new PagedList<PartnerShopDto>(page.Items.Select(s => s.ToPartnerDto()).ToList(), page.Page, page.PageSize, page.TotalCount);
    }
}

/// <summary>
/// A platform changes its shop: the name or address, or closes it. Fields left out stay as they are;
/// the reporting granularity and the owner do not change here.
/// </summary>
[RequiresPermission(Permissions.PartnerShopsWrite)]
public sealed record UpdatePartnerShopCommand(string PlatformShopId, string? Name, string? Url, DateOnly? ClosedOn) : ICommand<PartnerShopDto>;

public sealed class UpdatePartnerShopValidator : AbstractValidator<UpdatePartnerShopCommand>
{
    public UpdatePartnerShopValidator()
    {
        RuleFor(x => x.PlatformShopId).NotEmpty().MaximumLength(Shop.PlatformShopIdMaxLength);
        RuleFor(x => x.Name).MaximumLength(Shop.NameMaxLength);
        RuleFor(x => x.Url).MaximumLength(500);
        RuleFor(x => x).Must(x => x.Name is not null || x.Url is not null || x.ClosedOn is not null)
            .OverridePropertyName("name").WithErrorCode("shop.nothing_to_change").WithMessage("Send at least one of name, url and closedOn.");
    }
}

public sealed class UpdatePartnerShopHandler(IApplicationDbContext db, TimeProvider clock) : ICommandHandler<UpdatePartnerShopCommand, PartnerShopDto>
{
    public async ValueTask<PartnerShopDto> Handle(UpdatePartnerShopCommand command, CancellationToken cancellationToken)
    {
        // The platform filter leaves only the caller's shops: another platform's is not found.
        var shop = await db.Shops.FirstOrDefaultAsync(s => s.PlatformShopId == command.PlatformShopId, cancellationToken)
            ?? throw new NotFoundException("shop", command.PlatformShopId);
        var today = clock.Today();
        if (command.Name is not null || command.Url is not null)
        {
            shop.Update(new ShopDetails(command.Name ?? shop.Name, command.Url ?? shop.Url, shop.Granularity, shop.OpenedOn), today);
        }

        if (command.ClosedOn is { } closedOn)
        {
            shop.Close(closedOn, today);
        }

        await db.SaveChangesAsync(cancellationToken);
        return shop.ToPartnerDto();
    }
}
