using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Sunshine.Api.Hosting;
using Sunshine.Application.Common.Paging;
using Sunshine.Application.Evidence;
using Sunshine.Domain.Evidence;

namespace Sunshine.Api.Endpoints;

/// <summary>Employment of registered disabled people by enterprises (直接吸纳就业).</summary>
public sealed class Employment : IEndpointGroup
{
    public static string Prefix => "employment";

    public static string Tag => "Evidence";

    public static void Map(RouteGroupBuilder group)
    {
        group.RequireAuthorization();
        group.MapGet(string.Empty, GetEmploymentRecords).WithName(nameof(GetEmploymentRecords))
            .WithSummary("Employment in your scope (the person's or the enterprise's county) by enterprise, person, job category, and in force on a date (programme.read).")
            .ProducesStandardProblems();
        group.MapGet("{id:guid}", GetEmploymentRecord).WithName(nameof(GetEmploymentRecord))
            .WithSummary("One employment record; ETag header (programme.read).").ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPost(string.Empty, CreateEmploymentRecord).WithName(nameof(CreateEmploymentRecord))
            .WithSummary("Record that an enterprise employs an active registered person of your scope; periods of one person at one enterprise do not overlap (programme.write).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        group.MapPut("{id:guid}", UpdateEmploymentRecord).WithName(nameof(UpdateEmploymentRecord))
            .WithSummary("Correct an employment record; send the ETag in If-Match (programme.write).")
            .ProducesStandardProblems()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed,
                StatusCodes.Status422UnprocessableEntity, StatusCodes.Status428PreconditionRequired);
        group.MapPost("{id:guid}/end", EndEmployment).WithName(nameof(EndEmployment))
            .WithSummary("Record that an employment ended; lastDay is the last day worked (programme.write).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<Ok<PagedList<EmploymentRecordDto>>> GetEmploymentRecords([AsParameters] GetEmploymentRecordsQuery query, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(query, ct));

    private static async Task<Ok<EmploymentRecordDto>> GetEmploymentRecord(Guid id, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var found = await sender.Send(new GetEmploymentRecordQuery(id), ct);
        response.SetETag(found.Version);
        return TypedResults.Ok(found);
    }

    private static async Task<Created<EmploymentRecordDto>> CreateEmploymentRecord(CreateEmploymentRecordCommand command, ISender sender, CancellationToken ct)
    {
        var created = await sender.Send(command, ct);
        return TypedResults.Created($"/api/employment/{created.Id}", created);
    }

    private static async Task<Ok<EmploymentRecordDto>> UpdateEmploymentRecord(
        Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, EmploymentRequest request, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var updated = await sender.Send(
            new UpdateEmploymentRecordCommand(id, ETags.ParseIfMatch(ifMatch), request.JobCategory, request.HoursType, request.StartDate, request.EndDate), ct);
        response.SetETag(updated.Version);
        return TypedResults.Ok(updated);
    }

    private static async Task<Ok<EmploymentRecordDto>> EndEmployment(Guid id, LastDayRequest request, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new EndEmploymentCommand(id, request.LastDay), ct));
}

/// <summary>An employment record's correctable fields.</summary>
public sealed record EmploymentRequest(JobCategory JobCategory, HoursType HoursType, DateOnly StartDate, DateOnly? EndDate);
