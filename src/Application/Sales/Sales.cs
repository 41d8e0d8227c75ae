using System.Text.RegularExpressions;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Common.Exceptions;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Paging;
using Sunshine.Application.Common.Security;
using Sunshine.Application.Shops;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Common;
using Sunshine.Domain.Sales;
using Sunshine.Domain.Shops;

namespace Sunshine.Application.Sales;

/// <summary>One period's figures as sent: the period is a day (yyyy-MM-dd) or a month (yyyy-MM), matching the shop.</summary>
public interface ISalesFiguresInput
{
    string Period { get; }

    int OrderCount { get; }

    int Units { get; }

    decimal GrossAmount { get; }

    decimal Refunds { get; }
}

public sealed partial class SalesFiguresValidator : AbstractValidator<ISalesFiguresInput>
{
    private const string PeriodPattern = @"^\d{4}-\d{2}(-\d{2})?$";
    private const decimal MaxAmount = 1_000_000_000m;

    public SalesFiguresValidator()
    {
        RuleFor(x => x.Period).NotEmpty().Matches(PeriodPattern).WithErrorCode("sales.period_invalid")
            .WithMessage("A period is a day (yyyy-MM-dd) or a month (yyyy-MM).");
        RuleFor(x => x.OrderCount).InclusiveBetween(0, SalesFigures.MaxCount);
        RuleFor(x => x.Units).InclusiveBetween(0, SalesFigures.MaxCount);
        RuleFor(x => x.GrossAmount).InclusiveBetween(0m, MaxAmount).PrecisionScale(14, 2, ignoreTrailingZeros: true);
        RuleFor(x => x.Refunds).InclusiveBetween(0m, MaxAmount).PrecisionScale(14, 2, ignoreTrailingZeros: true);
    }

    /// <summary>
    /// Whether the figures pass every rule above for certain, checked in plain code: a batch of 1,000
    /// records that all pass (the usual case) then skips running the rule engine on each of them. It may
    /// answer false where the rules would pass (they then run and decide), never true where one fails.
    /// Change it with the rules.
    /// </summary>
    public static bool PassesForCertain(ISalesFiguresInput? input) =>
        input is not null
        && !string.IsNullOrWhiteSpace(input.Period) && PeriodFormat().IsMatch(input.Period)
        && input.OrderCount is >= 0 and <= SalesFigures.MaxCount
        && input.Units is >= 0 and <= SalesFigures.MaxCount
        && IsAmount(input.GrossAmount) && IsAmount(input.Refunds);

    /// <summary>In range, at most two decimals once trailing zeros are dropped: at most 10 + 2 of the 14 digits.</summary>
    private static bool IsAmount(decimal value) => value is >= 0m and <= MaxAmount && decimal.Round(value, 2) == value;

    [GeneratedRegex(PeriodPattern)]
    private static partial Regex PeriodFormat();
}

/// <summary>A period's sales of a shop, as stored.</summary>
public sealed record SalesRecordDto(
    Guid Id, Guid ShopId, string Period, int OrderCount, int Units, decimal GrossAmount, decimal Refunds, decimal Net, RecordSource Source,
    bool IsCounted, Guid? EnteredById, Guid? ConfirmedById, DateTimeOffset RecordedAt, int SupersededVersions);

public static class SalesMapping
{
    public static string PeriodText(DateOnly start, ReportingGranularity granularity) =>
        granularity == ReportingGranularity.Daily ? SalesPeriod.Day(start).ToString() : SalesPeriod.MonthOf(start.Year, start.Month).ToString();

    public static async Task<IReadOnlyList<SalesRecordDto>> SalesOfAsync(this IApplicationDbContext db, Guid shopId, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var rows = await db.SalesRecords.AsNoTracking()
            .Where(r => r.ShopId == shopId && (from == null || r.PeriodStart >= from) && (to == null || r.PeriodStart <= to))
            .OrderBy(r => r.PeriodStart)
            .Select(r => new { Record = r, History = db.SalesHistory.Count(h => h.SalesRecordId == r.Id) })
            .ToListAsync(cancellationToken);
        return rows.Select(x => new SalesRecordDto(x.Record.Id, x.Record.ShopId, PeriodText(x.Record.PeriodStart, x.Record.Granularity), x.Record.OrderCount,
            x.Record.Units, x.Record.Gross.Yuan, x.Record.Refunds.Yuan, x.Record.Net, x.Record.Source, x.Record.IsCounted, x.Record.EnteredById,
            x.Record.ConfirmedById, x.Record.RecordedAt, x.History)).ToList();
    }
}

/// <summary>A shop's sales by period range (programme.read).</summary>
[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record GetShopSalesQuery(Guid ShopId, DateOnly? From = null, DateOnly? To = null) : IQuery<IReadOnlyList<SalesRecordDto>>;

public sealed class GetShopSalesHandler(IApplicationDbContext db) : IQueryHandler<GetShopSalesQuery, IReadOnlyList<SalesRecordDto>>
{
    public async ValueTask<IReadOnlyList<SalesRecordDto>> Handle(GetShopSalesQuery query, CancellationToken cancellationToken)
    {
        var shop = await db.RequireShopAsync(query.ShopId, cancellationToken);
        return await db.SalesOfAsync(shop.Id, query.From, query.To, cancellationToken);
    }
}

/// <summary>
/// An officer enters (or corrects) a period's sales of a shop. Staff figures are marked as such and
/// count toward awards only after a second officer confirms them.
/// </summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record RecordSalesCommand(Guid ShopId, string Period, int OrderCount, int Units, decimal GrossAmount, decimal Refunds)
    : ICommand<SalesRecordDto>, ISalesFiguresInput;

public sealed class RecordSalesValidator : AbstractValidator<RecordSalesCommand>
{
    public RecordSalesValidator() => Include(new SalesFiguresValidator());
}

public sealed class RecordSalesHandler(IApplicationDbContext db, ISalesWriter writer, ICurrentUser user, IAuditTrail audit, TimeProvider clock)
    : ICommandHandler<RecordSalesCommand, SalesRecordDto>
{
    public async ValueTask<SalesRecordDto> Handle(RecordSalesCommand command, CancellationToken cancellationToken)
    {
        var shop = await db.RequireShopAsync(command.ShopId, cancellationToken);
        var period = SalesPeriod.Parse(command.Period, clock.Today());
        shop.EnsureAccepts(period, "period");
        var figures = new SalesFigures(command.OrderCount, command.Units, Money.FromYuan(command.GrossAmount, "grossAmount"), Money.FromYuan(command.Refunds, "refunds"));
        var outcome = (await writer.UpsertAsync(
            [new SalesWrite(shop.Id, shop.CountyId, shop.PlatformId, period, figures, RecordSource.Staff, user.Id)], clock.GetUtcNow(), cancellationToken))[0];
        audit.Record("SalesRecord", $"{shop.Id}/{period}", new
        {
            operation = outcome.ToString().ToLowerInvariant(),
            shopId = shop.Id,
            period = period.ToString(),
            orderCount = figures.OrderCount,
            units = figures.Units,
            grossAmount = figures.Gross.Yuan,
            refunds = figures.Refunds.Yuan,
            source = "Staff",
        });
        return (await db.SalesOfAsync(shop.Id, period.Start, period.Start, cancellationToken)).Single();
    }
}

/// <summary>A second officer confirms staff-entered figures; the officer who entered them may not.</summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record ConfirmSalesCommand(Guid Id) : ICommand<SalesRecordDto>;

public sealed class ConfirmSalesHandler(IApplicationDbContext db, ISalesWriter writer, ICurrentUser user) : ICommandHandler<ConfirmSalesCommand, SalesRecordDto>
{
    public async ValueTask<SalesRecordDto> Handle(ConfirmSalesCommand command, CancellationToken cancellationToken)
    {
        var record = (await SalesConfirmation.ConfirmAsync(db, writer, user, [command.Id], nameItems: false, cancellationToken))[0];
        return (await db.SalesOfAsync(record.ShopId, record.PeriodStart, record.PeriodStart, cancellationToken)).Single();
    }
}

/// <summary>
/// A second officer confirms several staff-entered records at once (up to 500, e.g. after an import):
/// all of them or, when any one cannot be confirmed, none; the error names the failing item.
/// </summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record ConfirmSalesBatchCommand(IReadOnlyList<Guid> Ids) : ICommand<SalesConfirmationResult>;

/// <summary>How many records a batch confirmation counted, and their total net amount.</summary>
public sealed record SalesConfirmationResult(int Confirmed, decimal Net);

public sealed class ConfirmSalesBatchValidator : AbstractValidator<ConfirmSalesBatchCommand>
{
    public const int MaxItems = 500;

    public ConfirmSalesBatchValidator()
    {
        RuleFor(x => x.Ids).Cascade(CascadeMode.Stop).NotNull().NotEmpty().Must(ids => ids.Count <= MaxItems).WithErrorCode("sales.batch_too_large")
            .WithMessage($"Confirm at most {MaxItems} records at once.");
        RuleFor(x => x.Ids).Must(ids => ids.Distinct().Count() == ids.Count).When(x => x.Ids is not null).WithErrorCode("sales.batch_repeated")
            .WithMessage("Each record appears once in a batch.");
    }
}

public sealed class ConfirmSalesBatchHandler(IApplicationDbContext db, ISalesWriter writer, ICurrentUser user)
    : ICommandHandler<ConfirmSalesBatchCommand, SalesConfirmationResult>
{
    public async ValueTask<SalesConfirmationResult> Handle(ConfirmSalesBatchCommand command, CancellationToken cancellationToken)
    {
        var records = await SalesConfirmation.ConfirmAsync(db, writer, user, command.Ids, nameItems: true, cancellationToken);
        return new SalesConfirmationResult(records.Count, records.Sum(r => r.Net));
    }
}

/// <summary>The one confirmation path, for a single record and for a batch.</summary>
internal static class SalesConfirmation
{
    public static async Task<IReadOnlyList<SalesRecord>> ConfirmAsync(
        IApplicationDbContext db, ISalesWriter writer, ICurrentUser user, IReadOnlyList<Guid> ids, bool nameItems, CancellationToken cancellationToken)
    {
        var officer = user.Id ?? throw new NotAuthenticatedException();
        var shopIds = await db.SalesRecords.Where(r => ids.Contains(r.Id)).Select(r => r.ShopId).Distinct().ToListAsync(cancellationToken);

        // Under the shops' write locks, so a concurrent correction cannot slip between reading and counting.
        await writer.LockShopsAsync(shopIds, cancellationToken);
        var records = await db.SalesRecords.Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        var confirmed = new List<SalesRecord>(ids.Count);
        for (var i = 0; i < ids.Count; i++)
        {
            var field = nameItems ? $"ids[{i}]" : null;
            if (!records.TryGetValue(ids[i], out var record))
            {
                // In a batch, a record that is gone (or not in your scope) is named like any other failing item.
                throw new NotFoundException("sales_record", ids[i], field);
            }

            try
            {
                record.Confirm(officer);
            }
            catch (DomainException ex) when (field is not null)
            {
                throw new DomainException(ex.Code, ex.Message, ex.Kind, field);
            }

            confirmed.Add(record);
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var record in confirmed)
        {
            await writer.CountConfirmedAsync(record.ShopId, record.CountyId, record.Month, record.Net, cancellationToken);
        }

        return confirmed;
    }
}

/// <summary>A staff-entered record awaiting a second officer's confirmation.</summary>
public sealed record PendingSalesDto(
    Guid Id, Guid ShopId, string ShopName, string PlatformName, Guid CountyId, string CountyName, string Period, int OrderCount, decimal GrossAmount,
    decimal Refunds, decimal Net, Guid? EnteredById, DateTimeOffset RecordedAt, bool CanConfirm);

/// <summary>Staff-entered sales in your scope that still need a second officer's confirmation, oldest first (programme.read).</summary>
[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record GetPendingSalesQuery(Guid? CountyId = null, Guid? ShopId = null, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<PagedList<PendingSalesDto>>, IPagedRequest;

public sealed class GetPendingSalesValidator : AbstractValidator<GetPendingSalesQuery>
{
    public GetPendingSalesValidator() => this.AddPagingRules();
}

public sealed class GetPendingSalesHandler(IApplicationDbContext db, ICurrentUser user) : IQueryHandler<GetPendingSalesQuery, PagedList<PendingSalesDto>>
{
    public async ValueTask<PagedList<PendingSalesDto>> Handle(GetPendingSalesQuery query, CancellationToken cancellationToken)
    {
        var me = user.Id;
        var pending = db.SalesRecords.AsNoTracking()
            .Where(r => r.Source == RecordSource.Staff && r.ConfirmedById == null)
            .Where(r => (query.CountyId == null || r.CountyId == query.CountyId) && (query.ShopId == null || r.ShopId == query.ShopId));
        var page = await (
            from r in pending
            join shop in db.Shops on r.ShopId equals shop.Id
            join platform in db.Enterprises on r.PlatformId equals platform.Id
            join county in db.Regions on r.CountyId equals county.Id
            orderby r.RecordedAt, r.Id
            select new
            {
                Record = r,
                ShopName = shop.Name,
                PlatformName = platform.Name,
                CountyName = county.Name,
            }).ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
        return new PagedList<PendingSalesDto>(page.Items.Select(x => new PendingSalesDto(
            x.Record.Id, x.Record.ShopId, x.ShopName, x.PlatformName, x.Record.CountyId, x.CountyName,
            SalesMapping.PeriodText(x.Record.PeriodStart, x.Record.Granularity), x.Record.OrderCount, x.Record.Gross.Yuan, x.Record.Refunds.Yuan,
            x.Record.Net, x.Record.EnteredById, x.Record.RecordedAt, x.Record.EnteredById != me)).ToList(), page.Page, page.PageSize, page.TotalCount);
    }
}
