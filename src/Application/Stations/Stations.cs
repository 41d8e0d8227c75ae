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
using Sunshine.Domain.Stations;

namespace Sunshine.Application.Stations;

public sealed record StationRecruitDto(Guid Id, Guid PersonId, string PersonName, string Terms, DateOnly StartDate);

/// <summary>A village service station or community micro-store with the disabled people recruited through it.</summary>
public sealed record ServiceStationDto(
    Guid Id, ServiceStationKind Kind, string Name, Guid CountyId, string Township, string? Village, string Address, Guid OperatorEnterpriseId, string OperatorName,
    DateOnly OpenedOn, ServiceStationStatus Status, IReadOnlyList<StationRecruitDto> Recruits, uint Version);

/// <summary>A station's editable fields.</summary>
public interface IServiceStationInput
{
    ServiceStationKind Kind { get; }

    string Name { get; }

    string Township { get; }

    string? Village { get; }

    string Address { get; }

    Guid OperatorEnterpriseId { get; }

    DateOnly OpenedOn { get; }
}

public sealed class ServiceStationInputValidator : AbstractValidator<IServiceStationInput>
{
    public ServiceStationInputValidator()
    {
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.Name).NotEmpty().MaximumLength(ServiceStation.NameMaxLength);
        RuleFor(x => x.Township).NotEmpty().MaximumLength(ServiceStation.PlaceMaxLength);
        RuleFor(x => x.Village).MaximumLength(ServiceStation.PlaceMaxLength);
        RuleFor(x => x.Address).NotEmpty().MaximumLength(ServiceStation.AddressMaxLength);
        RuleFor(x => x.OperatorEnterpriseId).NotEmpty();
    }
}

public static class StationQueries
{
    public static async Task<ServiceStation> RequireStationAsync(this IApplicationDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.ServiceStations.FirstOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw new NotFoundException("service_station", id);

    public static async Task<List<ServiceStationDto>> ToDtosAsync(this IApplicationDbContext db, IReadOnlyList<ServiceStation> stations, CancellationToken cancellationToken)
    {
        var enterpriseIds = stations.Select(s => s.OperatorEnterpriseId).Distinct().ToList();
        var operators = await db.Enterprises.AsNoTracking().Where(e => enterpriseIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, cancellationToken);

        // Recruits are of the station's county; a person who moved since is still named (the station decides who may see it).
        var personIds = stations.SelectMany(s => s.Recruits).Select(r => r.PersonId).Distinct().ToList();
        var people = await db.Persons.IgnoreQueryFilters().AsNoTracking().Where(p => personIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Name }).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        return stations.Select(s => new ServiceStationDto(
            s.Id, s.Kind, s.Name, s.CountyId, s.Township, s.Village, s.Address, s.OperatorEnterpriseId, operators.GetValueOrDefault(s.OperatorEnterpriseId, string.Empty), s.OpenedOn,
            s.Status, s.Recruits.OrderBy(r => r.StartDate).ThenBy(r => r.Id)
                .Select(r => new StationRecruitDto(r.Id, r.PersonId, people.GetValueOrDefault(r.PersonId, string.Empty), r.Terms, r.StartDate)).ToList(),
            s.Version)).ToList();
    }

    public static async Task<ServiceStationDto> ToDtoAsync(this IApplicationDbContext db, ServiceStation station, CancellationToken cancellationToken) =>
        (await db.ToDtosAsync([station], cancellationToken))[0];
}

/// <summary>Stations and micro-stores in your scope by county, kind and status, by name.</summary>
[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record GetServiceStationsQuery(
    Guid? CountyId = null, ServiceStationKind? Kind = null, ServiceStationStatus? Status = null, Guid? OperatorEnterpriseId = null, int Page = 1,
    int PageSize = Paging.DefaultPageSize) : IQuery<PagedList<ServiceStationDto>>, IPagedRequest;

public sealed class GetServiceStationsValidator : AbstractValidator<GetServiceStationsQuery>
{
    public GetServiceStationsValidator()
    {
        this.AddPagingRules();
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.Status).IsInEnum();
    }
}

public sealed class GetServiceStationsHandler(IApplicationDbContext db) : IQueryHandler<GetServiceStationsQuery, PagedList<ServiceStationDto>>
{
    public async ValueTask<PagedList<ServiceStationDto>> Handle(GetServiceStationsQuery query, CancellationToken cancellationToken)
    {
        var page = await db.ServiceStations.AsNoTracking()
            .Where(s => (query.CountyId == null || s.CountyId == query.CountyId) && (query.Kind == null || s.Kind == query.Kind)
                && (query.Status == null || s.Status == query.Status) && (query.OperatorEnterpriseId == null || s.OperatorEnterpriseId == query.OperatorEnterpriseId))
            .OrderBy(s => s.Name).ThenBy(s => s.Id)
            .ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
        return new PagedList<ServiceStationDto>(await db.ToDtosAsync(page.Items, cancellationToken), page.Page, page.PageSize, page.TotalCount);
    }
}

[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record GetServiceStationQuery(Guid Id) : IQuery<ServiceStationDto>;

public sealed class GetServiceStationHandler(IApplicationDbContext db) : IQueryHandler<GetServiceStationQuery, ServiceStationDto>
{
    public async ValueTask<ServiceStationDto> Handle(GetServiceStationQuery query, CancellationToken cancellationToken) =>
        await db.ToDtoAsync(await db.RequireStationAsync(query.Id, cancellationToken), cancellationToken);
}

/// <summary>Registers a station or micro-store of a county (your own, for county officers), run by an enterprise.</summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record CreateServiceStationCommand(
    Guid CountyId, ServiceStationKind Kind, string Name, string Township, string? Village, string Address, Guid OperatorEnterpriseId, DateOnly OpenedOn)
    : ICommand<ServiceStationDto>, IServiceStationInput;

public sealed class CreateServiceStationValidator : AbstractValidator<CreateServiceStationCommand>
{
    public CreateServiceStationValidator() => Include(new ServiceStationInputValidator());
}

public sealed class CreateServiceStationHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<CreateServiceStationCommand, ServiceStationDto>
{
    public async ValueTask<ServiceStationDto> Handle(CreateServiceStationCommand command, CancellationToken cancellationToken)
    {
        await db.EnsureWritableCountyAsync(user, command.CountyId, cancellationToken);
        await db.RequireEnterpriseAsync(command.OperatorEnterpriseId, cancellationToken);
        var station = ServiceStation.Open(command.CountyId, command.Kind, command.Name, command.Township, command.Village, command.Address, command.OperatorEnterpriseId,
            command.OpenedOn, clock.Today());
        db.ServiceStations.Add(station);
        await db.SaveChangesAsync(cancellationToken);
        return await db.ToDtoAsync(station, cancellationToken);
    }
}

/// <summary>Edits a station (its county does not change) and sets its status; send its ETag in If-Match.</summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record UpdateServiceStationCommand(
    Guid Id, uint? ExpectedVersion, ServiceStationKind Kind, string Name, string Township, string? Village, string Address, Guid OperatorEnterpriseId, DateOnly OpenedOn,
    ServiceStationStatus Status) : ICommand<ServiceStationDto>, IServiceStationInput;

public sealed class UpdateServiceStationValidator : AbstractValidator<UpdateServiceStationCommand>
{
    public UpdateServiceStationValidator()
    {
        Include(new ServiceStationInputValidator());
        RuleFor(x => x.Status).IsInEnum();
    }
}

public sealed class UpdateServiceStationHandler(IApplicationDbContext db, TimeProvider clock) : ICommandHandler<UpdateServiceStationCommand, ServiceStationDto>
{
    public async ValueTask<ServiceStationDto> Handle(UpdateServiceStationCommand command, CancellationToken cancellationToken)
    {
        var found = await db.RequireStationAsync(command.Id, cancellationToken);
        db.EnsureCurrent(found, command.ExpectedVersion);
        await db.RequireEnterpriseAsync(command.OperatorEnterpriseId, cancellationToken);
        found.Update(command.Kind, command.Name, command.Township, command.Village, command.Address, command.OperatorEnterpriseId, command.OpenedOn, command.Status,
            clock.Today());
        await db.SaveChangesAsync(cancellationToken);
        return await db.ToDtoAsync(found, cancellationToken);
    }
}

/// <summary>A registered disabled person of the station's county is recruited through it, with the preferential terms offered.</summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record AddStationRecruitCommand(Guid StationId, Guid PersonId, string Terms, DateOnly StartDate) : ICommand<ServiceStationDto>;

public sealed class AddStationRecruitValidator : AbstractValidator<AddStationRecruitCommand>
{
    public AddStationRecruitValidator()
    {
        RuleFor(x => x.PersonId).NotEmpty();
        RuleFor(x => x.Terms).NotEmpty().MaximumLength(StationRecruit.TermsMaxLength);
    }
}

public sealed class AddStationRecruitHandler(IApplicationDbContext db, TimeProvider clock) : ICommandHandler<AddStationRecruitCommand, ServiceStationDto>
{
    public async ValueTask<ServiceStationDto> Handle(AddStationRecruitCommand command, CancellationToken cancellationToken)
    {
        var station = await db.RequireStationAsync(command.StationId, cancellationToken);
        var person = await db.RequirePersonAsync(command.PersonId, cancellationToken);
        if (person.CountyId != station.CountyId)
        {
            throw new DomainException("station.recruit_county", "A station recruits people of its own county.", field: "personId");
        }

        station.Recruit(person.Id, command.Terms, command.StartDate, clock.Today());
        await db.SaveChangesAsync(cancellationToken);
        return await db.ToDtoAsync(station, cancellationToken);
    }
}
