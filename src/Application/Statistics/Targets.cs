using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Common.Exceptions;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Security;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Statistics;

namespace Sunshine.Application.Statistics;

/// <summary>A programme's target, city-wide (no county) or for a county.</summary>
public sealed record ProgrammeTargetDto(Guid? CountyId, string? CountyName, int TrainedPeople, int ProsperityLeaders, int HouseholdsInChain, DateOnly TargetDate);

/// <summary>A target as it is set; the county null for the city-wide one.</summary>
public sealed record ProgrammeTargetInput(Guid? CountyId, int TrainedPeople, int ProsperityLeaders, int HouseholdsInChain, DateOnly TargetDate);

/// <summary>The targets of a programme: the city-wide one first, then the counties' in region order (programme.read).</summary>
[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record GetProgrammeTargetsQuery(Guid ProgrammeId) : IQuery<IReadOnlyList<ProgrammeTargetDto>>;

public sealed class GetProgrammeTargetsHandler(IApplicationDbContext db) : IQueryHandler<GetProgrammeTargetsQuery, IReadOnlyList<ProgrammeTargetDto>>
{
    public async ValueTask<IReadOnlyList<ProgrammeTargetDto>> Handle(GetProgrammeTargetsQuery query, CancellationToken cancellationToken)
    {
        if (!await db.Programmes.AnyAsync(p => p.Id == query.ProgrammeId, cancellationToken))
        {
            throw new NotFoundException("programme", query.ProgrammeId);
        }

        return await db.TargetsAsync(query.ProgrammeId, cancellationToken);
    }
}

/// <summary>
/// Sets a programme's targets (city officers, decisions.city): each row replaces the target of its
/// county (or the city-wide one); rows not given are left as they are. One county at most once.
/// </summary>
[RequiresPermission(Permissions.CityDecide)]
public sealed record SetProgrammeTargetsCommand(Guid ProgrammeId, IReadOnlyList<ProgrammeTargetInput> Targets) : ICommand<IReadOnlyList<ProgrammeTargetDto>>;

public sealed class SetProgrammeTargetsValidator : AbstractValidator<SetProgrammeTargetsCommand>
{
    public SetProgrammeTargetsValidator()
    {
        RuleFor(x => x.Targets).NotEmpty().WithErrorCode("target.required")
            .Must(t => t == null || t.Select(x => x.CountyId).Distinct().Count() == t.Count).WithErrorCode("target.duplicate_county")
            .WithMessage("Each county (and the city-wide target) appears at most once.");
        RuleFor(x => x.Targets.Count).LessThanOrEqualTo(100).When(x => x.Targets != null).WithErrorCode("target.too_many");
        RuleForEach(x => x.Targets).ChildRules(t =>
        {
            t.RuleFor(x => x.TrainedPeople).InclusiveBetween(0, ProgrammeTarget.MaxFigure).WithErrorCode("target.figure_invalid");
            t.RuleFor(x => x.ProsperityLeaders).InclusiveBetween(0, ProgrammeTarget.MaxFigure).WithErrorCode("target.figure_invalid");
            t.RuleFor(x => x.HouseholdsInChain).InclusiveBetween(0, ProgrammeTarget.MaxFigure).WithErrorCode("target.figure_invalid");
        });
    }
}

public sealed class SetProgrammeTargetsHandler(IApplicationDbContext db) : ICommandHandler<SetProgrammeTargetsCommand, IReadOnlyList<ProgrammeTargetDto>>
{
    public async ValueTask<IReadOnlyList<ProgrammeTargetDto>> Handle(SetProgrammeTargetsCommand command, CancellationToken cancellationToken)
    {
        var programme = await db.Programmes.FirstOrDefaultAsync(p => p.Id == command.ProgrammeId, cancellationToken)
            ?? throw new NotFoundException("programme", command.ProgrammeId);
        var counties = await db.Regions.Where(r => r.ParentId != null).Select(r => r.Id).ToListAsync(cancellationToken);
        var existing = await db.ProgrammeTargets.Where(t => t.ProgrammeId == programme.Id).ToListAsync(cancellationToken);
        foreach (var (input, index) in command.Targets.Select((t, i) => (t, i)))
        {
            if (input.CountyId is { } county && !counties.Contains(county))
            {
                throw new NotFoundException("county", county, "countyId");
            }

            var target = existing.FirstOrDefault(t => t.CountyId == input.CountyId);
            try
            {
                if (target == null)
                {
                    db.ProgrammeTargets.Add(ProgrammeTarget.Create(programme, input.CountyId, input.TrainedPeople, input.ProsperityLeaders, input.HouseholdsInChain, input.TargetDate));
                }
                else
                {
                    target.Set(programme, input.TrainedPeople, input.ProsperityLeaders, input.HouseholdsInChain, input.TargetDate);
                }
            }
            catch (Domain.Common.DomainException ex) when (ex.Field != null)
            {
                // Name the row: targets[i].targetDate, as the validator names the figures.
                throw new Domain.Common.DomainException(ex.Code, ex.Message, ex.Kind, $"targets[{index}].{ex.Field}");
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return await db.TargetsAsync(programme.Id, cancellationToken);
    }
}

internal static class TargetQueries
{
    public static async Task<IReadOnlyList<ProgrammeTargetDto>> TargetsAsync(this IApplicationDbContext db, Guid programmeId, CancellationToken cancellationToken) =>
        await (from t in db.ProgrammeTargets.AsNoTracking().Where(t => t.ProgrammeId == programmeId)
               join r in db.Regions on t.CountyId equals r.Id into regions
               from r in regions.DefaultIfEmpty()
               orderby t.CountyId != null, r!.SortOrder
               select new ProgrammeTargetDto(t.CountyId, r == null ? null : r.Name, t.TrainedPeople, t.ProsperityLeaders, t.HouseholdsInChain, t.TargetDate))
            .ToListAsync(cancellationToken);
}

/// <summary>A target figure against the actual one.</summary>
public sealed record TargetProgressDto(string Code, int Target, decimal Actual);

/// <summary>One scope's progress (the city or a county): its target date and the three figures.</summary>
public sealed record ScopeProgressDto(Guid? CountyId, string Name, DateOnly? TargetDate, IReadOnlyList<TargetProgressDto> Figures);

/// <summary>
/// The dashboard's target gauges: from the programme's start to today (or the target date, if earlier),
/// trained people, prosperity leaders and households brought into the chain (with how many of them have
/// income above baseline) against the targets, for the caller's scope and each county in it.
/// </summary>
public sealed record TargetProgressReportDto(Guid ProgrammeId, string ProgrammeName, DateOnly From, DateOnly To, IReadOnlyList<ScopeProgressDto> Scopes);

/// <summary>Targets against actual figures of a programme (the current one when none is given), in the caller's scope (programme.read).</summary>
[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record GetTargetProgressQuery(Guid? ProgrammeId, Guid? CountyId) : IQuery<TargetProgressReportDto>;

public sealed class GetTargetProgressHandler(IApplicationDbContext db, ICurrentUser user, IndicatorCalculator calculator, TimeProvider clock)
    : IQueryHandler<GetTargetProgressQuery, TargetProgressReportDto>
{
    private static readonly string[] Codes = [Indicators.TrainedPersons, Indicators.ProsperityLeaders, Indicators.HouseholdsInChain, Indicators.HouseholdsInChainIncomeUp];

    public async ValueTask<TargetProgressReportDto> Handle(GetTargetProgressQuery query, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var programme = query.ProgrammeId is { } id
            ? await db.Programmes.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new NotFoundException("programme", id, "programmeId")
            : await db.Programmes.AsNoTracking().Where(p => p.PeriodStart <= today).OrderByDescending(p => p.PeriodEnd >= today).ThenByDescending(p => p.PeriodStart)
                .FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("programme", "current", "programmeId");
        var scope = await db.ScopeAsync(user, query.CountyId, cancellationToken);
        var targets = await db.ProgrammeTargets.AsNoTracking().Where(t => t.ProgrammeId == programme.Id).ToListAsync(cancellationToken);

        var to = new[] { today, programme.PeriodEnd }.Min();
        if (to < programme.PeriodStart)
        {
            to = programme.PeriodStart;
        }

        var table = await calculator.ComputeAsync(StatisticsPeriod.Custom(programme.PeriodStart, to), scope.Counties, scope.CityWide, Codes, cancellationToken);

        ScopeProgressDto Progress(Guid? countyId, string name, Func<IndicatorFigures, decimal> value)
        {
            var target = targets.FirstOrDefault(t => t.CountyId == countyId);
            return new ScopeProgressDto(countyId, name, target?.TargetDate,
            [
                new(Indicators.TrainedPersons, target?.TrainedPeople ?? 0, value(table[Indicators.TrainedPersons])),
                new(Indicators.ProsperityLeaders, target?.ProsperityLeaders ?? 0, value(table[Indicators.ProsperityLeaders])),
                new(Indicators.HouseholdsInChain, target?.HouseholdsInChain ?? 0, value(table[Indicators.HouseholdsInChain])),
                new(Indicators.HouseholdsInChainIncomeUp, target?.HouseholdsInChain ?? 0, value(table[Indicators.HouseholdsInChainIncomeUp])),
            ]);
        }

        var scopes = new List<ScopeProgressDto>();
        if (scope.CityWide)
        {
            scopes.Add(Progress(null, "全市", r => r.Total));
        }

        scopes.AddRange(scope.Counties.Select(c => Progress(c.Id, c.Name, r => r.ByCounty.Single(f => f.CountyId == c.Id).Value)));
        return new TargetProgressReportDto(programme.Id, programme.Name, programme.PeriodStart, to, scopes);
    }
}
