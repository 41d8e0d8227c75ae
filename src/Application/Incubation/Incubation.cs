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
using Sunshine.Domain.Common;
using Sunshine.Domain.Enterprises;
using Sunshine.Domain.Evidence;
using Sunshine.Domain.Incubation;

namespace Sunshine.Application.Incubation;

/// <summary>A disabled person's incubation by an enterprise incubator or a base.</summary>
public sealed record IncubationDto(
    Guid Id, Guid? IncubatorEnterpriseId, Guid? IncubatorBaseId, string IncubatorName, Guid PersonId, string PersonName, Guid CountyId, IncubateeType IncubateeType,
    IReadOnlyList<IncubationServices> Services, DateOnly StartDate, DateOnly? EndDate, uint Version);

public static class IncubationQueries
{
    private static readonly IncubationServices[] AllServices = Enum.GetValues<IncubationServices>().Where(s => s != IncubationServices.None).ToArray();

    public static IReadOnlyList<IncubationServices> ToList(this IncubationServices services) => AllServices.Where(s => services.HasFlag(s)).ToList();

    public static async Task<List<IncubationDto>> IncubationDtosAsync(this IApplicationDbContext db, IReadOnlyList<IncubationRecord> records, CancellationToken cancellationToken)
    {
        var enterpriseIds = records.Where(r => r.IncubatorEnterpriseId != null).Select(r => r.IncubatorEnterpriseId!.Value).ToList();
        var baseIds = records.Where(r => r.IncubatorBaseId != null).Select(r => r.IncubatorBaseId!.Value).ToList();
        var personIds = records.Select(r => r.PersonId).ToList();
        var enterprises = await db.Enterprises.Where(e => enterpriseIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, cancellationToken);
        var bases = await db.SunshineBases.IgnoreQueryFilters().Where(b => baseIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.Name, cancellationToken);
        var people = await db.Persons.IgnoreQueryFilters().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        return records.Select(r => new IncubationDto(
            r.Id, r.IncubatorEnterpriseId, r.IncubatorBaseId, r.IncubatorEnterpriseId is { } e ? enterprises[e] : bases[r.IncubatorBaseId!.Value], r.PersonId, people[r.PersonId],
            r.CountyId, r.IncubateeType, r.Services.ToList(), r.StartDate, r.EndDate, r.Version)).ToList();
    }

    public static async Task<IncubationRecord> RequireIncubationAsync(this IApplicationDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Incubations.FirstOrDefaultAsync(i => i.Id == id, cancellationToken) ?? throw new NotFoundException("incubation", id);
}

/// <summary>Incubations in your scope (the person's or the incubator's county) by incubator, person, and in force on a date.</summary>
[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record GetIncubationsQuery(
    Guid? IncubatorEnterpriseId = null, Guid? IncubatorBaseId = null, Guid? PersonId = null, DateOnly? InForceOn = null, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<PagedList<IncubationDto>>, IPagedRequest;

public sealed class GetIncubationsValidator : AbstractValidator<GetIncubationsQuery>
{
    public GetIncubationsValidator() => this.AddPagingRules();
}

public sealed class GetIncubationsHandler(IApplicationDbContext db) : IQueryHandler<GetIncubationsQuery, PagedList<IncubationDto>>
{
    public async ValueTask<PagedList<IncubationDto>> Handle(GetIncubationsQuery query, CancellationToken cancellationToken)
    {
        var records = db.Incubations.AsNoTracking()
            .Where(i => (query.IncubatorEnterpriseId == null || i.IncubatorEnterpriseId == query.IncubatorEnterpriseId)
                && (query.IncubatorBaseId == null || i.IncubatorBaseId == query.IncubatorBaseId) && (query.PersonId == null || i.PersonId == query.PersonId));
        if (query.InForceOn is { } date)
        {
            records = records.Where(DatedRecord.InForceOn<IncubationRecord>(date));
        }

        var page = await records.OrderByDescending(i => i.StartDate).ThenBy(i => i.Id).ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
        return new PagedList<IncubationDto>(await db.IncubationDtosAsync(page.Items, cancellationToken), page.Page, page.PageSize, page.TotalCount);
    }
}

/// <summary>Records that an incubator (an enterprise with the incubator role, or a base) incubates a registered person of your scope.</summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record CreateIncubationCommand(
    Guid? IncubatorEnterpriseId, Guid? IncubatorBaseId, Guid PersonId, IncubateeType IncubateeType, IReadOnlyList<IncubationServices> Services, DateOnly StartDate,
    DateOnly? EndDate) : ICommand<IncubationDto>;

public sealed class CreateIncubationValidator : AbstractValidator<CreateIncubationCommand>
{
    public CreateIncubationValidator()
    {
        RuleFor(x => x.IncubateeType).IsInEnum();
        RuleFor(x => x.Services).NotEmpty();
        RuleForEach(x => x.Services).Must(s => s != IncubationServices.None && Enum.IsDefined(s)).WithErrorCode("incubation.service_unknown").WithMessage("Unknown service.");
        RuleFor(x => x.StartDate).NotEmpty();
    }
}

public sealed class CreateIncubationHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<CreateIncubationCommand, IncubationDto>
{
    public async ValueTask<IncubationDto> Handle(CreateIncubationCommand command, CancellationToken cancellationToken)
    {
        var person = await db.RequirePersonAsync(command.PersonId, cancellationToken);
        await db.EnsureWritableCountyAsync(user, person.CountyId, cancellationToken);
        Guid? incubatorCounty = null;
        if (command.IncubatorEnterpriseId is { } enterpriseId)
        {
            var enterprise = await db.RequireEnterpriseAsync(enterpriseId, cancellationToken);
            if (!enterprise.Roles.HasFlag(EnterpriseRoles.Incubator))
            {
                throw new DomainException("incubation.not_an_incubator", "The enterprise does not have the incubator role.", field: "incubatorEnterpriseId");
            }

            incubatorCounty = enterprise.CountyId;
        }
        else if (command.IncubatorBaseId is { } baseId)
        {
            incubatorCounty = (await db.RequireBaseAsync(baseId, cancellationToken)).CountyId;
        }

        var record = IncubationRecord.Create(command.IncubatorEnterpriseId, command.IncubatorBaseId, incubatorCounty, person.Id, person.CountyId, command.IncubateeType,
            command.Services.Aggregate(IncubationServices.None, (all, s) => all | s), command.StartDate, command.EndDate, clock.Today());
        db.Incubations.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return (await db.IncubationDtosAsync([record], cancellationToken))[0];
    }
}

/// <summary>Ends an incubation; <c>LastDay</c> is its last day.</summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record EndIncubationCommand(Guid Id, DateOnly LastDay) : ICommand<IncubationDto>;

public sealed class EndIncubationHandler(IApplicationDbContext db) : ICommandHandler<EndIncubationCommand, IncubationDto>
{
    public async ValueTask<IncubationDto> Handle(EndIncubationCommand command, CancellationToken cancellationToken)
    {
        var record = await db.RequireIncubationAsync(command.Id, cancellationToken);
        record.End(command.LastDay);
        await db.SaveChangesAsync(cancellationToken);
        return (await db.IncubationDtosAsync([record], cancellationToken))[0];
    }
}

/// <summary>A government-purchased mentoring contract with its beneficiaries.</summary>
public sealed record MentoringContractDto(
    Guid Id, string Title, Guid ProviderEnterpriseId, string ProviderName, Guid? CountyId, decimal Amount, DateOnly StartDate, DateOnly? EndDate,
    IReadOnlyList<Guid> BeneficiaryIds, int Sessions, uint Version);

public static class MentoringQueries
{
    public static async Task<MentoringContract> RequireContractAsync(this IApplicationDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.MentoringContracts.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new NotFoundException("mentoring_contract", id);

    public static async Task<MentoringContractDto> ContractDtoAsync(this IApplicationDbContext db, MentoringContract c, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(c);
        var provider = await db.Enterprises.Where(e => e.Id == c.ProviderEnterpriseId).Select(e => e.Name).SingleAsync(cancellationToken);
        var sessions = await db.MentoringSessions.IgnoreQueryFilters().CountAsync(s => s.ContractId == c.Id, cancellationToken);
        return new MentoringContractDto(c.Id, c.Title, c.ProviderEnterpriseId, provider, c.CountyId, c.Amount.Yuan, c.StartDate, c.EndDate,
            c.Beneficiaries.Select(b => b.PersonId).ToList(), sessions, c.Version);
    }
}

/// <summary>Mentoring contracts in your scope (your county's and the city's), newest first.</summary>
[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record GetMentoringContractsQuery(Guid? ProviderEnterpriseId = null, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<PagedList<MentoringContractDto>>, IPagedRequest;

public sealed class GetMentoringContractsValidator : AbstractValidator<GetMentoringContractsQuery>
{
    public GetMentoringContractsValidator() => this.AddPagingRules();
}

public sealed class GetMentoringContractsHandler(IApplicationDbContext db) : IQueryHandler<GetMentoringContractsQuery, PagedList<MentoringContractDto>>
{
    public async ValueTask<PagedList<MentoringContractDto>> Handle(GetMentoringContractsQuery query, CancellationToken cancellationToken)
    {
        var page = await db.MentoringContracts.AsNoTracking().Where(c => query.ProviderEnterpriseId == null || c.ProviderEnterpriseId == query.ProviderEnterpriseId)
            .OrderByDescending(c => c.StartDate).ThenBy(c => c.Id).ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
        var items = new List<MentoringContractDto>();
        foreach (var contract in page.Items)
        {
            items.Add(await db.ContractDtoAsync(contract, cancellationToken));
        }

        return new PagedList<MentoringContractDto>(items, page.Page, page.PageSize, page.TotalCount);
    }
}

/// <summary>Records a mentoring contract bought by your county (county officers) or by the city or a county (city officers).</summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record CreateMentoringContractCommand(string Title, Guid ProviderEnterpriseId, Guid? CountyId, decimal Amount, DateOnly StartDate, DateOnly EndDate)
    : ICommand<MentoringContractDto>;

public sealed class CreateMentoringContractValidator : AbstractValidator<CreateMentoringContractCommand>
{
    public CreateMentoringContractValidator()
    {
        RuleFor(x => x.Title).NotEmpty().MaximumLength(MentoringContract.TitleMaxLength);
        RuleFor(x => x.Amount).GreaterThan(0m).PrecisionScale(14, 2, ignoreTrailingZeros: true);
        RuleFor(x => x.EndDate).GreaterThanOrEqualTo(x => x.StartDate).WithErrorCode("dates.end_before_start");
    }
}

public sealed class CreateMentoringContractHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<CreateMentoringContractCommand, MentoringContractDto>
{
    public async ValueTask<MentoringContractDto> Handle(CreateMentoringContractCommand command, CancellationToken cancellationToken)
    {
        await db.EnsureMayEditAsync(user, command.CountyId, cancellationToken);
        var provider = await db.RequireEnterpriseAsync(command.ProviderEnterpriseId, cancellationToken);
        var contract = MentoringContract.Create(command.Title, provider.Id, command.CountyId, Money.FromYuan(command.Amount), command.StartDate, command.EndDate, clock.Today());
        db.MentoringContracts.Add(contract);
        await db.SaveChangesAsync(cancellationToken);
        return await db.ContractDtoAsync(contract, cancellationToken);
    }
}

/// <summary>Adds a registered person of your scope as a beneficiary of a contract.</summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record AddMentoringBeneficiaryCommand(Guid ContractId, Guid PersonId) : ICommand<MentoringContractDto>;

public sealed class AddMentoringBeneficiaryHandler(IApplicationDbContext db, ICurrentUser user) : ICommandHandler<AddMentoringBeneficiaryCommand, MentoringContractDto>
{
    public async ValueTask<MentoringContractDto> Handle(AddMentoringBeneficiaryCommand command, CancellationToken cancellationToken)
    {
        var contract = await db.RequireContractAsync(command.ContractId, cancellationToken);
        var person = await db.RequirePersonAsync(command.PersonId, cancellationToken);
        await db.EnsureWritableCountyAsync(user, person.CountyId, cancellationToken);
        contract.AddBeneficiary(person.Id, person.CountyId);
        await db.SaveChangesAsync(cancellationToken);
        return await db.ContractDtoAsync(contract, cancellationToken);
    }
}

/// <summary>A one-to-one mentoring session.</summary>
public sealed record MentoringSessionDto(Guid Id, Guid? ContractId, Guid PersonId, Guid CountyId, string MentorName, DateOnly Date, decimal Hours, string Topic);

/// <summary>Mentoring sessions in your scope by person and contract, newest first.</summary>
[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record GetMentoringSessionsQuery(Guid? PersonId = null, Guid? ContractId = null, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<PagedList<MentoringSessionDto>>, IPagedRequest;

public sealed class GetMentoringSessionsValidator : AbstractValidator<GetMentoringSessionsQuery>
{
    public GetMentoringSessionsValidator() => this.AddPagingRules();
}

public sealed class GetMentoringSessionsHandler(IApplicationDbContext db) : IQueryHandler<GetMentoringSessionsQuery, PagedList<MentoringSessionDto>>
{
    public async ValueTask<PagedList<MentoringSessionDto>> Handle(GetMentoringSessionsQuery query, CancellationToken cancellationToken) =>
        await db.MentoringSessions.AsNoTracking()
            .Where(s => (query.PersonId == null || s.PersonId == query.PersonId) && (query.ContractId == null || s.ContractId == query.ContractId))
            .OrderByDescending(s => s.Date).ThenBy(s => s.Id)
            .Select(s => new MentoringSessionDto(s.Id, s.ContractId, s.PersonId, s.CountyId, s.MentorName, s.Date, s.Hours, s.Topic))
            .ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
}

/// <summary>Records a session given to a registered person of your scope; under a contract, the person must be its beneficiary and the date in its period.</summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record RecordMentoringSessionCommand(Guid? ContractId, Guid PersonId, string MentorName, DateOnly Date, decimal Hours, string Topic) : ICommand<MentoringSessionDto>;

public sealed class RecordMentoringSessionValidator : AbstractValidator<RecordMentoringSessionCommand>
{
    public RecordMentoringSessionValidator()
    {
        RuleFor(x => x.MentorName).NotEmpty().MaximumLength(MentoringSession.MentorMaxLength);
        RuleFor(x => x.Topic).NotEmpty().MaximumLength(MentoringSession.TopicMaxLength);
        RuleFor(x => x.Hours).GreaterThan(0m).LessThanOrEqualTo(24m);
    }
}

public sealed class RecordMentoringSessionHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<RecordMentoringSessionCommand, MentoringSessionDto>
{
    public async ValueTask<MentoringSessionDto> Handle(RecordMentoringSessionCommand command, CancellationToken cancellationToken)
    {
        var person = await db.RequirePersonAsync(command.PersonId, cancellationToken);
        await db.EnsureWritableCountyAsync(user, person.CountyId, cancellationToken);
        var contract = command.ContractId is { } id ? await db.RequireContractAsync(id, cancellationToken) : null;
        var session = MentoringSession.Record(contract, person.Id, person.CountyId, command.MentorName, command.Date, command.Hours, command.Topic, clock.Today());
        db.MentoringSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return new MentoringSessionDto(session.Id, session.ContractId, session.PersonId, session.CountyId, session.MentorName, session.Date, session.Hours, session.Topic);
    }
}
