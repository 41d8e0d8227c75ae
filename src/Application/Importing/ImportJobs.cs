using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Common.Exceptions;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Paging;
using Sunshine.Application.Common.Security;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Importing;

namespace Sunshine.Application.Importing;

/// <summary>The column sets of the import kinds.</summary>
public static class ImportKinds
{
    public static ImportColumnSet ColumnsOf(ImportKind kind) => kind switch
    {
        ImportKind.Persons => Registry.ImportPersons.PersonImportColumns.Set,
        ImportKind.Sales => Sales.ImportSales.SalesImportColumns.Set,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown import kind."),
    };
}

/// <summary>
/// Creates an import job for a CSV or XLSX file; the API then queues the file for the background
/// worker, which runs the kind's processing command as the officer who started it.
/// </summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record StartImportCommand(ImportKind Kind, string FileName, long Length, bool ImportValidRows) : ICommand<ImportJobDto>;

public sealed class StartImportValidator : AbstractValidator<StartImportCommand>
{
    public const long MaxBytes = 20 * 1024 * 1024;

    public StartImportValidator()
    {
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.FileName).NotEmpty().MaximumLength(200).OverridePropertyName("file")
            .Must(n => FormatOf(n) is not null).WithErrorCode("import.format_unknown").WithMessage("Import a .csv or .xlsx file.");
        RuleFor(x => x.Length).InclusiveBetween(1, MaxBytes).OverridePropertyName("file")
            .WithErrorCode("import.file_size").WithMessage("The file must not be empty and may be at most 20 MB.");
    }

    public static ImportFormat? FormatOf(string? fileName) => Path.GetExtension(fileName ?? string.Empty).ToUpperInvariant() switch
    {
        ".CSV" => ImportFormat.Csv,
        ".XLSX" => ImportFormat.Xlsx,
        _ => null,
    };
}

public sealed class StartImportHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<StartImportCommand, ImportJobDto>
{
    public async ValueTask<ImportJobDto> Handle(StartImportCommand command, CancellationToken cancellationToken)
    {
        var requester = user.Id ?? throw new NotAuthenticatedException();
        var owner = user.IsCountyBound
            ? user.CountyId ?? throw new ForbiddenException("scope.county_not_allowed", "Your account is not bound to a county.")
            : await db.Regions.Where(r => r.ParentId == null).OrderBy(r => r.SortOrder).Select(r => r.Id).FirstAsync(cancellationToken);

        var job = ImportJob.Start(command.Kind, owner, command.FileName, StartImportValidator.FormatOf(command.FileName)!.Value,
            command.ImportValidRows, requester, clock.GetUtcNow());
        db.ImportJobs.Add(job);
        await db.SaveChangesAsync(cancellationToken);
        return job.ToDto();
    }
}

/// <summary>An import job with its progress and rejected rows.</summary>
[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record GetImportJobQuery(ImportKind Kind, Guid Id) : IQuery<ImportJobDto>;

public sealed class GetImportJobHandler(IApplicationDbContext db) : IQueryHandler<GetImportJobQuery, ImportJobDto>
{
    public async ValueTask<ImportJobDto> Handle(GetImportJobQuery query, CancellationToken cancellationToken) =>
        (await db.ImportJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == query.Id && j.Kind == query.Kind, cancellationToken)
            ?? throw new NotFoundException("import", query.Id)).ToDto();
}

/// <summary>Import jobs of a kind in the caller's scope, newest first (without their rejected rows).</summary>
[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record GetImportJobsQuery(ImportKind Kind, int Page = 1, int PageSize = Paging.DefaultPageSize) : IQuery<PagedList<ImportJobDto>>, IPagedRequest;

public sealed class GetImportJobsValidator : AbstractValidator<GetImportJobsQuery>
{
    public GetImportJobsValidator() => this.AddPagingRules();
}

public sealed class GetImportJobsHandler(IApplicationDbContext db) : IQueryHandler<GetImportJobsQuery, PagedList<ImportJobDto>>
{
    public async ValueTask<PagedList<ImportJobDto>> Handle(GetImportJobsQuery query, CancellationToken cancellationToken)
    {
        var page = await db.ImportJobs.AsNoTracking().Where(j => j.Kind == query.Kind).OrderByDescending(j => j.RequestedAt)
            .ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
        return new PagedList<ImportJobDto>(page.Items.Select(j => j.ToDto(withRejections: false)).ToList(), page.Page, page.PageSize, page.TotalCount);
    }
}

/// <summary>The template file of an import kind with the Chinese column headers (and, in XLSX, a sheet explaining each column).</summary>
[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record GetImportTemplateQuery(ImportKind Kind, ImportFormat Format) : IQuery<byte[]>;

public sealed class GetImportTemplateHandler(IImportFiles files) : IQueryHandler<GetImportTemplateQuery, byte[]>
{
    public ValueTask<byte[]> Handle(GetImportTemplateQuery query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(files.Template(ImportKinds.ColumnsOf(query.Kind), query.Format));
}
