using Sunshine.Domain.Common;

namespace Sunshine.Domain.Benefits;

/// <summary>One step of a benefit's history: who moved it from which state to which, when, and why.</summary>
public sealed class BenefitTransition
{
    private BenefitTransition()
    {
        Action = null!;
    }

    internal BenefitTransition(int sequence, string action, BenefitState from, BenefitState to, Guid actorId, DateTimeOffset at, string? comment)
    {
        Id = Guid.CreateVersion7();
        Sequence = sequence;
        Action = action;
        From = from;
        To = to;
        ActorId = actorId;
        At = at;
        Comment = comment;
    }

    public Guid Id { get; private set; }

    /// <summary>The step's place in the benefit's history (steps of one request share their time).</summary>
    public int Sequence { get; private set; }

    public string Action { get; private set; }

    public BenefitState From { get; private set; }

    public BenefitState To { get; private set; }

    public Guid ActorId { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string? Comment { get; private set; }
}

/// <summary>An objection (异议) received during a benefit's public notice, and how it was resolved.</summary>
public sealed class BenefitObjection
{
    public const int TextMaxLength = 1000;

    private BenefitObjection()
    {
        Summary = null!;
    }

    internal BenefitObjection(DateOnly receivedOn, string summary, Guid recordedById, DateTimeOffset recordedAt)
    {
        Id = Guid.CreateVersion7();
        ReceivedOn = receivedOn;
        Summary = summary;
        RecordedById = recordedById;
        RecordedAt = recordedAt;
    }

    public Guid Id { get; private set; }

    public DateOnly ReceivedOn { get; private set; }

    /// <summary>What the objection says (the objector is not named here: objections may be anonymous).</summary>
    public string Summary { get; private set; }

    public Guid RecordedById { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>Null while open; true when the objection was found valid (the benefit cannot be approved), false when dismissed.</summary>
    public bool? Upheld { get; private set; }

    public string? Resolution { get; private set; }

    public Guid? ResolvedById { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public bool IsOpen => Upheld is null;

    internal void Resolve(bool upheld, string resolution, Guid actorId, DateTimeOffset at)
    {
        if (!IsOpen)
        {
            throw new DomainException("benefit.objection_resolved", "The objection is already resolved.", DomainErrorKind.Conflict);
        }

        Upheld = upheld;
        Resolution = resolution;
        ResolvedById = actorId;
        ResolvedAt = at;
    }
}

/// <summary>
/// A benefit (a subsidy or an award) on its way through the one workflow: draft → submitted →
/// county reviewed → (public notice, for awards) → (approved by the county or the city, when the type
/// needs it) → paid, or recognised when the amount is 0; or returned to draft, rejected, withdrawn.
/// The decision is frozen at submission and must still hold at every decision step up to final
/// approval. Nobody decides a step they submitted or decided before (maker-checker), and nobody pays
/// what they submitted or finally approved.
/// </summary>
public sealed class Benefit : Entity, ICountyScoped
{
    public const int CommentMaxLength = 1000;

    private readonly List<BenefitTransition> _transitions = [];
    private readonly List<BenefitObjection> _objections = [];

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

    /// <summary>True from final approval on (and when paid or recognised): the decision stands.</summary>
    public bool IsFinallyApproved { get; private set; }

    /// <summary>The decision frozen at the last submission.</summary>
    public Decision? Decision { get; private set; }

    public Guid CreatedById { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public Guid? SubmittedById { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public Guid? CountyReviewedById { get; private set; }

    /// <summary>Who gave the final approval after the county review (the county after a public notice, or the city).</summary>
    public Guid? ApprovedById { get; private set; }

    /// <summary>First day of the public notice (公示), when the type has one and it has started.</summary>
    public DateOnly? NoticeStartsOn { get; private set; }

    /// <summary>Last day of the public notice: approval is possible from the day after.</summary>
    public DateOnly? NoticeEndsOn { get; private set; }

    public Guid? PaidById { get; private set; }

    public DateOnly? PaymentDate { get; private set; }

    /// <summary>The payment voucher (记账凭证) number of the payment in the fund ledger.</summary>
    public string? PaymentVoucher { get; private set; }

    public IReadOnlyList<BenefitTransition> Transitions => _transitions;

    public IReadOnlyList<BenefitObjection> Objections => _objections;

    public BenefitTypeDefinition Definition => BenefitTypes.Get(Type);

    public bool IsEditable => State == BenefitState.Draft;

    /// <summary>Who finally approved: the approver, or the county reviewer for types without an approval step.</summary>
    public Guid? FinalApproverId => IsFinallyApproved ? ApprovedById ?? CountyReviewedById : null;

    /// <summary>The state a finally approved benefit waits in until it is paid.</summary>
    public BenefitState ApprovedState =>
        Definition.RequiresCityApproval ? BenefitState.CityApproved : Definition.RequiresPublicNotice ? BenefitState.Approved : BenefitState.CountyReviewed;

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
        ClearNotice();
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
        ClearNotice();
    }

    public void Reject(Guid actorId, DateTimeOffset at, string comment)
    {
        EnsureAwaitingDecision("reject");
        EnsureChecker(actorId);
        RequireComment(comment);
        Move("reject", BenefitState.Rejected, actorId, at, comment);
    }

    /// <summary>
    /// The county federation reviews and approves. Final for types without a later step; for awards
    /// the public notice starts the same day (<paramref name="today"/>, China Standard Time) and lasts
    /// <paramref name="noticeDays"/> days.
    /// </summary>
    public void ReviewByCounty(Guid actorId, Decision live, DateTimeOffset at, string? comment, DateOnly today = default, int noticeDays = 0)
    {
        EnsureState("review", BenefitState.Submitted);
        EnsureChecker(actorId);
        EnsureDecisionStands(live);
        if (Definition.RequiresPublicNotice && noticeDays < 1)
        {
            throw new DomainException("benefit.notice_days_invalid", "The public notice lasts at least one day.", DomainErrorKind.Conflict);
        }

        Move("county_review", BenefitState.CountyReviewed, actorId, at, comment);
        CountyReviewedById = actorId;
        if (Definition.RequiresPublicNotice)
        {
            NoticeStartsOn = today;
            NoticeEndsOn = today.AddDays(noticeDays - 1);
            Move("start_notice", BenefitState.PublicNotice, actorId, at, null);
        }
        else
        {
            IsFinallyApproved = !Definition.RequiresCityApproval;
        }
    }

    /// <summary>Records an objection received during the public notice.</summary>
    public BenefitObjection RecordObjection(Guid actorId, DateOnly receivedOn, string summary, DateOnly today, DateTimeOffset at)
    {
        EnsureState("record an objection to", BenefitState.PublicNotice);
        if (receivedOn > today || receivedOn < NoticeStartsOn || receivedOn > NoticeEndsOn)
        {
            throw new DomainException("benefit.objection_outside_notice", "An objection is received during the public notice, and not in the future.", field: "receivedOn");
        }

        var objection = new BenefitObjection(receivedOn, RequiredText(summary, "summary"), actorId, at);
        _objections.Add(objection);
        Move("object", BenefitState.PublicNotice, actorId, at, null);
        return objection;
    }

    /// <summary>Resolves an open objection: upheld (the benefit cannot be approved: reject or return it) or dismissed.</summary>
    public void ResolveObjection(Guid objectionId, Guid actorId, bool upheld, string resolution, DateTimeOffset at)
    {
        EnsureState("resolve an objection to", BenefitState.PublicNotice);
        var objection = _objections.FirstOrDefault(o => o.Id == objectionId)
            ?? throw new DomainException("objection.not_found", "No such objection on this benefit.", DomainErrorKind.Conflict, "objectionId");
        if (actorId == objection.RecordedById)
        {
            throw new DomainException("benefit.maker_checker", "You recorded this objection: another officer must resolve it.", DomainErrorKind.NotAllowed);
        }

        objection.Resolve(upheld, RequiredText(resolution, "resolution"), actorId, at);
        Move(upheld ? "uphold_objection" : "dismiss_objection", BenefitState.PublicNotice, actorId, at, resolution);
    }

    /// <summary>
    /// Final approval after the county review: by the county (county awards, after the public notice)
    /// or the city. Refused while the notice runs or an objection is open or upheld. An amount of 0 is
    /// a recognition: nothing is paid.
    /// </summary>
    public void Approve(Guid actorId, Decision live, DateOnly today, DateTimeOffset at, string? comment)
    {
        if (!Definition.RequiresCityApproval && !Definition.RequiresPublicNotice)
        {
            throw new DomainException("benefit.step_not_needed", "This type of benefit is final after the county review.", DomainErrorKind.Conflict);
        }

        EnsureState("approve", Definition.RequiresPublicNotice ? BenefitState.PublicNotice : BenefitState.CountyReviewed);
        EnsureChecker(actorId);
        if (Definition.RequiresPublicNotice)
        {
            if (NoticeEndsOn is not { } end || today <= end)
            {
                throw new DomainException("benefit.notice_running", $"The public notice runs until {NoticeEndsOn:yyyy-MM-dd}: approve from the day after.", DomainErrorKind.Conflict);
            }

            if (_objections.Any(o => o.IsOpen))
            {
                throw new DomainException("benefit.objection_open", "An objection is open: resolve it first.", DomainErrorKind.Conflict);
            }

            if (_objections.Any(o => o.Upheld == true))
            {
                throw new DomainException("benefit.objection_upheld", "An objection was upheld: reject or return the benefit.", DomainErrorKind.Conflict);
            }
        }

        EnsureDecisionStands(live);
        var to = ApprovedState;
        Move(to == BenefitState.CityApproved ? "city_approve" : "approve", to, actorId, at, comment);
        ApprovedById = actorId;
        IsFinallyApproved = true;
        if (live.Amount == Money.Zero)
        {
            Move("recognise", BenefitState.Recognised, actorId, at, null);
        }
    }

    /// <summary>Records the payment of a finally approved benefit (its ledger entries are recorded with it).</summary>
    public void MarkPaid(Guid actorId, DateOnly paymentDate, string voucher, DateOnly today, DateTimeOffset at)
    {
        EnsurePayable();
        EnsurePayer(actorId);
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

    /// <summary>Checks that the benefit can be paid now (finally approved, not paid, an amount to pay).</summary>
    public void EnsurePayable()
    {
        if (!IsFinallyApproved || State is BenefitState.Paid or BenefitState.Recognised)
        {
            throw new DomainException("benefit.state", $"Only a finally approved, unpaid benefit is paid (this one is {State}).", DomainErrorKind.Conflict);
        }
    }

    /// <summary>The payer is neither the submitter nor the final approver.</summary>
    public void EnsurePayer(Guid actorId)
    {
        if (actorId == SubmittedById || actorId == FinalApproverId)
        {
            throw new DomainException("benefit.maker_checker", "You submitted or approved this benefit: another officer must pay it.", DomainErrorKind.NotAllowed);
        }
    }

    /// <summary>A payment is reversed (its ledger entries are offset by negative ones): the benefit waits to be paid again.</summary>
    public void ReversePayment(Guid actorId, DateTimeOffset at, string reason)
    {
        EnsureState("reverse the payment of", BenefitState.Paid);
        RequireComment(reason, "reason");
        Move("reverse_payment", ApprovedState, actorId, at, reason);
        PaidById = null;
        PaymentDate = null;
        PaymentVoucher = null;
    }

    private void ClearNotice()
    {
        NoticeStartsOn = null;
        NoticeEndsOn = null;
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
        if (actorId == SubmittedById || actorId == CountyReviewedById || actorId == ApprovedById)
        {
            throw new DomainException("benefit.maker_checker", "You submitted or already decided this benefit: another officer must decide.", DomainErrorKind.NotAllowed);
        }
    }

    private void EnsureAwaitingDecision(string action)
    {
        var awaiting = State is BenefitState.Submitted or BenefitState.PublicNotice || (State == BenefitState.CountyReviewed && !IsFinallyApproved);
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

    private static void RequireComment(string? comment, string field = "comment")
    {
        if (string.IsNullOrWhiteSpace(comment))
        {
            throw new DomainException("benefit.comment_required", "Say why.", field: field);
        }
    }

    private static string RequiredText(string? text, string field) =>
        Text.Required(text, BenefitObjection.TextMaxLength, "benefit.text_invalid", field);

    private void Move(string action, BenefitState to, Guid actorId, DateTimeOffset at, string? comment)
    {
        var trimmed = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (trimmed is { Length: > CommentMaxLength })
        {
            throw new DomainException("benefit.comment_too_long", $"A comment is at most {CommentMaxLength} characters.", field: "comment");
        }

        _transitions.Add(new BenefitTransition(_transitions.Count + 1, action, State, to, actorId, at, trimmed));
        State = to;
    }
}
