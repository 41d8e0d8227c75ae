using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Sunshine.Application.Common.Paging;

/// <summary>A page of results and the total count behind it.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount);

/// <summary>A query that returns a page.</summary>
public interface IPagedRequest
{
    int Page { get; }

    int PageSize { get; }
}

public static class Paging
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>Counts the query and reads one page of it.</summary>
    public static async Task<PagedList<T>> ToPagedListAsync<T>(this IQueryable<T> source, int page, int pageSize, CancellationToken cancellationToken)
    {
        var total = await source.CountAsync(cancellationToken);
        var items = await source.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new PagedList<T>(items, page, pageSize, total);
    }

    /// <summary>
    /// Counts the query and reads one page of it in one statement: each row of the page carries the total (an
    /// uncorrelated sub-query the database evaluates once). For lists read all day at programme scale (the registry),
    /// where the second round trip is a fifth of the request. The projection must translate to SQL as a whole (no
    /// client-side part, which would run the count per row). A page past the end has no row to carry the total, so
    /// only then is it counted on its own.
    /// </summary>
    public static async Task<PagedList<T>> ToCountedPageAsync<T>(this IQueryable<T> source, int page, int pageSize, CancellationToken cancellationToken)
    {
        var rows = await source.Skip((page - 1) * pageSize).Take(pageSize)
            .Select(item => new CountedRow<T> { Item = item, Total = source.Count() })
            .ToListAsync(cancellationToken);
        var total = rows.Count > 0 ? rows[0].Total : await source.CountAsync(cancellationToken);
        return new PagedList<T>(rows.Select(r => r.Item).ToList(), page, pageSize, total);
    }

    /// <summary>
    /// Reads one page of ids from the scoped, ordered query, then projects just those rows. A projection
    /// that looks up names across scopes (<c>IgnoreQueryFilters</c> in a subquery lifts the filters of
    /// the whole query) must never decide which rows are listed: the ids do.
    /// </summary>
    public static async Task<PagedList<TDto>> ToProjectedPageAsync<TEntity, TDto>(
        this IQueryable<TEntity> ordered, int page, int pageSize, Func<List<Guid>, IQueryable<TDto>> project, Func<TDto, Guid> idOf,
        CancellationToken cancellationToken)
        where TEntity : Sunshine.Domain.Common.Entity
    {
        ArgumentNullException.ThrowIfNull(project);
        var ids = await ordered.Select(e => e.Id).ToPagedListAsync(page, pageSize, cancellationToken);
        var ordering = ids.Items.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var items = await project(ids.Items.ToList()).ToListAsync(cancellationToken);
        return new PagedList<TDto>(items.OrderBy(i => ordering[idOf(i)]).ToList(), ids.Page, ids.PageSize, ids.TotalCount);
    }

    /// <summary>Adds the shared page and page-size rules to a validator.</summary>
    public static void AddPagingRules<T>(this AbstractValidator<T> validator)
        where T : IPagedRequest
    {
        ArgumentNullException.ThrowIfNull(validator);
        validator.RuleFor(x => x.Page).GreaterThanOrEqualTo(1).WithErrorCode("paging.page_invalid");
        validator.RuleFor(x => x.PageSize).InclusiveBetween(1, MaxPageSize).WithErrorCode("paging.page_size_invalid");
    }
}

/// <summary>A row of a page with the total count of the query behind it.</summary>
internal sealed class CountedRow<T>
{
    public required T Item { get; init; }

    public required int Total { get; init; }
}
