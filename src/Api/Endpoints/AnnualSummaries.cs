using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Sunshine.Api.Hosting;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Statistics;

namespace Sunshine.Api.Endpoints;

/// <summary>
/// Annual summaries (年度工作总结, action plan §五, due 5 November): the city opens a year's round with a
/// common data cut-off; each county writes its sections and submits, freezing its indicators up to the
/// cut-off; the city returns or compiles them into the city summary (with an XLSX export).
/// </summary>
public sealed class AnnualSummaries : IEndpointGroup
{
    public static string Prefix => "annual-summaries";

    public static string Tag => "AnnualSummaries";

    public static void Map(RouteGroupBuilder group)
    {
        group.RequireAuthorization();
        group.MapGet(string.Empty, GetAnnualSummaryRounds).WithName(nameof(GetAnnualSummaryRounds))
            .WithSummary("The rounds, newest first, with each county's standing (due, draft, submitted, returned, overdue) in your scope (programme.read).")
            .ProducesStandardProblems();
        group.MapPost(string.Empty, CreateAnnualSummaryRound).WithName(nameof(CreateAnnualSummaryRound))
            .WithSummary("Opens a year's round: due 5 November unless dueDate is given, with the data cut-off common to every county (decisions.city).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        group.MapPut("{roundId:guid}", UpdateAnnualSummaryRound).WithName(nameof(UpdateAnnualSummaryRound))
            .WithSummary("Moves a round's due date or cut-off; send the ETag in If-Match (decisions.city).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status412PreconditionFailed, StatusCodes.Status422UnprocessableEntity,
                StatusCodes.Status428PreconditionRequired);
        group.MapGet("{roundId:guid}/counties/{countyId:guid}", GetAnnualSummary).WithName(nameof(GetAnnualSummary))
            .WithSummary("A county's summary: sections, standing, and the indicators frozen at submission (programme.read).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPut("{roundId:guid}/counties/{countyId:guid}", WriteAnnualSummary).WithName(nameof(WriteAnnualSummary))
            .WithSummary("Writes a county's sections; the first write starts the summary, later ones need the ETag in If-Match (programme.write).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed,
                StatusCodes.Status422UnprocessableEntity, StatusCodes.Status428PreconditionRequired);
        group.MapPost("{roundId:guid}/counties/{countyId:guid}/submission", SubmitAnnualSummary).WithName(nameof(SubmitAnnualSummary))
            .WithSummary("Submits a county's summary, freezing its indicators from 1 January to the cut-off; marked late after the due date (programme.write).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        group.MapPost("{roundId:guid}/counties/{countyId:guid}/return", ReturnAnnualSummary).WithName(nameof(ReturnAnnualSummary))
            .WithSummary("Returns a submitted summary to its county with the reason (decisions.city).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        group.MapGet("{roundId:guid}/compilation", GetAnnualSummaryCompilation).WithName(nameof(GetAnnualSummaryCompilation))
            .WithSummary("The city summary: every county's standing and frozen figures, summed over the submitted ones (programme.read).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound);
        group.MapGet("{roundId:guid}/compilation/export", ExportAnnualSummaryCompilation).WithName(nameof(ExportAnnualSummaryCompilation))
            .WithSummary("The city summary as XLSX: figures per county, submission status, the counties' sections, definitions (programme.read).")
            .ProducesFile(ExportFile.Xlsx).ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<IReadOnlyList<AnnualSummaryRoundDto>>> GetAnnualSummaryRounds(ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetAnnualSummaryRoundsQuery(), ct));

    private static async Task<Created<AnnualSummaryRoundDto>> CreateAnnualSummaryRound(CreateAnnualSummaryRoundCommand command, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var round = await sender.Send(command, ct);
        response.SetETag(round.Version);
        return TypedResults.Created($"/api/annual-summaries/{round.Id}", round);
    }

    private static async Task<Ok<AnnualSummaryRoundDto>> UpdateAnnualSummaryRound(
        Guid roundId, [FromHeader(Name = "If-Match")] string? ifMatch, AnnualSummaryRoundRequest request, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var round = await sender.Send(new UpdateAnnualSummaryRoundCommand(roundId, ETags.ParseIfMatch(ifMatch), request.DueDate, request.DataCutOff), ct);
        response.SetETag(round.Version);
        return TypedResults.Ok(round);
    }

    private static async Task<Ok<AnnualSummaryDto>> GetAnnualSummary(Guid roundId, Guid countyId, ISender sender, HttpResponse response, CancellationToken ct) =>
        WithETag(await sender.Send(new GetAnnualSummaryQuery(roundId, countyId), ct), response);

    private static async Task<Ok<AnnualSummaryDto>> WriteAnnualSummary(
        Guid roundId, Guid countyId, [FromHeader(Name = "If-Match")] string? ifMatch, AnnualSummarySectionsRequest request, ISender sender, HttpResponse response, CancellationToken ct) =>
        WithETag(await sender.Send(new WriteAnnualSummaryCommand(roundId, countyId, ETags.ParseIfMatch(ifMatch), request.Achievements, request.TypicalCases, request.Problems,
            request.NextYearPlan), ct), response);

    private static async Task<Ok<AnnualSummaryDto>> SubmitAnnualSummary(Guid roundId, Guid countyId, ISender sender, HttpResponse response, CancellationToken ct) =>
        WithETag(await sender.Send(new SubmitAnnualSummaryCommand(roundId, countyId), ct), response);

    private static async Task<Ok<AnnualSummaryDto>> ReturnAnnualSummary(Guid roundId, Guid countyId, AnnualSummaryReturnRequest request, ISender sender, HttpResponse response, CancellationToken ct) =>
        WithETag(await sender.Send(new ReturnAnnualSummaryCommand(roundId, countyId, request.Reason), ct), response);

    private static async Task<Ok<AnnualSummaryCompilationDto>> GetAnnualSummaryCompilation(Guid roundId, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetAnnualSummaryCompilationQuery(roundId), ct));

    private static async Task<FileContentHttpResult> ExportAnnualSummaryCompilation(Guid roundId, ISender sender, CancellationToken ct)
    {
        var file = await sender.Send(new ExportAnnualSummaryCompilationQuery(roundId), ct);
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    private static Ok<AnnualSummaryDto> WithETag(AnnualSummaryDto summary, HttpResponse response)
    {
        if (summary.Version is { } version)
        {
            response.SetETag(version);
        }

        return TypedResults.Ok(summary);
    }
}

/// <summary>A round's dates.</summary>
public sealed record AnnualSummaryRoundRequest(DateOnly DueDate, DateOnly DataCutOff);

/// <summary>A summary's narrative sections.</summary>
public sealed record AnnualSummarySectionsRequest(string? Achievements, string? TypicalCases, string? Problems, string? NextYearPlan);

/// <summary>Why a summary goes back to its county.</summary>
public sealed record AnnualSummaryReturnRequest(string? Reason);
