using System.Globalization;
using System.Text.Json;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Common.Exceptions;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Security;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Statistics;

namespace Sunshine.Application.Statistics;

/// <summary>The file formats of a statistics export.</summary>
public enum ExportFormat
{
    Xlsx,
    Csv,
}

/// <summary>A bulletin in the list.</summary>
public sealed record BulletinListItemDto(Guid Id, string Number, string Title, PeriodKind PeriodKind, DateOnly From, DateOnly To, int Counties, int Indicators, DateTimeOffset IssuedAt);

/// <summary>An issued bulletin with its frozen table.</summary>
public sealed record BulletinDto(Guid Id, string Number, string Title, DateTimeOffset IssuedAt, Guid IssuedById, IndicatorTableDto Table);

/// <summary>
/// Renders a statistics table as the bulletin's files: XLSX with the figures (Chinese headers, a column
/// per county), the definitions sheet and a sheet describing the bulletin (number, period, sales months,
/// generation time); CSV with the figures and the same description in every row.
/// </summary>
public sealed class BulletinRenderer(ISpreadsheetWriter writer)
{
    public ExportFile Render(IndicatorTable table, string? number, string title, DateTimeOffset generatedAt, ExportFormat format)
    {
        ArgumentNullException.ThrowIfNull(table);
        var generated = generatedAt.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " (UTC+8)";
        var totalHeader = table.CityWide ? "全市合计" : "合计";
        var headers = new List<string> { "指标代码", "指标", "单位", totalHeader };
        headers.AddRange(table.Counties.Select(c => c.Name));
        var rows = table.Rows.Select(r =>
        {
            var d = Indicators.Get(r.Code);
            var row = new List<object?> { d.Code, d.Name, UnitName(d.Unit), r.Total };
            row.AddRange(r.ByCounty.Select(f => (object?)f.Value));
            return (IReadOnlyList<object?>)row;
        }).ToList();
        var sales = table.SalesFrom is { } sf && table.SalesTo is { } st ? $"{sf:yyyy-MM} 至 {st:yyyy-MM}" : "（期内无整月）";
        var baseName = $"{number ?? "统计数据"}_{table.Period.From:yyyyMMdd}-{table.Period.To:yyyyMMdd}";

        if (format == ExportFormat.Csv)
        {
            var csvHeaders = headers.Concat(["统计期间", "销售统计月份", "生成时间", "通报编号"]).ToList();
            var csvRows = rows.Select(r => (IReadOnlyList<object?>)r.Concat([table.Period.Label, sales, generated, number ?? string.Empty]).ToList());
            return new ExportFile(baseName + ".csv", ExportFile.Csv, writer.WriteCsv(csvHeaders, csvRows));
        }

        var about = new List<IReadOnlyList<object?>>
        {
            new object?[] { "标题", title },
            new object?[] { "通报编号", number ?? "（未发布）" },
            new object?[] { "统计期间", table.Period.Label },
            new object?[] { "销售统计月份", sales },
            new object?[] { "范围", table.CityWide ? "全市" : string.Join("、", table.Counties.Select(c => c.Name)) },
            new object?[] { "生成时间", generated },
        };
        var definitions = table.Rows.Select(r => Indicators.Get(r.Code))
            .Select(d => (IReadOnlyList<object?>)new object?[] { d.Code, d.Name, UnitName(d.Unit), TotalName(d.Total), d.Definition, d.NameEn, d.DefinitionEn })
            .ToList();
        var content = writer.Write(
        [
            new SpreadsheetSheet("统计数据", headers, rows),
            new SpreadsheetSheet("指标口径", ["指标代码", "指标", "单位", "合计方式", "口径", "Indicator", "Definition"], definitions),
            new SpreadsheetSheet("说明", ["项目", "内容"], about),
        ]);
        return new ExportFile(baseName + ".xlsx", ExportFile.Xlsx, content);
    }

    private static string UnitName(IndicatorUnit unit) => unit switch
    {
        IndicatorUnit.People => "人",
        IndicatorUnit.Households => "户",
        IndicatorUnit.Shops => "家",
        IndicatorUnit.Orders => "单",
        IndicatorUnit.Benefits => "件",
        _ => "元",
    };

    private static string TotalName(IndicatorTotal total) => total switch
    {
        IndicatorTotal.Distinct => "去重计数（跨区县只计一次）",
        IndicatorTotal.Average => "平均",
        _ => "求和",
    };
}

/// <summary>The current figures of a period as XLSX or CSV, not issued: generated now (programme.read).</summary>
[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record ExportIndicatorsQuery(PeriodKind Period, int? Year, int? Part, DateOnly? From, DateOnly? To, Guid? CountyId, string? Codes, ExportFormat Format)
    : IQuery<ExportFile>;

public sealed class ExportIndicatorsHandler(IApplicationDbContext db, ICurrentUser user, IndicatorCalculator calculator, BulletinRenderer renderer, TimeProvider clock)
    : IQueryHandler<ExportIndicatorsQuery, ExportFile>
{
    public async ValueTask<ExportFile> Handle(ExportIndicatorsQuery query, CancellationToken cancellationToken)
    {
        var period = StatisticsPeriod.Of(query.Period, query.Year, query.Part, query.From, query.To);
        var codes = StatisticsMapping.ParseCodes(query.Codes);
        var scope = await db.ScopeAsync(user, query.CountyId, cancellationToken);
        var table = await calculator.ComputeAsync(period, scope.Counties, scope.CityWide, codes, cancellationToken);
        return renderer.Render(table, null, "统计数据", clock.GetUtcNow(), query.Format);
    }
}

/// <summary>
/// Issues a bulletin: the figures of the period for the caller's scope (or one county of it) are
/// computed, numbered (统计通报〔year〕第n号, from 1 each year) and frozen with their files (programme.write).
/// </summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record IssueBulletinCommand(string Title, PeriodKind Period, int? Year, int? Part, DateOnly? From, DateOnly? To, Guid? CountyId, string? Codes)
    : ICommand<BulletinDto>;

public sealed class IssueBulletinValidator : AbstractValidator<IssueBulletinCommand>
{
    public IssueBulletinValidator()
    {
        RuleFor(x => x.Title).NotEmpty().WithErrorCode("bulletin.title_invalid").MaximumLength(Bulletin.MaxTitleLength).WithErrorCode("bulletin.title_invalid");
        RuleFor(x => x.Period).IsInEnum().WithErrorCode("period.kind_invalid");
        RuleFor(x => x.Codes).MaximumLength(4000);
    }
}

public sealed class IssueBulletinHandler(IApplicationDbContext db, ICurrentUser user, IndicatorCalculator calculator, BulletinRenderer renderer, TimeProvider clock)
    : ICommandHandler<IssueBulletinCommand, BulletinDto>
{
    public async ValueTask<BulletinDto> Handle(IssueBulletinCommand command, CancellationToken cancellationToken)
    {
        var period = StatisticsPeriod.Of(command.Period, command.Year, command.Part, command.From, command.To);
        var codes = StatisticsMapping.ParseCodes(command.Codes);
        var scope = await db.ScopeAsync(user, command.CountyId, cancellationToken);
        var table = await calculator.ComputeAsync(period, scope.Counties, scope.CityWide, codes, cancellationToken);
        var now = clock.GetUtcNow();
        var year = clock.Today().Year;

        // Numbers run per year; two officers issuing at once meet the unique (year, sequence) index and one is told to retry.
        var sequence = (await db.Bulletins.IgnoreQueryFilters().Where(b => b.Year == year).MaxAsync(b => (int?)b.Sequence, cancellationToken) ?? 0) + 1;
        var number = Bulletin.NumberOf(year, sequence);
        var dto = table.ToTableDto();
        var bulletin = Bulletin.Issue(year, sequence, command.Title, period, scope.Counties.Select(c => c.Id).ToList(), table.Rows.Select(r => r.Code).ToList(), scope.CityWide,
            JsonSerializer.Serialize(dto, BulletinJson.Options),
            renderer.Render(table, number, command.Title, now, ExportFormat.Xlsx).Content,
            renderer.Render(table, number, command.Title, now, ExportFormat.Csv).Content,
            user.Id!.Value, now);
        db.Bulletins.Add(bulletin);
        await db.SaveChangesAsync(cancellationToken);
        return bulletin.ToDto();
    }
}

/// <summary>Issued bulletins visible to the caller, newest first (programme.read): a county officer sees those of their county alone.</summary>
[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record GetBulletinsQuery(int? Year) : IQuery<IReadOnlyList<BulletinListItemDto>>;

public sealed class GetBulletinsHandler(IApplicationDbContext db, ICurrentUser user) : IQueryHandler<GetBulletinsQuery, IReadOnlyList<BulletinListItemDto>>
{
    public async ValueTask<IReadOnlyList<BulletinListItemDto>> Handle(GetBulletinsQuery query, CancellationToken cancellationToken) =>
        await db.VisibleBulletins(user).Where(b => query.Year == null || b.Year == query.Year)
            .OrderByDescending(b => b.Year).ThenByDescending(b => b.Sequence)
            .Select(b => new BulletinListItemDto(b.Id, b.Number, b.Title, b.PeriodKind, b.From, b.To, b.CountyIds.Length, b.Codes.Length, b.IssuedAt))
            .ToListAsync(cancellationToken);
}

/// <summary>One issued bulletin with its frozen figures (programme.read).</summary>
[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record GetBulletinQuery(Guid Id) : IQuery<BulletinDto>;

public sealed class GetBulletinHandler(IApplicationDbContext db, ICurrentUser user) : IQueryHandler<GetBulletinQuery, BulletinDto>
{
    public async ValueTask<BulletinDto> Handle(GetBulletinQuery query, CancellationToken cancellationToken) =>
        (await db.VisibleBulletins(user).FirstOrDefaultAsync(b => b.Id == query.Id, cancellationToken) ?? throw new NotFoundException("bulletin", query.Id)).ToDto();
}

/// <summary>An issued bulletin's file as it was generated at issue, byte for byte (programme.read).</summary>
[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record ExportBulletinQuery(Guid Id, ExportFormat Format) : IQuery<ExportFile>;

public sealed class ExportBulletinHandler(IApplicationDbContext db, ICurrentUser user) : IQueryHandler<ExportBulletinQuery, ExportFile>
{
    public async ValueTask<ExportFile> Handle(ExportBulletinQuery query, CancellationToken cancellationToken)
    {
        var bulletin = await db.VisibleBulletins(user).FirstOrDefaultAsync(b => b.Id == query.Id, cancellationToken) ?? throw new NotFoundException("bulletin", query.Id);
        var name = $"{bulletin.Number}_{bulletin.From:yyyyMMdd}-{bulletin.To:yyyyMMdd}";
        return query.Format == ExportFormat.Csv
            ? new ExportFile(name + ".csv", ExportFile.Csv, bulletin.Csv)
            : new ExportFile(name + ".xlsx", ExportFile.Xlsx, bulletin.Xlsx);
    }
}

internal static class BulletinJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static IQueryable<Bulletin> VisibleBulletins(this IApplicationDbContext db, ICurrentUser user)
    {
        var bulletins = db.Bulletins.AsNoTracking();
        if (user.IsCountyBound)
        {
            var county = user.CountyId ?? Guid.Empty;
            bulletins = bulletins.Where(b => !b.CityWide && b.CountyIds.Length == 1 && b.CountyIds[0] == county);
        }

        return bulletins;
    }

    public static BulletinDto ToDto(this Bulletin b) =>
        new(b.Id, b.Number, b.Title, b.IssuedAt, b.IssuedById, JsonSerializer.Deserialize<IndicatorTableDto>(b.Figures, Options)!);
}
