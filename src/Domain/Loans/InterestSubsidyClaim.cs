using Sunshine.Domain.Common;

namespace Sunshine.Domain.Loans;

/// <summary>
/// A loan interest subsidy claim (贷款贴息申请) for one period of one loan. Its facts; the workflow is
/// the <see cref="Benefits.Benefit"/> with the same id. One approved claim per loan and period start
/// (the one-time key); an overlapping approved claim makes a new one ineligible.
/// </summary>
public sealed class InterestSubsidyClaim : Entity, ICountyScoped
{
    private InterestSubsidyClaim()
    {
    }

    public Guid LoanId { get; private set; }

    public Guid PersonId { get; private set; }

    public Guid CountyId { get; private set; }

    public DateOnly PeriodStart { get; private set; }

    public DateOnly PeriodEnd { get; private set; }

    public SubsidyPeriod Period => SubsidyPeriod.Create(PeriodStart, PeriodEnd);

    public string OneTimeKey => OneTimeKeyFor(LoanId, PeriodStart);

    public static string OneTimeKeyFor(Guid loanId, DateOnly periodStart) => $"{loanId:N}:{periodStart:yyyyMMdd}";

    public static InterestSubsidyClaim Create(Guid benefitId, Loan loan, SubsidyPeriod period)
    {
        ArgumentNullException.ThrowIfNull(loan);
        ArgumentNullException.ThrowIfNull(period);
        return new InterestSubsidyClaim
        {
            Id = benefitId,
            LoanId = loan.Id,
            PersonId = loan.BorrowerId,
            CountyId = loan.CountyId,
            PeriodStart = period.Start,
            PeriodEnd = period.End,
        };
    }

    public void ChangePeriod(SubsidyPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        PeriodStart = period.Start;
        PeriodEnd = period.End;
    }
}
