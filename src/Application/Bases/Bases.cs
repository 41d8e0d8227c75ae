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
using Sunshine.Domain.Bases;

namespace Sunshine.Application.Bases;

/// <summary>A Sunshine Employment Poverty-Alleviation Base (阳光就业扶贫基地).</summary>
public sealed record BaseDto(
    Guid Id, string Name, Guid CountyId, string CountyName, Guid? OperatorPersonId, string? OperatorPersonName, Guid? OperatorEnterpriseId,
    string? OperatorEnterpriseName, int RecognisedYear, BaseStatus Status, string Products, uint Version);

/// <summary>A base's editable fields: operated by a registered person or an enterprise (one of them).</summary>
public interface IBaseInput
{
    string Name { get; }

    Guid? OperatorPersonId { get; }

    Guid? OperatorEnterpriseId { get; }

    int RecognisedYear { get; }

    BaseStatus Status { get; }

    string? Products { get; }
}

public sealed class BaseInputValidator : AbstractValidator<IBaseInput>
{
    public BaseInputValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(SunshineBase.NameMaxLength);
        RuleFor(x => x.Products).MaximumLength(SunshineBase.ProductsMaxLength);
        RuleFor(x => x.Status).IsInEnum();
        RuleFor(x => x.OperatorPersonId).NotNull().When(x => x.OperatorEnterpriseId is null).WithErrorCode("base.operator_required")
            .WithMessage("Give the operating person or the operating enterprise.");
        RuleFor(x => x.OperatorPersonId).Null().When(x => x.OperatorEnterpriseId is not null).WithErrorCode("base.operator_required")
            .WithMessage("A base has one operator: a person or an enterprise, not both.");
    }
}

public static class BaseQueries
{
    public static async Task<SunshineBase> RequireBaseAsync(this IApplicationDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.SunshineBases.FirstOrDefaultAsync(b => b.Id == id, cancellationToken) ?? throw new NotFoundException("base", id);

    public static IQueryable<BaseDto> ProjectBases(this IApplicationDbContext db, IQueryable<SunshineBase> bases) =>
        from b in bases
        join county in db.Regions on b.CountyId equals county.Id
        select new BaseDto(
            b.Id, b.Name, b.CountyId, county.Name, b.OperatorPersonId,
            db.Persons.Where(p => p.Id == b.OperatorPersonId).Select(p => p.Name).FirstOrDefault(),
            b.OperatorEnterpriseId,
            db.Enterprises.Where(e => e.Id == b.OperatorEnterpriseId).Select(e => e.Name).FirstOrDefault(),
            b.RecognisedYear, b.Status, b.Products, b.Version);

    public static async Task<BaseDto> ToDtoAsync(this IApplicationDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.ProjectBases(db.SunshineBases.AsNoTracking().Where(b => b.Id == id)).SingleAsync(cancellationToken);

    /// <summary>The operator exists and, for a person, is visible to the officer and of the base's county.</summary>
    public static async Task EnsureOperatorAsync(this IApplicationDbContext db, IBaseInput input, Guid countyId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.OperatorPersonId is { } personId)
        {
            var person = await db.RequirePersonAsync(personId, cancellationToken);
            if (person.CountyId != countyId)
            {
                throw new Domain.Common.DomainException("base.operator_county", "The operating person is registered in another county.", field: "operatorPersonId");
            }
        }
        else if (input.OperatorEnterpriseId is { } enterpriseId)
        {
            await db.RequireEnterpriseAsync(enterpriseId, cancellationToken);
        }
    }
}

/// <summary>Bases in your scope by county, status, recognition year and name, by name.</summary>
[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record GetBasesQuery(
    Guid? CountyId = null, BaseStatus? Status = null, int? RecognisedYear = null, Guid? OperatorEnterpriseId = null, string? Name = null, int Page = 1,
    int PageSize = Paging.DefaultPageSize) : IQuery<PagedList<BaseDto>>, IPagedRequest;

public sealed class GetBasesValidator : AbstractValidator<GetBasesQuery>
{
    public GetBasesValidator()
    {
        this.AddPagingRules();
        RuleFor(x => x.Status).IsInEnum();
        RuleFor(x => x.Name).MaximumLength(SunshineBase.NameMaxLength);
    }
}

public sealed class GetBasesHandler(IApplicationDbContext db) : IQueryHandler<GetBasesQuery, PagedList<BaseDto>>
{
    public async ValueTask<PagedList<BaseDto>> Handle(GetBasesQuery query, CancellationToken cancellationToken)
    {
        var bases = db.SunshineBases.AsNoTracking()
            .Where(b => (query.CountyId == null || b.CountyId == query.CountyId) && (query.Status == null || b.Status == query.Status)
                && (query.RecognisedYear == null || b.RecognisedYear == query.RecognisedYear)
                && (query.OperatorEnterpriseId == null || b.OperatorEnterpriseId == query.OperatorEnterpriseId));
        if (!string.IsNullOrWhiteSpace(query.Name))
        {
            var pattern = "%" + LikePattern.Escape(query.Name.Trim()) + "%";
            bases = bases.Where(b => EF.Functions.Like(b.Name, pattern, "\\"));
        }

        return await db.ProjectBases(bases.OrderBy(b => b.Name).ThenBy(b => b.Id)).ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
    }
}

[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record GetBaseQuery(Guid Id) : IQuery<BaseDto>;

public sealed class GetBaseHandler(IApplicationDbContext db) : IQueryHandler<GetBaseQuery, BaseDto>
{
    public async ValueTask<BaseDto> Handle(GetBaseQuery query, CancellationToken cancellationToken) =>
        await db.ToDtoAsync((await db.RequireBaseAsync(query.Id, cancellationToken)).Id, cancellationToken);
}

/// <summary>Registers a base of a county (the officer's own, for county officers).</summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record CreateBaseCommand(Guid CountyId, string Name, Guid? OperatorPersonId, Guid? OperatorEnterpriseId, int RecognisedYear, BaseStatus Status, string? Products)
    : ICommand<BaseDto>, IBaseInput;

public sealed class CreateBaseValidator : AbstractValidator<CreateBaseCommand>
{
    public CreateBaseValidator() => Include(new BaseInputValidator());
}

public sealed class CreateBaseHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<CreateBaseCommand, BaseDto>
{
    public async ValueTask<BaseDto> Handle(CreateBaseCommand command, CancellationToken cancellationToken)
    {
        await db.EnsureWritableCountyAsync(user, command.CountyId, cancellationToken);
        await db.EnsureOperatorAsync(command, command.CountyId, cancellationToken);
        var created = SunshineBase.Register(command.CountyId, command.ToDetails(), clock.Today());
        db.SunshineBases.Add(created);
        await db.SaveChangesAsync(cancellationToken);
        return await db.ToDtoAsync(created.Id, cancellationToken);
    }
}

/// <summary>Edits a base; <c>ExpectedVersion</c> is the ETag from <c>If-Match</c>. The county does not change.</summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record UpdateBaseCommand(
    Guid Id, uint? ExpectedVersion, string Name, Guid? OperatorPersonId, Guid? OperatorEnterpriseId, int RecognisedYear, BaseStatus Status, string? Products)
    : ICommand<BaseDto>, IBaseInput;

public sealed class UpdateBaseValidator : AbstractValidator<UpdateBaseCommand>
{
    public UpdateBaseValidator() => Include(new BaseInputValidator());
}

public sealed class UpdateBaseHandler(IApplicationDbContext db, TimeProvider clock) : ICommandHandler<UpdateBaseCommand, BaseDto>
{
    public async ValueTask<BaseDto> Handle(UpdateBaseCommand command, CancellationToken cancellationToken)
    {
        var existing = await db.RequireBaseAsync(command.Id, cancellationToken);
        db.EnsureCurrent(existing, command.ExpectedVersion);
        await db.EnsureOperatorAsync(command, existing.CountyId, cancellationToken);
        existing.Update(command.ToDetails(), clock.Today());
        await db.SaveChangesAsync(cancellationToken);
        return await db.ToDtoAsync(existing.Id, cancellationToken);
    }
}

internal static class BaseInputMapping
{
    public static BaseDetails ToDetails(this IBaseInput input) =>
        new(input.Name, input.OperatorPersonId, input.OperatorEnterpriseId, input.RecognisedYear, input.Status, input.Products);
}
