using Sunshine.Domain.Common;

namespace Sunshine.Domain.Benefits;

/// <summary>One criterion of a decision: what it requires, what the facts show, whether it is met.</summary>
/// <param name="Code">Stable code, e.g. <c>training.qualification_recognised</c>.</param>
/// <param name="Description">What the criterion asks, in one line.</param>
/// <param name="Required">What is required, e.g. <c>in the recognised table on 2019-06-01</c>.</param>
/// <param name="Actual">What the facts show.</param>
/// <param name="Met">Whether the facts meet it.</param>
public sealed record CriterionResult(string Code, string Description, string Required, string Actual, bool Met);

/// <summary>
/// The result of applying a rule set to facts on an assessment date with one policy version:
/// eligible or not, the amount, and every criterion. "Not eligible" is a result, not an error.
/// </summary>
public sealed record Decision(bool Eligible, Money Amount, DateOnly AssessmentDate, Guid? PolicyVersionId, IReadOnlyList<CriterionResult> Criteria)
{
    /// <summary>Same outcome: eligibility, amount, policy version and each criterion's verdict and actual value.</summary>
    public bool SameOutcomeAs(Decision other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Eligible == other.Eligible
            && Amount == other.Amount
            && AssessmentDate == other.AssessmentDate
            && PolicyVersionId == other.PolicyVersionId
            && Criteria.Count == other.Criteria.Count
            && Criteria.Zip(other.Criteria).All(p => p.First.Code == p.Second.Code && p.First.Met == p.Second.Met && p.First.Actual == p.Second.Actual);
    }
}

/// <summary>One eligibility criterion over the facts <typeparamref name="TFacts"/>.</summary>
public interface ICriterion<in TFacts>
{
    CriterionResult Evaluate(TFacts facts);
}
