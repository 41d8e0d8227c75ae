using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Sunshine.Api.Hosting;
using Sunshine.Application.Common.Paging;
using Sunshine.Application.Evidence;

namespace Sunshine.Api.Endpoints;

/// <summary>Benefit links (利益联结) of enterprises and entrepreneurs with disabled households.</summary>
public sealed class BenefitLinks : IEndpointGroup
{
    public static string Prefix => "benefit-links";

    public static string Tag => "Evidence";

    public static void Map(RouteGroupBuilder group)
    {
        group.RequireAuthorization();
        group.MapGet(string.Empty, GetBenefitLinks).WithName(nameof(GetBenefitLinks))
            .WithSummary("Links in your scope (the household's or the linking party's county) by party, household, type, and in force on a date (programme.read).")
            .ProducesStandardProblems();
        group.MapGet("households", GetLinkedHouseholds).WithName(nameof(GetLinkedHouseholds))
            .WithSummary("Distinct households with a link in force on a date, and how many are registered-poor; your county, or a county or the city for city officers (programme.read).")
            .ProducesStandardProblems();
        group.MapGet("{id:guid}", GetBenefitLink).WithName(nameof(GetBenefitLink))
            .WithSummary("One link with its monthly amounts; ETag header (programme.read).").ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPost(string.Empty, CreateBenefitLink).WithName(nameof(CreateBenefitLink))
            .WithSummary("Record a link of an enterprise or an entrepreneur with a household of your scope (programme.write).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);
        group.MapPut("{id:guid}", UpdateBenefitLink).WithName(nameof(UpdateBenefitLink))
            .WithSummary("Correct a link's dates; send the ETag in If-Match (programme.write).")
            .ProducesStandardProblems()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed,
                StatusCodes.Status422UnprocessableEntity, StatusCodes.Status428PreconditionRequired);
        group.MapPut("{id:guid}/months", RecordBenefitLinkMonths).WithName(nameof(RecordBenefitLinkMonths))
            .WithSummary("Record what the link brought the household in 1 to 24 months (yyyy-MM; 0 removes a month); all or nothing (programme.write).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);
        group.MapPost("{id:guid}/end", EndBenefitLink).WithName(nameof(EndBenefitLink))
            .WithSummary("End a link; lastDay is its last day in force (programme.write).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<Ok<PagedList<BenefitLinkDto>>> GetBenefitLinks([AsParameters] GetBenefitLinksQuery query, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(query, ct));

    private static async Task<Ok<LinkedHouseholdsDto>> GetLinkedHouseholds([AsParameters] GetLinkedHouseholdsQuery query, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(query, ct));

    private static async Task<Ok<BenefitLinkDto>> GetBenefitLink(Guid id, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var found = await sender.Send(new GetBenefitLinkQuery(id), ct);
        response.SetETag(found.Version);
        return TypedResults.Ok(found);
    }

    private static async Task<Created<BenefitLinkDto>> CreateBenefitLink(CreateBenefitLinkCommand command, ISender sender, CancellationToken ct)
    {
        var created = await sender.Send(command, ct);
        return TypedResults.Created($"/api/benefit-links/{created.Id}", created);
    }

    private static async Task<Ok<BenefitLinkDto>> UpdateBenefitLink(
        Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, BenefitLinkDatesRequest request, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var updated = await sender.Send(new UpdateBenefitLinkCommand(id, ETags.ParseIfMatch(ifMatch), request.StartDate, request.EndDate), ct);
        response.SetETag(updated.Version);
        return TypedResults.Ok(updated);
    }

    private static async Task<Ok<BenefitLinkDto>> RecordBenefitLinkMonths(Guid id, BenefitLinkMonthsRequest request, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new RecordBenefitLinkMonthsCommand(id, request.Months ?? []), ct));

    private static async Task<Ok<BenefitLinkDto>> EndBenefitLink(Guid id, LastDayRequest request, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new EndBenefitLinkCommand(id, request.LastDay), ct));
}

/// <summary>A link's dates: the end date is its last day in force (none: open-ended).</summary>
public sealed record BenefitLinkDatesRequest(DateOnly StartDate, DateOnly? EndDate);

/// <summary>Monthly amounts to record.</summary>
public sealed record BenefitLinkMonthsRequest(IReadOnlyList<LinkMonthInput>? Months);
