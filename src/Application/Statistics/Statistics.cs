using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Common.Exceptions;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Security;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Statistics;

namespace Sunshine.Application.Statistics;

/// <summary>An indicator's definition as the SPA and the bulletins show it.</summary>
public sealed record IndicatorDefinitionDto(
    string Code, string Group, string Name, string NameEn, string Definition, string DefinitionEn, IndicatorUnit Unit, IndicatorTotal Total);

/// <summary>A period as it was asked for and resolved.</summary>
public sealed record PeriodDto(PeriodKind Kind, DateOnly From, DateOnly To, DateOnly? SalesFrom, DateOnly? SalesTo);

/// <summary>The indicators of a period: the counties (columns) and one row per indicator.</summary>
public sealed record IndicatorTableDto(PeriodDto Period, bool CityWide, IReadOnlyList<CountyRef> Counties, IReadOnlyList<IndicatorFigures> Rows);

/// <summary>The scope of a statistics request: the counties it covers.</summary>
public sealed record StatisticsScope(IReadOnlyList<CountyRef> Counties, bool CityWide);

public static class StatisticsMapping
{
    public static IndicatorDefinitionDto ToDto(this IndicatorDefinition d) =>
        new(d.Code, d.Group, d.Name, d.NameEn, d.Definition, d.DefinitionEn, d.Unit, d.Total);

    public static PeriodDto ToDto(this IndicatorTable table) => new(table.Period.Kind, table.Period.From, table.Period.To, table.SalesFrom, table.SalesTo);

    public static IndicatorTableDto ToTableDto(this IndicatorTable table) => new(table.ToDto(), table.CityWide, table.Counties, table.Rows);

    /// <summary>
    /// The counties a request covers: a county officer's own county (asking for another answers 404);
    /// for everyone else every county, or the one asked for.
    /// </summary>
    public static async Task<StatisticsScope> ScopeAsync(this IApplicationDbContext db, ICurrentUser user, Guid? countyId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        if (user.IsCountyBound && countyId != null && countyId != user.CountyId)
        {
            throw new NotFoundException("county", countyId.Value, "countyId");
        }

        var only = user.IsCountyBound ? user.CountyId : countyId;
        var counties = await db.Regions.AsNoTracking().Where(r => r.ParentId != null && (only == null || r.Id == only)).OrderBy(r => r.SortOrder)
            .Select(r => new CountyRef(r.Id, r.Code.Value, r.Name)).ToListAsync(cancellationToken);
        if (only != null && counties.Count == 0)
        {
            throw new NotFoundException("county", only.Value, "countyId");
        }

        return new StatisticsScope(counties, only == null);
    }

    /// <summary>Parses a comma-separated list of indicator codes (null or empty: all).</summary>
    public static IReadOnlyCollection<string>? ParseCodes(string? codes)
    {
        if (string.IsNullOrWhiteSpace(codes))
        {
            return null;
        }

        var list = codes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
        foreach (var code in list)
        {
            _ = Indicators.Get(code);
        }

        return list;
    }
}

/// <summary>Every indicator with its stable code and definition (programme.read).</summary>
[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record GetIndicatorDefinitionsQuery : IQuery<IReadOnlyList<IndicatorDefinitionDto>>;

public sealed class GetIndicatorDefinitionsHandler : IQueryHandler<GetIndicatorDefinitionsQuery, IReadOnlyList<IndicatorDefinitionDto>>
{
    public ValueTask<IReadOnlyList<IndicatorDefinitionDto>> Handle(GetIndicatorDefinitionsQuery query, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<IndicatorDefinitionDto>>(Indicators.All.Select(d => d.ToDto()).ToList());
}

/// <summary>
/// The indicators of a period (month, quarter, year or a custom range) per county and in total, within
/// the caller's scope; <c>codes</c> (comma-separated) limits them (programme.read).
/// </summary>
[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record GetIndicatorsQuery(PeriodKind Period, int? Year, int? Part, DateOnly? From, DateOnly? To, Guid? CountyId, string? Codes)
    : IQuery<IndicatorTableDto>;

public sealed class GetIndicatorsValidator : AbstractValidator<GetIndicatorsQuery>
{
    public GetIndicatorsValidator()
    {
        RuleFor(x => x.Period).IsInEnum().WithErrorCode("period.kind_invalid");
        RuleFor(x => x.Codes).MaximumLength(4000);
    }
}

public sealed class GetIndicatorsHandler(IApplicationDbContext db, ICurrentUser user, IndicatorCalculator calculator) : IQueryHandler<GetIndicatorsQuery, IndicatorTableDto>
{
    public async ValueTask<IndicatorTableDto> Handle(GetIndicatorsQuery query, CancellationToken cancellationToken)
    {
        var period = StatisticsPeriod.Of(query.Period, query.Year, query.Part, query.From, query.To);
        var codes = StatisticsMapping.ParseCodes(query.Codes);
        var scope = await db.ScopeAsync(user, query.CountyId, cancellationToken);
        return (await calculator.ComputeAsync(period, scope.Counties, scope.CityWide, codes, cancellationToken)).ToTableDto();
    }
}

/// <summary>One month of the trends.</summary>
public sealed record MonthlyTrendDto(DateOnly Month, long SalesOrders, decimal SalesAmount, int ShopsOpened, int TrainedPersons);

/// <summary>The months of a year in the caller's scope (or one county of it).</summary>
public sealed record MonthlyTrendsDto(int Year, IReadOnlyList<MonthlyTrendDto> Months);

/// <summary>Monthly trends of a year: sales orders and amount (roll-ups), shops opened, disabled people completing training (programme.read).</summary>
[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record GetMonthlyTrendsQuery(int Year, Guid? CountyId) : IQuery<MonthlyTrendsDto>;

public sealed class GetMonthlyTrendsValidator : AbstractValidator<GetMonthlyTrendsQuery>
{
    public GetMonthlyTrendsValidator() => RuleFor(x => x.Year).InclusiveBetween(2000, 2100).WithErrorCode("period.year_invalid");
}

public sealed class GetMonthlyTrendsHandler(IApplicationDbContext db, ICurrentUser user) : IQueryHandler<GetMonthlyTrendsQuery, MonthlyTrendsDto>
{
    public async ValueTask<MonthlyTrendsDto> Handle(GetMonthlyTrendsQuery query, CancellationToken cancellationToken)
    {
        var scope = await db.ScopeAsync(user, query.CountyId, cancellationToken);
        var ids = scope.Counties.Select(c => c.Id).ToList();
        var (first, last) = (new DateOnly(query.Year, 1, 1), new DateOnly(query.Year, 12, 31));
        var sales = await db.CountyMonthSales.AsNoTracking().Where(m => ids.Contains(m.CountyId) && m.Month >= first && m.Month <= last)
            .GroupBy(m => m.Month).Select(g => new { g.Key, Orders = g.Sum(m => m.OrderCount), Net = g.Sum(m => m.CountedNet) })
            .ToDictionaryAsync(x => x.Key, cancellationToken);
        var opened = await db.CountyShopMonths.AsNoTracking().Where(m => ids.Contains(m.CountyId) && m.Month >= first && m.Month <= last)
            .GroupBy(m => m.Month.Month).Select(g => new { g.Key, Count = g.Sum(m => m.Opened) }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        var trained = await db.Enrolments.IgnoreQueryFilters().AsNoTracking()
            .Where(e => e.Status == Domain.Training.EnrolmentStatus.Completed && e.Kind == Domain.Training.EnrolmentKind.DisabledPerson
                && ids.Contains(e.CountyId) && e.CompletedOn >= first && e.CompletedOn <= last)
            .Select(e => new { e.CompletedOn!.Value.Month, e.PersonId }).Distinct()
            .GroupBy(e => e.Month).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        var months = Enumerable.Range(1, 12).Select(m =>
        {
            var month = new DateOnly(query.Year, m, 1);
            var s = sales.GetValueOrDefault(month);
            return new MonthlyTrendDto(month, s?.Orders ?? 0, s?.Net ?? 0m, opened.GetValueOrDefault(m), trained.GetValueOrDefault(m));
        }).ToList();
        return new MonthlyTrendsDto(query.Year, months);
    }
}
