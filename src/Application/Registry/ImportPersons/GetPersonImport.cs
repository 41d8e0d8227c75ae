using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Common.Exceptions;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Paging;
using Sunshine.Application.Common.Security;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Registry;

namespace Sunshine.Application.Registry.ImportPersons;

/// <summary>An import job with its progress and rejected rows.</summary>
[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record GetPersonImportQuery(Guid Id) : IQuery<PersonImportDto>;

public sealed class GetPersonImportHandler(IApplicationDbContext db) : IQueryHandler<GetPersonImportQuery, PersonImportDto>
{
    public async ValueTask<PersonImportDto> Handle(GetPersonImportQuery query, CancellationToken cancellationToken) =>
        (await db.PersonImports.AsNoTracking().FirstOrDefaultAsync(j => j.Id == query.Id, cancellationToken)
            ?? throw new NotFoundException("import", query.Id)).ToDto();
}

/// <summary>Import jobs in the caller's scope, newest first (without their rejected rows).</summary>
[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record GetPersonImportsQuery(int Page = 1, int PageSize = Paging.DefaultPageSize) : IQuery<PagedList<PersonImportDto>>, IPagedRequest;

public sealed class GetPersonImportsValidator : AbstractValidator<GetPersonImportsQuery>
{
    public GetPersonImportsValidator() => this.AddPagingRules();
}

public sealed class GetPersonImportsHandler(IApplicationDbContext db) : IQueryHandler<GetPersonImportsQuery, PagedList<PersonImportDto>>
{
    public async ValueTask<PagedList<PersonImportDto>> Handle(GetPersonImportsQuery query, CancellationToken cancellationToken)
    {
        var page = await db.PersonImports.AsNoTracking().OrderByDescending(j => j.RequestedAt)
            .ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
        return new PagedList<PersonImportDto>(page.Items.Select(j => j.ToDto(withRejections: false)).ToList(), page.Page, page.PageSize, page.TotalCount);
    }
}

/// <summary>The template file with the Chinese column headers (and, in XLSX, a sheet explaining each column).</summary>
[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record GetPersonImportTemplateQuery(ImportFormat Format) : IQuery<byte[]>;

public sealed class GetPersonImportTemplateHandler(IPersonImportFiles files) : IQueryHandler<GetPersonImportTemplateQuery, byte[]>
{
    public ValueTask<byte[]> Handle(GetPersonImportTemplateQuery query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(files.Template(query.Format));
}
