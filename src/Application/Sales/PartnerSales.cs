using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Common.Exceptions;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Security;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Common;
using Sunshine.Domain.Sales;
using Sunshine.Domain.Shops;

namespace Sunshine.Application.Sales;

/// <summary>One record of a partner's sales batch: the platform's shop id and the period's figures.</summary>
public sealed record PartnerSalesRecord(string PlatformShopId, string Period, int OrderCount, int Units, decimal GrossAmount, decimal Refunds) : ISalesFiguresInput;

/// <summary>What happened to one record of the batch, in the batch's order.</summary>
public sealed record PartnerSalesResult(int Index, string PlatformShopId, string Period, SalesWriteOutcome Outcome);

/// <summary>The answer to a batch: one result per record, and the counts.</summary>
public sealed record PartnerSalesBatchResult(IReadOnlyList<PartnerSalesResult> Results, int Created, int Updated, int Unchanged);

/// <summary>
/// A partner platform reports sales: up to 1,000 records, each an upsert on (shop, period) that
/// keeps the superseded figures in the history. All or nothing: any invalid record refuses the batch.
/// </summary>
[RequiresPermission(Permissions.PartnerSalesWrite)]
public sealed record SubmitPartnerSalesCommand(IReadOnlyList<PartnerSalesRecord> Records) : ICommand<PartnerSalesBatchResult>;

public sealed class SubmitPartnerSalesValidator : AbstractValidator<SubmitPartnerSalesCommand>
{
    public const int MaxRecords = 1_000;

    public SubmitPartnerSalesValidator()
    {
        RuleFor(x => x.Records).NotEmpty().Must(r => r.Count <= MaxRecords).WithErrorCode("sales.batch_too_large")
            .WithMessage($"A batch holds 1 to {MaxRecords} records.");

        // The per-record rules run only when some record may fail them, so the errors are theirs as before.
        When(x => x.Records is null || !x.Records.All(PassesForCertain), () =>
            RuleForEach(x => x.Records).ChildRules(record =>
            {
                record.RuleFor(r => r.PlatformShopId).NotEmpty().MaximumLength(Shop.PlatformShopIdMaxLength);
                record.Include(new SalesFiguresValidator());
            }));
    }

    /// <summary>Whether a record passes the per-record rules for certain (see <see cref="SalesFiguresValidator.PassesForCertain"/>).</summary>
    public static bool PassesForCertain(PartnerSalesRecord? record) =>
        record is not null && !string.IsNullOrWhiteSpace(record.PlatformShopId) && record.PlatformShopId.Length <= Shop.PlatformShopIdMaxLength
        && SalesFiguresValidator.PassesForCertain(record);
}

public sealed class SubmitPartnerSalesHandler(IApplicationDbContext db, ISalesWriter writer, IAuditTrail audit, TimeProvider clock)
    : ICommandHandler<SubmitPartnerSalesCommand, PartnerSalesBatchResult>
{
    public async ValueTask<PartnerSalesBatchResult> Handle(SubmitPartnerSalesCommand command, CancellationToken cancellationToken)
    {
        var ids = command.Records.Select(r => r.PlatformShopId.Trim()).Distinct().ToList();

        // The platform filter leaves only the caller's own shops: another platform's shop is not found.
        var shops = await db.Shops.AsNoTracking().Where(s => ids.Contains(s.PlatformShopId)).ToDictionaryAsync(s => s.PlatformShopId, cancellationToken);
        var missing = command.Records.Select((r, i) => (r, i)).FirstOrDefault(x => !shops.ContainsKey(x.r.PlatformShopId.Trim()));
        if (missing.r is not null)
        {
            throw new NotFoundException("shop", missing.r.PlatformShopId);
        }

        var today = clock.Today();
        var writes = new List<SalesWrite>(command.Records.Count);
        var seen = new HashSet<(Guid, DateOnly)>();
        for (var i = 0; i < command.Records.Count; i++)
        {
            var record = command.Records[i];
            var shop = shops[record.PlatformShopId.Trim()];
            var field = $"records[{i}]";
            var period = SalesPeriod.Parse(record.Period, today, field + ".period");
            shop.EnsureAccepts(period, field + ".period");
            if (!seen.Add((shop.Id, period.Start)))
            {
                throw new RequestValidationException(field + ".period", "sales.duplicate_in_batch", "The batch has this shop and period twice.");
            }

            var figures = new SalesFigures(record.OrderCount, record.Units, Money.FromYuan(record.GrossAmount, field + ".grossAmount"),
                Money.FromYuan(record.Refunds, field + ".refunds"), field);
            writes.Add(new SalesWrite(shop.Id, shop.CountyId, shop.PlatformId, period, figures, RecordSource.Partner, null));
        }

        var outcomes = await writer.UpsertAsync(writes, clock.GetUtcNow(), cancellationToken);
        var results = command.Records.Select((r, i) => new PartnerSalesResult(i, r.PlatformShopId.Trim(), writes[i].Period.ToString(), outcomes[i])).ToList();
        var created = outcomes.Count(o => o == SalesWriteOutcome.Created);
        var updated = outcomes.Count(o => o == SalesWriteOutcome.Updated);
        audit.Record("SalesBatch", null, new
        {
            operation = "reported",
            records = writes.Count,
            created,
            updated,
            unchanged = writes.Count - created - updated,
            keys = writes.Select(w => $"{w.ShopId}/{w.Period}"),
        });
        return new PartnerSalesBatchResult(results, created, updated, writes.Count - created - updated);
    }
}

/// <summary>A platform reads back its sales by shop and period range to reconcile.</summary>
[RequiresPermission(Permissions.PartnerSalesWrite)]
public sealed record GetPartnerSalesQuery(string PlatformShopId, DateOnly? From = null, DateOnly? To = null) : IQuery<IReadOnlyList<SalesRecordDto>>;

public sealed class GetPartnerSalesValidator : AbstractValidator<GetPartnerSalesQuery>
{
    public GetPartnerSalesValidator() => RuleFor(x => x.PlatformShopId).NotEmpty().MaximumLength(Shop.PlatformShopIdMaxLength);
}

public sealed class GetPartnerSalesHandler(IApplicationDbContext db) : IQueryHandler<GetPartnerSalesQuery, IReadOnlyList<SalesRecordDto>>
{
    public async ValueTask<IReadOnlyList<SalesRecordDto>> Handle(GetPartnerSalesQuery query, CancellationToken cancellationToken)
    {
        var shop = await db.Shops.AsNoTracking().FirstOrDefaultAsync(s => s.PlatformShopId == query.PlatformShopId, cancellationToken)
            ?? throw new NotFoundException("shop", query.PlatformShopId);
        return await db.SalesOfAsync(shop.Id, query.From, query.To, cancellationToken);
    }
}
