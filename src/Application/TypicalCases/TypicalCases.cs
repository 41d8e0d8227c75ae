using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Common.Concurrency;
using Sunshine.Application.Common.Exceptions;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Paging;
using Sunshine.Application.Common.Security;
using Sunshine.Application.Enterprises;
using Sunshine.Application.Registry;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Common;
using Sunshine.Domain.Registry;
using Sunshine.Domain.TypicalCases;

namespace Sunshine.Application.TypicalCases;

/// <summary>A key figure as sent and shown: label, exact value, unit (may be empty), e.g. 年销售额 · 120000 · 元.</summary>
public sealed record KeyFigureDto(string Label, decimal Value, string Unit);

/// <summary>
/// A typical case as officers see it. <c>PublicationConsent</c>: for a case about a person, whether their
/// consent to publication is in force today (null for an enterprise).
/// </summary>
public sealed record TypicalCaseDto(
    Guid Id, Guid CountyId, string CountyName, TypicalCaseSubject Subject, Guid? PersonId, Guid? EnterpriseId, string SubjectName, string Title, string Narrative,
    IReadOnlyList<KeyFigureDto> Figures, bool IsNominated, Guid? NominatedById, DateOnly? NominatedOn, bool IsPublished, Guid? PublishedById, DateTimeOffset? PublishedAt,
    bool? PublicationConsent, uint Version);

/// <summary>A published case: what may be shown publicly.</summary>
public sealed record PublishedTypicalCaseDto(
    Guid Id, Guid CountyId, string CountyName, TypicalCaseSubject Subject, string SubjectName, string Title, string Narrative, IReadOnlyList<KeyFigureDto> Figures,
    bool IsNominated, DateTimeOffset PublishedAt);

/// <summary>A case's editable content.</summary>
public interface ITypicalCaseInput
{
    string Title { get; }

    string Narrative { get; }

    IReadOnlyList<KeyFigureDto>? Figures { get; }
}

public sealed class TypicalCaseInputValidator : AbstractValidator<ITypicalCaseInput>
{
    public TypicalCaseInputValidator()
    {
        RuleFor(x => x.Title).NotEmpty().MaximumLength(TypicalCase.TitleMaxLength);
        RuleFor(x => x.Narrative).NotEmpty().MaximumLength(TypicalCase.NarrativeMaxLength);
        RuleFor(x => x.Figures!.Count).LessThanOrEqualTo(TypicalCase.MaxFigures).When(x => x.Figures is not null).OverridePropertyName("figures")
            .WithErrorCode("typical_case.too_many_figures").WithMessage($"A case has at most {TypicalCase.MaxFigures} key figures.");
        RuleForEach(x => x.Figures).ChildRules(figure =>
        {
            figure.RuleFor(f => f.Label).NotEmpty().MaximumLength(KeyFigure.LabelMaxLength);
            figure.RuleFor(f => f.Unit).MaximumLength(KeyFigure.UnitMaxLength);
            figure.RuleFor(f => f.Value).PrecisionScale(18, 2, ignoreTrailingZeros: true);
        }).When(x => x.Figures is not null);
    }
}

public static class TypicalCaseQueries
{
    public static IReadOnlyList<KeyFigure> ToFigures(this ITypicalCaseInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return (input.Figures ?? []).Select(f => new KeyFigure(f.Label, f.Value, f.Unit)).ToList();
    }

    public static IReadOnlyList<KeyFigureDto> ToDtos(this IReadOnlyList<KeyFigure> figures) =>
        figures.Select(f => new KeyFigureDto(f.Label, f.Value, f.Unit)).ToList();

    /// <summary>The case, tracked, or 404 when missing or another county's.</summary>
    public static async Task<TypicalCase> RequireTypicalCaseAsync(this IApplicationDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.TypicalCases.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new NotFoundException("typical_case", id);

    /// <summary>Whether a person's consent to publication is in force on the date (across counties: the case decides who may ask).</summary>
    public static async Task<bool> PublicationConsentAsync(this IApplicationDbContext db, Guid personId, DateOnly on, CancellationToken cancellationToken) =>
        await db.Persons.IgnoreQueryFilters().Where(p => p.Id == personId)
            .AnyAsync(p => p.Consents.Any(c => c.Scope == ConsentScope.Publication && c.GivenOn <= on && (c.WithdrawnOn == null || c.WithdrawnOn > on)), cancellationToken);

    public static async Task<TypicalCaseDto> ToDtoAsync(this IApplicationDbContext db, TypicalCase c, DateOnly today, CancellationToken cancellationToken) =>
        (await db.ToDtosAsync([c], today, cancellationToken))[0];

    /// <summary>
    /// DTOs of cases already chosen under the caller's scope. Subject names are looked up across counties
    /// (a person may have moved since), in their own queries, so the lookup never widens which cases are listed.
    /// </summary>
    public static async Task<List<TypicalCaseDto>> ToDtosAsync(this IApplicationDbContext db, IReadOnlyList<TypicalCase> cases, DateOnly today, CancellationToken cancellationToken)
    {
        var names = await db.SubjectNamesAsync(cases, cancellationToken);
        var personIds = cases.Where(c => c.PersonId != null).Select(c => c.PersonId!.Value).ToList();
        var consenting = await db.Persons.IgnoreQueryFilters().Where(p => personIds.Contains(p.Id))
            .Where(p => p.Consents.Any(k => k.Scope == ConsentScope.Publication && k.GivenOn <= today && (k.WithdrawnOn == null || k.WithdrawnOn > today)))
            .Select(p => p.Id).ToListAsync(cancellationToken);
        return cases.Select(c => new TypicalCaseDto(
            c.Id, c.CountyId, names.Counties[c.CountyId], c.Subject, c.PersonId, c.EnterpriseId, names.Subjects[c.Id], c.Title, c.Narrative, c.Figures.ToDtos(),
            c.IsNominated, c.NominatedById, c.NominatedOn, c.IsPublished, c.PublishedById, c.PublishedAt,
            c.PersonId is { } person ? consenting.Contains(person) : null, c.Version)).ToList();
    }

    internal static async Task<(Dictionary<Guid, string> Counties, Dictionary<Guid, string> Subjects)> SubjectNamesAsync(
        this IApplicationDbContext db, IReadOnlyList<TypicalCase> cases, CancellationToken cancellationToken)
    {
        var countyIds = cases.Select(c => c.CountyId).Distinct().ToList();
        var counties = await db.Regions.AsNoTracking().Where(r => countyIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);
        var personIds = cases.Where(c => c.PersonId != null).Select(c => c.PersonId!.Value).ToList();
        var people = await db.Persons.IgnoreQueryFilters().Where(p => personIds.Contains(p.Id)).Select(p => new { p.Id, p.Name }).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var enterpriseIds = cases.Where(c => c.EnterpriseId != null).Select(c => c.EnterpriseId!.Value).ToList();
        var enterprises = await db.Enterprises.Where(e => enterpriseIds.Contains(e.Id)).Select(e => new { e.Id, e.Name }).ToDictionaryAsync(e => e.Id, e => e.Name, cancellationToken);
        return (counties, cases.ToDictionary(c => c.Id, c => c.PersonId is { } p ? people[p] : enterprises[c.EnterpriseId!.Value]));
    }
}

/// <summary>Cases in your scope, newest first, by county, subject kind, nomination and publication, and words in the title.</summary>
[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record GetTypicalCasesQuery(
    Guid? CountyId = null, TypicalCaseSubject? Subject = null, bool? Nominated = null, bool? Published = null, string? Search = null, int Page = 1,
    int PageSize = Paging.DefaultPageSize) : IQuery<PagedList<TypicalCaseDto>>, IPagedRequest;

public sealed class GetTypicalCasesValidator : AbstractValidator<GetTypicalCasesQuery>
{
    public GetTypicalCasesValidator()
    {
        this.AddPagingRules();
        RuleFor(x => x.Subject).IsInEnum();
        RuleFor(x => x.Search).MaximumLength(100);
    }
}

public sealed class GetTypicalCasesHandler(IApplicationDbContext db, TimeProvider clock) : IQueryHandler<GetTypicalCasesQuery, PagedList<TypicalCaseDto>>
{
    public async ValueTask<PagedList<TypicalCaseDto>> Handle(GetTypicalCasesQuery query, CancellationToken cancellationToken)
    {
        var search = string.IsNullOrWhiteSpace(query.Search) ? null : "%" + LikePattern.Escape(query.Search.Trim()) + "%";
        var page = await db.TypicalCases.AsNoTracking()
            .Where(c => query.CountyId == null || c.CountyId == query.CountyId)
            .Where(c => query.Subject == null || (query.Subject == TypicalCaseSubject.Person ? c.PersonId != null : c.EnterpriseId != null))
            .Where(c => query.Nominated == null || c.IsNominated == query.Nominated)
            .Where(c => query.Published == null || c.IsPublished == query.Published)
            .Where(c => search == null || EF.Functions.Like(c.Title, search, "\\"))
            .OrderByDescending(c => c.Id)
            .ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
        return new PagedList<TypicalCaseDto>(await db.ToDtosAsync(page.Items, clock.Today(), cancellationToken), page.Page, page.PageSize, page.TotalCount);
    }
}

/// <summary>
/// Published cases of every county, latest first: what is public is shown to every officer. A case about
/// a person is left out while their consent to publication is not in force (withdrawn after publishing).
/// </summary>
[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record GetPublishedTypicalCasesQuery(Guid? CountyId = null, bool? Nominated = null, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<PagedList<PublishedTypicalCaseDto>>, IPagedRequest;

public sealed class GetPublishedTypicalCasesValidator : AbstractValidator<GetPublishedTypicalCasesQuery>
{
    public GetPublishedTypicalCasesValidator() => this.AddPagingRules();
}

public sealed class GetPublishedTypicalCasesHandler(IApplicationDbContext db, TimeProvider clock) : IQueryHandler<GetPublishedTypicalCasesQuery, PagedList<PublishedTypicalCaseDto>>
{
    public async ValueTask<PagedList<PublishedTypicalCaseDto>> Handle(GetPublishedTypicalCasesQuery query, CancellationToken cancellationToken)
    {
        var today = clock.Today();

        // Published means public: the county filter is lifted for published cases only.
        var page = await db.TypicalCases.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.IsPublished)
            .Where(c => query.CountyId == null || c.CountyId == query.CountyId)
            .Where(c => query.Nominated == null || c.IsNominated == query.Nominated)
            .Where(c => c.PersonId == null || db.Persons.Any(p => p.Id == c.PersonId
                && p.Consents.Any(k => k.Scope == ConsentScope.Publication && k.GivenOn <= today && (k.WithdrawnOn == null || k.WithdrawnOn > today))))
            .OrderByDescending(c => c.PublishedAt).ThenBy(c => c.Id)
            .ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
        var names = await db.SubjectNamesAsync(page.Items, cancellationToken);
        var items = page.Items.Select(c => new PublishedTypicalCaseDto(
            c.Id, c.CountyId, names.Counties[c.CountyId], c.Subject, names.Subjects[c.Id], c.Title, c.Narrative, c.Figures.ToDtos(), c.IsNominated, c.PublishedAt!.Value)).ToList();
        return new PagedList<PublishedTypicalCaseDto>(items, page.Page, page.PageSize, page.TotalCount);
    }
}

[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record GetTypicalCaseQuery(Guid Id) : IQuery<TypicalCaseDto>;

public sealed class GetTypicalCaseHandler(IApplicationDbContext db, TimeProvider clock) : IQueryHandler<GetTypicalCaseQuery, TypicalCaseDto>
{
    public async ValueTask<TypicalCaseDto> Handle(GetTypicalCaseQuery query, CancellationToken cancellationToken) =>
        await db.ToDtoAsync(await db.RequireTypicalCaseAsync(query.Id, cancellationToken), clock.Today(), cancellationToken);
}

/// <summary>
/// Writes up a case about a registered person of your scope (the case is in the person's county) or an
/// enterprise (in the county given, or the enterprise's own).
/// </summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record CreateTypicalCaseCommand(Guid? PersonId, Guid? EnterpriseId, Guid? CountyId, string Title, string Narrative, IReadOnlyList<KeyFigureDto>? Figures)
    : ICommand<TypicalCaseDto>, ITypicalCaseInput;

public sealed class CreateTypicalCaseValidator : AbstractValidator<CreateTypicalCaseCommand>
{
    public CreateTypicalCaseValidator() => Include(new TypicalCaseInputValidator());
}

public sealed class CreateTypicalCaseHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<CreateTypicalCaseCommand, TypicalCaseDto>
{
    public async ValueTask<TypicalCaseDto> Handle(CreateTypicalCaseCommand command, CancellationToken cancellationToken)
    {
        Guid county;
        if (command.PersonId is { } personId && command.EnterpriseId is null)
        {
            var person = await db.RequirePersonAsync(personId, cancellationToken);
            if (command.CountyId is { } given && given != person.CountyId)
            {
                throw new DomainException("typical_case.county_mismatch", "A case about a person is in the person's county.", field: "countyId");
            }

            county = person.CountyId;
        }
        else if (command.EnterpriseId is { } enterpriseId && command.PersonId is null)
        {
            var enterprise = await db.RequireEnterpriseAsync(enterpriseId, cancellationToken);
            county = command.CountyId ?? enterprise.CountyId
                ?? throw new DomainException("typical_case.county_required", "Say which county the enterprise's case belongs to.", field: "countyId");
        }
        else
        {
            throw new DomainException("typical_case.subject_one_required", "A case is about a person or an enterprise: exactly one.", field: "personId");
        }

        await db.EnsureWritableCountyAsync(user, county, cancellationToken);
        var created = TypicalCase.Create(county, command.PersonId, command.EnterpriseId, command.Title, command.Narrative, command.ToFigures());
        db.TypicalCases.Add(created);
        await db.SaveChangesAsync(cancellationToken);
        return await db.ToDtoAsync(created, clock.Today(), cancellationToken);
    }
}

/// <summary>Replaces a case's title, narrative and figures; send its ETag in If-Match. A published case stays published.</summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record UpdateTypicalCaseCommand(Guid Id, uint? ExpectedVersion, string Title, string Narrative, IReadOnlyList<KeyFigureDto>? Figures)
    : ICommand<TypicalCaseDto>, ITypicalCaseInput;

public sealed class UpdateTypicalCaseValidator : AbstractValidator<UpdateTypicalCaseCommand>
{
    public UpdateTypicalCaseValidator() => Include(new TypicalCaseInputValidator());
}

public sealed class UpdateTypicalCaseHandler(IApplicationDbContext db, TimeProvider clock) : ICommandHandler<UpdateTypicalCaseCommand, TypicalCaseDto>
{
    public async ValueTask<TypicalCaseDto> Handle(UpdateTypicalCaseCommand command, CancellationToken cancellationToken)
    {
        var found = await db.RequireTypicalCaseAsync(command.Id, cancellationToken);
        db.EnsureCurrent(found, command.ExpectedVersion);
        found.Update(command.Title, command.Narrative, command.ToFigures());
        await db.SaveChangesAsync(cancellationToken);
        return await db.ToDtoAsync(found, clock.Today(), cancellationToken);
    }
}

/// <summary>Deletes an unpublished case; send its ETag in If-Match. The audit trail keeps what it said.</summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record DeleteTypicalCaseCommand(Guid Id, uint? ExpectedVersion) : ICommand;

public sealed class DeleteTypicalCaseHandler(IApplicationDbContext db) : ICommandHandler<DeleteTypicalCaseCommand>
{
    public async ValueTask<Unit> Handle(DeleteTypicalCaseCommand command, CancellationToken cancellationToken)
    {
        var found = await db.RequireTypicalCaseAsync(command.Id, cancellationToken);
        db.EnsureCurrent(found, command.ExpectedVersion);
        found.EnsureDeletable();
        db.TypicalCases.Remove(found);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

/// <summary>Nominates a case for commendation (推荐表彰), recording who and when (decisions.county or decisions.city).</summary>
[RequiresPermission(Permissions.CountyDecide, Permissions.CityDecide)]
public sealed record NominateTypicalCaseCommand(Guid Id) : ICommand<TypicalCaseDto>;

public sealed class NominateTypicalCaseHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<NominateTypicalCaseCommand, TypicalCaseDto>
{
    public async ValueTask<TypicalCaseDto> Handle(NominateTypicalCaseCommand command, CancellationToken cancellationToken)
    {
        var found = await db.RequireTypicalCaseAsync(command.Id, cancellationToken);
        found.Nominate(user.Id ?? throw new NotAuthenticatedException(), clock.Today());
        await db.SaveChangesAsync(cancellationToken);
        return await db.ToDtoAsync(found, clock.Today(), cancellationToken);
    }
}

/// <summary>Withdraws a case's nomination (decisions.county or decisions.city).</summary>
[RequiresPermission(Permissions.CountyDecide, Permissions.CityDecide)]
public sealed record WithdrawTypicalCaseNominationCommand(Guid Id) : ICommand<TypicalCaseDto>;

public sealed class WithdrawTypicalCaseNominationHandler(IApplicationDbContext db, TimeProvider clock) : ICommandHandler<WithdrawTypicalCaseNominationCommand, TypicalCaseDto>
{
    public async ValueTask<TypicalCaseDto> Handle(WithdrawTypicalCaseNominationCommand command, CancellationToken cancellationToken)
    {
        var found = await db.RequireTypicalCaseAsync(command.Id, cancellationToken);
        found.WithdrawNomination();
        await db.SaveChangesAsync(cancellationToken);
        return await db.ToDtoAsync(found, clock.Today(), cancellationToken);
    }
}

/// <summary>
/// Publishes a case (decisions.county or decisions.city). A case about a person needs the person's consent
/// to publication in force today (422 typical_case.consent_required).
/// </summary>
[RequiresPermission(Permissions.CountyDecide, Permissions.CityDecide)]
public sealed record PublishTypicalCaseCommand(Guid Id) : ICommand<TypicalCaseDto>;

public sealed class PublishTypicalCaseHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<PublishTypicalCaseCommand, TypicalCaseDto>
{
    public async ValueTask<TypicalCaseDto> Handle(PublishTypicalCaseCommand command, CancellationToken cancellationToken)
    {
        var found = await db.RequireTypicalCaseAsync(command.Id, cancellationToken);
        var today = clock.Today();
        var consents = found.PersonId is { } person && await db.PublicationConsentAsync(person, today, cancellationToken);
        found.Publish(user.Id ?? throw new NotAuthenticatedException(), clock.GetUtcNow(), consents);
        await db.SaveChangesAsync(cancellationToken);
        return await db.ToDtoAsync(found, today, cancellationToken);
    }
}

/// <summary>Withdraws a case from publication (decisions.county or decisions.city).</summary>
[RequiresPermission(Permissions.CountyDecide, Permissions.CityDecide)]
public sealed record UnpublishTypicalCaseCommand(Guid Id) : ICommand<TypicalCaseDto>;

public sealed class UnpublishTypicalCaseHandler(IApplicationDbContext db, TimeProvider clock) : ICommandHandler<UnpublishTypicalCaseCommand, TypicalCaseDto>
{
    public async ValueTask<TypicalCaseDto> Handle(UnpublishTypicalCaseCommand command, CancellationToken cancellationToken)
    {
        var found = await db.RequireTypicalCaseAsync(command.Id, cancellationToken);
        found.Unpublish();
        await db.SaveChangesAsync(cancellationToken);
        return await db.ToDtoAsync(found, clock.Today(), cancellationToken);
    }
}
