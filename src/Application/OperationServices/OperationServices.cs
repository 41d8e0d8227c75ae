using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Bases;
using Sunshine.Application.Channels;
using Sunshine.Application.Common.Concurrency;
using Sunshine.Application.Common.Exceptions;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Paging;
using Sunshine.Application.Common.Security;
using Sunshine.Application.Enterprises;
using Sunshine.Application.Registry;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Bases;
using Sunshine.Domain.Benefits;
using Sunshine.Domain.Channels;
using Sunshine.Domain.Common;
using Sunshine.Domain.Enterprises;
using Sunshine.Domain.OperationServices;

namespace Sunshine.Application.OperationServices;

/// <summary>
/// An e-commerce operation extension service as officers see it. The recipient is exactly one of a household,
/// a base and a person; the provider an enterprise or incubator (with its name) or the federation.
/// </summary>
public sealed record OperationServiceDto(
    Guid Id, Guid CountyId, OperationServiceType Type, ServiceProviderKind ProviderKind, Guid? ProviderEnterpriseId, string? ProviderName, Guid? HouseholdId,
    Guid? BaseId, Guid? PersonId, DateOnly ServedOn, decimal Hours, decimal Cost, string? FundingSource, string? Description, uint Version);

/// <summary>What was delivered, by whom, when, for how long and at what cost.</summary>
public interface IOperationServiceInput
{
    OperationServiceType Type { get; }

    ServiceProviderKind ProviderKind { get; }

    Guid? ProviderEnterpriseId { get; }

    DateOnly ServedOn { get; }

    decimal Hours { get; }

    decimal Cost { get; }

    string? FundingSource { get; }

    string? Description { get; }
}

public sealed class OperationServiceInputValidator : AbstractValidator<IOperationServiceInput>
{
    public OperationServiceInputValidator()
    {
        RuleFor(x => x.Type).IsInEnum();
        RuleFor(x => x.ProviderKind).IsInEnum();
        RuleFor(x => x.Hours).GreaterThan(0m).LessThanOrEqualTo(OperationService.MaxHours).PrecisionScale(5, 1, ignoreTrailingZeros: true);
        RuleFor(x => x.Cost).GreaterThanOrEqualTo(0m).PrecisionScale(12, 2, ignoreTrailingZeros: true);
        RuleFor(x => x.FundingSource).MaximumLength(OperationService.FundingSourceMaxLength);
        RuleFor(x => x.Description).MaximumLength(OperationService.DescriptionMaxLength);
    }
}

public static class OperationServiceQueries
{
    public static async Task<OperationService> RequireOperationServiceAsync(this IApplicationDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.OperationServices.FirstOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw new NotFoundException("operation_service", id);

    public static async Task<List<OperationServiceDto>> ToDtosAsync(this IApplicationDbContext db, IReadOnlyList<OperationService> services, CancellationToken cancellationToken)
    {
        var providerIds = services.Where(s => s.ProviderEnterpriseId != null).Select(s => s.ProviderEnterpriseId!.Value).Distinct().ToList();
        var providers = await db.Enterprises.AsNoTracking().Where(e => providerIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, cancellationToken);
        return services.Select(s => new OperationServiceDto(
            s.Id, s.CountyId, s.Type, s.ProviderKind, s.ProviderEnterpriseId, s.ProviderEnterpriseId is { } p ? providers.GetValueOrDefault(p) : null, s.HouseholdId, s.BaseId,
            s.PersonId, s.ServedOn, s.Hours, s.Cost.Yuan, s.FundingSource, s.Description, s.Version)).ToList();
    }

    public static async Task<OperationServiceDto> ToDtoAsync(this IApplicationDbContext db, OperationService service, CancellationToken cancellationToken) =>
        (await db.ToDtosAsync([service], cancellationToken))[0];

    /// <summary>An enterprise provider holds the role it is named for: an incubator the incubator role (422 <c>service.provider_role</c>).</summary>
    public static async Task EnsureProviderAsync(this IApplicationDbContext db, IOperationServiceInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.ProviderEnterpriseId is not { } id)
        {
            return;
        }

        var enterprise = await db.RequireEnterpriseAsync(id, cancellationToken);
        if (input.ProviderKind == ServiceProviderKind.Incubator && !enterprise.Roles.HasFlag(EnterpriseRoles.Incubator))
        {
            throw new DomainException("service.provider_role", "An incubator provider is an enterprise registered as an incubator.", field: "providerEnterpriseId");
        }
    }

    /// <summary>
    /// Whether the recipient may be served: a household is registered-poor; a person holds a finally approved (or paid)
    /// demonstration-household award or runs a base holding a demonstration-base award (a prosperity leader, rural or not);
    /// a base is not revoked.
    /// </summary>
    public static async Task<bool> RecipientQualifiesAsync(this IApplicationDbContext db, Participant recipient, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        if (recipient.HouseholdId is { } household)
        {
            return (await db.RequireHouseholdAsync(household, cancellationToken)).IsRegisteredPoor;
        }

        if (recipient.BaseId is { } baseId)
        {
            return (await db.RequireBaseAsync(baseId, cancellationToken)).Status != BaseStatus.Revoked;
        }

        var person = recipient.PersonId!.Value;
        var held = db.Benefits.IgnoreQueryFilters().Where(b => b.IsFinallyApproved);
        return await held.AnyAsync(b => b.Type == BenefitType.DemonstrationHouseholdAward && b.PersonId == person, cancellationToken)
            || await (from b in held.Where(b => b.Type == BenefitType.DemonstrationBaseAward)
                      join a in db.AwardApplications.IgnoreQueryFilters() on b.Id equals a.Id
                      join s in db.SunshineBases.IgnoreQueryFilters() on a.BaseId equals s.Id
                      where s.OperatorPersonId == person
                      select s.Id).AnyAsync(cancellationToken);
    }
}

/// <summary>Services in your scope, newest first, by county, type, provider, recipient and dates.</summary>
[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record GetOperationServicesQuery(
    Guid? CountyId = null, OperationServiceType? Type = null, Guid? ProviderEnterpriseId = null, Guid? HouseholdId = null, Guid? BaseId = null, Guid? PersonId = null,
    DateOnly? From = null, DateOnly? To = null, int Page = 1, int PageSize = Paging.DefaultPageSize) : IQuery<PagedList<OperationServiceDto>>, IPagedRequest;

public sealed class GetOperationServicesValidator : AbstractValidator<GetOperationServicesQuery>
{
    public GetOperationServicesValidator()
    {
        this.AddPagingRules();
        RuleFor(x => x.Type).IsInEnum();
        RuleFor(x => x.To).GreaterThanOrEqualTo(x => x.From).When(x => x.From != null && x.To != null).WithErrorCode("dates.end_before_start");
    }
}

public sealed class GetOperationServicesHandler(IApplicationDbContext db) : IQueryHandler<GetOperationServicesQuery, PagedList<OperationServiceDto>>
{
    public async ValueTask<PagedList<OperationServiceDto>> Handle(GetOperationServicesQuery query, CancellationToken cancellationToken)
    {
        var page = await db.OperationServices.AsNoTracking()
            .Where(s => query.CountyId == null || s.CountyId == query.CountyId)
            .Where(s => query.Type == null || s.Type == query.Type)
            .Where(s => query.ProviderEnterpriseId == null || s.ProviderEnterpriseId == query.ProviderEnterpriseId)
            .Where(s => (query.HouseholdId == null || s.HouseholdId == query.HouseholdId) && (query.BaseId == null || s.BaseId == query.BaseId)
                && (query.PersonId == null || s.PersonId == query.PersonId))
            .Where(s => (query.From == null || s.ServedOn >= query.From) && (query.To == null || s.ServedOn <= query.To))
            .OrderByDescending(s => s.ServedOn).ThenByDescending(s => s.Id)
            .ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
        return new PagedList<OperationServiceDto>(await db.ToDtosAsync(page.Items, cancellationToken), page.Page, page.PageSize, page.TotalCount);
    }
}

[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record GetOperationServiceQuery(Guid Id) : IQuery<OperationServiceDto>;

public sealed class GetOperationServiceHandler(IApplicationDbContext db) : IQueryHandler<GetOperationServiceQuery, OperationServiceDto>
{
    public async ValueTask<OperationServiceDto> Handle(GetOperationServiceQuery query, CancellationToken cancellationToken) =>
        await db.ToDtoAsync(await db.RequireOperationServiceAsync(query.Id, cancellationToken), cancellationToken);
}

/// <summary>
/// Records a service to a recipient of your scope (the service is in the recipient's county): a registered-poor
/// household, an award holder or prosperity leader, or a Sunshine base (422 service.recipient_not_eligible otherwise).
/// </summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record CreateOperationServiceCommand(
    ParticipantInput Recipient, OperationServiceType Type, ServiceProviderKind ProviderKind, Guid? ProviderEnterpriseId, DateOnly ServedOn, decimal Hours, decimal Cost,
    string? FundingSource, string? Description) : ICommand<OperationServiceDto>, IOperationServiceInput;

public sealed class CreateOperationServiceValidator : AbstractValidator<CreateOperationServiceCommand>
{
    public CreateOperationServiceValidator()
    {
        RuleFor(x => x.Recipient).NotNull();
        Include(new OperationServiceInputValidator());
    }
}

public sealed class CreateOperationServiceHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<CreateOperationServiceCommand, OperationServiceDto>
{
    public async ValueTask<OperationServiceDto> Handle(CreateOperationServiceCommand command, CancellationToken cancellationToken)
    {
        var recipient = new Participant(command.Recipient.HouseholdId, command.Recipient.BaseId, command.Recipient.PersonId);
        var county = recipient switch
        {
            { HouseholdId: { } h } => (await db.RequireHouseholdAsync(h, cancellationToken)).CountyId,
            { BaseId: { } b } => (await db.RequireBaseAsync(b, cancellationToken)).CountyId,
            _ => (await db.RequirePersonAsync(recipient.PersonId!.Value, cancellationToken)).CountyId,
        };
        await db.EnsureWritableCountyAsync(user, county, cancellationToken);
        await db.EnsureProviderAsync(command, cancellationToken);
        var service = OperationService.Record(county, recipient, await db.RecipientQualifiesAsync(recipient, cancellationToken), command.Type, command.ProviderKind,
            command.ProviderEnterpriseId, command.ServedOn, command.Hours, Money.FromYuan(command.Cost, "cost"), command.FundingSource, command.Description, clock.Today());
        db.OperationServices.Add(service);
        await db.SaveChangesAsync(cancellationToken);
        return await db.ToDtoAsync(service, cancellationToken);
    }
}

/// <summary>Corrects a service (its recipient stays); send its ETag in If-Match.</summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record UpdateOperationServiceCommand(
    Guid Id, uint? ExpectedVersion, OperationServiceType Type, ServiceProviderKind ProviderKind, Guid? ProviderEnterpriseId, DateOnly ServedOn, decimal Hours, decimal Cost,
    string? FundingSource, string? Description) : ICommand<OperationServiceDto>, IOperationServiceInput;

public sealed class UpdateOperationServiceValidator : AbstractValidator<UpdateOperationServiceCommand>
{
    public UpdateOperationServiceValidator() => Include(new OperationServiceInputValidator());
}

public sealed class UpdateOperationServiceHandler(IApplicationDbContext db, TimeProvider clock) : ICommandHandler<UpdateOperationServiceCommand, OperationServiceDto>
{
    public async ValueTask<OperationServiceDto> Handle(UpdateOperationServiceCommand command, CancellationToken cancellationToken)
    {
        var found = await db.RequireOperationServiceAsync(command.Id, cancellationToken);
        db.EnsureCurrent(found, command.ExpectedVersion);
        await db.EnsureProviderAsync(command, cancellationToken);
        found.Update(command.Type, command.ProviderKind, command.ProviderEnterpriseId, command.ServedOn, command.Hours, Money.FromYuan(command.Cost, "cost"),
            command.FundingSource, command.Description, clock.Today());
        await db.SaveChangesAsync(cancellationToken);
        return await db.ToDtoAsync(found, cancellationToken);
    }
}
