using System.Globalization;
using Sunshine.Domain.Benefits;
using Sunshine.Domain.Common;
using Sunshine.Domain.Policies;
using Sunshine.Domain.Registry;

namespace Sunshine.Domain.Training;

/// <summary>
/// Everything the training subsidy rules look at, gathered by the use case on the assessment date
/// (the certificate date).
/// </summary>
/// <param name="ClaimantStatus">The claimant's registry status now; null when not registered.</param>
/// <param name="ClaimantCountyId">The claimant's county now.</param>
/// <param name="ClaimCountyId">The county the claim is made in.</param>
/// <param name="Qualifications">The recognised table in force on the certificate date, if any.</param>
/// <param name="QualificationsVersionId">Its policy version.</param>
/// <param name="QualificationCode">The qualification claimed.</param>
/// <param name="TrainingStart">First day of the training.</param>
/// <param name="CertificateDate">Date of the qualification certificate: the assessment date.</param>
/// <param name="ProgrammeStart">First day of the programme period.</param>
/// <param name="ProgrammeEnd">Last day of the programme period.</param>
/// <param name="FeePaid">What the person paid.</param>
/// <param name="FeeCharging">The training was socially provided and charged a fee.</param>
/// <param name="HasEarlierApprovedClaim">An approved or paid claim exists for the same person and qualification.</param>
public sealed record TrainingClaimFacts(
    PersonStatus? ClaimantStatus,
    Guid? ClaimantCountyId,
    Guid ClaimCountyId,
    QualificationTable? Qualifications,
    Guid? QualificationsVersionId,
    string QualificationCode,
    DateOnly TrainingStart,
    DateOnly CertificateDate,
    DateOnly ProgrammeStart,
    DateOnly ProgrammeEnd,
    Money FeePaid,
    bool FeeCharging,
    bool HasEarlierApprovedClaim);

/// <summary>
/// The training subsidy rules (action plan §三(一)): a registered disabled person of the county who
/// paid for fee-charging training and obtained a recognised qualification gets the standard amount
/// of that qualification, but never more than they paid; once per person and qualification.
/// </summary>
public static class TrainingSubsidyRules
{
    private static readonly ICriterion<TrainingClaimFacts>[] Criteria =
    [
        new ClaimantIsActiveInCounty(),
        new QualificationIsRecognised(),
        new CertificateDateIsValid(),
        new FeeWasPaid(),
        new FirstClaimForQualification(),
    ];

    public static Decision Decide(TrainingClaimFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var results = Criteria.Select(c => c.Evaluate(facts)).ToList();
        var eligible = results.All(r => r.Met);
        var standard = facts.Qualifications?.Find(facts.QualificationCode)?.StandardAmount;
        var amount = eligible && standard is { } s ? Money.Round(Math.Min(s.Yuan, facts.FeePaid.Yuan)) : Money.Zero;
        results.Add(new CriterionResult(
            "training.amount",
            "The subsidy is the standard amount of the qualification, but never more than was paid.",
            standard is { } std ? $"min({Yuan(std)}, {Yuan(facts.FeePaid)})" : "a standard amount",
            Yuan(amount),
            eligible));
        return new Decision(eligible, amount, facts.CertificateDate, facts.QualificationsVersionId, results);
    }

    private static string Yuan(Money money) => money.Yuan.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed class ClaimantIsActiveInCounty : ICriterion<TrainingClaimFacts>
    {
        public CriterionResult Evaluate(TrainingClaimFacts facts)
        {
            var actual = facts.ClaimantStatus switch
            {
                null => "not in the registry",
                PersonStatus.Active when facts.ClaimantCountyId == facts.ClaimCountyId => "active, of the claiming county",
                PersonStatus.Active => "active, of another county",
                { } status => status.ToString(),
            };
            return new CriterionResult(
                "training.claimant_active",
                "The claimant is an active registered disabled person of the claiming county.",
                "active, of the claiming county",
                actual,
                facts.ClaimantStatus == PersonStatus.Active && facts.ClaimantCountyId == facts.ClaimCountyId);
        }
    }

    private sealed class QualificationIsRecognised : ICriterion<TrainingClaimFacts>
    {
        public CriterionResult Evaluate(TrainingClaimFacts facts)
        {
            var found = facts.Qualifications?.Find(facts.QualificationCode);
            var actual = facts.Qualifications is null
                ? $"no recognised table in force on {Date(facts.CertificateDate)}"
                : found is null ? $"{facts.QualificationCode} is not in the table" : $"{found.Code} {found.Name}, standard {Yuan(found.StandardAmount)}";
            return new CriterionResult(
                "training.qualification_recognised",
                "The qualification is in the recognised table in force on the certificate date.",
                $"in the table in force on {Date(facts.CertificateDate)}",
                actual,
                found is not null);
        }
    }

    private sealed class CertificateDateIsValid : ICriterion<TrainingClaimFacts>
    {
        public CriterionResult Evaluate(TrainingClaimFacts facts) =>
            new(
                "training.certificate_date",
                "The certificate was obtained on or after the training started and within the programme period.",
                $"from {Date(facts.TrainingStart > facts.ProgrammeStart ? facts.TrainingStart : facts.ProgrammeStart)} to {Date(facts.ProgrammeEnd)}",
                Date(facts.CertificateDate),
                facts.CertificateDate >= facts.TrainingStart && facts.CertificateDate >= facts.ProgrammeStart && facts.CertificateDate <= facts.ProgrammeEnd);
    }

    private sealed class FeeWasPaid : ICriterion<TrainingClaimFacts>
    {
        public CriterionResult Evaluate(TrainingClaimFacts facts) =>
            new(
                "training.fee_paid",
                "The person paid a positive amount for socially provided, fee-charging training.",
                "fee-charging training, paid more than 0.00",
                $"{(facts.FeeCharging ? "fee-charging" : "not fee-charging")}, paid {Yuan(facts.FeePaid)}",
                facts.FeeCharging && facts.FeePaid > Money.Zero);
    }

    private sealed class FirstClaimForQualification : ICriterion<TrainingClaimFacts>
    {
        public CriterionResult Evaluate(TrainingClaimFacts facts) =>
            new(
                "training.first_claim",
                "No earlier approved or paid claim exists for the same person and qualification.",
                "none",
                facts.HasEarlierApprovedClaim ? "an approved or paid claim exists" : "none",
                !facts.HasEarlierApprovedClaim);
    }
}
