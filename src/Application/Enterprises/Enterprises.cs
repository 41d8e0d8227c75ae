using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Common.Concurrency;
using Sunshine.Application.Common.Exceptions;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Paging;
using Sunshine.Application.Common.Security;
using Sunshine.Application.Common.Validation;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Enterprises;

namespace Sunshine.Application.Enterprises;

/// <summary>
/// An enterprise. <c>CountyId</c> is null for a platform based outside the city. <c>RunByPersonName</c>
/// is given only to officers who may see the person.
/// </summary>
public sealed record EnterpriseDto(
    Guid Id, string Name, string CreditCode, Guid? CountyId, string? CountyName, IReadOnlyList<EnterpriseRoles> Roles, string? ContactName,
    string? ContactPhone, string? Address, Guid? RunByPersonId, string? RunByPersonName, uint Version);

/// <summary>An enterprise's editable fields.</summary>
public interface IEnterpriseInput
{
    string Name { get; }

    string CreditCode { get; }

    Guid? CountyId { get; }

    IReadOnlyList<EnterpriseRoles> Roles { get; }

    string? ContactName { get; }

    string? ContactPhone { get; }

    string? Address { get; }

    /// <summary>The registered disabled person who runs it, if any.</summary>
    Guid? RunByPersonId { get; }
}

public sealed class EnterpriseInputValidator : AbstractValidator<IEnterpriseInput>
{
    public EnterpriseInputValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(Enterprise.NameMaxLength);
        RuleFor(x => x.CreditCode).NotEmpty().MustCreate((_, v) => UnifiedSocialCreditCode.Create(v));
        RuleFor(x => x.Roles).NotEmpty();
        RuleForEach(x => x.Roles).Must(r => r != EnterpriseRoles.None && Enum.IsDefined(r)).WithErrorCode("enterprise.role_unknown")
            .WithMessage("Roles are PartnerPlatform, EcommerceEnterprise, EcommercePark, TrainingProvider, Incubator or ThirdPartyServiceProvider.");
        RuleFor(x => x.ContactName).MaximumLength(Enterprise.ContactNameMaxLength);
        RuleFor(x => x.ContactPhone).MaximumLength(30);
        RuleFor(x => x.Address).MaximumLength(Enterprise.AddressMaxLength);
    }
}

public static class EnterpriseQueries
{
    private static readonly EnterpriseRoles[] AllRoles =
        [EnterpriseRoles.PartnerPlatform, EnterpriseRoles.EcommerceEnterprise, EnterpriseRoles.EcommercePark, EnterpriseRoles.TrainingProvider, EnterpriseRoles.Incubator,
         EnterpriseRoles.ThirdPartyServiceProvider];

    public static IReadOnlyList<EnterpriseRoles> ToList(this EnterpriseRoles roles) => AllRoles.Where(r => roles.HasFlag(r)).ToList();

    public static EnterpriseRoles Combine(this IReadOnlyList<EnterpriseRoles> roles) => roles.Aggregate(EnterpriseRoles.None, (all, r) => all | r);

    public static async Task<Enterprise> RequireEnterpriseAsync(this IApplicationDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Enterprises.FirstOrDefaultAsync(e => e.Id == id, cancellationToken) ?? throw new NotFoundException("enterprise", id);

    public static async Task<EnterpriseDto> ToDtoAsync(this IApplicationDbContext db, Enterprise e, CancellationToken cancellationToken)
    {
        var county = e.CountyId is { } id ? await db.Regions.Where(r => r.Id == id).Select(r => r.Name).SingleAsync(cancellationToken) : null;
        var runBy = e.RunByPersonId is { } person ? await db.Persons.Where(p => p.Id == person).Select(p => p.Name).FirstOrDefaultAsync(cancellationToken) : null;
        return e.ToDto(county, runBy);
    }

    public static EnterpriseDto ToDto(this Enterprise e, string? countyName, string? runByPersonName)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new EnterpriseDto(e.Id, e.Name, e.CreditCode.Value, e.CountyId, countyName, e.Roles.ToList(), e.ContactName, e.ContactPhone, e.Address,
            e.RunByPersonId, runByPersonName, e.Version);
    }

    /// <summary>Applies the profile; the person who runs it must be a registered person the officer may see.</summary>
    public static async Task ApplyProfileAsync(this IApplicationDbContext db, Enterprise enterprise, IEnterpriseInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(enterprise);
        ArgumentNullException.ThrowIfNull(input);
        if (input.RunByPersonId is { } person && person != enterprise.RunByPersonId && !await db.Persons.AnyAsync(p => p.Id == person, cancellationToken))
        {
            throw new NotFoundException("person", person);
        }

        enterprise.SetProfile(input.ContactName, input.ContactPhone, input.Address, input.RunByPersonId);
    }

    /// <summary>County officers change enterprises of their county; enterprises of no county are the city's.</summary>
    public static async Task EnsureMayEditAsync(this IApplicationDbContext db, ICurrentUser user, Guid? countyId, CancellationToken cancellationToken)
    {
        if (countyId is { } county)
        {
            await db.EnsureWritableCountyAsync(user, county, cancellationToken);
        }
        else if (user.IsCountyBound)
        {
            throw new ForbiddenException("scope.county_not_allowed", "Enterprises outside any county are managed by the city.");
        }
    }

    public static async Task EnsureCreditCodeFreeAsync(this IApplicationDbContext db, UnifiedSocialCreditCode code, Guid? except, CancellationToken cancellationToken)
    {
        if (await db.Enterprises.AnyAsync(e => e.CreditCode == code && e.Id != except, cancellationToken))
        {
            throw new ConflictException("enterprise.credit_code_taken", "An enterprise with this credit code is registered.", "creditCode");
        }
    }
}

/// <summary>Enterprises by role, county and name (visible to every officer).</summary>
[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record GetEnterprisesQuery(EnterpriseRoles? Role = null, Guid? CountyId = null, string? Name = null, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<PagedList<EnterpriseDto>>, IPagedRequest;

public sealed class GetEnterprisesValidator : AbstractValidator<GetEnterprisesQuery>
{
    public GetEnterprisesValidator()
    {
        this.AddPagingRules();
        RuleFor(x => x.Name).MaximumLength(Enterprise.NameMaxLength);
    }
}

public sealed class GetEnterprisesHandler(IApplicationDbContext db) : IQueryHandler<GetEnterprisesQuery, PagedList<EnterpriseDto>>
{
    public async ValueTask<PagedList<EnterpriseDto>> Handle(GetEnterprisesQuery query, CancellationToken cancellationToken)
    {
        var enterprises = db.Enterprises.AsNoTracking();
        if (query.Role is { } role)
        {
            enterprises = enterprises.Where(e => (e.Roles & role) == role);
        }

        if (query.CountyId is { } county)
        {
            enterprises = enterprises.Where(e => e.CountyId == county);
        }

        if (!string.IsNullOrWhiteSpace(query.Name))
        {
            var pattern = "%" + LikePattern.Escape(query.Name.Trim()) + "%";
            enterprises = enterprises.Where(e => EF.Functions.Like(e.Name, pattern, "\\"));
        }

        var page = await enterprises.OrderBy(e => e.Name).ThenBy(e => e.Id).ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
        var counties = await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);
        var runByIds = page.Items.Where(e => e.RunByPersonId != null).Select(e => e.RunByPersonId!.Value).ToList();
        var runBy = await db.Persons.Where(p => runByIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        return new PagedList<EnterpriseDto>(
            page.Items.Select(e => e.ToDto(e.CountyId is { } c ? counties[c] : null, e.RunByPersonId is { } r ? runBy.GetValueOrDefault(r) : null)).ToList(),
            page.Page, page.PageSize, page.TotalCount);
    }
}

[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record GetEnterpriseQuery(Guid Id) : IQuery<EnterpriseDto>;

public sealed class GetEnterpriseHandler(IApplicationDbContext db) : IQueryHandler<GetEnterpriseQuery, EnterpriseDto>
{
    public async ValueTask<EnterpriseDto> Handle(GetEnterpriseQuery query, CancellationToken cancellationToken) =>
        await db.ToDtoAsync(await db.RequireEnterpriseAsync(query.Id, cancellationToken), cancellationToken);
}

/// <summary>Registers an enterprise (unique credit code).</summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record CreateEnterpriseCommand(
    string Name, string CreditCode, Guid? CountyId, IReadOnlyList<EnterpriseRoles> Roles, string? ContactName = null, string? ContactPhone = null,
    string? Address = null, Guid? RunByPersonId = null) : ICommand<EnterpriseDto>, IEnterpriseInput;

public sealed class CreateEnterpriseValidator : AbstractValidator<CreateEnterpriseCommand>
{
    public CreateEnterpriseValidator() => Include(new EnterpriseInputValidator());
}

public sealed class CreateEnterpriseHandler(IApplicationDbContext db, ICurrentUser user) : ICommandHandler<CreateEnterpriseCommand, EnterpriseDto>
{
    public async ValueTask<EnterpriseDto> Handle(CreateEnterpriseCommand command, CancellationToken cancellationToken)
    {
        await db.EnsureMayEditAsync(user, command.CountyId, cancellationToken);
        var code = UnifiedSocialCreditCode.Create(command.CreditCode);
        await db.EnsureCreditCodeFreeAsync(code, null, cancellationToken);
        var enterprise = Enterprise.Create(command.Name, code, command.CountyId, command.Roles.Combine());
        await db.ApplyProfileAsync(enterprise, command, cancellationToken);
        db.Enterprises.Add(enterprise);
        await db.SaveChangesAsync(cancellationToken);
        return await db.ToDtoAsync(enterprise, cancellationToken);
    }
}

/// <summary>Edits an enterprise; <c>ExpectedVersion</c> is the ETag from <c>If-Match</c>.</summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record UpdateEnterpriseCommand(
    Guid Id, uint? ExpectedVersion, string Name, string CreditCode, Guid? CountyId, IReadOnlyList<EnterpriseRoles> Roles, string? ContactName = null,
    string? ContactPhone = null, string? Address = null, Guid? RunByPersonId = null) : ICommand<EnterpriseDto>, IEnterpriseInput;

public sealed class UpdateEnterpriseValidator : AbstractValidator<UpdateEnterpriseCommand>
{
    public UpdateEnterpriseValidator() => Include(new EnterpriseInputValidator());
}

public sealed class UpdateEnterpriseHandler(IApplicationDbContext db, ICurrentUser user) : ICommandHandler<UpdateEnterpriseCommand, EnterpriseDto>
{
    public async ValueTask<EnterpriseDto> Handle(UpdateEnterpriseCommand command, CancellationToken cancellationToken)
    {
        var enterprise = await db.RequireEnterpriseAsync(command.Id, cancellationToken);
        db.EnsureCurrent(enterprise, command.ExpectedVersion);
        await db.EnsureMayEditAsync(user, enterprise.CountyId, cancellationToken);
        await db.EnsureMayEditAsync(user, command.CountyId, cancellationToken);
        var code = UnifiedSocialCreditCode.Create(command.CreditCode);
        await db.EnsureCreditCodeFreeAsync(code, enterprise.Id, cancellationToken);
        enterprise.Update(command.Name, code, command.CountyId, command.Roles.Combine());
        await db.ApplyProfileAsync(enterprise, command, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await db.ToDtoAsync(enterprise, cancellationToken);
    }
}
