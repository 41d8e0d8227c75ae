using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Sunshine.Api.Hosting;
using Sunshine.Application.Common.Paging;
using Sunshine.Application.Registry.ImportPersons;
using Sunshine.Domain.Registry;

namespace Sunshine.Api.Endpoints;

/// <summary>Importing people from CSV or XLSX files, checked row by row in the background.</summary>
public sealed class PersonImports : IEndpointGroup
{
    public static string Prefix => "person-imports";

    public static string Tag => "Registry";

    public static void Map(RouteGroupBuilder group)
    {
        group.RequireAuthorization();
        group.MapGet("template", GetPersonImportTemplate).WithName(nameof(GetPersonImportTemplate))
            .WithSummary("The import template with Chinese column headers (format csv or xlsx).")
            .Produces<Microsoft.AspNetCore.Mvc.FileContentResult>(StatusCodes.Status200OK, "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .ProducesStandardProblems();
        group.MapPost(string.Empty, StartPersonImport).WithName(nameof(StartPersonImport))
            .WithSummary("Upload a CSV or XLSX file of people (up to 20 MB) to import (programme.write).")
            .WithDescription("Answers 202 with the import job; poll GetPersonImport for progress and the rejected rows. Without importValidRows nothing is written while any row is rejected.")
            .DisableAntiforgery()
            .WithRequestSizeLimit(StartPersonImportValidator.MaxBytes + (64 * 1024))
            .ProducesStandardProblems();
        group.MapGet(string.Empty, GetPersonImports).WithName(nameof(GetPersonImports))
            .WithSummary("Import jobs in your scope, newest first (programme.read).").ProducesStandardProblems();
        group.MapGet("{id:guid}", GetPersonImport).WithName(nameof(GetPersonImport))
            .WithSummary("One import job: status, progress, counts and rejected rows (programme.read).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound);
    }

    private static async Task<FileContentHttpResult> GetPersonImportTemplate(ISender sender, CancellationToken ct, ImportFormat format = ImportFormat.Xlsx)
    {
        var content = await sender.Send(new GetPersonImportTemplateQuery(format), ct);
        return format == ImportFormat.Csv
            ? TypedResults.File(content, "text/csv; charset=utf-8", "残疾人信息导入模板.csv")
            : TypedResults.File(content, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "残疾人信息导入模板.xlsx");
    }

    private static async Task<Accepted<PersonImportDto>> StartPersonImport(
        IFormFile file, ISender sender, PersonImportInbox queue, HttpContext http, CancellationToken ct, bool importValidRows = false)
    {
        var job = await sender.Send(new StartPersonImportCommand(file.FileName, file.Length, importValidRows), ct);
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        queue.Enqueue(job.Id, buffer.ToArray(), http.User);
        return TypedResults.Accepted($"/api/person-imports/{job.Id}", job);
    }

    private static async Task<Ok<PagedList<PersonImportDto>>> GetPersonImports([AsParameters] GetPersonImportsQuery query, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(query, ct));

    private static async Task<Ok<PersonImportDto>> GetPersonImport(Guid id, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetPersonImportQuery(id), ct));
}
