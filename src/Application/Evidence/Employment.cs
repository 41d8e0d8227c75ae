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
using Sunshine.Application.Shops;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Common;
using Sunshine.Domain.Evidence;
using Sunshine.Domain.Registry;
using Sunshine.Domain.Shops;

namespace Sunshine.Application.Evidence;

/// <summary>A registered disabled person's employment by an enterprise.</summary>
public sealed record EmploymentRecordDto(
    Guid Id, Guid EnterpriseId, string EnterpriseName, Guid PersonId, string PersonName, Guid CountyId, string CountyName, JobCategory JobCategory,
    HoursType HoursType, DateOnly StartDate, DateOnly? EndDate, RecordSource Source, uint Version);

public static class EmploymentQueries
{
    public static async Task<EmploymentRecord> RequireEmploymentAsync(this IApplicationDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.EmploymentRecords.FirstOrDefaultAsync(e => e.Id == id, cancellationToken) ?? throw new NotFoundException("employment", id);

    public static IQueryable<EmploymentRecordDto> ProjectEmployment(this IApplicationDbContext db, IQueryable<EmploymentRecord> records) =>
        from e in records
        join enterprise in db.Enterprises on e.EnterpriseId equals enterprise.Id
        join county in db.Regions on e.CountyId equals county.Id
        select new EmploymentRecordDto(
            e.Id, e.EnterpriseId, enterprise.Name, e.PersonId, db.Persons.IgnoreQueryFilters().Where(p => p.Id == e.PersonId).Select(p => p.Name).FirstOrDefault() ?? string.Empty,
            e.CountyId, county.Name, e.JobCategory, e.HoursType, e.StartDate, e.EndDate, e.Source, e.Version);

    public static async Task<EmploymentRecordDto> EmploymentDtoAsync(this IApplicationDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.ProjectEmployment(db.EmploymentRecords.AsNoTracking().Where(e => e.Id == id)).SingleAsync(cancellationToken);

    /// <summary>A person's employment periods at one enterprise do not overlap.</summary>
    public static async Task EnsureNoOverlapAsync(
        this IApplicationDbContext db, Guid enterpriseId, Guid personId, DateOnly start, DateOnly? end, Guid? except, CancellationToken cancellationToken)
    {
        if (await db.EmploymentRecords.IgnoreQueryFilters()
                .Where(e => e.Id != except && e.EnterpriseId == enterpriseId && e.PersonId == personId)
                .AnyAsync(DatedRecord.OverlapsPeriod<EmploymentRecord>(start, end), cancellationToken))
        {
            throw new ConflictException("employment.overlapping", "The person is already recorded as employed by the enterprise in these dates.", "startDate");
        }
    }

    /// <summary>Records an employment after the checks every path shares: an active person, no overlap.</summary>
    public static async Task<EmploymentRecord> AddEmploymentAsync(
        this IApplicationDbContext db, Domain.Enterprises.Enterprise enterprise, Person person, IEmploymentInput input, RecordSource source, DateOnly today,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(enterprise);
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(input);
        if (person.Status != PersonStatus.Active)
        {
            throw new DomainException("employment.person_inactive", "Only an active registered person can be recorded as employed.", field: "personId");
        }

        await db.EnsureNoOverlapAsync(enterprise.Id, person.Id, input.StartDate, input.EndDate, null, cancellationToken);
        var record = EmploymentRecord.Create(
            enterprise.Id, enterprise.CountyId, person.Id, person.CountyId, input.JobCategory, input.HoursType, input.StartDate, input.EndDate, source, today);
        db.EmploymentRecords.Add(record);
        return record;
    }
}

/// <summary>The fields of an employment record.</summary>
public interface IEmploymentInput
{
    JobCategory JobCategory { get; }

    HoursType HoursType { get; }

    DateOnly StartDate { get; }

    DateOnly? EndDate { get; }
}

public sealed class EmploymentInputValidator : AbstractValidator<IEmploymentInput>
{
    public EmploymentInputValidator()
    {
        RuleFor(x => x.JobCategory).IsInEnum();
        RuleFor(x => x.HoursType).IsInEnum();
        RuleFor(x => x.StartDate).NotEmpty();
        RuleFor(x => x.EndDate).GreaterThanOrEqualTo(x => x.StartDate).When(x => x.EndDate is not null).WithErrorCode("dates.end_before_start");
    }
}

/// <summary>Employment in your scope (the person's or the enterprise's county) by enterprise, person, job category, and in force on a date.</summary>
[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record GetEmploymentRecordsQuery(
    Guid? EnterpriseId = null, Guid? PersonId = null, JobCategory? JobCategory = null, DateOnly? InForceOn = null, int Page = 1,
    int PageSize = Paging.DefaultPageSize) : IQuery<PagedList<EmploymentRecordDto>>, IPagedRequest;

public sealed class GetEmploymentRecordsValidator : AbstractValidator<GetEmploymentRecordsQuery>
{
    public GetEmploymentRecordsValidator()
    {
        this.AddPagingRules();
        RuleFor(x => x.JobCategory).IsInEnum();
    }
}

public sealed class GetEmploymentRecordsHandler(IApplicationDbContext db) : IQueryHandler<GetEmploymentRecordsQuery, PagedList<EmploymentRecordDto>>
{
    public async ValueTask<PagedList<EmploymentRecordDto>> Handle(GetEmploymentRecordsQuery query, CancellationToken cancellationToken)
    {
        var records = db.EmploymentRecords.AsNoTracking()
            .Where(e => (query.EnterpriseId == null || e.EnterpriseId == query.EnterpriseId) && (query.PersonId == null || e.PersonId == query.PersonId)
                && (query.JobCategory == null || e.JobCategory == query.JobCategory));
        if (query.InForceOn is { } date)
        {
            records = records.Where(DatedRecord.InForceOn<EmploymentRecord>(date));
        }

        return await records.OrderByDescending(e => e.StartDate).ThenBy(e => e.Id).ToProjectedPageAsync(
            query.Page, query.PageSize, ids => db.ProjectEmployment(db.EmploymentRecords.AsNoTracking().Where(e => ids.Contains(e.Id))), e => e.Id, cancellationToken);
    }
}

[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record GetEmploymentRecordQuery(Guid Id) : IQuery<EmploymentRecordDto>;

public sealed class GetEmploymentRecordHandler(IApplicationDbContext db) : IQueryHandler<GetEmploymentRecordQuery, EmploymentRecordDto>
{
    public async ValueTask<EmploymentRecordDto> Handle(GetEmploymentRecordQuery query, CancellationToken cancellationToken) =>
        await db.EmploymentDtoAsync((await db.RequireEmploymentAsync(query.Id, cancellationToken)).Id, cancellationToken);
}

/// <summary>Records that an enterprise employs a registered disabled person of your scope.</summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record CreateEmploymentRecordCommand(Guid EnterpriseId, Guid PersonId, JobCategory JobCategory, HoursType HoursType, DateOnly StartDate, DateOnly? EndDate)
    : ICommand<EmploymentRecordDto>, IEmploymentInput;

public sealed class CreateEmploymentRecordValidator : AbstractValidator<CreateEmploymentRecordCommand>
{
    public CreateEmploymentRecordValidator() => Include(new EmploymentInputValidator());
}

public sealed class CreateEmploymentRecordHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<CreateEmploymentRecordCommand, EmploymentRecordDto>
{
    public async ValueTask<EmploymentRecordDto> Handle(CreateEmploymentRecordCommand command, CancellationToken cancellationToken)
    {
        var enterprise = await db.RequireEnterpriseAsync(command.EnterpriseId, cancellationToken);
        var person = await db.RequirePersonAsync(command.PersonId, cancellationToken);
        await db.EnsureWritableCountyAsync(user, person.CountyId, cancellationToken);
        var record = await db.AddEmploymentAsync(enterprise, person, command, RecordSource.Staff, clock.Today(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await db.EmploymentDtoAsync(record.Id, cancellationToken);
    }
}

/// <summary>Corrects an employment record; <c>ExpectedVersion</c> is the ETag from <c>If-Match</c>.</summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record UpdateEmploymentRecordCommand(Guid Id, uint? ExpectedVersion, JobCategory JobCategory, HoursType HoursType, DateOnly StartDate, DateOnly? EndDate)
    : ICommand<EmploymentRecordDto>, IEmploymentInput;

public sealed class UpdateEmploymentRecordValidator : AbstractValidator<UpdateEmploymentRecordCommand>
{
    public UpdateEmploymentRecordValidator() => Include(new EmploymentInputValidator());
}

public sealed class UpdateEmploymentRecordHandler(IApplicationDbContext db, TimeProvider clock) : ICommandHandler<UpdateEmploymentRecordCommand, EmploymentRecordDto>
{
    public async ValueTask<EmploymentRecordDto> Handle(UpdateEmploymentRecordCommand command, CancellationToken cancellationToken)
    {
        var record = await db.RequireEmploymentAsync(command.Id, cancellationToken);
        db.EnsureCurrent(record, command.ExpectedVersion);
        await db.EnsureNoOverlapAsync(record.EnterpriseId, record.PersonId, command.StartDate, command.EndDate, record.Id, cancellationToken);
        record.Update(command.JobCategory, command.HoursType, command.StartDate, command.EndDate, clock.Today());
        await db.SaveChangesAsync(cancellationToken);
        return await db.EmploymentDtoAsync(record.Id, cancellationToken);
    }
}

/// <summary>Records that an employment ended; <c>LastDay</c> was the last day worked.</summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record EndEmploymentCommand(Guid Id, DateOnly LastDay) : ICommand<EmploymentRecordDto>;

public sealed class EndEmploymentHandler(IApplicationDbContext db) : ICommandHandler<EndEmploymentCommand, EmploymentRecordDto>
{
    public async ValueTask<EmploymentRecordDto> Handle(EndEmploymentCommand command, CancellationToken cancellationToken)
    {
        var record = await db.RequireEmploymentAsync(command.Id, cancellationToken);
        record.End(command.LastDay);
        await db.SaveChangesAsync(cancellationToken);
        return await db.EmploymentDtoAsync(record.Id, cancellationToken);
    }
}

/// <summary>An employment record as its enterprise's partner client sees it: no personal data.</summary>
public sealed record PartnerEmploymentDto(Guid Id, JobCategory JobCategory, HoursType HoursType, DateOnly StartDate, DateOnly? EndDate);

/// <summary>
/// A partner platform reports that it (the enterprise itself) employs a registered disabled person,
/// named by certificate number and name; any mismatch, an inactive person or missing consent to
/// sharing with platforms is one uniform 422 <c>employee.not_verified</c>, and every refused attempt is audited.
/// </summary>
[RequiresPermission(Permissions.PartnerEmploymentWrite)]
public sealed record ReportPartnerEmploymentCommand(SellerIdentity Employee, JobCategory JobCategory, HoursType HoursType, DateOnly StartDate, DateOnly? EndDate)
    : ICommand<PartnerEmploymentDto?>, IEmploymentInput;

public sealed class ReportPartnerEmploymentValidator : AbstractValidator<ReportPartnerEmploymentCommand>
{
    public ReportPartnerEmploymentValidator()
    {
        Include(new EmploymentInputValidator());
        RuleFor(x => x.Employee).NotNull();
        RuleFor(x => x.Employee.CertificateNumber).NotEmpty().MaximumLength(20).When(x => x.Employee is not null);
        RuleFor(x => x.Employee.Name).NotEmpty().MaximumLength(Person.NameMaxLength).When(x => x.Employee is not null);
    }
}

public sealed class ReportPartnerEmploymentHandler(IApplicationDbContext db, ICurrentUser user, ISensitiveDataProtector protector, IAuditTrail audit, TimeProvider clock)
    : ICommandHandler<ReportPartnerEmploymentCommand, PartnerEmploymentDto?>
{
    public async ValueTask<PartnerEmploymentDto?> Handle(ReportPartnerEmploymentCommand command, CancellationToken cancellationToken)
    {
        var platformId = user.PlatformId ?? throw new ForbiddenException("partner.not_a_platform", "Only a partner platform's client reports its employment.");
        var today = clock.Today();
        var person = await db.VerifyPartnerSubjectAsync(protector, command.Employee, today, cancellationToken);
        if (person is null)
        {
            audit.Record("EmployeeVerification", null, new { outcome = "not_verified" });
            return null;
        }

        var enterprise = await db.RequireEnterpriseAsync(platformId, cancellationToken);
        var record = await db.AddEmploymentAsync(enterprise, person, command, RecordSource.Partner, today, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return record.ToPartnerDto();
    }
}

public static class PartnerEmploymentMapping
{
    public static PartnerEmploymentDto ToPartnerDto(this EmploymentRecord e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new PartnerEmploymentDto(e.Id, e.JobCategory, e.HoursType, e.StartDate, e.EndDate);
    }
}

/// <summary>The calling platform's own employment records, newest first.</summary>
[RequiresPermission(Permissions.PartnerEmploymentWrite)]
public sealed record GetPartnerEmploymentQuery(DateOnly? InForceOn = null, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<PagedList<PartnerEmploymentDto>>, IPagedRequest;

public sealed class GetPartnerEmploymentValidator : AbstractValidator<GetPartnerEmploymentQuery>
{
    public GetPartnerEmploymentValidator() => this.AddPagingRules();
}

public sealed class GetPartnerEmploymentHandler(IApplicationDbContext db, ICurrentUser user) : IQueryHandler<GetPartnerEmploymentQuery, PagedList<PartnerEmploymentDto>>
{
    public async ValueTask<PagedList<PartnerEmploymentDto>> Handle(GetPartnerEmploymentQuery query, CancellationToken cancellationToken)
    {
        var platformId = user.PlatformId ?? throw new ForbiddenException("partner.not_a_platform", "Only a partner platform's client reads its employment.");
        var records = db.EmploymentRecords.IgnoreQueryFilters().AsNoTracking().Where(e => e.EnterpriseId == platformId);
        if (query.InForceOn is { } date)
        {
            records = records.Where(DatedRecord.InForceOn<EmploymentRecord>(date));
        }

        return await records.OrderByDescending(e => e.StartDate).ThenBy(e => e.Id)
            .Select(e => new PartnerEmploymentDto(e.Id, e.JobCategory, e.HoursType, e.StartDate, e.EndDate))
            .ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
    }
}

/// <summary>The platform records that one of its employments ended (<c>LastDay</c> the last day worked).</summary>
[RequiresPermission(Permissions.PartnerEmploymentWrite)]
public sealed record EndPartnerEmploymentCommand(Guid Id, DateOnly LastDay) : ICommand<PartnerEmploymentDto>;

public sealed class EndPartnerEmploymentHandler(IApplicationDbContext db, ICurrentUser user) : ICommandHandler<EndPartnerEmploymentCommand, PartnerEmploymentDto>
{
    public async ValueTask<PartnerEmploymentDto> Handle(EndPartnerEmploymentCommand command, CancellationToken cancellationToken)
    {
        var platformId = user.PlatformId ?? throw new ForbiddenException("partner.not_a_platform", "Only a partner platform's client ends its employment.");
        var record = await db.EmploymentRecords.IgnoreQueryFilters().FirstOrDefaultAsync(e => e.Id == command.Id && e.EnterpriseId == platformId, cancellationToken)
            ?? throw new NotFoundException("employment", command.Id);
        record.End(command.LastDay);
        await db.SaveChangesAsync(cancellationToken);
        return record.ToPartnerDto();
    }
}
