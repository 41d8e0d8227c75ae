using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Sunshine.Api.Hosting;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Statistics;

namespace Sunshine.Api.Endpoints;

/// <summary>
/// Statistics (action plan §五): the indicators with their definitions, per county and period; monthly
/// trends; the targets and progress against them; exports and issued bulletins (统计通报) whose figures
/// are frozen at issue. County officers get their county; everyone else every county or the one asked for.
/// </summary>
public sealed class Statistics : IEndpointGroup
{
    public static string Prefix => "statistics";

    public static string Tag => "Statistics";

    public static void Map(RouteGroupBuilder group)
    {
        group.RequireAuthorization();
        group.MapGet("indicators", GetIndicatorDefinitions).WithName(nameof(GetIndicatorDefinitions))
            .WithSummary("Every indicator: its stable code, names and definition in Chinese and English, unit and how the total is made (programme.read).")
            .ProducesStandardProblems();
        group.MapGet(string.Empty, GetIndicators).WithName(nameof(GetIndicators))
            .WithSummary("The indicators of a period (period=Month|Quarter|Year with year and part, or Custom with from and to; CST dates, inclusive) per county and in total; codes limits them, comma-separated (programme.read).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);
        group.MapGet("export", ExportIndicators).WithName(nameof(ExportIndicators))
            .WithSummary("The same figures as XLSX (figures, definitions and description sheets) or CSV, generated now and not issued (programme.read).")
            .ProducesFile(ExportFile.Xlsx, "text/csv")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);
        group.MapGet("trends", GetMonthlyTrends).WithName(nameof(GetMonthlyTrends))
            .WithSummary("The twelve months of a year: sales orders and amount from the roll-ups, shops opened, disabled people completing training (programme.read).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound);
        group.MapGet("progress", GetTargetProgress).WithName(nameof(GetTargetProgress))
            .WithSummary("Targets against actual figures from the programme's start to today (the current programme unless one is given), for the scope and each county (programme.read).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound);
        group.MapGet("targets", GetProgrammeTargets).WithName(nameof(GetProgrammeTargets))
            .WithSummary("A programme's targets: city-wide first, then each county's (programme.read).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPut("targets", SetProgrammeTargets).WithName(nameof(SetProgrammeTargets))
            .WithSummary("Sets a programme's targets, city-wide (countyId null) or per county; rows not given stay as they are (decisions.city).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);
        group.MapGet("bulletins", GetBulletins).WithName(nameof(GetBulletins))
            .WithSummary("Issued bulletins, newest first; a county officer sees their county's (programme.read).").ProducesStandardProblems();
        group.MapPost("bulletins", IssueBulletin).WithName(nameof(IssueBulletin))
            .WithSummary("Issues a bulletin: numbers it and freezes its figures and files (programme.write).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        group.MapGet("bulletins/{id:guid}", GetBulletin).WithName(nameof(GetBulletin))
            .WithSummary("One issued bulletin with its frozen figures (programme.read).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound);
        group.MapGet("bulletins/{id:guid}/export", ExportBulletin).WithName(nameof(ExportBulletin))
            .WithSummary("An issued bulletin's XLSX or CSV exactly as generated at issue (programme.read).")
            .ProducesFile(ExportFile.Xlsx, "text/csv")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<IReadOnlyList<IndicatorDefinitionDto>>> GetIndicatorDefinitions(ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetIndicatorDefinitionsQuery(), ct));

    private static async Task<Ok<IndicatorTableDto>> GetIndicators([AsParameters] GetIndicatorsQuery query, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(query, ct));

    private static async Task<FileContentHttpResult> ExportIndicators([AsParameters] ExportIndicatorsQuery query, ISender sender, CancellationToken ct)
    {
        var file = await sender.Send(query, ct);
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    private static async Task<Ok<MonthlyTrendsDto>> GetMonthlyTrends([AsParameters] GetMonthlyTrendsQuery query, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(query, ct));

    private static async Task<Ok<TargetProgressReportDto>> GetTargetProgress([AsParameters] GetTargetProgressQuery query, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(query, ct));

    private static async Task<Ok<IReadOnlyList<ProgrammeTargetDto>>> GetProgrammeTargets(Guid programmeId, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetProgrammeTargetsQuery(programmeId), ct));

    private static async Task<Ok<IReadOnlyList<ProgrammeTargetDto>>> SetProgrammeTargets(SetProgrammeTargetsCommand command, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(command, ct));

    private static async Task<Ok<IReadOnlyList<BulletinListItemDto>>> GetBulletins(int? year, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetBulletinsQuery(year), ct));

    private static async Task<Created<BulletinDto>> IssueBulletin(IssueBulletinCommand command, ISender sender, CancellationToken ct)
    {
        var bulletin = await sender.Send(command, ct);
        return TypedResults.Created($"/api/statistics/bulletins/{bulletin.Id}", bulletin);
    }

    private static async Task<Ok<BulletinDto>> GetBulletin(Guid id, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetBulletinQuery(id), ct));

    private static async Task<FileContentHttpResult> ExportBulletin(Guid id, ExportFormat format, ISender sender, CancellationToken ct)
    {
        var file = await sender.Send(new ExportBulletinQuery(id, format), ct);
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }
}
