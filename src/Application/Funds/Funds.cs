using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Common.Exceptions;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Paging;
using Sunshine.Application.Common.Security;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Benefits;
using Sunshine.Domain.Common;
using Sunshine.Domain.Funds;

namespace Sunshine.Application.Funds;

/// <summary>Bank account numbers as entered: digits, spaces allowed between groups.</summary>
public static class BankAccounts
{
    public static string Normalise(string? account) => new((account ?? string.Empty).Where(c => c != ' ').ToArray());

    public static bool IsValid(string? account)
    {
        var digits = Normalise(account);
        return digits.Length is >= 8 and <= 32 && digits.All(char.IsAsciiDigit);
    }
}

/// <summary>Saves a change to the ledger; a concurrent change to the same allocation or benefit is a 409, never an overdraft.</summary>
public static class FundLedgerSaving
{
    public static async Task SaveAsync(IApplicationDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException(
                "fund.concurrent_change", "Another payment changed the same allocation or benefit at the same moment: nothing was paid. Reload and try again.");
        }
    }
}

/// <summary>An allocation with what has been paid out of it and what is left.</summary>
public sealed record FundAllocationDto(
    Guid Id, int Year, FundLevel Level, Guid? CountyId, string? CountyName, decimal Amount, decimal Disbursed, decimal Balance, string DocumentNumber,
    string Note, DateTimeOffset CreatedAt, uint Version);

/// <summary>
/// Records an allocation from the disability employment security fund: year, level, the county it
/// goes to (none: held by the city for city-level awards; required for county-level funds), amount
/// and document number. City officers record any; county officers their own county's.
/// </summary>
[RequiresPermission(Permissions.CountyDecide, Permissions.CityDecide)]
public sealed record CreateFundAllocationCommand(int Year, FundLevel Level, Guid? CountyId, decimal Amount, string DocumentNumber, string? Note)
    : ICommand<FundAllocationDto>;

public sealed class CreateFundAllocationValidator : AbstractValidator<CreateFundAllocationCommand>
{
    public CreateFundAllocationValidator()
    {
        RuleFor(x => x.Level).IsInEnum();
        RuleFor(x => x.Year).InclusiveBetween(FundAllocation.FirstYear, 2100);
        RuleFor(x => x.Amount).GreaterThan(0).PrecisionScale(14, 2, true);
        RuleFor(x => x.DocumentNumber).NotEmpty().MaximumLength(FundAllocation.DocumentMaxLength);
        RuleFor(x => x.Note).MaximumLength(FundAllocation.NoteMaxLength);
    }
}

public sealed class CreateFundAllocationHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<CreateFundAllocationCommand, FundAllocationDto>
{
    public async ValueTask<FundAllocationDto> Handle(CreateFundAllocationCommand command, CancellationToken cancellationToken)
    {
        if (command.CountyId is { } county)
        {
            await db.EnsureWritableCountyAsync(user, county, cancellationToken);
        }
        else if (user.IsCountyBound)
        {
            throw new ForbiddenException("scope.county_not_allowed", "The city's allocations are recorded by city officers.");
        }

        var allocation = FundAllocation.Create(
            command.Year, command.Level, command.CountyId, Money.FromYuan(command.Amount), command.DocumentNumber, command.Note,
            user.Id ?? throw new NotAuthenticatedException(), clock.GetUtcNow(), clock.Today());
        db.FundAllocations.Add(allocation);
        await db.SaveChangesAsync(cancellationToken);
        return (await FundQueries.AllocationsAsync(db, a => a.Id == allocation.Id, cancellationToken)).Single();
    }
}

/// <summary>Allocations in your scope (county officers: their county's and the city's) with their balances, by year and county.</summary>
[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record GetFundAllocationsQuery(int? Year = null, Guid? CountyId = null) : IQuery<IReadOnlyList<FundAllocationDto>>;

public sealed class GetFundAllocationsHandler(IApplicationDbContext db) : IQueryHandler<GetFundAllocationsQuery, IReadOnlyList<FundAllocationDto>>
{
    public async ValueTask<IReadOnlyList<FundAllocationDto>> Handle(GetFundAllocationsQuery query, CancellationToken cancellationToken) =>
        await FundQueries.AllocationsAsync(
            db, a => (query.Year == null || a.Year == query.Year) && (query.CountyId == null || a.CountyId == query.CountyId), cancellationToken);
}

/// <summary>A payment or a reversal in the disbursement list: the benefit, the payee (account masked), the parts.</summary>
public sealed record FundPaymentDto(
    Guid Id, Guid BenefitId, BenefitType BenefitType, BenefitLevel Level, Guid CountyId, string CountyName, string? BeneficiaryName, decimal Amount,
    DateOnly PaymentDate, string Voucher, string PayeeName, string PayeeBank, string PayeeAccount, Guid PayerId, DateTimeOffset RecordedAt,
    Guid? ReversalOfId, Guid? ReversedById, string? Reason, IReadOnlyList<LedgerEntryDto> Entries);

/// <summary>One allocation's part of a payment (negative in a reversal).</summary>
public sealed record LedgerEntryDto(Guid AllocationId, string DocumentNumber, decimal Amount);

/// <summary>Payments and reversals in your scope, by payment date (inclusive) and county, newest first.</summary>
[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record GetFundPaymentsQuery(DateOnly? From = null, DateOnly? To = null, Guid? CountyId = null, Guid? BenefitId = null, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<PagedList<FundPaymentDto>>, IPagedRequest;

public sealed class GetFundPaymentsValidator : AbstractValidator<GetFundPaymentsQuery>
{
    public GetFundPaymentsValidator()
    {
        this.AddPagingRules();
        RuleFor(x => x.To).GreaterThanOrEqualTo(x => x.From).When(x => x.From is not null && x.To is not null).WithErrorCode("fund.period_invalid");
    }
}

public sealed class GetFundPaymentsHandler(IApplicationDbContext db) : IQueryHandler<GetFundPaymentsQuery, PagedList<FundPaymentDto>>
{
    public async ValueTask<PagedList<FundPaymentDto>> Handle(GetFundPaymentsQuery query, CancellationToken cancellationToken)
    {
        var payments = FundQueries.Payments(db, query.From, query.To, query.CountyId).Where(p => query.BenefitId == null || p.BenefitId == query.BenefitId);
        var page = await payments.OrderByDescending(p => p.RecordedAt).ThenByDescending(p => p.Id).ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
        return new PagedList<FundPaymentDto>(await FundQueries.ToDtosAsync(db, page.Items, cancellationToken), page.Page, page.PageSize, page.TotalCount);
    }
}

/// <summary>
/// Reverses a payment with a new, negative payment on the same allocations (a payment is never
/// edited): the balances are restored and the benefit waits to be paid again. By an officer of the
/// paying level, with a reason.
/// </summary>
[RequiresPermission(Permissions.CountyDecide, Permissions.CityDecide)]
public sealed record ReverseFundPaymentCommand(Guid Id, string Reason) : ICommand<FundPaymentDto>;

public sealed class ReverseFundPaymentValidator : AbstractValidator<ReverseFundPaymentCommand>
{
    public ReverseFundPaymentValidator() => RuleFor(x => x.Reason).NotEmpty().MaximumLength(Benefit.CommentMaxLength);
}

public sealed class ReverseFundPaymentHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<ReverseFundPaymentCommand, FundPaymentDto>
{
    public async ValueTask<FundPaymentDto> Handle(ReverseFundPaymentCommand command, CancellationToken cancellationToken)
    {
        var payment = await db.FundPayments.FirstOrDefaultAsync(p => p.Id == command.Id, cancellationToken) ?? throw new NotFoundException("fund_payment", command.Id);
        var benefit = await db.Benefits.FirstOrDefaultAsync(b => b.Id == payment.BenefitId, cancellationToken) ?? throw new NotFoundException("fund_payment", command.Id);
        var ids = payment.Entries.Select(e => e.AllocationId).ToList();
        var allocations = await db.FundAllocations.IgnoreQueryFilters().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
        var reversal = payment.Reverse(
            benefit, allocations, user.Id ?? throw new NotAuthenticatedException(), user.IsCountyBound ? user.CountyId : null, command.Reason, clock.Today(), clock.GetUtcNow());
        db.FundPayments.Add(reversal);
        await FundLedgerSaving.SaveAsync(db, cancellationToken);
        return (await FundQueries.ToDtosAsync(db, [reversal], cancellationToken)).Single();
    }
}

/// <summary>
/// The ledger reconciled to the cent: for each allocation in your scope, allocated − disbursed =
/// balance, and the disbursed figure kept with the allocation equals the sum of its ledger entries.
/// </summary>
public sealed record FundReconciliationDto(
    bool Reconciled, decimal Allocated, decimal Disbursed, decimal Balance, decimal EntriesTotal, IReadOnlyList<FundReconciliationLineDto> Allocations);

public sealed record FundReconciliationLineDto(Guid AllocationId, string DocumentNumber, decimal Allocated, decimal Disbursed, decimal Balance, decimal EntriesTotal, bool Reconciled);

[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record GetFundReconciliationQuery(int? Year = null) : IQuery<FundReconciliationDto>;

public sealed class GetFundReconciliationHandler(IApplicationDbContext db) : IQueryHandler<GetFundReconciliationQuery, FundReconciliationDto>
{
    public async ValueTask<FundReconciliationDto> Handle(GetFundReconciliationQuery query, CancellationToken cancellationToken)
    {
        var entries = db.FundPayments.IgnoreQueryFilters().SelectMany(p => p.Entries);
        var rows = await db.FundAllocations.AsNoTracking()
            .Where(a => query.Year == null || a.Year == query.Year)
            .OrderBy(a => a.Year).ThenBy(a => a.CreatedAt)
            .Select(a => new
            {
                a.Id,
                a.DocumentNumber,
                a.Amount,
                a.Disbursed,
                Entries = entries.Where(e => e.AllocationId == a.Id).Sum(e => (decimal?)e.Amount) ?? 0m,
            })
            .ToListAsync(cancellationToken);
        var lines = rows.Select(r => new FundReconciliation.Line(r.Id, r.Amount.Yuan, r.Disbursed.Yuan, r.Amount.Yuan - r.Disbursed.Yuan, r.Entries)).ToList();
        return new FundReconciliationDto(
            FundReconciliation.Reconciles(lines),
            lines.Sum(l => l.Allocated),
            lines.Sum(l => l.Disbursed),
            lines.Sum(l => l.Balance),
            lines.Sum(l => l.EntriesTotal),
            lines.Zip(rows).Select(p => new FundReconciliationLineDto(p.First.AllocationId, p.Second.DocumentNumber, p.First.Allocated, p.First.Disbursed, p.First.Balance, p.First.EntriesTotal, p.First.Reconciled)).ToList());
    }
}

/// <summary>
/// The payment roster (发放花名册) for the finance office: the period's payments and reversals in your
/// scope as XLSX (accounts masked). It names people, so the export is audited.
/// </summary>
[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record ExportPaymentRosterCommand(DateOnly From, DateOnly To, Guid? CountyId = null) : ICommand<ExportFile>, IAuditedRead;

public sealed class ExportPaymentRosterValidator : AbstractValidator<ExportPaymentRosterCommand>
{
    public ExportPaymentRosterValidator()
    {
        RuleFor(x => x.From).NotEmpty();
        RuleFor(x => x.To).NotEmpty().GreaterThanOrEqualTo(x => x.From).WithErrorCode("fund.period_invalid");
        RuleFor(x => x).Must(x => x.To.DayNumber - x.From.DayNumber <= 366).WithName("to").WithErrorCode("fund.period_too_long").WithMessage("A roster covers at most a year.");
    }
}

public sealed class ExportPaymentRosterHandler(IApplicationDbContext db, ISpreadsheetWriter spreadsheets, IAuditTrail audit) : ICommandHandler<ExportPaymentRosterCommand, ExportFile>
{
    private static readonly string[] Headers = ["序号", "发放日期", "记账凭证号", "补贴/奖励类型", "县（市、区）", "受益人", "收款人", "开户行", "账号", "金额（元）", "资金来源", "冲销原支付", "原因"];

    public async ValueTask<ExportFile> Handle(ExportPaymentRosterCommand command, CancellationToken cancellationToken)
    {
        var payments = await FundQueries.Payments(db, command.From, command.To, command.CountyId)
            .OrderBy(p => p.PaymentDate).ThenBy(p => p.RecordedAt).ToListAsync(cancellationToken);
        var dtos = await FundQueries.ToDtosAsync(db, payments, cancellationToken);
        var rows = dtos.Select((p, i) => (IReadOnlyList<object?>)
        [
            i + 1, p.PaymentDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), p.Voucher, BenefitNames.Chinese(p.BenefitType), p.CountyName,
            p.BeneficiaryName, p.PayeeName, p.PayeeBank, p.PayeeAccount, p.Amount,
            string.Join("；", p.Entries.Select(e => $"{e.DocumentNumber} {e.Amount:0.00}")), p.ReversalOfId is null ? null : "是", p.Reason,
        ]).ToList();
        rows.Add([null, null, null, null, null, null, null, null, "合计", dtos.Sum(p => p.Amount), null, null, null]);
        var content = spreadsheets.Write("发放花名册", Headers, rows);
        audit.Record("PaymentRoster", null, new
        {
            operation = "exported",
            from = command.From,
            to = command.To,
            countyId = command.CountyId,
            payments = dtos.Select(p => p.Id).ToList(),
        });
        return new ExportFile($"payment-roster-{command.From:yyyyMMdd}-{command.To:yyyyMMdd}.xlsx", ExportFile.Xlsx, content);
    }
}

/// <summary>The Chinese names of benefit types, for exports.</summary>
public static class BenefitNames
{
    public static string Chinese(BenefitType type) => type switch
    {
        BenefitType.TrainingSubsidy => "培训补贴",
        BenefitType.LoanInterestSubsidy => "贷款贴息",
        BenefitType.DemonstrationHouseholdAward => "县级阳光致富示范户",
        BenefitType.DemonstrationBaseAward => "市级阳光扶贫示范基地",
        BenefitType.PovertyAlleviationBaseEnterpriseAward => "企业进阳光扶贫基地扶持",
        BenefitType.EmploymentBaseEnterpriseAward => "企业进阳光就业基地扶持",
        _ => type.ToString(),
    };
}

internal static class FundQueries
{
    public static async Task<List<FundAllocationDto>> AllocationsAsync(
        IApplicationDbContext db, System.Linq.Expressions.Expression<Func<FundAllocation, bool>> filter, CancellationToken cancellationToken)
    {
        var rows = await (from a in db.FundAllocations.AsNoTracking().Where(filter)
                          join r in db.Regions on a.CountyId equals r.Id into regions
                          from r in regions.DefaultIfEmpty()
                          orderby a.Year descending, a.CreatedAt descending
                          select new { a, CountyName = r == null ? null : r.Name }).ToListAsync(cancellationToken);
        return rows.Select(x => new FundAllocationDto(
            x.a.Id, x.a.Year, x.a.Level, x.a.CountyId, x.CountyName, x.a.Amount.Yuan, x.a.Disbursed.Yuan, x.a.Balance.Yuan, x.a.DocumentNumber, x.a.Note,
            x.a.CreatedAt, x.a.Version)).ToList();
    }

    public static IQueryable<FundPayment> Payments(IApplicationDbContext db, DateOnly? from, DateOnly? to, Guid? countyId) =>
        db.FundPayments.AsNoTracking()
            .Where(p => from == null || p.PaymentDate >= from)
            .Where(p => to == null || p.PaymentDate <= to)
            .Where(p => countyId == null || p.CountyId == countyId);

    public static async Task<List<FundPaymentDto>> ToDtosAsync(IApplicationDbContext db, IReadOnlyList<FundPayment> payments, CancellationToken cancellationToken)
    {
        var benefitIds = payments.Select(p => p.BenefitId).Distinct().ToList();
        var countyIds = payments.Select(p => p.CountyId).Distinct().ToList();
        var allocationIds = payments.SelectMany(p => p.Entries).Select(e => e.AllocationId).Distinct().ToList();
        var counties = await db.Regions.Where(r => countyIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);
        var documents = await db.FundAllocations.IgnoreQueryFilters().Where(a => allocationIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.DocumentNumber, cancellationToken);
        var names = await Awards.BeneficiaryNames.OfBenefitsAsync(db, benefitIds, cancellationToken);
        return payments.Select(p => new FundPaymentDto(
            p.Id, p.BenefitId, p.BenefitType, p.Level, p.CountyId, counties.GetValueOrDefault(p.CountyId, string.Empty), names.GetValueOrDefault(p.BenefitId), p.Amount,
            p.PaymentDate, p.Voucher, p.PayeeName, p.PayeeBank, p.MaskedAccount, p.PayerId, p.RecordedAt, p.ReversalOfId, p.ReversedById, p.Reason,
            p.Entries.Select(e => new LedgerEntryDto(e.AllocationId, documents.GetValueOrDefault(e.AllocationId, string.Empty), e.Amount)).ToList())).ToList();
    }
}
