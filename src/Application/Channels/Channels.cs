using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Bases;
using Sunshine.Application.Common.Exceptions;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Paging;
using Sunshine.Application.Common.Security;
using Sunshine.Application.Enterprises;
using Sunshine.Application.Registry;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Channels;
using Sunshine.Domain.Common;

namespace Sunshine.Application.Channels;

/// <summary>Who takes part, as sent: exactly one of a household, a base or a person of your scope.</summary>
public sealed record ParticipantInput(Guid? HouseholdId, Guid? BaseId, Guid? PersonId);

public sealed record OutletParticipantDto(
    Guid Id, Guid? HouseholdId, Guid? BaseId, Guid? PersonId, DateOnly JoinedOn, decimal StallFeeWaived, decimal EntryFeeWaived, string? Accessibility);

/// <summary>A specialty zone or store with its participants and the fees waived for them.</summary>
public sealed record OutletDto(
    Guid Id, string Name, Guid CountyId, OutletLocation Location, ChannelLevel Level, string Address, DateOnly OpenedOn, decimal FeesWaived,
    IReadOnlyList<OutletParticipantDto> Participants, uint Version);

public sealed record ExhibitionParticipantDto(Guid Id, Guid? HouseholdId, Guid? BaseId, Guid? PersonId, decimal Sales);

/// <summary>An exhibition or sales event with its participants, sales and funding.</summary>
public sealed record ExhibitionDto(
    Guid Id, string Name, EventMode Mode, ChannelLevel OrganiserLevel, Guid? CountyId, DateOnly StartDate, DateOnly EndDate, decimal SalesAmount, decimal FundingAmount,
    string? FundingSource, IReadOnlyList<ExhibitionParticipantDto> Participants, uint Version);

public static class ChannelQueries
{
    public static OutletDto ToDto(this SpecialtyOutlet o)
    {
        ArgumentNullException.ThrowIfNull(o);
        return new OutletDto(o.Id, o.Name, o.CountyId, o.Location, o.Level, o.Address, o.OpenedOn,
            o.Participants.Sum(p => p.StallFeeWaived.Yuan + p.EntryFeeWaived.Yuan),
            o.Participants.OrderBy(p => p.JoinedOn).Select(p => new OutletParticipantDto(p.Id, p.HouseholdId, p.BaseId, p.PersonId, p.JoinedOn, p.StallFeeWaived.Yuan,
                p.EntryFeeWaived.Yuan, p.Accessibility)).ToList(), o.Version);
    }

    public static ExhibitionDto ToDto(this Exhibition e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new ExhibitionDto(e.Id, e.Name, e.Mode, e.OrganiserLevel, e.CountyId, e.StartDate, e.EndDate, e.SalesAmount.Yuan, e.FundingAmount.Yuan, e.FundingSource,
            e.Participants.Select(p => new ExhibitionParticipantDto(p.Id, p.HouseholdId, p.BaseId, p.PersonId, p.Sales.Yuan)).ToList(), e.Version);
    }

    /// <summary>The participant exists in your scope; a county's outlet or event takes that county's participants.</summary>
    public static async Task<Participant> RequireParticipantAsync(this IApplicationDbContext db, ParticipantInput input, Guid? countyId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var participant = new Participant(input.HouseholdId, input.BaseId, input.PersonId);
        var participantCounty = participant switch
        {
            { HouseholdId: { } h } => (await db.RequireHouseholdAsync(h, cancellationToken)).CountyId,
            { BaseId: { } b } => (await db.RequireBaseAsync(b, cancellationToken)).CountyId,
            _ => (await db.RequirePersonAsync(participant.PersonId!.Value, cancellationToken)).CountyId,
        };
        if (countyId is { } county && county != participantCounty)
        {
            throw new DomainException("participant.county", "A county's outlet or event takes participants of that county.", field: "participant");
        }

        return participant;
    }
}

/// <summary>Outlets in your scope by location and level, by name.</summary>
[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record GetOutletsQuery(Guid? CountyId = null, OutletLocation? Location = null, ChannelLevel? Level = null, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<PagedList<OutletDto>>, IPagedRequest;

public sealed class GetOutletsValidator : AbstractValidator<GetOutletsQuery>
{
    public GetOutletsValidator()
    {
        this.AddPagingRules();
        RuleFor(x => x.Location).IsInEnum();
        RuleFor(x => x.Level).IsInEnum();
    }
}

public sealed class GetOutletsHandler(IApplicationDbContext db) : IQueryHandler<GetOutletsQuery, PagedList<OutletDto>>
{
    public async ValueTask<PagedList<OutletDto>> Handle(GetOutletsQuery query, CancellationToken cancellationToken)
    {
        var page = await db.SpecialtyOutlets.AsNoTracking()
            .Where(o => (query.CountyId == null || o.CountyId == query.CountyId) && (query.Location == null || o.Location == query.Location) && (query.Level == null || o.Level == query.Level))
            .OrderBy(o => o.Name).ThenBy(o => o.Id).ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
        return new PagedList<OutletDto>(page.Items.Select(o => o.ToDto()).ToList(), page.Page, page.PageSize, page.TotalCount);
    }
}

[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record GetOutletQuery(Guid Id) : IQuery<OutletDto>;

public sealed class GetOutletHandler(IApplicationDbContext db) : IQueryHandler<GetOutletQuery, OutletDto>
{
    public async ValueTask<OutletDto> Handle(GetOutletQuery query, CancellationToken cancellationToken) =>
        (await db.SpecialtyOutlets.AsNoTracking().FirstOrDefaultAsync(o => o.Id == query.Id, cancellationToken) ?? throw new NotFoundException("outlet", query.Id)).ToDto();
}

/// <summary>Registers a specialty zone or store in a county (your own, for county officers).</summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record CreateOutletCommand(Guid CountyId, string Name, OutletLocation Location, ChannelLevel Level, string Address, DateOnly OpenedOn) : ICommand<OutletDto>;

public sealed class CreateOutletValidator : AbstractValidator<CreateOutletCommand>
{
    public CreateOutletValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(SpecialtyOutlet.NameMaxLength);
        RuleFor(x => x.Address).NotEmpty().MaximumLength(SpecialtyOutlet.AddressMaxLength);
        RuleFor(x => x.Location).IsInEnum();
        RuleFor(x => x.Level).IsInEnum();
    }
}

public sealed class CreateOutletHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<CreateOutletCommand, OutletDto>
{
    public async ValueTask<OutletDto> Handle(CreateOutletCommand command, CancellationToken cancellationToken)
    {
        await db.EnsureWritableCountyAsync(user, command.CountyId, cancellationToken);
        var outlet = SpecialtyOutlet.Open(command.CountyId, command.Name, command.Location, command.Level, command.Address, command.OpenedOn, clock.Today());
        db.SpecialtyOutlets.Add(outlet);
        await db.SaveChangesAsync(cancellationToken);
        return outlet.ToDto();
    }
}

/// <summary>A household, base or person of the outlet's county joins it, with the fees waived and the accessibility provided.</summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record AddOutletParticipantCommand(Guid OutletId, ParticipantInput Participant, DateOnly JoinedOn, decimal StallFeeWaived, decimal EntryFeeWaived, string? Accessibility)
    : ICommand<OutletDto>;

public sealed class AddOutletParticipantValidator : AbstractValidator<AddOutletParticipantCommand>
{
    public AddOutletParticipantValidator()
    {
        RuleFor(x => x.Participant).NotNull();
        RuleFor(x => x.StallFeeWaived).GreaterThanOrEqualTo(0m).PrecisionScale(12, 2, ignoreTrailingZeros: true);
        RuleFor(x => x.EntryFeeWaived).GreaterThanOrEqualTo(0m).PrecisionScale(12, 2, ignoreTrailingZeros: true);
        RuleFor(x => x.Accessibility).MaximumLength(OutletParticipant.AccessibilityMaxLength);
    }
}

public sealed class AddOutletParticipantHandler(IApplicationDbContext db, TimeProvider clock) : ICommandHandler<AddOutletParticipantCommand, OutletDto>
{
    public async ValueTask<OutletDto> Handle(AddOutletParticipantCommand command, CancellationToken cancellationToken)
    {
        var outlet = await db.SpecialtyOutlets.FirstOrDefaultAsync(o => o.Id == command.OutletId, cancellationToken) ?? throw new NotFoundException("outlet", command.OutletId);
        var participant = await db.RequireParticipantAsync(command.Participant, outlet.CountyId, cancellationToken);
        outlet.AddParticipant(participant, command.JoinedOn, Money.FromYuan(command.StallFeeWaived, "stallFeeWaived"), Money.FromYuan(command.EntryFeeWaived, "entryFeeWaived"),
            command.Accessibility, clock.Today());
        await db.SaveChangesAsync(cancellationToken);
        return outlet.ToDto();
    }
}

/// <summary>Sales events in your scope (your county's and the city's), newest first.</summary>
[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record GetExhibitionsQuery(EventMode? Mode = null, DateOnly? From = null, DateOnly? To = null, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<PagedList<ExhibitionDto>>, IPagedRequest;

public sealed class GetExhibitionsValidator : AbstractValidator<GetExhibitionsQuery>
{
    public GetExhibitionsValidator()
    {
        this.AddPagingRules();
        RuleFor(x => x.Mode).IsInEnum();
    }
}

public sealed class GetExhibitionsHandler(IApplicationDbContext db) : IQueryHandler<GetExhibitionsQuery, PagedList<ExhibitionDto>>
{
    public async ValueTask<PagedList<ExhibitionDto>> Handle(GetExhibitionsQuery query, CancellationToken cancellationToken)
    {
        var page = await db.Exhibitions.AsNoTracking()
            .Where(e => (query.Mode == null || e.Mode == query.Mode) && (query.From == null || e.EndDate >= query.From) && (query.To == null || e.StartDate <= query.To))
            .OrderByDescending(e => e.StartDate).ThenBy(e => e.Id).ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
        return new PagedList<ExhibitionDto>(page.Items.Select(e => e.ToDto()).ToList(), page.Page, page.PageSize, page.TotalCount);
    }
}

[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record GetExhibitionQuery(Guid Id) : IQuery<ExhibitionDto>;

public sealed class GetExhibitionHandler(IApplicationDbContext db) : IQueryHandler<GetExhibitionQuery, ExhibitionDto>
{
    public async ValueTask<ExhibitionDto> Handle(GetExhibitionQuery query, CancellationToken cancellationToken) =>
        (await db.Exhibitions.AsNoTracking().FirstOrDefaultAsync(e => e.Id == query.Id, cancellationToken) ?? throw new NotFoundException("exhibition", query.Id)).ToDto();
}

/// <summary>Records an event organised by a county (<c>CountyId</c>) or the city (none; city officers only).</summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record CreateExhibitionCommand(Guid? CountyId, string Name, EventMode Mode, DateOnly StartDate, DateOnly EndDate) : ICommand<ExhibitionDto>;

public sealed class CreateExhibitionValidator : AbstractValidator<CreateExhibitionCommand>
{
    public CreateExhibitionValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(Exhibition.NameMaxLength);
        RuleFor(x => x.Mode).IsInEnum();
        RuleFor(x => x.EndDate).GreaterThanOrEqualTo(x => x.StartDate).WithErrorCode("dates.end_before_start");
    }
}

public sealed class CreateExhibitionHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<CreateExhibitionCommand, ExhibitionDto>
{
    public async ValueTask<ExhibitionDto> Handle(CreateExhibitionCommand command, CancellationToken cancellationToken)
    {
        await db.EnsureMayEditAsync(user, command.CountyId, cancellationToken);
        var created = Exhibition.Create(command.CountyId, command.Name, command.Mode, command.StartDate, command.EndDate, clock.Today());
        db.Exhibitions.Add(created);
        await db.SaveChangesAsync(cancellationToken);
        return created.ToDto();
    }
}

/// <summary>Adds a participant (of the event's county, for a county event) with what they sold at it.</summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record AddExhibitionParticipantCommand(Guid EventId, ParticipantInput Participant, decimal Sales) : ICommand<ExhibitionDto>;

public sealed class AddExhibitionParticipantValidator : AbstractValidator<AddExhibitionParticipantCommand>
{
    public AddExhibitionParticipantValidator()
    {
        RuleFor(x => x.Participant).NotNull();
        RuleFor(x => x.Sales).GreaterThanOrEqualTo(0m).PrecisionScale(14, 2, ignoreTrailingZeros: true);
    }
}

public sealed class AddExhibitionParticipantHandler(IApplicationDbContext db) : ICommandHandler<AddExhibitionParticipantCommand, ExhibitionDto>
{
    public async ValueTask<ExhibitionDto> Handle(AddExhibitionParticipantCommand command, CancellationToken cancellationToken)
    {
        var found = await db.Exhibitions.FirstOrDefaultAsync(e => e.Id == command.EventId, cancellationToken) ?? throw new NotFoundException("exhibition", command.EventId);
        found.AddParticipant(await db.RequireParticipantAsync(command.Participant, found.CountyId, cancellationToken), Money.FromYuan(command.Sales, "sales"));
        await db.SaveChangesAsync(cancellationToken);
        return found.ToDto();
    }
}

/// <summary>Records an ended event's sales and funding (amount and source).</summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record RecordExhibitionResultsCommand(Guid EventId, decimal SalesAmount, decimal FundingAmount, string? FundingSource) : ICommand<ExhibitionDto>;

public sealed class RecordExhibitionResultsValidator : AbstractValidator<RecordExhibitionResultsCommand>
{
    public RecordExhibitionResultsValidator()
    {
        RuleFor(x => x.SalesAmount).GreaterThanOrEqualTo(0m).PrecisionScale(14, 2, ignoreTrailingZeros: true);
        RuleFor(x => x.FundingAmount).GreaterThanOrEqualTo(0m).PrecisionScale(14, 2, ignoreTrailingZeros: true);
        RuleFor(x => x.FundingSource).MaximumLength(Exhibition.FundingSourceMaxLength);
    }
}

public sealed class RecordExhibitionResultsHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<RecordExhibitionResultsCommand, ExhibitionDto>
{
    public async ValueTask<ExhibitionDto> Handle(RecordExhibitionResultsCommand command, CancellationToken cancellationToken)
    {
        var found = await db.Exhibitions.FirstOrDefaultAsync(e => e.Id == command.EventId, cancellationToken) ?? throw new NotFoundException("exhibition", command.EventId);
        await db.EnsureMayEditAsync(user, found.CountyId, cancellationToken);
        found.RecordResults(Money.FromYuan(command.SalesAmount, "salesAmount"), Money.FromYuan(command.FundingAmount, "fundingAmount"), command.FundingSource, clock.Today());
        await db.SaveChangesAsync(cancellationToken);
        return found.ToDto();
    }
}
