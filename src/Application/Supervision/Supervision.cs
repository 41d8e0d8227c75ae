using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Bases;
using Sunshine.Application.Common.Concurrency;
using Sunshine.Application.Common.Exceptions;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Paging;
using Sunshine.Application.Common.Security;
using Sunshine.Application.Enterprises;
using Sunshine.Application.OperationServices;
using Sunshine.Application.Registry;
using Sunshine.Application.Reminders;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Channels;
using Sunshine.Domain.Common;
using Sunshine.Domain.Supervision;

namespace Sunshine.Application.Supervision;

/// <summary>A rectification item; <c>Overdue</c> is as of today (China Standard Time).</summary>
public sealed record RectificationDto(Guid Id, string Item, DateOnly DueDate, DateOnly? ClosedOn, string? ClosingNote, Guid? ClosedById, bool Overdue);

/// <summary>A supervision visit with its rectification items and the name of what was inspected.</summary>
public sealed record SupervisionVisitDto(
    Guid Id, Guid CountyId, SupervisionLevel Level, SupervisionSubject Subject, Guid? BaseId, Guid? EnterpriseId, Guid? PersonId, string SubjectName, DateOnly VisitedOn,
    string Inspectors, string Findings, Guid RecordedById, IReadOnlyList<RectificationDto> Rectifications, int OpenRectifications, int OverdueRectifications, uint Version);

/// <summary>A rectification item as sent: what must be put right and by when.</summary>
public sealed record RectificationInput(string Item, DateOnly DueDate);

public sealed class RectificationInputValidator : AbstractValidator<RectificationInput>
{
    public RectificationInputValidator() => RuleFor(x => x.Item).NotEmpty().MaximumLength(Rectification.ItemMaxLength);
}

public static class SupervisionQueries
{
    public static async Task<SupervisionVisit> RequireVisitAsync(this IApplicationDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.SupervisionVisits.FirstOrDefaultAsync(v => v.Id == id, cancellationToken) ?? throw new NotFoundException("supervision_visit", id);

    public static async Task<List<SupervisionVisitDto>> ToDtosAsync(this IApplicationDbContext db, IReadOnlyList<SupervisionVisit> visits, DateOnly today, CancellationToken cancellationToken)
    {
        var countyIds = visits.Select(v => v.CountyId).Distinct().ToList();
        var counties = await db.Regions.AsNoTracking().Where(r => countyIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);
        var baseIds = visits.Where(v => v.BaseId != null).Select(v => v.BaseId!.Value).ToList();
        var bases = await db.SunshineBases.IgnoreQueryFilters().AsNoTracking().Where(b => baseIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.Name, cancellationToken);
        var enterpriseIds = visits.Where(v => v.EnterpriseId != null).Select(v => v.EnterpriseId!.Value).ToList();
        var enterprises = await db.Enterprises.AsNoTracking().Where(e => enterpriseIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, cancellationToken);
        var personIds = visits.Where(v => v.PersonId != null).Select(v => v.PersonId!.Value).ToList();
        var people = await db.Persons.IgnoreQueryFilters().AsNoTracking().Where(p => personIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Name }).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        return visits.Select(v =>
        {
            var name = v.Subject switch
            {
                SupervisionSubject.Base => bases.GetValueOrDefault(v.BaseId!.Value, string.Empty),
                SupervisionSubject.Enterprise => enterprises.GetValueOrDefault(v.EnterpriseId!.Value, string.Empty),
                SupervisionSubject.AwardHolder => people.GetValueOrDefault(v.PersonId!.Value, string.Empty),
                _ => counties.GetValueOrDefault(v.CountyId, string.Empty),
            };
            var items = v.Rectifications.OrderBy(r => r.DueDate).ThenBy(r => r.Id)
                .Select(r => new RectificationDto(r.Id, r.Item, r.DueDate, r.ClosedOn, r.ClosingNote, r.ClosedById, r.IsOverdueOn(today))).ToList();
            return new SupervisionVisitDto(v.Id, v.CountyId, v.Level, v.Subject, v.BaseId, v.EnterpriseId, v.PersonId, name, v.VisitedOn, v.Inspectors, v.Findings,
                v.RecordedById, items, items.Count(i => i.ClosedOn == null), items.Count(i => i.Overdue), v.Version);
        }).ToList();
    }

    public static async Task<SupervisionVisitDto> ToDtoAsync(this IApplicationDbContext db, SupervisionVisit visit, DateOnly today, CancellationToken cancellationToken) =>
        (await db.ToDtosAsync([visit], today, cancellationToken))[0];
}

/// <summary>Visits in your scope, newest first, by county, subject, and whether they have open or overdue items.</summary>
[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record GetSupervisionVisitsQuery(
    Guid? CountyId = null, SupervisionSubject? Subject = null, bool? OpenItems = null, bool? OverdueItems = null, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<PagedList<SupervisionVisitDto>>, IPagedRequest;

public sealed class GetSupervisionVisitsValidator : AbstractValidator<GetSupervisionVisitsQuery>
{
    public GetSupervisionVisitsValidator()
    {
        this.AddPagingRules();
        RuleFor(x => x.Subject).IsInEnum();
    }
}

public sealed class GetSupervisionVisitsHandler(IApplicationDbContext db, TimeProvider clock) : IQueryHandler<GetSupervisionVisitsQuery, PagedList<SupervisionVisitDto>>
{
    public async ValueTask<PagedList<SupervisionVisitDto>> Handle(GetSupervisionVisitsQuery query, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var page = await db.SupervisionVisits.AsNoTracking()
            .Where(v => (query.CountyId == null || v.CountyId == query.CountyId) && (query.Subject == null || v.Subject == query.Subject))
            .Where(v => query.OpenItems == null || v.Rectifications.Any(r => r.ClosedOn == null) == query.OpenItems)
            .Where(v => query.OverdueItems == null || v.Rectifications.Any(r => r.ClosedOn == null && r.DueDate < today) == query.OverdueItems)
            .OrderByDescending(v => v.VisitedOn).ThenByDescending(v => v.Id)
            .ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
        return new PagedList<SupervisionVisitDto>(await db.ToDtosAsync(page.Items, today, cancellationToken), page.Page, page.PageSize, page.TotalCount);
    }
}

[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record GetSupervisionVisitQuery(Guid Id) : IQuery<SupervisionVisitDto>;

public sealed class GetSupervisionVisitHandler(IApplicationDbContext db, TimeProvider clock) : IQueryHandler<GetSupervisionVisitQuery, SupervisionVisitDto>
{
    public async ValueTask<SupervisionVisitDto> Handle(GetSupervisionVisitQuery query, CancellationToken cancellationToken) =>
        await db.ToDtoAsync(await db.RequireVisitAsync(query.Id, cancellationToken), clock.Today(), cancellationToken);
}

/// <summary>
/// Records a visit by city officers (any county) or county officers (their own). The county is the subject's: a base's
/// or an award holder's own, an enterprise's unless given, and given for a county.
/// </summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record CreateSupervisionVisitCommand(
    SupervisionSubject Subject, Guid? CountyId, Guid? BaseId, Guid? EnterpriseId, Guid? PersonId, DateOnly VisitedOn, string Inspectors, string Findings,
    IReadOnlyList<RectificationInput>? Rectifications) : ICommand<SupervisionVisitDto>;

public sealed class CreateSupervisionVisitValidator : AbstractValidator<CreateSupervisionVisitCommand>
{
    public CreateSupervisionVisitValidator()
    {
        RuleFor(x => x.Subject).IsInEnum();
        RuleFor(x => x.Inspectors).NotEmpty().MaximumLength(SupervisionVisit.InspectorsMaxLength);
        RuleFor(x => x.Findings).NotEmpty().MaximumLength(SupervisionVisit.FindingsMaxLength);
        RuleFor(x => x.Rectifications!.Count).LessThanOrEqualTo(SupervisionVisit.MaxRectifications).When(x => x.Rectifications is not null)
            .OverridePropertyName("rectifications").WithErrorCode("supervision.too_many_items");
        RuleForEach(x => x.Rectifications).SetValidator(new RectificationInputValidator()).When(x => x.Rectifications is not null);
    }
}

public sealed class CreateSupervisionVisitHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<CreateSupervisionVisitCommand, SupervisionVisitDto>
{
    public async ValueTask<SupervisionVisitDto> Handle(CreateSupervisionVisitCommand command, CancellationToken cancellationToken)
    {
        var county = command.Subject switch
        {
            SupervisionSubject.Base when command.BaseId is { } b => (await db.RequireBaseAsync(b, cancellationToken)).CountyId,
            SupervisionSubject.AwardHolder when command.PersonId is { } p => (await db.RequirePersonAsync(p, cancellationToken)).CountyId,
            SupervisionSubject.Enterprise when command.EnterpriseId is { } e => command.CountyId ?? (await db.RequireEnterpriseAsync(e, cancellationToken)).CountyId,
            _ => command.CountyId,
        } ?? throw new DomainException("supervision.county_required", "Say which county was inspected.", field: "countyId");
        if (command.CountyId is { } given && given != county)
        {
            throw new DomainException("supervision.county_mismatch", "A visit of a base or an award holder is in their county.", field: "countyId");
        }

        if (command.Subject == SupervisionSubject.Enterprise && command.EnterpriseId is { } enterprise)
        {
            await db.RequireEnterpriseAsync(enterprise, cancellationToken);
        }

        if (command.Subject == SupervisionSubject.AwardHolder && command.PersonId is { } holder
            && !await db.RecipientQualifiesAsync(new Participant(null, null, holder), cancellationToken))
        {
            throw new DomainException("supervision.not_award_holder", "The person holds no approved award and runs no awarded base.", field: "personId");
        }

        await db.EnsureWritableCountyAsync(user, county, cancellationToken);
        var today = clock.Today();
        var visit = SupervisionVisit.Record(county, user.IsCountyBound ? SupervisionLevel.County : SupervisionLevel.City, command.Subject, command.BaseId, command.EnterpriseId,
            command.PersonId, command.VisitedOn, command.Inspectors, command.Findings, user.Id ?? throw new NotAuthenticatedException(), today);
        foreach (var (item, index) in (command.Rectifications ?? []).Select((item, index) => (item, index)))
        {
            try
            {
                visit.AddRectification(item.Item, item.DueDate);
            }
            catch (DomainException e) when (e.Field is { } field)
            {
                throw new DomainException(e.Code, e.Message, e.Kind, $"rectifications[{index}].{field}");
            }
        }

        db.SupervisionVisits.Add(visit);
        await db.SaveChangesAsync(cancellationToken);
        return await db.ToDtoAsync(visit, today, cancellationToken);
    }
}

/// <summary>Corrects a visit's date, inspectors and findings; send its ETag in If-Match.</summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record UpdateSupervisionVisitCommand(Guid Id, uint? ExpectedVersion, DateOnly VisitedOn, string Inspectors, string Findings) : ICommand<SupervisionVisitDto>;

public sealed class UpdateSupervisionVisitValidator : AbstractValidator<UpdateSupervisionVisitCommand>
{
    public UpdateSupervisionVisitValidator()
    {
        RuleFor(x => x.Inspectors).NotEmpty().MaximumLength(SupervisionVisit.InspectorsMaxLength);
        RuleFor(x => x.Findings).NotEmpty().MaximumLength(SupervisionVisit.FindingsMaxLength);
    }
}

public sealed class UpdateSupervisionVisitHandler(IApplicationDbContext db, TimeProvider clock) : ICommandHandler<UpdateSupervisionVisitCommand, SupervisionVisitDto>
{
    public async ValueTask<SupervisionVisitDto> Handle(UpdateSupervisionVisitCommand command, CancellationToken cancellationToken)
    {
        var found = await db.RequireVisitAsync(command.Id, cancellationToken);
        db.EnsureCurrent(found, command.ExpectedVersion);
        var today = clock.Today();
        found.Update(command.VisitedOn, command.Inspectors, command.Findings, today);
        await db.SaveChangesAsync(cancellationToken);
        return await db.ToDtoAsync(found, today, cancellationToken);
    }
}

/// <summary>Adds a rectification item to a visit, due on or after the visit.</summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record AddRectificationCommand(Guid VisitId, string Item, DateOnly DueDate) : ICommand<SupervisionVisitDto>;

public sealed class AddRectificationValidator : AbstractValidator<AddRectificationCommand>
{
    public AddRectificationValidator() => RuleFor(x => x.Item).NotEmpty().MaximumLength(Rectification.ItemMaxLength);
}

public sealed class AddRectificationHandler(IApplicationDbContext db, TimeProvider clock) : ICommandHandler<AddRectificationCommand, SupervisionVisitDto>
{
    public async ValueTask<SupervisionVisitDto> Handle(AddRectificationCommand command, CancellationToken cancellationToken)
    {
        var found = await db.RequireVisitAsync(command.VisitId, cancellationToken);
        found.AddRectification(command.Item, command.DueDate);
        await db.SaveChangesAsync(cancellationToken);
        return await db.ToDtoAsync(found, clock.Today(), cancellationToken);
    }
}

/// <summary>
/// Closes a rectification item (done on a date, with a note; who closed it is recorded) and removes its reminders from
/// the officers' notifications in the same transaction.
/// </summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record CloseRectificationCommand(Guid RectificationId, DateOnly ClosedOn, string Note) : ICommand<SupervisionVisitDto>;

public sealed class CloseRectificationValidator : AbstractValidator<CloseRectificationCommand>
{
    public CloseRectificationValidator() => RuleFor(x => x.Note).NotEmpty().MaximumLength(Rectification.NoteMaxLength);
}

public sealed class CloseRectificationHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<CloseRectificationCommand, SupervisionVisitDto>
{
    public async ValueTask<SupervisionVisitDto> Handle(CloseRectificationCommand command, CancellationToken cancellationToken)
    {
        var visit = await db.SupervisionVisits.FirstOrDefaultAsync(v => v.Rectifications.Any(r => r.Id == command.RectificationId), cancellationToken)
            ?? throw new NotFoundException("rectification", command.RectificationId);
        var today = clock.Today();
        visit.CloseRectification(command.RectificationId, command.ClosedOn, command.Note, user.Id ?? throw new NotAuthenticatedException(), today);
        var reminders = await db.Notifications.Where(n => n.Kind == RectificationDeadlines.Kind && n.SubjectId == command.RectificationId).ToListAsync(cancellationToken);
        db.Notifications.RemoveRange(reminders);
        await db.SaveChangesAsync(cancellationToken);
        return await db.ToDtoAsync(visit, today, cancellationToken);
    }
}
