using Sunshine.Domain.Benefits;
using Sunshine.Domain.Common;

namespace Sunshine.Domain.Funds;

/// <summary>One allocation's part of a payment: positive when paid out, negative when a reversal restores it.</summary>
public sealed class LedgerEntry
{
    private LedgerEntry()
    {
    }

    internal LedgerEntry(Guid allocationId, decimal amount)
    {
        Id = Guid.CreateVersion7();
        AllocationId = allocationId;
        Amount = amount;
    }

    public Guid Id { get; private set; }

    public Guid AllocationId { get; private set; }

    /// <summary>Yuan, signed: what the payment took from the allocation (negative for a reversal).</summary>
    public decimal Amount { get; private set; }
}

/// <summary>One allocation and how much of a payment it funds.</summary>
public sealed record PaymentPart(FundAllocation Allocation, Money Amount);

/// <summary>Who a payment goes to: the account holder, the bank, and the account number (encrypted at rest, masked when shown).</summary>
public sealed record Payee(string Name, string Bank, byte[] ProtectedAccount, string AccountLast4);

/// <summary>
/// A payment of a benefit from the fund ledger, or the reversal of one (a new payment with negative
/// entries that refers to it — a payment is never edited). Its entries sum to its amount.
/// </summary>
public sealed class FundPayment : Entity, ICountyScoped
{
    public const int NameMaxLength = 100;
    public const int BankMaxLength = 100;

    private readonly List<LedgerEntry> _entries = [];

    private FundPayment()
    {
        Voucher = null!;
        PayeeName = null!;
        PayeeBank = null!;
        PayeeAccount = null!;
        PayeeAccountLast4 = null!;
    }

    public Guid BenefitId { get; private set; }

    public BenefitType BenefitType { get; private set; }

    public BenefitLevel Level { get; private set; }

    /// <summary>The beneficiary's county (the benefit's).</summary>
    public Guid CountyId { get; private set; }

    /// <summary>Yuan, signed: negative for a reversal.</summary>
    public decimal Amount { get; private set; }

    public DateOnly PaymentDate { get; private set; }

    public string Voucher { get; private set; }

    public string PayeeName { get; private set; }

    public string PayeeBank { get; private set; }

    /// <summary>The account number, encrypted.</summary>
    public byte[] PayeeAccount { get; private set; }

    public string PayeeAccountLast4 { get; private set; }

    public Guid PayerId { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>Set on a reversal: the payment it reverses.</summary>
    public Guid? ReversalOfId { get; private set; }

    /// <summary>Set on a reversed payment: its reversal.</summary>
    public Guid? ReversedById { get; private set; }

    public string? Reason { get; private set; }

    public IReadOnlyList<LedgerEntry> Entries => _entries;

    public bool IsReversal => ReversalOfId is not null;

    public string MaskedAccount => $"**** **** **** {PayeeAccountLast4}";

    /// <summary>
    /// Pays a finally approved benefit from one or more allocations (co-funding by several levels):
    /// the parts are positive, name each allocation once, may each pay this benefit, fit each balance,
    /// and sum to the benefit's amount. The payer is an officer of the paying level
    /// (<paramref name="payerCountyId"/>: their county, or null for a city officer) who neither submitted
    /// nor approved it. The benefit is marked paid with the payment.
    /// </summary>
    public static FundPayment Pay(
        Benefit benefit, IReadOnlyList<PaymentPart> parts, Payee payee, Guid payerId, Guid? payerCountyId, DateOnly paymentDate, string voucher,
        DateOnly today, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(benefit);
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(payee);
        benefit.EnsurePayable();
        var level = benefit.Definition.Level;
        var payerLevelOk = level == BenefitLevel.County ? payerCountyId == benefit.CountyId : payerCountyId is null;
        if (!payerLevelOk)
        {
            throw new DomainException(
                "fund.payer_level",
                level == BenefitLevel.County ? "A county-level benefit is paid by an officer of the beneficiary's county." : "A city-level benefit is paid by a city officer.",
                DomainErrorKind.NotAllowed);
        }

        benefit.EnsurePayer(payerId);
        if (parts.Count == 0)
        {
            throw new DomainException("fund.parts_required", "Name the allocation(s) the payment comes from.", field: "parts");
        }

        var amount = benefit.Decision?.Amount ?? Money.Zero;
        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            if (part.Amount <= Money.Zero)
            {
                throw new DomainException("fund.part_invalid", "Each part is more than 0.00.", field: $"parts[{i}].amount");
            }

            if (parts.Take(i).Any(p => p.Allocation.Id == part.Allocation.Id))
            {
                throw new DomainException("fund.part_duplicate", "Each allocation is named once.", field: $"parts[{i}].allocationId");
            }

            if (!part.Allocation.MayPay(level, benefit.CountyId))
            {
                throw new DomainException(
                    "fund.allocation_not_applicable",
                    level == BenefitLevel.County
                        ? "A county-level benefit is paid from allocations to the beneficiary's county."
                        : "A city-level benefit is paid from the city's allocations.",
                    field: $"parts[{i}].allocationId");
            }
        }

        var total = parts.Aggregate(Money.Zero, (sum, p) => sum + p.Amount);
        if (total != amount)
        {
            throw new DomainException("fund.parts_sum", $"The parts sum to {total}; the benefit's amount is {amount}.", field: "parts");
        }

        for (var i = 0; i < parts.Count; i++)
        {
            parts[i].Allocation.Disburse(parts[i].Amount, $"parts[{i}].amount");
        }

        benefit.MarkPaid(payerId, paymentDate, voucher, today, at);
        var payment = new FundPayment
        {
            BenefitId = benefit.Id,
            BenefitType = benefit.Type,
            Level = level,
            CountyId = benefit.CountyId,
            Amount = amount.Yuan,
            PaymentDate = paymentDate,
            Voucher = benefit.PaymentVoucher!,
            PayeeName = Text.Required(payee.Name, NameMaxLength, "fund.payee_name_invalid", "payeeName"),
            PayeeBank = Text.Required(payee.Bank, BankMaxLength, "fund.payee_bank_invalid", "payeeBank"),
            PayeeAccount = payee.ProtectedAccount,
            PayeeAccountLast4 = payee.AccountLast4,
            PayerId = payerId,
            RecordedAt = at,
        };
        payment._entries.AddRange(parts.Select(p => new LedgerEntry(p.Allocation.Id, p.Amount.Yuan)));
        return payment;
    }

    /// <summary>
    /// Reverses this payment with a new payment of negative entries on the same allocations (restoring
    /// their balances); the benefit waits to be paid again. The original payment is not changed
    /// except to point at its reversal.
    /// </summary>
    public FundPayment Reverse(Benefit benefit, IReadOnlyDictionary<Guid, FundAllocation> allocations, Guid actorId, Guid? actorCountyId, string reason, DateOnly today, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(benefit);
        ArgumentNullException.ThrowIfNull(allocations);
        if (IsReversal || ReversedById is not null)
        {
            throw new DomainException("fund.already_reversed", "This payment is a reversal or already reversed.", DomainErrorKind.Conflict);
        }

        var levelOk = Level == BenefitLevel.County ? actorCountyId == CountyId : actorCountyId is null;
        if (!levelOk)
        {
            throw new DomainException("fund.payer_level", "A payment is reversed by an officer of the paying level.", DomainErrorKind.NotAllowed);
        }

        benefit.ReversePayment(actorId, at, reason);
        var reversal = new FundPayment
        {
            BenefitId = BenefitId,
            BenefitType = BenefitType,
            Level = Level,
            CountyId = CountyId,
            Amount = -Amount,
            PaymentDate = today,
            Voucher = Voucher,
            PayeeName = PayeeName,
            PayeeBank = PayeeBank,
            PayeeAccount = PayeeAccount,
            PayeeAccountLast4 = PayeeAccountLast4,
            PayerId = actorId,
            RecordedAt = at,
            ReversalOfId = Id,
            Reason = reason.Trim(),
        };
        foreach (var entry in _entries)
        {
            allocations[entry.AllocationId].Restore(Money.FromYuan(entry.Amount));
            reversal._entries.Add(new LedgerEntry(entry.AllocationId, -entry.Amount));
        }

        ReversedById = reversal.Id;
        return reversal;
    }
}

/// <summary>The reconciliation of the ledger: allocated − disbursed = balance, and the disbursed figures equal the entries.</summary>
public static class FundReconciliation
{
    /// <summary>One allocation's figures: as kept with the allocation, and as summed from the ledger entries.</summary>
    public sealed record Line(Guid AllocationId, decimal Allocated, decimal Disbursed, decimal Balance, decimal EntriesTotal)
    {
        public bool Reconciled => Allocated - Disbursed == Balance && Disbursed == EntriesTotal && Balance >= 0;
    }

    public static bool Reconciles(IEnumerable<Line> lines) => lines.All(l => l.Reconciled);
}
