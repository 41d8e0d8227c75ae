using Sunshine.Domain.Common;

namespace Sunshine.Domain.Benefits;

/// <summary>One step of a benefit's history: who moved it from which state to which, when, and why.</summary>
public sealed class BenefitTransition
{
    private BenefitTransition()
    {
        Action = null!;
    }

    internal BenefitTransition(string action, BenefitState from, BenefitState to, Guid actorId, DateTimeOffset at, string? comment)
    {
        Id = Guid.CreateVersion7();
        Action = action;
        From = from;
        To = to;
        ActorId = actorId;
        At = at;
        Comment = comment;
    }

    public Guid Id { get; private set; }

    public string Action { get; private set; }

    public BenefitState From { get; private set; }

    public BenefitState To { get; private set; }

    public Guid ActorId { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string? Comment { get; private set; }
}

/// <summary>
/// A benefit (a subsidy or an award) on its way through the one workflow: draft → submitted →
/// county reviewed → (city approved, when the type needs it) → paid; or returned to draft, rejected,
/// withdrawn. The decision is frozen at submission and must still hold at every decision step up to
/// final approval. Nobody decides a step they submitted or decided before (maker-checker).
/// </summary>
public sealed class Benefit : Entity, ICountyScoped
{
    public const int CommentMaxLength = 1000;

    private readonly List<BenefitTransition> _transitions = [];

    private Benefit()
    {
        OneTimeKey = null!;
    }

    private Benefit(BenefitType type, Guid countyId, Guid? personId, string oneTimeKey, Guid createdById, DateTimeOffset createdAt)
    {
        Type = type;
        CountyId = countyId;
        PersonId = personId;
        OneTimeKey = oneTimeKey;
        CreatedById = createdById;
        CreatedAt = createdAt;
        State = BenefitState.Draft;
    }

    public BenefitType Type { get; private set; }

    /// <summary>The county of the beneficiary when the benefit was applied for.</summary>
    public Guid CountyId { get; private set; }

    public Guid? PersonId { get; private set; }

    /// <summary>What "once" means for the type (e.g. person and qualification); unique among approved benefits of a type.</summary>
    public string OneTimeKey { get; private set; }

    public BenefitState State { get; private set; }

    /// <summary>True from final approval on (and when paid): the decision stands.</summary>
    public bool IsFinallyApproved { get; private set; }

    /// <summary>The decision frozen at the last submission.</summary>
    public Decision? Decision { get; private set; }

    public Guid CreatedById { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public Guid? SubmittedById { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public Guid? CountyReviewedById { get; private set; }

    public Guid? CityApprovedById { get; private set; }

    public Guid? PaidById { get; private set; }

    public DateOnly? PaymentDate { get; private set; }

    /// <summary>The payment voucher (记账凭证) number until the fund ledger records payments.</summary>
    public string? PaymentVoucher { get; private set; }

    public IReadOnlyList<BenefitTransition> Transitions => _transitions;

    public BenefitTypeDefinition Definition => BenefitTypes.Get(Type);

    public bool IsEditable => State == BenefitState.Draft;

    public static Benefit Create(BenefitType type, Guid countyId, Guid? personId, string oneTimeKey, Guid createdById, DateTimeOffset createdAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(oneTimeKey);
        return new Benefit(type, countyId, personId, oneTimeKey, createdById, createdAt);
    }

    /// <summary>While a draft, the facts that define "once" may be corrected.</summary>
    public void ChangeOneTimeKey(string oneTimeKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(oneTimeKey);
        EnsureState("correct", BenefitState.Draft);
        OneTimeKey = oneTimeKey;
    }

    /// <summary>Submits the draft with the decision computed now; the decision is frozen with it.</summary>
    public void Submit(Guid actorId, Decision decision, DateTimeOffset at, string? comment = null)
    {
        ArgumentNullException.ThrowIfNull(decision);
        EnsureState("submit", BenefitState.Draft);
        Move("submit", BenefitState.Submitted, actorId, at, comment);
        Decision = decision;
        SubmittedById = actorId;
        SubmittedAt = at;
        CountyReviewedById = null;
    }

    /// <summary>Re-submits a benefit awaiting a decision with a fresh decision (after its facts or policy changed).</summary>
    public void Resubmit(Guid actorId, Decision decision, DateTimeOffset at, string? comment = null)
    {
        ArgumentNullException.ThrowIfNull(decision);
        EnsureAwaitingDecision("resubmit");
        if (actorId != SubmittedById)
        {
            throw new DomainException("benefit.not_submitter", "Only the submitter re-submits.", DomainErrorKind.NotAllowed);
        }

        Move("resubmit", BenefitState.Submitted, actorId, at, comment);
        Decision = decision;
        SubmittedAt = at;
        CountyReviewedById = null;
    }

    /// <summary>The submitter takes the benefit back before anyone has reviewed it.</summary>
    public void Withdraw(Guid actorId, DateTimeOffset at, string? comment)
    {
        EnsureState("withdraw", BenefitState.Submitted);
        if (actorId != SubmittedById)
        {
            throw new DomainException("benefit.not_submitter", "Only the submitter withdraws.", DomainErrorKind.NotAllowed);
        }

        Move("withdraw", BenefitState.Withdrawn, actorId, at, comment);
    }

    /// <summary>A reviewer sends it back to draft for corrections.</summary>
    public void Return(Guid actorId, DateTimeOffset at, string comment)
    {
        EnsureAwaitingDecision("return");
        EnsureChecker(actorId);
        RequireComment(comment);
        Move("return", BenefitState.Draft, actorId, at, comment);
        Decision = null;
        CountyReviewedById = null;
    }

    public void Reject(Guid actorId, DateTimeOffset at, string comment)
    {
        EnsureAwaitingDecision("reject");
        EnsureChecker(actorId);
        RequireComment(comment);
        Move("reject", BenefitState.Rejected, actorId, at, comment);
    }

    /// <summary>The county federation reviews and approves; final for types without city approval.</summary>
    public void ReviewByCounty(Guid actorId, Decision live, DateTimeOffset at, string? comment)
    {
        EnsureState("review", BenefitState.Submitted);
        EnsureChecker(actorId);
        EnsureDecisionStands(live);
        Move("county_review", BenefitState.CountyReviewed, actorId, at, comment);
        CountyReviewedById = actorId;
        IsFinallyApproved = !Definition.RequiresCityApproval;
    }

    public void ApproveByCity(Guid actorId, Decision live, DateTimeOffset at, string? comment)
    {
        if (!Definition.RequiresCityApproval)
        {
            throw new DomainException("benefit.step_not_needed", "This type of benefit needs no city approval.", DomainErrorKind.Conflict);
        }

        EnsureState("approve", BenefitState.CountyReviewed);
        EnsureChecker(actorId);
        EnsureDecisionStands(live);
        Move("city_approve", BenefitState.CityApproved, actorId, at, comment);
        CityApprovedById = actorId;
        IsFinallyApproved = true;
    }

    public void MarkPaid(Guid actorId, DateOnly paymentDate, string voucher, DateOnly today, DateTimeOffset at)
    {
        if (!IsFinallyApproved || State == BenefitState.Paid)
        {
            throw new DomainException("benefit.state", $"Only a finally approved benefit is paid (this one is {State}).", DomainErrorKind.Conflict);
        }

        EnsureChecker(actorId);
        if (paymentDate > today)
        {
            throw new DomainException("benefit.payment_date_invalid", "The payment date cannot be in the future.", field: "paymentDate");
        }

        var trimmed = voucher?.Trim() ?? string.Empty;
        if (trimmed.Length is 0 or > 50)
        {
            throw new DomainException("benefit.voucher_invalid", "The payment voucher number is 1 to 50 characters.", field: "voucher");
        }

        Move("pay", BenefitState.Paid, actorId, at, null);
        PaidById = actorId;
        PaymentDate = paymentDate;
        PaymentVoucher = trimmed;
    }

    private void EnsureDecisionStands(Decision live)
    {
        ArgumentNullException.ThrowIfNull(live);
        if (Decision is null || !Decision.SameOutcomeAs(live))
        {
            throw new DomainException(
                "benefit.decision_changed",
                "The facts or the policy changed since submission and the decision would differ: the submitter must re-submit.",
                DomainErrorKind.Conflict);
        }

        if (!live.Eligible)
        {
            throw new DomainException("benefit.not_eligible", "The decision is not eligible: reject or return it instead.");
        }
    }

    /// <summary>Maker-checker: the submitter and anyone who decided an earlier step may not decide this one.</summary>
    private void EnsureChecker(Guid actorId)
    {
        if (actorId == SubmittedById || actorId == CountyReviewedById || actorId == CityApprovedById)
        {
            throw new DomainException("benefit.maker_checker", "You submitted or already decided this benefit: another officer must decide.", DomainErrorKind.NotAllowed);
        }
    }

    private void EnsureAwaitingDecision(string action)
    {
        var awaiting = State == BenefitState.Submitted || (State == BenefitState.CountyReviewed && !IsFinallyApproved);
        if (!awaiting)
        {
            throw new DomainException("benefit.state", $"Cannot {action} a benefit that is {State}.", DomainErrorKind.Conflict);
        }
    }

    private void EnsureState(string action, BenefitState expected)
    {
        if (State != expected)
        {
            throw new DomainException("benefit.state", $"Cannot {action} a benefit that is {State}.", DomainErrorKind.Conflict);
        }
    }

    private static void RequireComment(string? comment)
    {
        if (string.IsNullOrWhiteSpace(comment))
        {
            throw new DomainException("benefit.comment_required", "Say why.", field: "comment");
        }
    }

    private void Move(string action, BenefitState to, Guid actorId, DateTimeOffset at, string? comment)
    {
        var trimmed = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (trimmed is { Length: > CommentMaxLength })
        {
            throw new DomainException("benefit.comment_too_long", $"A comment is at most {CommentMaxLength} characters.", field: "comment");
        }

        _transitions.Add(new BenefitTransition(action, State, to, actorId, at, trimmed));
        State = to;
    }
}
