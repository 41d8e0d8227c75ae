using Sunshine.Domain.Benefits;

namespace Sunshine.Application.Benefits;

/// <summary>A decision: eligible or not, the amount, the assessment date, the policy version, every criterion.</summary>
public sealed record DecisionDto(bool Eligible, decimal Amount, DateOnly AssessmentDate, Guid? PolicyVersionId, IReadOnlyList<CriterionResult> Criteria);

/// <summary>An objection received during the public notice; <c>Upheld</c> is null while it is open.</summary>
public sealed record ObjectionDto(Guid Id, DateOnly ReceivedOn, string Summary, Guid RecordedById, DateTimeOffset RecordedAt, bool? Upheld, string? Resolution, Guid? ResolvedById, DateTimeOffset? ResolvedAt);

/// <summary>One step of the workflow history.</summary>
public sealed record TransitionDto(string Action, BenefitState From, BenefitState To, Guid ActorId, DateTimeOffset At, string? Comment);

/// <summary>
/// A benefit in the workflow. <c>Decision</c> is frozen at submission; <c>LiveDecision</c> is the
/// decision the facts and policy give now; <c>DecisionChanged</c> flags a difference (before final
/// approval the submitter must re-submit; after it, the flag records a later correction of facts).
/// Awards carry their public notice (公示) dates and the objections received.
/// </summary>
public sealed record BenefitDto(
    Guid Id,
    BenefitType Type,
    Guid CountyId,
    Guid? PersonId,
    BenefitState State,
    bool IsFinallyApproved,
    BenefitLevel Level,
    bool RequiresCityApproval,
    bool RequiresPublicNotice,
    DecisionDto? Decision,
    DecisionDto? LiveDecision,
    bool DecisionChanged,
    Guid CreatedById,
    Guid? SubmittedById,
    DateTimeOffset? SubmittedAt,
    Guid? CountyReviewedById,
    Guid? ApprovedById,
    DateOnly? NoticeStartsOn,
    DateOnly? NoticeEndsOn,
    IReadOnlyList<ObjectionDto> Objections,
    Guid? PaidById,
    DateOnly? PaymentDate,
    string? PaymentVoucher,
    IReadOnlyList<TransitionDto> Transitions,
    uint Version);

public static class BenefitMapping
{
    public static DecisionDto ToDto(this Decision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return new DecisionDto(decision.Eligible, decision.Amount.Yuan, decision.AssessmentDate, decision.PolicyVersionId, decision.Criteria);
    }

    public static BenefitDto ToDto(this Benefit benefit, Decision? live)
    {
        ArgumentNullException.ThrowIfNull(benefit);
        return new BenefitDto(
            benefit.Id,
            benefit.Type,
            benefit.CountyId,
            benefit.PersonId,
            benefit.State,
            benefit.IsFinallyApproved,
            benefit.Definition.Level,
            benefit.Definition.RequiresCityApproval,
            benefit.Definition.RequiresPublicNotice,
            benefit.Decision?.ToDto(),
            live?.ToDto(),
            benefit.Decision is not null && live is not null && !benefit.Decision.SameOutcomeAs(live),
            benefit.CreatedById,
            benefit.SubmittedById,
            benefit.SubmittedAt,
            benefit.CountyReviewedById,
            benefit.ApprovedById,
            benefit.NoticeStartsOn,
            benefit.NoticeEndsOn,
            benefit.Objections.OrderBy(o => o.RecordedAt)
                .Select(o => new ObjectionDto(o.Id, o.ReceivedOn, o.Summary, o.RecordedById, o.RecordedAt, o.Upheld, o.Resolution, o.ResolvedById, o.ResolvedAt)).ToList(),
            benefit.PaidById,
            benefit.PaymentDate,
            benefit.PaymentVoucher,
            benefit.Transitions.OrderBy(t => t.At).ThenBy(t => t.Sequence).Select(t => new TransitionDto(t.Action, t.From, t.To, t.ActorId, t.At, t.Comment)).ToList(),
            benefit.Version);
    }
}
