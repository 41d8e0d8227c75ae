using Sunshine.Domain.Benefits;
using Sunshine.Domain.Common;
using Sunshine.Domain.Registry;
using static Sunshine.Domain.Loans.LoanText;

namespace Sunshine.Domain.Loans;

/// <summary>What the rules know of the borrower: the facts each programme asks about.</summary>
public abstract record LoanBorrowerFacts
{
    private protected LoanBorrowerFacts()
    {
    }

    /// <summary>The programme whose questions these facts answer.</summary>
    public abstract LoanProgramme Programme { get; }
}

/// <summary>The borrower facts of poverty-alleviation microcredit (扶贫小额信贷), on the assessment date.</summary>
/// <param name="HouseholdRegisteredPoor">The borrower's household is a registered-poor household (建档立卡贫困户).</param>
/// <param name="SellsOnline">The borrower runs an online shop or produces goods sold online (开办网店、从事网货生产销售).</param>
public sealed record MicrocreditBorrowerFacts(bool HouseholdRegisteredPoor, bool SellsOnline) : LoanBorrowerFacts
{
    public override LoanProgramme Programme => LoanProgramme.PovertyAlleviationMicrocredit;
}

/// <summary>The borrower facts of the disabled entrepreneurs' loan interest subsidy (残疾人创业贷款贴息).</summary>
/// <param name="Status">The borrower's registry status now; null when not registered.</param>
/// <param name="RunsBusiness">The borrower runs a business (创业) the loan finances.</param>
public sealed record EntrepreneurBorrowerFacts(PersonStatus? Status, bool RunsBusiness) : LoanBorrowerFacts
{
    public override LoanProgramme Programme => LoanProgramme.DisabledEntrepreneurInterestSubsidy;
}

/// <summary>Everything the interest subsidy rules look at, gathered by the use case for one loan and period.</summary>
/// <param name="Loan">The loan with all its repayments.</param>
/// <param name="Period">The period claimed; its first day is the assessment date.</param>
/// <param name="Policy">The programme's interest-subsidy parameters in force on the period's first day, if any.</param>
/// <param name="PolicyVersionId">Their policy version.</param>
/// <param name="Borrower">The borrower facts of the loan's programme.</param>
/// <param name="PeriodAlreadySubsidised">An approved or paid subsidy of this loan covers a day of the period.</param>
public sealed record InterestSubsidyFacts(
    Loan Loan,
    SubsidyPeriod Period,
    InterestSubsidyPolicy? Policy,
    Guid? PolicyVersionId,
    LoanBorrowerFacts Borrower,
    bool PeriodAlreadySubsidised);

/// <summary>
/// The loan interest subsidy rules (action plan §三(七)): for an eligible borrower, the interest
/// charged in the period on the outstanding principal (at most the policy's maximum) at the loan's
/// rate (at most the policy's cap), for the actual days within the policy's maximum term, times the
/// subsidy share, rounded to the fen once. One subsidy per loan and period.
/// </summary>
public static class InterestSubsidyRules
{
    private static readonly ICriterion<InterestSubsidyFacts>[] Common =
    [
        new PolicyIsInForce(),
        new PeriodIsWithinTerm(),
        new FirstClaimForPeriod(),
    ];

    private static readonly ICriterion<InterestSubsidyFacts>[] Microcredit =
    [
        new HouseholdIsRegisteredPoor(),
        new BorrowerSellsOnline(),
        .. Common,
    ];

    private static readonly ICriterion<InterestSubsidyFacts>[] Entrepreneur =
    [
        new BorrowerIsActive(),
        new BorrowerRunsBusiness(),
        .. Common,
    ];

    public static Decision Decide(InterestSubsidyFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.Borrower.Programme != facts.Loan.Programme)
        {
            throw new ArgumentException("The borrower facts are of another programme than the loan's.", nameof(facts));
        }

        var criteria = facts.Loan.Programme == LoanProgramme.PovertyAlleviationMicrocredit ? Microcredit : Entrepreneur;
        var results = criteria.Select(c => c.Evaluate(facts)).ToList();
        var interest = facts.Policy is { } policy ? SubsidisedInterest(facts, policy) : null;
        var amount = results.All(r => r.Met) && interest is not null ? Money.Round(interest.Exact) : Money.Zero;
        results.Add(new CriterionResult(
            "loan.amount",
            "The subsidy is the interest on the outstanding principal (at most the maximum) at the loan's rate (at most the cap) for the actual days, times the subsidy share, rounded once to the fen.",
            interest?.Computation ?? "a policy in force",
            Yuan(amount),
            amount > Money.Zero));
        return new Decision(amount > Money.Zero, amount, facts.Period.Start, facts.PolicyVersionId, results);
    }

    /// <summary>The end (exclusive) of the subsidised term: the maximum term from the start, but never after maturity.</summary>
    private static DateOnly TermEnd(InterestSubsidyFacts facts) =>
        facts.Loan.StartDate.AddMonths(Math.Min(facts.Loan.TermMonths, facts.Policy?.MaximumTermMonths ?? facts.Loan.TermMonths));

    /// <summary>The subsidised days of the period, <c>From</c> inclusive to <c>Until</c> exclusive; empty when <c>Until &lt;= From</c>.</summary>
    private static (DateOnly From, DateOnly Until) SubsidisedDays(InterestSubsidyFacts facts)
    {
        var from = facts.Period.Start > facts.Loan.StartDate ? facts.Period.Start : facts.Loan.StartDate;
        var afterPeriod = facts.Period.End.AddDays(1);
        var termEnd = TermEnd(facts);
        return (from, afterPeriod < termEnd ? afterPeriod : termEnd);
    }

    private static Interest SubsidisedInterest(InterestSubsidyFacts facts, InterestSubsidyPolicy policy)
    {
        var loan = facts.Loan;
        var rate = policy.SubsidisedRateCap is { } cap && cap < loan.AnnualRate ? cap : loan.AnnualRate;
        var rateText = rate < loan.AnnualRate ? $"min({Percent(loan.AnnualRate)}, {Percent(rate)})" : Percent(rate);
        var basis = loan.DayCountBasis == DayCountBasis.Actual360 ? 360 : 365;

        var (from, until) = SubsidisedDays(facts);
        if (until <= from)
        {
            return new Interest(0m, "no subsidised day in the period");
        }

        // Sub-periods between repayment dates: a repayment lowers the balance from its own date on.
        var cuts = loan.Repayments.Select(r => r.Date).Where(d => d > from && d < until).Append(from).Append(until).Distinct().Order().ToList();
        var slices = cuts.Zip(cuts.Skip(1))
            .Select(p => (Outstanding: loan.OutstandingAtEndOf(p.First), Days: p.Second.DayNumber - p.First.DayNumber))
            .Where(s => s.Outstanding > Money.Zero)
            .Select(s => (s.Outstanding, Subsidised: s.Outstanding > policy.MaximumPrincipal ? policy.MaximumPrincipal : s.Outstanding, s.Days))
            .ToList();
        if (slices.Count == 0)
        {
            return new Interest(0m, "no principal outstanding on a subsidised day");
        }

        // Exact until the end: principal-days first, the one division last, rounded by the caller.
        var exact = slices.Sum(s => s.Subsidised.Yuan * s.Days) * rate * policy.SubsidyShare / basis;
        var terms = slices.Select(s =>
            $"{(s.Subsidised < s.Outstanding ? $"min({Yuan(s.Outstanding)}, {Yuan(s.Subsidised)})" : Yuan(s.Subsidised))} × {rateText} × {s.Days}/{basis}");
        var sum = slices.Count == 1 ? terms.Single() : $"({string.Join(" + ", terms)})";
        return new Interest(exact, $"{sum} × {Percent(policy.SubsidyShare)}");
    }

    private sealed record Interest(decimal Exact, string Computation);

    /// <summary>A yes-or-no fact about the borrower of one programme: met when it holds.</summary>
    private abstract class BorrowerFact<TBorrower>(string code, string description, string yes, string no) : ICriterion<InterestSubsidyFacts>
        where TBorrower : LoanBorrowerFacts
    {
        public CriterionResult Evaluate(InterestSubsidyFacts facts)
        {
            var holds = Holds((TBorrower)facts.Borrower);
            return new CriterionResult(code, description, Required(facts), holds ? yes : no, holds);
        }

        protected virtual string Required(InterestSubsidyFacts facts) => yes;

        protected abstract bool Holds(TBorrower borrower);
    }

    private sealed class HouseholdIsRegisteredPoor() : BorrowerFact<MicrocreditBorrowerFacts>(
        "loan.borrower_registered_poor",
        "The borrower's household is a registered-poor household (建档立卡贫困户) on the period's first day.",
        "registered poor",
        "not registered poor")
    {
        protected override string Required(InterestSubsidyFacts facts) => $"registered poor on {Date(facts.Period.Start)}";

        protected override bool Holds(MicrocreditBorrowerFacts borrower) => borrower.HouseholdRegisteredPoor;
    }

    private sealed class BorrowerSellsOnline() : BorrowerFact<MicrocreditBorrowerFacts>(
        "loan.borrower_sells_online",
        "The borrower runs an online shop or produces goods sold online.",
        "runs a shop or produces goods sold online",
        "neither")
    {
        protected override bool Holds(MicrocreditBorrowerFacts borrower) => borrower.SellsOnline;
    }

    private sealed class BorrowerRunsBusiness() : BorrowerFact<EntrepreneurBorrowerFacts>(
        "loan.borrower_runs_business",
        "The borrower runs the business (创业) the loan finances.",
        "runs a business",
        "no business")
    {
        protected override bool Holds(EntrepreneurBorrowerFacts borrower) => borrower.RunsBusiness;
    }

    private sealed class BorrowerIsActive : ICriterion<InterestSubsidyFacts>
    {
        public CriterionResult Evaluate(InterestSubsidyFacts facts)
        {
            var status = ((EntrepreneurBorrowerFacts)facts.Borrower).Status;
            return new CriterionResult(
                "loan.borrower_active",
                "The borrower is an active registered disabled person.",
                nameof(PersonStatus.Active),
                status?.ToString() ?? "not in the registry",
                status == PersonStatus.Active);
        }
    }

    private sealed class PolicyIsInForce : ICriterion<InterestSubsidyFacts>
    {
        public CriterionResult Evaluate(InterestSubsidyFacts facts) =>
            new(
                "loan.policy_in_force",
                "The programme's interest-subsidy parameters are in force on the period's first day.",
                $"{InterestSubsidyPolicy.KeyFor(facts.Loan.Programme)} in force on {Date(facts.Period.Start)}",
                facts.Policy?.ToString() ?? "none in force",
                facts.Policy is not null);
    }

    private sealed class PeriodIsWithinTerm : ICriterion<InterestSubsidyFacts>
    {
        public CriterionResult Evaluate(InterestSubsidyFacts facts)
        {
            var (from, until) = SubsidisedDays(facts);
            var termEnd = TermEnd(facts);
            var period = facts.Period.ToString();
            var actual = until <= from
                ? facts.Period.Start >= termEnd ? $"{period}, after the term" : $"{period}, before the loan started"
                : from == facts.Period.Start && until == facts.Period.End.AddDays(1) ? period : $"{period}, cut to {SubsidyPeriod.Create(from, until.AddDays(-1))}";
            return new CriterionResult(
                "loan.period_within_term",
                "The period lies within the loan's subsidised term: from its start for at most the policy's maximum term, never after maturity. A period crossing either end is cut.",
                $"within {Date(facts.Loan.StartDate)} to {Date(termEnd.AddDays(-1))}",
                actual,
                until > from);
        }
    }

    private sealed class FirstClaimForPeriod : ICriterion<InterestSubsidyFacts>
    {
        public CriterionResult Evaluate(InterestSubsidyFacts facts) =>
            new(
                "loan.first_claim",
                "No approved or paid subsidy of the loan covers a day of the period.",
                "none",
                facts.PeriodAlreadySubsidised ? "the period is already subsidised" : "none",
                !facts.PeriodAlreadySubsidised);
    }
}
