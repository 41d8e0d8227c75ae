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

    /// <summary>Adds the shared page and page-size rules to a validator.</summary>
    public static void AddPagingRules<T>(this AbstractValidator<T> validator)
        where T : IPagedRequest
    {
        ArgumentNullException.ThrowIfNull(validator);
        validator.RuleFor(x => x.Page).GreaterThanOrEqualTo(1).WithErrorCode("paging.page_invalid");
        validator.RuleFor(x => x.PageSize).InclusiveBetween(1, MaxPageSize).WithErrorCode("paging.page_size_invalid");
    }
}
