using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Attachments;
using Sunshine.Application.Common.Exceptions;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Domain.WorkPlans;

namespace Sunshine.Application.WorkPlans;

/// <summary>
/// One county's filing in a round, with its status on today's CST date: due, submitted, filed, returned
/// or overdue (derived from the clock, never stored). <c>SubmittedLate</c>: the last submission came
/// after the deadline day.
/// </summary>
public sealed record WorkPlanFilingDto(
    Guid Id, Guid RoundId, string RoundTitle, DateOnly Deadline, Guid CountyId, string CountyCode, string CountyName, WorkPlanStatus Status, AttachmentDto? Document,
    Guid? SubmittedById, DateTimeOffset? SubmittedAt, bool SubmittedLate, Guid? DecidedById, DateTimeOffset? DecidedAt, string? ReturnReason);

/// <summary>How many of a round's filings (in your scope) are in each status today.</summary>
public sealed record WorkPlanStatusCountsDto(int Due, int Submitted, int Filed, int Returned, int Overdue, int Total);

/// <summary>A filing round in a list, with its counts by status (a county officer counts only their county's filing).</summary>
public sealed record WorkPlanRoundListItemDto(
    Guid Id, Guid ProgrammeId, string Title, DateOnly Deadline, bool PastDeadline, WorkPlanStatusCountsDto Counts, uint Version);

/// <summary>A filing round with every county's filing in your scope (a county officer: their own only).</summary>
public sealed record WorkPlanRoundDto(
    Guid Id, Guid ProgrammeId, string ProgrammeName, string Title, DateOnly Deadline, bool PastDeadline, WorkPlanStatusCountsDto Counts,
    IReadOnlyList<WorkPlanFilingDto> Filings, uint Version);

/// <summary>Reads shared by the work-plan use cases. The county query filter scopes the filings; rounds are seen through them.</summary>
public static class WorkPlanQueries
{
    /// <summary>The round, tracked, when the caller sees at least one of its filings; otherwise 404.</summary>
    public static async Task<WorkPlanRound> RequireRoundAsync(this IApplicationDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.WorkPlanRounds.Where(r => r.Id == id && db.WorkPlanFilings.Any(f => f.RoundId == r.Id)).FirstOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("work_plan_round", id);

    /// <summary>The filing, tracked, or 404 when missing or another county's.</summary>
    public static async Task<WorkPlanFiling> RequireFilingAsync(this IApplicationDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.WorkPlanFilings.FirstOrDefaultAsync(f => f.Id == id, cancellationToken) ?? throw new NotFoundException("work_plan_filing", id);

    public static WorkPlanStatusCountsDto Count(IReadOnlyCollection<WorkPlanStatus> statuses)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        int Of(WorkPlanStatus s) => statuses.Count(x => x == s);
        return new WorkPlanStatusCountsDto(Of(WorkPlanStatus.Due), Of(WorkPlanStatus.Submitted), Of(WorkPlanStatus.Filed), Of(WorkPlanStatus.Returned),
            Of(WorkPlanStatus.Overdue), statuses.Count);
    }

    public static async Task<WorkPlanRoundDto> ToDtoAsync(this IApplicationDbContext db, WorkPlanRound round, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        var programme = await db.Programmes.Where(p => p.Id == round.ProgrammeId).Select(p => p.Name).SingleAsync(cancellationToken);
        var filings = await db.WorkPlanFilings.AsNoTracking().Where(f => f.RoundId == round.Id).ToListAsync(cancellationToken);
        var dtos = await db.ToDtosAsync(round, filings, today, cancellationToken);
        return new WorkPlanRoundDto(round.Id, round.ProgrammeId, programme, round.Title, round.Deadline, round.IsPastDeadline(today),
            Count(dtos.Select(d => d.Status).ToList()), dtos, round.Version);
    }

    public static async Task<WorkPlanFilingDto> ToDtoAsync(this IApplicationDbContext db, WorkPlanFiling filing, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filing);
        var round = await db.WorkPlanRounds.AsNoTracking().SingleAsync(r => r.Id == filing.RoundId, cancellationToken);
        return (await db.ToDtosAsync(round, [filing], today, cancellationToken))[0];
    }

    /// <summary>The filings of one round, ordered as the regions are (the city's usual order of counties).</summary>
    private static async Task<List<WorkPlanFilingDto>> ToDtosAsync(
        this IApplicationDbContext db, WorkPlanRound round, IReadOnlyList<WorkPlanFiling> filings, DateOnly today, CancellationToken cancellationToken)
    {
        var countyIds = filings.Select(f => f.CountyId).ToList();
        var counties = (await db.Regions.AsNoTracking().Where(r => countyIds.Contains(r.Id)).ToListAsync(cancellationToken)).ToDictionary(r => r.Id);
        var documentIds = filings.Where(f => f.DocumentId != null).Select(f => f.DocumentId!.Value).ToList();
        var documents = await db.Attachments.AsNoTracking().Where(a => documentIds.Contains(a.Id))
            .Select(a => new AttachmentDto(a.Id, a.Kind, a.FileName, a.ContentType, a.Size, a.Sha256, a.UploadedAt))
            .ToDictionaryAsync(a => a.Id, cancellationToken);
        return filings
            .OrderBy(f => counties[f.CountyId].SortOrder).ThenBy(f => counties[f.CountyId].Code.Value, StringComparer.Ordinal)
            .Select(f => new WorkPlanFilingDto(
                f.Id, round.Id, round.Title, round.Deadline, f.CountyId, counties[f.CountyId].Code.Value, counties[f.CountyId].Name, f.StatusOn(round.Deadline, today),
                f.DocumentId is { } d ? documents[d] : null, f.SubmittedById, f.SubmittedAt,
                f.SubmittedAt is { } at && DateOnly.FromDateTime(at.ToOffset(ChinaTime.Offset).DateTime) > round.Deadline,
                f.DecidedById, f.DecidedAt, f.ReturnReason))
            .ToList();
    }
}
