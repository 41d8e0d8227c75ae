using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Common.Concurrency;
using Sunshine.Application.Common.Exceptions;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Paging;
using Sunshine.Application.Common.Security;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Common;
using Sunshine.Domain.WorkPlans;

namespace Sunshine.Application.WorkPlans;

/// <summary>Filing rounds you take part in (a county officer: rounds their county must file in), latest deadline first.</summary>
[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record GetWorkPlanRoundsQuery(Guid? ProgrammeId = null, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<PagedList<WorkPlanRoundListItemDto>>, IPagedRequest;

public sealed class GetWorkPlanRoundsValidator : AbstractValidator<GetWorkPlanRoundsQuery>
{
    public GetWorkPlanRoundsValidator() => this.AddPagingRules();
}

public sealed class GetWorkPlanRoundsHandler(IApplicationDbContext db, TimeProvider clock) : IQueryHandler<GetWorkPlanRoundsQuery, PagedList<WorkPlanRoundListItemDto>>
{
    public async ValueTask<PagedList<WorkPlanRoundListItemDto>> Handle(GetWorkPlanRoundsQuery query, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var page = await db.WorkPlanRounds.AsNoTracking()
            .Where(r => (query.ProgrammeId == null || r.ProgrammeId == query.ProgrammeId) && db.WorkPlanFilings.Any(f => f.RoundId == r.Id))
            .OrderByDescending(r => r.Deadline).ThenBy(r => r.Id)
            .ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
        var roundIds = page.Items.Select(r => r.Id).ToList();
        var filings = await db.WorkPlanFilings.AsNoTracking().Where(f => roundIds.Contains(f.RoundId)).ToListAsync(cancellationToken);
        var items = page.Items.Select(r => new WorkPlanRoundListItemDto(
            r.Id, r.ProgrammeId, r.Title, r.Deadline, r.IsPastDeadline(today),
            WorkPlanQueries.Count(filings.Where(f => f.RoundId == r.Id).Select(f => f.StatusOn(r.Deadline, today)).ToList()), r.Version)).ToList();
        return new PagedList<WorkPlanRoundListItemDto>(items, page.Page, page.PageSize, page.TotalCount);
    }
}

/// <summary>One round with the status of every county's filing in your scope; its ETag is the round's version.</summary>
[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record GetWorkPlanRoundQuery(Guid Id) : IQuery<WorkPlanRoundDto>;

public sealed class GetWorkPlanRoundHandler(IApplicationDbContext db, TimeProvider clock) : IQueryHandler<GetWorkPlanRoundQuery, WorkPlanRoundDto>
{
    public async ValueTask<WorkPlanRoundDto> Handle(GetWorkPlanRoundQuery query, CancellationToken cancellationToken)
    {
        var round = await db.RequireRoundAsync(query.Id, cancellationToken);
        return await db.ToDtoAsync(round, clock.Today(), cancellationToken);
    }
}

/// <summary>A round's details as sent: the title, the deadline (a CST date) and the counties that must file.</summary>
public interface IWorkPlanRoundInput
{
    string Title { get; }

    DateOnly Deadline { get; }

    IReadOnlyList<Guid> CountyIds { get; }
}

public sealed class WorkPlanRoundInputValidator : AbstractValidator<IWorkPlanRoundInput>
{
    public WorkPlanRoundInputValidator()
    {
        RuleFor(x => x.Title).NotEmpty().MaximumLength(WorkPlanRound.TitleMaxLength);
        RuleFor(x => x.CountyIds).NotEmpty().WithMessage("Name the counties that must file.");
        RuleFor(x => x.CountyIds).Must(ids => ids.Distinct().Count() == ids.Count).When(x => x.CountyIds is not null)
            .WithErrorCode("work_plan.county_repeated").WithMessage("Name each county once.");
    }
}

/// <summary>Opens a filing round of a programme for the counties named (city officers: decisions.city).</summary>
[RequiresPermission(Permissions.CityDecide)]
public sealed record CreateWorkPlanRoundCommand(Guid ProgrammeId, string Title, DateOnly Deadline, IReadOnlyList<Guid> CountyIds) : ICommand<WorkPlanRoundDto>, IWorkPlanRoundInput;

public sealed class CreateWorkPlanRoundValidator : AbstractValidator<CreateWorkPlanRoundCommand>
{
    public CreateWorkPlanRoundValidator()
    {
        RuleFor(x => x.ProgrammeId).NotEmpty();
        Include(new WorkPlanRoundInputValidator());
    }
}

public sealed class CreateWorkPlanRoundHandler(IApplicationDbContext db, TimeProvider clock) : ICommandHandler<CreateWorkPlanRoundCommand, WorkPlanRoundDto>
{
    public async ValueTask<WorkPlanRoundDto> Handle(CreateWorkPlanRoundCommand command, CancellationToken cancellationToken)
    {
        var programme = await db.Programmes.FirstOrDefaultAsync(p => p.Id == command.ProgrammeId, cancellationToken)
            ?? throw new NotFoundException("programme", command.ProgrammeId, "programmeId");
        await db.EnsureCountiesAsync(command.CountyIds, cancellationToken);
        var round = WorkPlanRound.Create(programme.Id, programme.PeriodStart, command.Title, command.Deadline, clock.GetUtcNow());
        db.WorkPlanRounds.Add(round);
        db.WorkPlanFilings.AddRange(command.CountyIds.Select(round.RequireCounty));
        await db.SaveChangesAsync(cancellationToken);
        return await db.ToDtoAsync(round, clock.Today(), cancellationToken);
    }
}

/// <summary>
/// Changes a round's title, deadline and counties; send its ETag in If-Match. A county can be taken off
/// only while its filing is untouched (no document, nothing submitted).
/// </summary>
[RequiresPermission(Permissions.CityDecide)]
public sealed record UpdateWorkPlanRoundCommand(Guid Id, uint? ExpectedVersion, string Title, DateOnly Deadline, IReadOnlyList<Guid> CountyIds)
    : ICommand<WorkPlanRoundDto>, IWorkPlanRoundInput;

public sealed class UpdateWorkPlanRoundValidator : AbstractValidator<UpdateWorkPlanRoundCommand>
{
    public UpdateWorkPlanRoundValidator() => Include(new WorkPlanRoundInputValidator());
}

public sealed class UpdateWorkPlanRoundHandler(IApplicationDbContext db, TimeProvider clock) : ICommandHandler<UpdateWorkPlanRoundCommand, WorkPlanRoundDto>
{
    public async ValueTask<WorkPlanRoundDto> Handle(UpdateWorkPlanRoundCommand command, CancellationToken cancellationToken)
    {
        var round = await db.RequireRoundAsync(command.Id, cancellationToken);
        db.EnsureCurrent(round, command.ExpectedVersion);
        await db.EnsureCountiesAsync(command.CountyIds, cancellationToken);
        var programmeStart = await db.Programmes.Where(p => p.Id == round.ProgrammeId).Select(p => p.PeriodStart).SingleAsync(cancellationToken);
        round.Update(programmeStart, command.Title, command.Deadline, clock.GetUtcNow());

        var filings = await db.WorkPlanFilings.Where(f => f.RoundId == round.Id).ToListAsync(cancellationToken);
        foreach (var dropped in filings.Where(f => !command.CountyIds.Contains(f.CountyId)))
        {
            if (!dropped.IsUntouched)
            {
                throw new DomainException("work_plan.filing_started", "A county that has uploaded or submitted its plan stays in the round.", DomainErrorKind.Conflict, "countyIds");
            }

            db.WorkPlanFilings.Remove(dropped);
        }

        db.WorkPlanFilings.AddRange(command.CountyIds.Where(c => filings.All(f => f.CountyId != c)).Select(round.RequireCounty));
        await db.SaveChangesAsync(cancellationToken);
        return await db.ToDtoAsync(round, clock.Today(), cancellationToken);
    }
}

internal static class WorkPlanCounties
{
    /// <summary>Every id names an active county-level region.</summary>
    public static async Task EnsureCountiesAsync(this IApplicationDbContext db, IReadOnlyList<Guid> countyIds, CancellationToken cancellationToken)
    {
        var distinct = countyIds.Distinct().ToList();
        var found = await db.Regions.CountAsync(r => distinct.Contains(r.Id) && r.ParentId != null && r.IsActive, cancellationToken);
        if (found != distinct.Count)
        {
            throw new DomainException("county.invalid", "Each county must be an active county-level region.", field: "countyIds");
        }
    }
}
