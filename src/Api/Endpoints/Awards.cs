using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Sunshine.Api.Hosting;
using Sunshine.Application.Awards;
using Sunshine.Application.Common.Paging;
using Sunshine.Domain.Benefits;

namespace Sunshine.Api.Endpoints;

/// <summary>
/// Awards (县级阳光致富示范户, 市级阳光扶贫示范基地, the enterprise recognitions): applications with their
/// frozen facts, the live check before submitting, screening with export, prosperity leaders. The
/// workflow (submit, review, public notice, objections, approval, payment) is /api/benefits.
/// </summary>
public sealed class Awards : IEndpointGroup
{
    public static string Prefix => "awards";

    public static string Tag => "Awards";

    public static void Map(RouteGroupBuilder group)
    {
        group.RequireAuthorization();
        group.MapGet("applications", GetAwardApplications).WithName(nameof(GetAwardApplications))
            .WithSummary("Award applications in your scope by type, state and county, newest first: the review queue (programme.read).").ProducesStandardProblems();
        group.MapGet("applications/{id:guid}", GetAwardApplication).WithName(nameof(GetAwardApplication))
            .WithSummary("One application with the facts frozen at submission beside the facts now, and its workflow (programme.read).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPost("applications", CreateAwardApplication).WithName(nameof(CreateAwardApplication))
            .WithSummary("Start an application (a draft) for a person, base or enterprise of your county; one open application per award and beneficiary (programme.write).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        group.MapGet("preview", PreviewAwardDecision).WithName(nameof(PreviewAwardDecision))
            .WithSummary("The decision an application would get if submitted today, criterion by criterion, with its facts (programme.read).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound);
        group.MapGet("screening", GetAwardScreening).WithName(nameof(GetAwardScreening))
            .WithSummary("Who qualifies for an award today (or on 31 December of a past year) and has no application of it, with each decision; county officers get their county (programme.read).")
            .ProducesStandardProblems();
        group.MapGet("screening/export", ExportAwardScreening).WithName(nameof(ExportAwardScreening))
            .WithSummary("The screening list as XLSX; it names people, so the export is audited (programme.read).")
            .ProducesFile(Application.Common.Interfaces.ExportFile.Xlsx).ProducesStandardProblems();
        group.MapGet("prosperity-leaders", GetProsperityLeaders).WithName(nameof(GetProsperityLeaders))
            .WithSummary("Prosperity leaders per county: rural disabled people holding an approved or paid demonstration-household or -base award (programme.read).")
            .ProducesStandardProblems();
    }

    private static async Task<Ok<PagedList<AwardApplicationListItemDto>>> GetAwardApplications(
        [AsParameters] GetAwardApplicationsQuery query, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(query, ct));

    private static async Task<Ok<AwardApplicationDto>> GetAwardApplication(Guid id, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetAwardApplicationQuery(id), ct));

    private static async Task<Created<AwardApplicationDto>> CreateAwardApplication(CreateAwardApplicationCommand command, ISender sender, CancellationToken ct)
    {
        var application = await sender.Send(command, ct);
        return TypedResults.Created($"/api/awards/applications/{application.Id}", application);
    }

    private static async Task<Ok<AwardPreviewDto>> PreviewAwardDecision(BenefitType type, Guid beneficiaryId, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new PreviewAwardDecisionQuery(type, beneficiaryId), ct));

    private static async Task<Ok<AwardScreeningDto>> GetAwardScreening(BenefitType type, int? year, Guid? countyId, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetAwardScreeningQuery(type, year, countyId), ct));

    private static async Task<FileContentHttpResult> ExportAwardScreening([AsParameters] ExportAwardScreeningCommand command, ISender sender, CancellationToken ct)
    {
        var file = await sender.Send(command, ct);
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    private static async Task<Ok<ProsperityLeadersDto>> GetProsperityLeaders(ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetProsperityLeadersQuery(), ct));
}
