using Sunshine.Domain.Common;

namespace Sunshine.Domain.Loans;

/// <summary>
/// A loan (贷款) of a disabled borrower that can receive an interest subsidy: lender, principal,
/// annual rate and day-count basis, start and term as the loan contract says, and the principal
/// repaid since. Interest accrues from the start date (inclusive) to maturity (exclusive), and a
/// repayment stops interest on the repaid principal from its own date on (算头不算尾).
/// </summary>
public sealed class Loan : Entity, ICountyScoped
{
    public const int LenderMaxLength = 200;
    public const int MaxTermMonths = 360;

    private readonly List<LoanRepayment> _repayments = [];

    private Loan()
    {
        Lender = null!;
    }

    private Loan(Guid borrowerId, Guid countyId, LoanProgramme programme, string lender, Money principal, decimal annualRate,
        DayCountBasis dayCountBasis, DateOnly startDate, int termMonths)
    {
        BorrowerId = borrowerId;
        CountyId = countyId;
        Programme = programme;
        Lender = lender;
        Principal = principal;
        AnnualRate = annualRate;
        DayCountBasis = dayCountBasis;
        StartDate = startDate;
        TermMonths = termMonths;
    }

    /// <summary>The borrowing person in the registry.</summary>
    public Guid BorrowerId { get; private set; }

    /// <summary>The borrower's county when the loan was recorded: the county that sees and subsidises it.</summary>
    public Guid CountyId { get; private set; }

    public LoanProgramme Programme { get; private set; }

    /// <summary>The lending bank or credit cooperative.</summary>
    public string Lender { get; private set; }

    public Money Principal { get; private set; }

    /// <summary>The contract's annual rate as a fraction: 0.0435 is 4.35 %.</summary>
    public decimal AnnualRate { get; private set; }

    public DayCountBasis DayCountBasis { get; private set; }

    public DateOnly StartDate { get; private set; }

    public int TermMonths { get; private set; }

    /// <summary>The start plus the term: the last day of the loan is the day before (no interest accrues on this day).</summary>
    public DateOnly MaturityDate => StartDate.AddMonths(TermMonths);

    public IReadOnlyList<LoanRepayment> Repayments => _repayments;

    public static Loan Create(Guid borrowerId, Guid countyId, LoanProgramme programme, string lender, Money principal, decimal annualRate,
        DayCountBasis dayCountBasis, DateOnly startDate, int termMonths)
    {
        if (!Enum.IsDefined(programme))
        {
            throw new DomainException("loan.programme_invalid", "The programme is microcredit or the entrepreneur interest subsidy.", field: "programme");
        }

        var trimmedLender = lender?.Trim() ?? string.Empty;
        if (trimmedLender.Length is 0 or > LenderMaxLength)
        {
            throw new DomainException("loan.lender_invalid", $"The lender is 1 to {LenderMaxLength} characters.", field: "lender");
        }

        if (principal <= Money.Zero)
        {
            throw new DomainException("loan.principal_invalid", "The principal is more than 0.00.", field: "principal");
        }

        if (!Rates.IsValid(annualRate, oneAllowed: false))
        {
            throw new DomainException("loan.rate_invalid", "The annual rate is a fraction above 0 and below 1 (0.0435 is 4.35%) with at most 6 decimals.", field: "annualRate");
        }

        if (!Enum.IsDefined(dayCountBasis))
        {
            throw new DomainException("loan.day_count_basis_invalid", "The day-count basis is Actual360 or Actual365.", field: "dayCountBasis");
        }

        if (termMonths is < 1 or > MaxTermMonths)
        {
            throw new DomainException("loan.term_invalid", $"The term is 1 to {MaxTermMonths} months.", field: "termMonths");
        }

        return new Loan(borrowerId, countyId, programme, trimmedLender, principal, annualRate, dayCountBasis, startDate, termMonths);
    }

    /// <summary>Records principal repaid on a date, from the start to maturity, never more than is still outstanding.</summary>
    public LoanRepayment Repay(DateOnly date, Money principal)
    {
        if (principal <= Money.Zero)
        {
            throw new DomainException("loan.repayment_invalid", "A repayment is more than 0.00.", field: "principal");
        }

        if (date < StartDate)
        {
            throw new DomainException("loan.repayment_before_start", "A repayment is made on or after the loan's start date.", field: "date");
        }

        if (date > MaturityDate)
        {
            throw new DomainException("loan.repayment_after_maturity", "A repayment is made on or before the maturity date.", field: "date");
        }

        // Against everything repaid, whatever the dates: a back-dated repayment may not push any day's balance below zero.
        var outstanding = Outstanding(_ => true);
        if (principal > outstanding)
        {
            throw new DomainException("loan.repayment_exceeds_outstanding", $"Only {outstanding} is outstanding.", field: "principal");
        }

        var repayment = new LoanRepayment(date, principal);
        _repayments.Add(repayment);
        return repayment;
    }

    /// <summary>The principal outstanding at the start of <paramref name="date"/>: repayments made before that date are deducted.</summary>
    public Money OutstandingOn(DateOnly date) => Outstanding(r => r.Date < date);

    /// <summary>The principal outstanding at the end of <paramref name="date"/>, after that day's repayments: what bears interest that day.</summary>
    public Money OutstandingAtEndOf(DateOnly date) => Outstanding(r => r.Date <= date);

    private Money Outstanding(Func<LoanRepayment, bool> counts) =>
        Money.FromYuan(Principal.Yuan - _repayments.Where(counts).Sum(r => r.Principal.Yuan), "principal");
}

/// <summary>Principal repaid (还本) on a date.</summary>
public sealed class LoanRepayment
{
    private LoanRepayment()
    {
    }

    internal LoanRepayment(DateOnly date, Money principal)
    {
        Id = Guid.CreateVersion7();
        Date = date;
        Principal = principal;
    }

    public Guid Id { get; private set; }

    public DateOnly Date { get; private set; }

    public Money Principal { get; private set; }
}
