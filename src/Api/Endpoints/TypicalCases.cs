using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Sunshine.Api.Hosting;
using Sunshine.Application.Common.Paging;
using Sunshine.Application.TypicalCases;

namespace Sunshine.Api.Endpoints;

/// <summary>
/// Typical cases (典型案例): success stories of registered people and of enterprises with their key figures,
/// nominated for commendation and published. Publishing a person's story needs their consent to
/// publication (422 typical_case.consent_required).
/// </summary>
public sealed class TypicalCases : IEndpointGroup
{
    public static string Prefix => "typical-cases";

    public static string Tag => "TypicalCases";

    public static void Map(RouteGroupBuilder group)
    {
        group.RequireAuthorization();
        group.MapGet(string.Empty, GetTypicalCases).WithName(nameof(GetTypicalCases))
            .WithSummary("Cases in your scope, newest first, by county, subject, nomination, publication and title words (programme.read).")
            .ProducesStandardProblems();
        group.MapGet("published", GetPublishedTypicalCases).WithName(nameof(GetPublishedTypicalCases))
            .WithSummary("Published cases of every county, latest first (programme.read).")
            .WithDescription("A case about a person is listed only while their consent to publication is in force.")
            .ProducesStandardProblems();
        group.MapGet("{id:guid}", GetTypicalCase).WithName(nameof(GetTypicalCase))
            .WithSummary("One case; the ETag header carries its version (programme.read).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPost(string.Empty, CreateTypicalCase).WithName(nameof(CreateTypicalCase))
            .WithSummary("Write up a case about a registered person of your scope or an enterprise, with its key figures (programme.write).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);
        group.MapPut("{id:guid}", UpdateTypicalCase).WithName(nameof(UpdateTypicalCase))
            .WithSummary("Replace a case's title, narrative and key figures; send its ETag in If-Match (programme.write).")
            .ProducesStandardProblems()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status412PreconditionFailed, StatusCodes.Status422UnprocessableEntity,
                StatusCodes.Status428PreconditionRequired);
        group.MapDelete("{id:guid}", DeleteTypicalCase).WithName(nameof(DeleteTypicalCase))
            .WithSummary("Delete an unpublished case; send its ETag in If-Match (programme.write).")
            .ProducesStandardProblems()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed, StatusCodes.Status428PreconditionRequired);
        group.MapPost("{id:guid}/nomination", NominateTypicalCase).WithName(nameof(NominateTypicalCase))
            .WithSummary("Nominate the case for commendation; records who and when (decisions.county or decisions.city).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        group.MapDelete("{id:guid}/nomination", WithdrawTypicalCaseNomination).WithName(nameof(WithdrawTypicalCaseNomination))
            .WithSummary("Withdraw the case's nomination (decisions.county or decisions.city).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        group.MapPost("{id:guid}/publication", PublishTypicalCase).WithName(nameof(PublishTypicalCase))
            .WithSummary("Publish the case; a person's story needs their consent to publication in force (decisions.county or decisions.city).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        group.MapDelete("{id:guid}/publication", UnpublishTypicalCase).WithName(nameof(UnpublishTypicalCase))
            .WithSummary("Withdraw the case from publication (decisions.county or decisions.city).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
    }

    private static async Task<Ok<PagedList<TypicalCaseDto>>> GetTypicalCases([AsParameters] GetTypicalCasesQuery query, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(query, ct));

    private static async Task<Ok<PagedList<PublishedTypicalCaseDto>>> GetPublishedTypicalCases([AsParameters] GetPublishedTypicalCasesQuery query, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(query, ct));

    private static async Task<Ok<TypicalCaseDto>> GetTypicalCase(Guid id, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var found = await sender.Send(new GetTypicalCaseQuery(id), ct);
        response.SetETag(found.Version);
        return TypedResults.Ok(found);
    }

    private static async Task<Created<TypicalCaseDto>> CreateTypicalCase(CreateTypicalCaseCommand command, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var created = await sender.Send(command, ct);
        response.SetETag(created.Version);
        return TypedResults.Created($"/api/typical-cases/{created.Id}", created);
    }

    private static async Task<Ok<TypicalCaseDto>> UpdateTypicalCase(
        Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, TypicalCaseRequest request, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var updated = await sender.Send(new UpdateTypicalCaseCommand(id, ETags.ParseIfMatch(ifMatch), request.Title, request.Narrative, request.Figures), ct);
        response.SetETag(updated.Version);
        return TypedResults.Ok(updated);
    }

    private static async Task<NoContent> DeleteTypicalCase(Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, ISender sender, CancellationToken ct)
    {
        await sender.Send(new DeleteTypicalCaseCommand(id, ETags.ParseIfMatch(ifMatch)), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<TypicalCaseDto>> NominateTypicalCase(Guid id, ISender sender, HttpResponse response, CancellationToken ct) =>
        WithETag(await sender.Send(new NominateTypicalCaseCommand(id), ct), response);

    private static async Task<Ok<TypicalCaseDto>> WithdrawTypicalCaseNomination(Guid id, ISender sender, HttpResponse response, CancellationToken ct) =>
        WithETag(await sender.Send(new WithdrawTypicalCaseNominationCommand(id), ct), response);

    private static async Task<Ok<TypicalCaseDto>> PublishTypicalCase(Guid id, ISender sender, HttpResponse response, CancellationToken ct) =>
        WithETag(await sender.Send(new PublishTypicalCaseCommand(id), ct), response);

    private static async Task<Ok<TypicalCaseDto>> UnpublishTypicalCase(Guid id, ISender sender, HttpResponse response, CancellationToken ct) =>
        WithETag(await sender.Send(new UnpublishTypicalCaseCommand(id), ct), response);

    /// <summary>The new version goes with the case, so the client can edit it next without reloading.</summary>
    private static Ok<TypicalCaseDto> WithETag(TypicalCaseDto found, HttpResponse response)
    {
        response.SetETag(found.Version);
        return TypedResults.Ok(found);
    }
}

/// <summary>A case's editable content: title, narrative, and up to 12 key figures (label, value, unit).</summary>
public sealed record TypicalCaseRequest(string Title, string Narrative, IReadOnlyList<KeyFigureDto>? Figures);
