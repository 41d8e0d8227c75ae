using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Sunshine.Application.Common.Paging;
using Sunshine.Application.Importing;
using Sunshine.Domain.Importing;

namespace Sunshine.Api.Hosting;

/// <summary>
/// The endpoints of one kind of import (template, upload, jobs), mapped under that kind's prefix
/// with operation ids such as <c>StartPersonImport</c> / <c>StartSalesImport</c>.
/// </summary>
public static class ImportEndpoints
{
    public static void MapImports(this RouteGroupBuilder group, ImportKind kind, string noun, string description, string templateFileName)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.RequireAuthorization();
        group.MapGet("template", (ISender sender, CancellationToken ct, ImportFormat format = ImportFormat.Xlsx) => TemplateAsync(kind, templateFileName, sender, format, ct))
            .WithName($"Get{noun}ImportTemplate")
            .WithSummary("The import template with Chinese column headers (format csv or xlsx).")
            .Produces<Microsoft.AspNetCore.Mvc.FileContentResult>(StatusCodes.Status200OK, "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .ProducesStandardProblems();
        group.MapPost(string.Empty, (IFormFile file, ISender sender, ImportInbox queue, HttpContext http, CancellationToken ct, bool importValidRows = false) =>
                StartAsync(kind, file, sender, queue, http, importValidRows, ct))
            .WithName($"Start{noun}Import")
            .WithSummary(description)
            .WithDescription($"Answers 202 with the import job; poll Get{noun}Import for progress and the rejected rows. Without importValidRows nothing is written while any row is rejected.")
            .DisableAntiforgery()
            .WithRequestSizeLimit(StartImportValidator.MaxBytes + (64 * 1024))
            .ProducesStandardProblems();
        group.MapGet(string.Empty, async ([AsParameters] ImportJobsRequest request, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetImportJobsQuery(kind, request.Page ?? 1, request.PageSize ?? Paging.DefaultPageSize), ct)))
            .WithName($"Get{noun}Imports")
            .WithSummary("Import jobs in your scope, newest first (programme.read).").ProducesStandardProblems();
        group.MapGet("{id:guid}", async (Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetImportJobQuery(kind, id), ct)))
            .WithName($"Get{noun}Import")
            .WithSummary("One import job: status, progress, counts and rejected rows (programme.read).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound);
    }

    private static async Task<FileContentHttpResult> TemplateAsync(ImportKind kind, string fileName, ISender sender, ImportFormat format, CancellationToken ct)
    {
        var content = await sender.Send(new GetImportTemplateQuery(kind, format), ct);
        return format == ImportFormat.Csv
            ? TypedResults.File(content, "text/csv; charset=utf-8", fileName + ".csv")
            : TypedResults.File(content, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", fileName + ".xlsx");
    }

    private static async Task<Accepted<ImportJobDto>> StartAsync(
        ImportKind kind, IFormFile file, ISender sender, ImportInbox queue, HttpContext http, bool importValidRows, CancellationToken ct)
    {
        var job = await sender.Send(new StartImportCommand(kind, file.FileName, file.Length, importValidRows), ct);
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        queue.Enqueue(job.Id, kind, buffer.ToArray(), http.User);
        return TypedResults.Accepted($"{http.Request.PathBase}{http.Request.Path}/{job.Id}", job);
    }
}

/// <summary>Paging of an import job list.</summary>
public sealed record ImportJobsRequest(int? Page, int? PageSize);
