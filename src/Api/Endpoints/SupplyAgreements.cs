using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Sunshine.Api.Hosting;
using Sunshine.Application.Common.Paging;
using Sunshine.Application.Evidence;

namespace Sunshine.Api.Endpoints;

/// <summary>Direct-purchase/supply agreements (直采直供) of enterprises with bases and award holders.</summary>
public sealed class SupplyAgreements : IEndpointGroup
{
    public static string Prefix => "supply-agreements";

    public static string Tag => "Evidence";

    public static void Map(RouteGroupBuilder group)
    {
        group.RequireAuthorization();
        group.MapGet(string.Empty, GetSupplyAgreements).WithName(nameof(GetSupplyAgreements))
            .WithSummary("Agreements in your scope (either party's county) by enterprise, base, person, status, and in force on a date (programme.read).")
            .ProducesStandardProblems();
        group.MapGet("{id:guid}", GetSupplyAgreement).WithName(nameof(GetSupplyAgreement))
            .WithSummary("One agreement; ETag header (programme.read).").ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPost(string.Empty, CreateSupplyAgreement).WithName(nameof(CreateSupplyAgreement))
            .WithSummary("Record an enterprise's agreement with a base or a person of your scope; end date = last day in force (programme.write).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        group.MapPut("{id:guid}", UpdateSupplyAgreement).WithName(nameof(UpdateSupplyAgreement))
            .WithSummary("Correct an agreement's dates or products; send the ETag in If-Match (programme.write).")
            .ProducesStandardProblems()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed,
                StatusCodes.Status422UnprocessableEntity, StatusCodes.Status428PreconditionRequired);
        group.MapPost("{id:guid}/termination", TerminateSupplyAgreement).WithName(nameof(TerminateSupplyAgreement))
            .WithSummary("Terminate an agreement; lastDay is its last day in force (programme.write).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<Ok<PagedList<SupplyAgreementDto>>> GetSupplyAgreements([AsParameters] GetSupplyAgreementsQuery query, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(query, ct));

    private static async Task<Ok<SupplyAgreementDto>> GetSupplyAgreement(Guid id, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var found = await sender.Send(new GetSupplyAgreementQuery(id), ct);
        response.SetETag(found.Version);
        return TypedResults.Ok(found);
    }

    private static async Task<Created<SupplyAgreementDto>> CreateSupplyAgreement(CreateSupplyAgreementCommand command, ISender sender, CancellationToken ct)
    {
        var created = await sender.Send(command, ct);
        return TypedResults.Created($"/api/supply-agreements/{created.Id}", created);
    }

    private static async Task<Ok<SupplyAgreementDto>> UpdateSupplyAgreement(
        Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, SupplyAgreementRequest request, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var updated = await sender.Send(new UpdateSupplyAgreementCommand(id, ETags.ParseIfMatch(ifMatch), request.StartDate, request.EndDate, request.Products), ct);
        response.SetETag(updated.Version);
        return TypedResults.Ok(updated);
    }

    private static async Task<Ok<SupplyAgreementDto>> TerminateSupplyAgreement(Guid id, LastDayRequest request, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new TerminateSupplyAgreementCommand(id, request.LastDay), ct));
}

/// <summary>An agreement's correctable fields.</summary>
public sealed record SupplyAgreementRequest(DateOnly StartDate, DateOnly? EndDate, string Products);

/// <summary>The last day a record is in force (an agreement, an employment, a link).</summary>
public sealed record LastDayRequest(DateOnly LastDay);
