using System.Globalization;
using Sunshine.Domain.Bases;
using Sunshine.Domain.Benefits;
using Sunshine.Domain.Common;
using Sunshine.Domain.Registry;

namespace Sunshine.Domain.Awards;

/// <summary>
/// The award rule sets (action plan §三(三)–(五)): one criterion class per rule, a rule set per award
/// type; the decision lists every criterion with what it requires and what the facts show, and the
/// amount is the grant of the policy in force when every criterion is met.
/// </summary>
public static class AwardRules
{
    private static readonly ICriterion<AwardFacts> PolicyInForce = new PolicyIsInForce();
    private static readonly ICriterion<AwardFacts> NotHeld = new NotAlreadyHeld();

    private static readonly ICriterion<DemonstrationHouseholdFacts>[] HouseholdRules =
        [Lift<DemonstrationHouseholdFacts>(PolicyInForce), new PersonIsActive(), new PreviousYearSalesReachThreshold(), Lift<DemonstrationHouseholdFacts>(NotHeld)];

    private static readonly ICriterion<DemonstrationBaseFacts>[] BaseRules =
        [Lift<DemonstrationBaseFacts>(PolicyInForce), new BaseIsActive(), new EnoughStablyLinkedHouseholds(), new AnnualSalesReachThreshold(), Lift<DemonstrationBaseFacts>(NotHeld)];

    private static readonly ICriterion<EnterpriseRecognitionFacts>[] PovertyBaseRules =
        [Lift<EnterpriseRecognitionFacts>(PolicyInForce), new EnoughBasesUnderAgreement(), Lift<EnterpriseRecognitionFacts>(NotHeld)];

    private static readonly ICriterion<EnterpriseRecognitionFacts>[] EmploymentBaseRules =
        [Lift<EnterpriseRecognitionFacts>(PolicyInForce), new EnoughDisabledEmployees(), Lift<EnterpriseRecognitionFacts>(NotHeld)];

    /// <summary>"Previous calendar year" and "annual": the calendar year before the assessment date.</summary>
    public static int SalesYearOf(DateOnly assessmentDate) => assessmentDate.Year - 1;

    public static Decision Decide(AwardFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return facts switch
        {
            DemonstrationHouseholdFacts f => Apply(f, HouseholdRules, f.Policy?.Grant),
            DemonstrationBaseFacts f => Apply(f, BaseRules, f.Policy?.Grant),
            EnterpriseRecognitionFacts { Recognition: BenefitType.PovertyAlleviationBaseEnterpriseAward } f => Apply(f, PovertyBaseRules, f.Policy?.PovertyAlleviationBaseGrant),
            EnterpriseRecognitionFacts { Recognition: BenefitType.EmploymentBaseEnterpriseAward } f => Apply(f, EmploymentBaseRules, f.Policy?.EmploymentBaseGrant),
            _ => throw new ArgumentOutOfRangeException(nameof(facts), facts.Type, "Not an award type."),
        };
    }

    private static Decision Apply<TFacts>(TFacts facts, ICriterion<TFacts>[] rules, Money? grant)
        where TFacts : AwardFacts
    {
        var results = rules.Select(c => c.Evaluate(facts)).ToList();
        var eligible = results.All(r => r.Met);
        var amount = eligible && grant is { } g ? g : Money.Zero;
        results.Add(new CriterionResult(
            "award.amount",
            "The grant of the policy in force (0.00 is a recognition without money).",
            grant is { } required ? Yuan(required) : "a policy in force",
            Yuan(amount),
            eligible));
        return new Decision(eligible, amount, facts.AssessmentDate, facts.PolicyVersionId, results);
    }

    private static string Yuan(Money money) => money.Yuan.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Lifted<T> Lift<T>(ICriterion<AwardFacts> criterion)
        where T : AwardFacts => new Lifted<T>(criterion);

    private sealed class Lifted<T>(ICriterion<AwardFacts> inner) : ICriterion<T>
        where T : AwardFacts
    {
        public CriterionResult Evaluate(T facts) => inner.Evaluate(facts);
    }

    private sealed class PolicyIsInForce : ICriterion<AwardFacts>
    {
        public CriterionResult Evaluate(AwardFacts facts) => new(
            "award.policy_in_force",
            "The award's parameters are in force on the assessment date.",
            $"a version in force on {Date(facts.AssessmentDate)}",
            facts.PolicyVersionId is null ? "none" : "in force",
            facts.PolicyVersionId is not null);
    }

    private sealed class NotAlreadyHeld : ICriterion<AwardFacts>
    {
        public CriterionResult Evaluate(AwardFacts facts) => new(
            "award.not_already_held",
            "The beneficiary does not already hold an approved or paid award of this type (once only).",
            "no approved or paid award of this type",
            facts.HoldsAwardOfType ? "already holds one" : "none",
            !facts.HoldsAwardOfType);
    }

    private sealed class PersonIsActive : ICriterion<DemonstrationHouseholdFacts>
    {
        public CriterionResult Evaluate(DemonstrationHouseholdFacts facts) => new(
            "award.person_active",
            "The applicant is an active registered disabled person.",
            "active",
            facts.PersonStatus?.ToString() ?? "not in the registry",
            facts.PersonStatus == PersonStatus.Active);
    }

    private sealed class PreviousYearSalesReachThreshold : ICriterion<DemonstrationHouseholdFacts>
    {
        public CriterionResult Evaluate(DemonstrationHouseholdFacts facts) => new(
            "award.previous_year_sales",
            "Net sales of the applicant's shops in the previous calendar year reach the threshold.",
            facts.Policy is { } p ? $">= {Yuan(p.SalesThreshold)} in {facts.SalesYear}" : $"a threshold in force, in {facts.SalesYear}",
            $"{Yuan(facts.TotalSales)} over {facts.Shops.Count} shop(s)",
            facts.Policy is { } policy && facts.TotalSales >= policy.SalesThreshold);
    }

    private sealed class BaseIsActive : ICriterion<DemonstrationBaseFacts>
    {
        public CriterionResult Evaluate(DemonstrationBaseFacts facts) => new(
            "award.base_active",
            "The base is a recognised Sunshine base in good standing.",
            nameof(BaseStatus.Active),
            facts.BaseStatus?.ToString() ?? "not registered",
            facts.BaseStatus == BaseStatus.Active);
    }

    private sealed class EnoughStablyLinkedHouseholds : ICriterion<DemonstrationBaseFacts>
    {
        public CriterionResult Evaluate(DemonstrationBaseFacts facts) => new(
            "award.stably_linked_households",
            "The base stably carries the products of enough disabled households (in at least the stable-link minimum of months of the year).",
            facts.Policy is { } p
                ? $">= {p.LinkedHouseholds.ToString(CultureInfo.InvariantCulture)} households, >= {facts.StableLinkMonths.ToString(CultureInfo.InvariantCulture)} months in {facts.SalesYear}"
                : "a minimum in force",
            facts.StablyLinkedHouseholds.ToString(CultureInfo.InvariantCulture),
            facts.Policy is { } policy && facts.StablyLinkedHouseholds >= policy.LinkedHouseholds);
    }

    private sealed class AnnualSalesReachThreshold : ICriterion<DemonstrationBaseFacts>
    {
        public CriterionResult Evaluate(DemonstrationBaseFacts facts) => new(
            "award.annual_sales",
            "Net sales of the base operator's shops in the previous calendar year reach the threshold.",
            facts.Policy is { } p ? $">= {Yuan(p.SalesThreshold)} in {facts.SalesYear}" : $"a threshold in force, in {facts.SalesYear}",
            $"{Yuan(facts.TotalSales)} over {facts.Shops.Count} shop(s)",
            facts.Policy is { } policy && facts.TotalSales >= policy.SalesThreshold);
    }

    private sealed class EnoughBasesUnderAgreement : ICriterion<EnterpriseRecognitionFacts>
    {
        public CriterionResult Evaluate(EnterpriseRecognitionFacts facts) => new(
            "award.bases_under_agreement",
            "The enterprise has supply agreements in force with enough Sunshine bases on the assessment date.",
            facts.Policy is { } p ? $">= {p.MinimumBases.ToString(CultureInfo.InvariantCulture)} on {Date(facts.AssessmentDate)}" : "a minimum in force",
            facts.BasesWithActiveAgreements.ToString(CultureInfo.InvariantCulture),
            facts.Policy is { } policy && facts.BasesWithActiveAgreements >= policy.MinimumBases);
    }

    private sealed class EnoughDisabledEmployees : ICriterion<EnterpriseRecognitionFacts>
    {
        public CriterionResult Evaluate(EnterpriseRecognitionFacts facts) => new(
            "award.disabled_employees",
            "The enterprise employs enough registered disabled people on the assessment date.",
            facts.Policy is { } p ? $">= {p.MinimumDisabledEmployees.ToString(CultureInfo.InvariantCulture)} on {Date(facts.AssessmentDate)}" : "a minimum in force",
            facts.DisabledEmployees.ToString(CultureInfo.InvariantCulture),
            facts.Policy is { } policy && facts.DisabledEmployees >= policy.MinimumDisabledEmployees);
    }
}
