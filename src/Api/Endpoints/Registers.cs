using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Sunshine.Api.Hosting;
using Sunshine.Application.Common.Paging;
using Sunshine.Application.OperationServices;
using Sunshine.Application.Stations;
using Sunshine.Application.Supervision;
using Sunshine.Domain.OperationServices;
using Sunshine.Domain.Stations;

namespace Sunshine.Api.Endpoints;

/// <summary>
/// E-commerce operation extension services (电商运营延伸服务) to registered-poor households, award holders and prosperity
/// leaders, and Sunshine bases; counted as "households and bases served" (services.households_and_bases).
/// </summary>
public sealed class OperationServices : IEndpointGroup
{
    public static string Prefix => "operation-services";

    public static string Tag => "OperationServices";

    public static void Map(RouteGroupBuilder group)
    {
        group.RequireAuthorization();
        group.MapGet(string.Empty, GetOperationServices).WithName(nameof(GetOperationServices))
            .WithSummary("Services in your scope, newest first, by county, type, provider, recipient and dates (programme.read).").ProducesStandardProblems();
        group.MapGet("{id:guid}", GetOperationService).WithName(nameof(GetOperationService))
            .WithSummary("One service; the ETag header carries its version (programme.read).").ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPost(string.Empty, CreateOperationService).WithName(nameof(CreateOperationService))
            .WithSummary("Record a service to a household, base or person of your scope (programme.write).")
            .WithDescription("The recipient must qualify: a registered-poor household, a person holding a finally approved demonstration award or running an awarded base, "
                + "or a base that is not revoked (422 service.recipient_not_eligible). Hours are more than 0; the cost is 0 or more, and a paid service names its funding source.")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);
        group.MapPut("{id:guid}", UpdateOperationService).WithName(nameof(UpdateOperationService))
            .WithSummary("Correct a service (the recipient stays); send its ETag in If-Match (programme.write).")
            .ProducesStandardProblems()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status412PreconditionFailed, StatusCodes.Status422UnprocessableEntity, StatusCodes.Status428PreconditionRequired);
    }

    private static async Task<Ok<PagedList<OperationServiceDto>>> GetOperationServices([AsParameters] GetOperationServicesQuery query, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(query, ct));

    private static async Task<Ok<OperationServiceDto>> GetOperationService(Guid id, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var found = await sender.Send(new GetOperationServiceQuery(id), ct);
        response.SetETag(found.Version);
        return TypedResults.Ok(found);
    }

    private static async Task<Created<OperationServiceDto>> CreateOperationService(CreateOperationServiceCommand command, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var created = await sender.Send(command, ct);
        response.SetETag(created.Version);
        return TypedResults.Created($"/api/operation-services/{created.Id}", created);
    }

    private static async Task<Ok<OperationServiceDto>> UpdateOperationService(
        Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, OperationServiceRequest request, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var updated = await sender.Send(new UpdateOperationServiceCommand(id, ETags.ParseIfMatch(ifMatch), request.Type, request.ProviderKind, request.ProviderEnterpriseId,
            request.ServedOn, request.Hours, request.Cost, request.FundingSource, request.Description), ct);
        response.SetETag(updated.Version);
        return TypedResults.Ok(updated);
    }
}

/// <summary>A service's editable fields.</summary>
/// <param name="Type">What was delivered.</param>
/// <param name="ProviderKind">An enterprise, an incubator or the federation.</param>
/// <param name="ProviderEnterpriseId">The enterprise or incubator; none for the federation.</param>
/// <param name="ServedOn">The day it was delivered, not in the future.</param>
/// <param name="Hours">Hours spent, more than 0, at most 1000, in tenths.</param>
/// <param name="Cost">Yuan, 0 or more, 2 decimals.</param>
/// <param name="FundingSource">Where the money came from; required when the cost is above 0.</param>
/// <param name="Description">What was done.</param>
public sealed record OperationServiceRequest(
    OperationServiceType Type, ServiceProviderKind ProviderKind, Guid? ProviderEnterpriseId, DateOnly ServedOn, decimal Hours, decimal Cost, string? FundingSource,
    string? Description);

/// <summary>
/// Guidance and inspection visits (指导和检查) of counties, bases, enterprises and award holders, with rectification items
/// whose due dates are reminded to the county's officers until closed.
/// </summary>
public sealed class Supervision : IEndpointGroup
{
    public static string Prefix => "supervision";

    public static string Tag => "Supervision";

    public static void Map(RouteGroupBuilder group)
    {
        group.RequireAuthorization();
        group.MapGet("visits", GetSupervisionVisits).WithName(nameof(GetSupervisionVisits))
            .WithSummary("Visits in your scope, newest first, by county, subject, and open or overdue items (programme.read).").ProducesStandardProblems();
        group.MapGet("visits/{id:guid}", GetSupervisionVisit).WithName(nameof(GetSupervisionVisit))
            .WithSummary("One visit with its rectification items; the ETag header carries its version (programme.read).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPost("visits", CreateSupervisionVisit).WithName(nameof(CreateSupervisionVisit))
            .WithSummary("Record a visit of a county, base, enterprise or award holder of your scope, with its rectification items (programme.write).")
            .WithDescription("City officers record visits of any county (level City), county officers of their own (level County).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);
        group.MapPut("visits/{id:guid}", UpdateSupervisionVisit).WithName(nameof(UpdateSupervisionVisit))
            .WithSummary("Correct a visit's date, inspectors and findings; send its ETag in If-Match (programme.write).")
            .ProducesStandardProblems()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status412PreconditionFailed, StatusCodes.Status422UnprocessableEntity, StatusCodes.Status428PreconditionRequired);
        group.MapPost("visits/{id:guid}/rectifications", AddRectification).WithName(nameof(AddRectification))
            .WithSummary("Add a rectification item due on or after the visit (programme.write).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        group.MapPost("rectifications/{id:guid}/closing", CloseRectification).WithName(nameof(CloseRectification))
            .WithSummary("Close a rectification item with the date and a note; its reminders are removed (programme.write).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<Ok<PagedList<SupervisionVisitDto>>> GetSupervisionVisits([AsParameters] GetSupervisionVisitsQuery query, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(query, ct));

    private static async Task<Ok<SupervisionVisitDto>> GetSupervisionVisit(Guid id, ISender sender, HttpResponse response, CancellationToken ct) =>
        WithETag(await sender.Send(new GetSupervisionVisitQuery(id), ct), response);

    private static async Task<Created<SupervisionVisitDto>> CreateSupervisionVisit(CreateSupervisionVisitCommand command, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var created = await sender.Send(command, ct);
        response.SetETag(created.Version);
        return TypedResults.Created($"/api/supervision/visits/{created.Id}", created);
    }

    private static async Task<Ok<SupervisionVisitDto>> UpdateSupervisionVisit(
        Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, SupervisionVisitRequest request, ISender sender, HttpResponse response, CancellationToken ct) =>
        WithETag(await sender.Send(new UpdateSupervisionVisitCommand(id, ETags.ParseIfMatch(ifMatch), request.VisitedOn, request.Inspectors, request.Findings), ct), response);

    private static async Task<Ok<SupervisionVisitDto>> AddRectification(Guid id, RectificationInput request, ISender sender, HttpResponse response, CancellationToken ct) =>
        WithETag(await sender.Send(new AddRectificationCommand(id, request.Item, request.DueDate), ct), response);

    private static async Task<Ok<SupervisionVisitDto>> CloseRectification(Guid id, RectificationClosingRequest request, ISender sender, HttpResponse response, CancellationToken ct) =>
        WithETag(await sender.Send(new CloseRectificationCommand(id, request.ClosedOn, request.Note), ct), response);

    private static Ok<SupervisionVisitDto> WithETag(SupervisionVisitDto found, HttpResponse response)
    {
        response.SetETag(found.Version);
        return TypedResults.Ok(found);
    }
}

/// <summary>A visit's editable fields.</summary>
public sealed record SupervisionVisitRequest(DateOnly VisitedOn, string Inspectors, string Findings);

/// <summary>How a rectification item was closed: the day it was put right and a note.</summary>
public sealed record RectificationClosingRequest(DateOnly ClosedOn, string Note);

/// <summary>
/// Village service stations and community micro-stores (村级服务站、微店进小区) run by enterprises, with the disabled people
/// recruited through them and the preferential terms offered; counted as employment.station_recruits.
/// </summary>
public sealed class ServiceStations : IEndpointGroup
{
    public static string Prefix => "service-stations";

    public static string Tag => "ServiceStations";

    public static void Map(RouteGroupBuilder group)
    {
        group.RequireAuthorization();
        group.MapGet(string.Empty, GetServiceStations).WithName(nameof(GetServiceStations))
            .WithSummary("Stations and micro-stores in your scope by county, kind, status and operator (programme.read).").ProducesStandardProblems();
        group.MapGet("{id:guid}", GetServiceStation).WithName(nameof(GetServiceStation))
            .WithSummary("One station with its recruits; the ETag header carries its version (programme.read).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPost(string.Empty, CreateServiceStation).WithName(nameof(CreateServiceStation))
            .WithSummary("Register a station or micro-store of a county, run by an enterprise (programme.write).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);
        group.MapPut("{id:guid}", UpdateServiceStation).WithName(nameof(UpdateServiceStation))
            .WithSummary("Edit a station and set its status; send its ETag in If-Match (programme.write).")
            .ProducesStandardProblems()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status412PreconditionFailed, StatusCodes.Status422UnprocessableEntity, StatusCodes.Status428PreconditionRequired);
        group.MapPost("{id:guid}/recruits", AddStationRecruit).WithName(nameof(AddStationRecruit))
            .WithSummary("Record a disabled person of the station's county recruited through it, with the preferential terms and start date (programme.write).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<Ok<PagedList<ServiceStationDto>>> GetServiceStations([AsParameters] GetServiceStationsQuery query, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(query, ct));

    private static async Task<Ok<ServiceStationDto>> GetServiceStation(Guid id, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var found = await sender.Send(new GetServiceStationQuery(id), ct);
        response.SetETag(found.Version);
        return TypedResults.Ok(found);
    }

    private static async Task<Created<ServiceStationDto>> CreateServiceStation(CreateServiceStationCommand command, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var created = await sender.Send(command, ct);
        response.SetETag(created.Version);
        return TypedResults.Created($"/api/service-stations/{created.Id}", created);
    }

    private static async Task<Ok<ServiceStationDto>> UpdateServiceStation(
        Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, ServiceStationRequest request, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var updated = await sender.Send(new UpdateServiceStationCommand(id, ETags.ParseIfMatch(ifMatch), request.Kind, request.Name, request.Township, request.Village,
            request.Address, request.OperatorEnterpriseId, request.OpenedOn, request.Status), ct);
        response.SetETag(updated.Version);
        return TypedResults.Ok(updated);
    }

    private static async Task<Ok<ServiceStationDto>> AddStationRecruit(Guid id, StationRecruitRequest request, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var updated = await sender.Send(new AddStationRecruitCommand(id, request.PersonId, request.Terms, request.StartDate), ct);
        response.SetETag(updated.Version);
        return TypedResults.Ok(updated);
    }
}

/// <summary>A station's editable fields (its county does not change).</summary>
public sealed record ServiceStationRequest(
    ServiceStationKind Kind, string Name, string Township, string? Village, string Address, Guid OperatorEnterpriseId, DateOnly OpenedOn, ServiceStationStatus Status);

/// <summary>A person recruited through a station: who, the preferential terms offered (准入优惠), from when.</summary>
public sealed record StationRecruitRequest(Guid PersonId, string Terms, DateOnly StartDate);
