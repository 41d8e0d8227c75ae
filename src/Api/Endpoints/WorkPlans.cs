using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Sunshine.Api.Hosting;
using Sunshine.Application.Common.Paging;
using Sunshine.Application.WorkPlans;
using Sunshine.Domain.Attachments;

namespace Sunshine.Api.Endpoints;

/// <summary>
/// County work plans filed with the city (工作方案备案): rounds with a deadline (a CST date) and the counties
/// that must file; each county uploads its plan (PDF or DOCX, ≤ 20 MB, checked by content) and submits it;
/// the city files it or returns it with a reason. The status — due, submitted, filed, returned, overdue — is
/// derived from the clock. County officers see only their county's filing; another county's id is 404.
/// </summary>
public sealed class WorkPlans : IEndpointGroup
{
    public static string Prefix => "work-plans";

    public static string Tag => "WorkPlans";

    public static void Map(RouteGroupBuilder group)
    {
        group.RequireAuthorization();
        group.MapGet("rounds", GetWorkPlanRounds).WithName(nameof(GetWorkPlanRounds))
            .WithSummary("Filing rounds you take part in, latest deadline first, with counts by status (programme.read).")
            .WithDescription("A county officer sees the rounds their county must file in, and counts only their own filing.")
            .ProducesStandardProblems();
        group.MapGet("rounds/{id:guid}", GetWorkPlanRound).WithName(nameof(GetWorkPlanRound))
            .WithSummary("One round with each county's filing and status in your scope; the ETag header carries its version (programme.read).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPost("rounds", CreateWorkPlanRound).WithName(nameof(CreateWorkPlanRound))
            .WithSummary("Open a filing round: programme, title, deadline (CST date) and the counties that must file (decisions.city).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);
        group.MapPut("rounds/{id:guid}", UpdateWorkPlanRound).WithName(nameof(UpdateWorkPlanRound))
            .WithSummary("Change a round's title, deadline and counties; send its ETag in If-Match (decisions.city).")
            .WithDescription("A county whose filing has a document or was submitted cannot be taken off the round (409 work_plan.filing_started).")
            .ProducesStandardProblems()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed,
                StatusCodes.Status422UnprocessableEntity, StatusCodes.Status428PreconditionRequired);
        group.MapGet("filings/{id:guid}", GetWorkPlanFiling).WithName(nameof(GetWorkPlanFiling))
            .WithSummary("One county's filing with its status today (programme.read).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPost("filings/{id:guid}/document", UploadWorkPlanDocument).WithName(nameof(UploadWorkPlanDocument))
            .WithSummary("Upload the county's plan: a PDF or DOCX of up to 20 MB, judged by its content; replaces the current document while the plan is with the county (programme.write).")
            .WithDescription("Anything else — a renamed executable, an image, a DOCX with macros — is 422 attachment.type; an empty or too large file is 400 (attachment.size) or 413.")
            .DisableAntiforgery()
            .WithRequestSizeLimit(AttachmentRule.WorkPlan.MaxBytes + (64 * 1024))
            .ProducesStandardProblems()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status422UnprocessableEntity);
        group.MapGet("filings/{id:guid}/document", DownloadWorkPlanDocument).WithName(nameof(DownloadWorkPlanDocument))
            .WithSummary("Download the filing's current plan document (programme.read); each download is written to the audit trail.")
            .Produces<FileContentResult>(StatusCodes.Status200OK, AttachmentRule.Pdf, AttachmentRule.Docx)
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPost("filings/{id:guid}/submission", SubmitWorkPlan).WithName(nameof(SubmitWorkPlan))
            .WithSummary("Submit the uploaded plan to the city; also after a return, and after the deadline (shown as late) (decisions.county).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        group.MapPost("filings/{id:guid}/filing", FileWorkPlan).WithName(nameof(FileWorkPlan))
            .WithSummary("File (备案) a submitted plan (decisions.city).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        group.MapPost("filings/{id:guid}/return", ReturnWorkPlan).WithName(nameof(ReturnWorkPlan))
            .WithSummary("Return a submitted plan to the county with a reason; the county may upload again and re-submit (decisions.city).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<Ok<PagedList<WorkPlanRoundListItemDto>>> GetWorkPlanRounds([AsParameters] GetWorkPlanRoundsQuery query, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(query, ct));

    private static async Task<Ok<WorkPlanRoundDto>> GetWorkPlanRound(Guid id, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var round = await sender.Send(new GetWorkPlanRoundQuery(id), ct);
        response.SetETag(round.Version);
        return TypedResults.Ok(round);
    }

    private static async Task<Created<WorkPlanRoundDto>> CreateWorkPlanRound(CreateWorkPlanRoundCommand command, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var round = await sender.Send(command, ct);
        response.SetETag(round.Version);
        return TypedResults.Created($"/api/work-plans/rounds/{round.Id}", round);
    }

    private static async Task<Ok<WorkPlanRoundDto>> UpdateWorkPlanRound(
        Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, WorkPlanRoundRequest request, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var round = await sender.Send(new UpdateWorkPlanRoundCommand(id, ETags.ParseIfMatch(ifMatch), request.Title, request.Deadline, request.CountyIds ?? []), ct);
        response.SetETag(round.Version);
        return TypedResults.Ok(round);
    }

    private static async Task<Ok<WorkPlanFilingDto>> GetWorkPlanFiling(Guid id, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetWorkPlanFilingQuery(id), ct));

    private static async Task<Ok<WorkPlanFilingDto>> UploadWorkPlanDocument(Guid id, IFormFile file, ISender sender, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        return TypedResults.Ok(await sender.Send(new UploadWorkPlanDocumentCommand(id, file.FileName, buffer.ToArray()), ct));
    }

    private static async Task<FileContentHttpResult> DownloadWorkPlanDocument(Guid id, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var document = await sender.Send(new DownloadWorkPlanDocumentCommand(id), ct);
        response.Headers.CacheControl = "no-store";
        return TypedResults.File(document.Content, document.ContentType, document.FileName);
    }

    private static async Task<Ok<WorkPlanFilingDto>> SubmitWorkPlan(Guid id, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new SubmitWorkPlanCommand(id), ct));

    private static async Task<Ok<WorkPlanFilingDto>> FileWorkPlan(Guid id, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new FileWorkPlanCommand(id), ct));

    private static async Task<Ok<WorkPlanFilingDto>> ReturnWorkPlan(Guid id, WorkPlanReturnRequest request, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ReturnWorkPlanCommand(id, request.Reason), ct));
}

/// <summary>A round's editable details: title, deadline (CST date), and the counties that must file.</summary>
public sealed record WorkPlanRoundRequest(string Title, DateOnly Deadline, IReadOnlyList<Guid>? CountyIds);

/// <summary>Why the plan goes back to the county.</summary>
public sealed record WorkPlanReturnRequest(string Reason);
