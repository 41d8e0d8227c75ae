using System.Text.Json;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Common.Concurrency;
using Sunshine.Application.Common.Exceptions;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Security;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Statistics;

namespace Sunshine.Application.Statistics;

/// <summary>A county's place in a round: how its summary stands today.</summary>
public sealed record AnnualSummaryCountyDto(Guid CountyId, string CountyName, AnnualSummaryStanding Standing, bool IsLate, DateTimeOffset? SubmittedAt);

/// <summary>A round of annual summaries with each county in the caller's scope.</summary>
public sealed record AnnualSummaryRoundDto(Guid Id, int Year, DateOnly DueDate, DateOnly DataCutOff, uint Version, IReadOnlyList<AnnualSummaryCountyDto> Counties);

/// <summary>A county's annual summary: the sections, the standing and, once submitted, the frozen indicators.</summary>
public sealed record AnnualSummaryDto(
    Guid RoundId, int Year, Guid CountyId, string CountyName, DateOnly DueDate, DateOnly DataCutOff, AnnualSummaryStanding Standing, bool IsLate,
    string Achievements, string TypicalCases, string Problems, string NextYearPlan, DateTimeOffset? SubmittedAt, string? ReturnReason,
    IndicatorTableDto? Snapshot, uint? Version);

/// <summary>The city's compilation of a round: each county's standing and frozen figures, and the sum over the submitted ones.</summary>
public sealed record AnnualSummaryCompilationDto(
    Guid RoundId, int Year, DateOnly DataCutOff, IReadOnlyList<AnnualSummaryCountyDto> Counties, IReadOnlyList<IndicatorFigures> Rows);

/// <summary>Opens the annual summaries of a year (decisions.city): due 5 November unless another day is given.</summary>
[RequiresPermission(Permissions.CityDecide)]
public sealed record CreateAnnualSummaryRoundCommand(int Year, DateOnly? DueDate, DateOnly DataCutOff) : ICommand<AnnualSummaryRoundDto>;

public sealed class CreateAnnualSummaryRoundValidator : AbstractValidator<CreateAnnualSummaryRoundCommand>
{
    public CreateAnnualSummaryRoundValidator() => RuleFor(x => x.Year).InclusiveBetween(2000, 2100).WithErrorCode("annual_summary.year_invalid");
}

public sealed class CreateAnnualSummaryRoundHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<CreateAnnualSummaryRoundCommand, AnnualSummaryRoundDto>
{
    public async ValueTask<AnnualSummaryRoundDto> Handle(CreateAnnualSummaryRoundCommand command, CancellationToken cancellationToken)
    {
        if (await db.AnnualSummaryRounds.AnyAsync(r => r.Year == command.Year, cancellationToken))
        {
            throw new ConflictException("annual_summary.round_exists", $"The summaries of {command.Year} are open already.", "year");
        }

        var round = AnnualSummaryRound.Create(command.Year, command.DueDate ?? AnnualSummaryRound.DefaultDueDate(command.Year), command.DataCutOff);
        db.AnnualSummaryRounds.Add(round);
        await db.SaveChangesAsync(cancellationToken);
        return await db.RoundDtoAsync(round, user, clock.Today(), cancellationToken);
    }
}

/// <summary>Moves a round's due date or data cut-off (decisions.city); summaries already submitted keep their snapshots.</summary>
[RequiresPermission(Permissions.CityDecide)]
public sealed record UpdateAnnualSummaryRoundCommand(Guid Id, uint? ExpectedVersion, DateOnly DueDate, DateOnly DataCutOff) : ICommand<AnnualSummaryRoundDto>;

public sealed class UpdateAnnualSummaryRoundHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<UpdateAnnualSummaryRoundCommand, AnnualSummaryRoundDto>
{
    public async ValueTask<AnnualSummaryRoundDto> Handle(UpdateAnnualSummaryRoundCommand command, CancellationToken cancellationToken)
    {
        var round = await db.AnnualSummaryRounds.FirstOrDefaultAsync(r => r.Id == command.Id, cancellationToken) ?? throw new NotFoundException("annual_summary_round", command.Id);
        db.EnsureCurrent(round, command.ExpectedVersion);
        round.Set(command.DueDate, command.DataCutOff);
        await db.SaveChangesAsync(cancellationToken);
        return await db.RoundDtoAsync(round, user, clock.Today(), cancellationToken);
    }
}

/// <summary>The rounds, newest first, each with the counties in the caller's scope (programme.read).</summary>
[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record GetAnnualSummaryRoundsQuery : IQuery<IReadOnlyList<AnnualSummaryRoundDto>>;

public sealed class GetAnnualSummaryRoundsHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<GetAnnualSummaryRoundsQuery, IReadOnlyList<AnnualSummaryRoundDto>>
{
    public async ValueTask<IReadOnlyList<AnnualSummaryRoundDto>> Handle(GetAnnualSummaryRoundsQuery query, CancellationToken cancellationToken)
    {
        var rounds = await db.AnnualSummaryRounds.AsNoTracking().OrderByDescending(r => r.Year).ToListAsync(cancellationToken);
        var today = clock.Today();
        var list = new List<AnnualSummaryRoundDto>();
        foreach (var round in rounds)
        {
            list.Add(await db.RoundDtoAsync(round, user, today, cancellationToken));
        }

        return list;
    }
}

/// <summary>A county's summary of a round (programme.read); a county officer reads their own county's only.</summary>
[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record GetAnnualSummaryQuery(Guid RoundId, Guid CountyId) : IQuery<AnnualSummaryDto>;

public sealed class GetAnnualSummaryHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<GetAnnualSummaryQuery, AnnualSummaryDto>
{
    public async ValueTask<AnnualSummaryDto> Handle(GetAnnualSummaryQuery query, CancellationToken cancellationToken)
    {
        var (round, county) = await db.RoundAndCountyAsync(user, query.RoundId, query.CountyId, cancellationToken);
        var summary = await db.AnnualSummaries.AsNoTracking().FirstOrDefaultAsync(s => s.RoundId == round.Id && s.CountyId == county.Id, cancellationToken);
        return summary.ToDto(round, county, clock.Today());
    }
}

/// <summary>
/// Writes a county's summary sections (programme.write): the first write starts it; later writes need the
/// ETag in If-Match. A submitted summary is frozen until the city returns it.
/// </summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record WriteAnnualSummaryCommand(
    Guid RoundId, Guid CountyId, uint? ExpectedVersion, string? Achievements, string? TypicalCases, string? Problems, string? NextYearPlan) : ICommand<AnnualSummaryDto>;

public sealed class WriteAnnualSummaryValidator : AbstractValidator<WriteAnnualSummaryCommand>
{
    public WriteAnnualSummaryValidator()
    {
        RuleFor(x => x.Achievements).MaximumLength(AnnualSummary.MaxSectionLength).WithErrorCode("annual_summary.section_too_long");
        RuleFor(x => x.TypicalCases).MaximumLength(AnnualSummary.MaxSectionLength).WithErrorCode("annual_summary.section_too_long");
        RuleFor(x => x.Problems).MaximumLength(AnnualSummary.MaxSectionLength).WithErrorCode("annual_summary.section_too_long");
        RuleFor(x => x.NextYearPlan).MaximumLength(AnnualSummary.MaxSectionLength).WithErrorCode("annual_summary.section_too_long");
    }
}

public sealed class WriteAnnualSummaryHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<WriteAnnualSummaryCommand, AnnualSummaryDto>
{
    public async ValueTask<AnnualSummaryDto> Handle(WriteAnnualSummaryCommand command, CancellationToken cancellationToken)
    {
        var (round, county) = await db.RoundAndCountyAsync(user, command.RoundId, command.CountyId, cancellationToken);
        var summary = await db.AnnualSummaries.FirstOrDefaultAsync(s => s.RoundId == round.Id && s.CountyId == county.Id, cancellationToken);
        if (summary == null)
        {
            summary = AnnualSummary.Start(round, county.Id);
            db.AnnualSummaries.Add(summary);
        }
        else
        {
            db.EnsureCurrent(summary, command.ExpectedVersion);
        }

        summary.Write(command.Achievements, command.TypicalCases, command.Problems, command.NextYearPlan);
        await db.SaveChangesAsync(cancellationToken);
        return summary.ToDto(round, county, clock.Today());
    }
}

/// <summary>
/// Submits a county's summary (programme.write): its indicators from 1 January to the round's cut-off are
/// computed and frozen with it; after the due date it is marked late.
/// </summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record SubmitAnnualSummaryCommand(Guid RoundId, Guid CountyId) : ICommand<AnnualSummaryDto>;

public sealed class SubmitAnnualSummaryHandler(IApplicationDbContext db, ICurrentUser user, IndicatorCalculator calculator, TimeProvider clock)
    : ICommandHandler<SubmitAnnualSummaryCommand, AnnualSummaryDto>
{
    public async ValueTask<AnnualSummaryDto> Handle(SubmitAnnualSummaryCommand command, CancellationToken cancellationToken)
    {
        var (round, county) = await db.RoundAndCountyAsync(user, command.RoundId, command.CountyId, cancellationToken);
        var summary = await db.AnnualSummaries.FirstOrDefaultAsync(s => s.RoundId == round.Id && s.CountyId == county.Id, cancellationToken)
            ?? throw new ConflictException("annual_summary.not_started", "Write the summary before submitting it.", "achievements");
        var table = await calculator.ComputeAsync(round.Period, [county], cityWide: false, codes: null, cancellationToken);
        summary.Submit(round, JsonSerializer.Serialize(table.ToTableDto(), BulletinJson.Options), user.Id!.Value, clock.GetUtcNow(), clock.Today());
        await db.SaveChangesAsync(cancellationToken);
        return summary.ToDto(round, county, clock.Today());
    }
}

/// <summary>Returns a submitted summary to its county for changes, with the reason (decisions.city).</summary>
[RequiresPermission(Permissions.CityDecide)]
public sealed record ReturnAnnualSummaryCommand(Guid RoundId, Guid CountyId, string? Reason) : ICommand<AnnualSummaryDto>;

public sealed class ReturnAnnualSummaryHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<ReturnAnnualSummaryCommand, AnnualSummaryDto>
{
    public async ValueTask<AnnualSummaryDto> Handle(ReturnAnnualSummaryCommand command, CancellationToken cancellationToken)
    {
        var (round, county) = await db.RoundAndCountyAsync(user, command.RoundId, command.CountyId, cancellationToken);
        var summary = await db.AnnualSummaries.FirstOrDefaultAsync(s => s.RoundId == round.Id && s.CountyId == county.Id, cancellationToken)
            ?? throw new NotFoundException("annual_summary", command.CountyId, "countyId");
        summary.Return(command.Reason);
        await db.SaveChangesAsync(cancellationToken);
        return summary.ToDto(round, county, clock.Today());
    }
}

/// <summary>
/// The city's compilation of a round (programme.read): every county's standing and frozen figures, and
/// their sum over the submitted summaries. A county officer's compilation holds their county alone.
/// </summary>
[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record GetAnnualSummaryCompilationQuery(Guid RoundId) : IQuery<AnnualSummaryCompilationDto>;

public sealed class GetAnnualSummaryCompilationHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<GetAnnualSummaryCompilationQuery, AnnualSummaryCompilationDto>
{
    public async ValueTask<AnnualSummaryCompilationDto> Handle(GetAnnualSummaryCompilationQuery query, CancellationToken cancellationToken) =>
        (await db.CompileAsync(user, query.RoundId, clock.Today(), cancellationToken)).Dto;
}

/// <summary>The compilation as XLSX: the figures per county, the narrative sections and the definitions (programme.read).</summary>
[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record ExportAnnualSummaryCompilationQuery(Guid RoundId) : IQuery<ExportFile>;

public sealed class ExportAnnualSummaryCompilationHandler(IApplicationDbContext db, ICurrentUser user, ISpreadsheetWriter writer, TimeProvider clock)
    : IQueryHandler<ExportAnnualSummaryCompilationQuery, ExportFile>
{
    public async ValueTask<ExportFile> Handle(ExportAnnualSummaryCompilationQuery query, CancellationToken cancellationToken)
    {
        var (dto, summaries) = await db.CompileAsync(user, query.RoundId, clock.Today(), cancellationToken);
        var headers = new List<string> { "指标代码", "指标", "合计（已报送）" };
        headers.AddRange(dto.Counties.Select(c => c.CountyName));
        var rows = dto.Rows.Select(r =>
        {
            var row = new List<object?> { r.Code, Indicators.Get(r.Code).Name, r.Total };
            row.AddRange(r.ByCounty.Select(f => (object?)f.Value));
            return (IReadOnlyList<object?>)row;
        }).ToList();
        var status = dto.Counties.Select(c => (IReadOnlyList<object?>)new object?[]
        {
            c.CountyName, StandingName(c.Standing), c.IsLate ? "是" : "否", c.SubmittedAt?.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture),
        }).ToList();
        var names = dto.Counties.ToDictionary(c => c.CountyId, c => c.CountyName);
        var texts = summaries.Where(s => s.Status == AnnualSummaryStatus.Submitted)
            .SelectMany(s => new (string Section, string Text)[] { ("成绩与做法", s.Achievements), ("典型案例", s.TypicalCases), ("存在问题", s.Problems), ("明年工作计划", s.NextYearPlan) }
                .Select(x => (IReadOnlyList<object?>)new object?[] { names[s.CountyId], x.Section, x.Text }))
            .ToList();
        var definitions = Indicators.All.Select(d => (IReadOnlyList<object?>)new object?[] { d.Code, d.Name, d.Definition }).ToList();
        var content = writer.Write(
        [
            new SpreadsheetSheet("指标汇总", headers, rows),
            new SpreadsheetSheet("报送情况", ["区县", "状态", "逾期报送", "报送时间"], status),
            new SpreadsheetSheet("文字材料", ["区县", "部分", "内容"], texts),
            new SpreadsheetSheet("指标口径", ["指标代码", "指标", "口径"], definitions),
        ]);
        return new ExportFile($"{dto.Year}年度电商助残扶贫工作总结汇总.xlsx", ExportFile.Xlsx, content);
    }

    private static string StandingName(AnnualSummaryStanding standing) => standing switch
    {
        AnnualSummaryStanding.Submitted => "已报送",
        AnnualSummaryStanding.Draft => "草稿",
        AnnualSummaryStanding.Returned => "已退回",
        AnnualSummaryStanding.Overdue => "逾期未报",
        _ => "待报送",
    };
}

internal static class AnnualSummaryQueries
{
    public static async Task<(AnnualSummaryRound Round, CountyRef County)> RoundAndCountyAsync(
        this IApplicationDbContext db, ICurrentUser user, Guid roundId, Guid countyId, CancellationToken cancellationToken)
    {
        var round = await db.AnnualSummaryRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, cancellationToken)
            ?? throw new NotFoundException("annual_summary_round", roundId);
        var scope = await db.ScopeAsync(user, countyId, cancellationToken);
        return (round, scope.Counties.Single());
    }

    public static async Task<AnnualSummaryRoundDto> RoundDtoAsync(this IApplicationDbContext db, AnnualSummaryRound round, ICurrentUser user, DateOnly today, CancellationToken cancellationToken)
    {
        var scope = await db.ScopeAsync(user, null, cancellationToken);
        var summaries = await db.AnnualSummaries.AsNoTracking().Where(s => s.RoundId == round.Id).ToListAsync(cancellationToken);
        return new AnnualSummaryRoundDto(round.Id, round.Year, round.DueDate, round.DataCutOff, round.Version, Standings(scope.Counties, summaries, round, today));
    }

    public static async Task<(AnnualSummaryCompilationDto Dto, List<AnnualSummary> Summaries)> CompileAsync(
        this IApplicationDbContext db, ICurrentUser user, Guid roundId, DateOnly today, CancellationToken cancellationToken)
    {
        var round = await db.AnnualSummaryRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, cancellationToken)
            ?? throw new NotFoundException("annual_summary_round", roundId);
        var scope = await db.ScopeAsync(user, null, cancellationToken);
        var ids = scope.Counties.Select(c => c.Id).ToList();
        var summaries = await db.AnnualSummaries.AsNoTracking().Where(s => s.RoundId == round.Id && ids.Contains(s.CountyId)).ToListAsync(cancellationToken);
        var snapshots = summaries.Where(s => s.Status == AnnualSummaryStatus.Submitted && s.Snapshot != null)
            .ToDictionary(s => s.CountyId, s => JsonSerializer.Deserialize<IndicatorTableDto>(s.Snapshot!, BulletinJson.Options)!);
        var rows = Indicators.All.Select(d =>
        {
            var byCounty = scope.Counties.Select(c => new CountyFigure(c.Id,
                snapshots.TryGetValue(c.Id, out var t) ? t.Rows.FirstOrDefault(r => r.Code == d.Code)?.Total ?? 0m : 0m)).ToList();
            var submitted = byCounty.Where(f => snapshots.ContainsKey(f.CountyId)).ToList();
            var total = d.Total == IndicatorTotal.Average
                ? (submitted.Count == 0 ? 0m : decimal.Round(submitted.Average(f => f.Value), 2, MidpointRounding.AwayFromZero))
                : submitted.Sum(f => f.Value);
            return new IndicatorFigures(d.Code, total, byCounty);
        }).ToList();
        return (new AnnualSummaryCompilationDto(round.Id, round.Year, round.DataCutOff, Standings(scope.Counties, summaries, round, today), rows), summaries);
    }

    public static AnnualSummaryDto ToDto(this AnnualSummary? s, AnnualSummaryRound round, CountyRef county, DateOnly today) =>
        new(round.Id, round.Year, county.Id, county.Name, round.DueDate, round.DataCutOff, AnnualSummary.StandingOf(s, round, today), s?.IsLate ?? false,
            s?.Achievements ?? string.Empty, s?.TypicalCases ?? string.Empty, s?.Problems ?? string.Empty, s?.NextYearPlan ?? string.Empty,
            s?.SubmittedAt, s?.ReturnReason,
            s?.Snapshot == null ? null : JsonSerializer.Deserialize<IndicatorTableDto>(s.Snapshot, BulletinJson.Options), s?.Version);

    private static List<AnnualSummaryCountyDto> Standings(IReadOnlyList<CountyRef> counties, List<AnnualSummary> summaries, AnnualSummaryRound round, DateOnly today) =>
        counties.Select(c =>
        {
            var s = summaries.FirstOrDefault(x => x.CountyId == c.Id);
            return new AnnualSummaryCountyDto(c.Id, c.Name, AnnualSummary.StandingOf(s, round, today), s?.IsLate ?? false, s?.SubmittedAt);
        }).ToList();
}
