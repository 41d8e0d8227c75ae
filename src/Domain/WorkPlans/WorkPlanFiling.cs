using Sunshine.Domain.Common;

namespace Sunshine.Domain.WorkPlans;

/// <summary>Where a county's filing stands as stored; <see cref="WorkPlanStatus.Overdue"/> is never stored.</summary>
public enum WorkPlanFilingState
{
    /// <summary>Nothing submitted yet (a document may be uploaded).</summary>
    Pending,
    Submitted,

    /// <summary>Filed (备案) by the city: final.</summary>
    Filed,

    /// <summary>Returned by the city with a reason; the county may upload again and re-submit.</summary>
    Returned,
}

/// <summary>Where a county's work plan stands on a day, as officers see it.</summary>
public enum WorkPlanStatus
{
    Due,
    Submitted,
    Filed,
    Returned,

    /// <summary>The deadline (CST) has passed and the plan is neither submitted nor filed.</summary>
    Overdue,
}

/// <summary>
/// One county's filing in a round: its plan document (PDF or DOCX, kept as an attachment), its
/// submission, and the city's decision — filed (备案) or returned with a reason.
/// </summary>
public sealed class WorkPlanFiling : Entity, ICountyScoped
{
    public const int ReasonMaxLength = 500;

    /// <summary>The owner type of the plan documents in the attachments table.</summary>
    public const string AttachmentOwner = nameof(WorkPlanFiling);

    internal WorkPlanFiling(Guid roundId, Guid countyId)
    {
        RoundId = roundId;
        CountyId = countyId;
        State = WorkPlanFilingState.Pending;
    }

    private WorkPlanFiling()
    {
    }

    public Guid RoundId { get; private set; }

    public Guid CountyId { get; private set; }

    public WorkPlanFilingState State { get; private set; }

    /// <summary>The current plan document; earlier uploads stay in the attachments table.</summary>
    public Guid? DocumentId { get; private set; }

    public Guid? SubmittedById { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    /// <summary>The city officer who filed or returned the plan.</summary>
    public Guid? DecidedById { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>Why the city returned the plan (kept after a re-submission, until the next decision).</summary>
    public string? ReturnReason { get; private set; }

    /// <summary>True when nothing has happened yet: the county could be taken off the round.</summary>
    public bool IsUntouched => State == WorkPlanFilingState.Pending && DocumentId is null;

    /// <summary>
    /// The status on a CST date. A plan that is neither submitted nor filed — not yet sent, or returned
    /// — is overdue from the day after the deadline; a submitted or filed plan never becomes overdue.
    /// </summary>
    public WorkPlanStatus StatusOn(DateOnly deadline, DateOnly today) => State switch
    {
        WorkPlanFilingState.Filed => WorkPlanStatus.Filed,
        WorkPlanFilingState.Submitted => WorkPlanStatus.Submitted,
        _ when today > deadline => WorkPlanStatus.Overdue,
        WorkPlanFilingState.Returned => WorkPlanStatus.Returned,
        _ => WorkPlanStatus.Due,
    };

    /// <summary>Replaces the plan document; only while the county still holds the plan (not submitted or filed).</summary>
    public void AttachDocument(Guid attachmentId)
    {
        EnsureWithCounty();
        DocumentId = attachmentId;
    }

    public void Submit(Guid by, DateTimeOffset at)
    {
        EnsureWithCounty();
        if (DocumentId is null)
        {
            throw new DomainException("work_plan.document_required", "Upload the plan document before submitting it.", DomainErrorKind.Conflict, "file");
        }

        State = WorkPlanFilingState.Submitted;
        SubmittedById = by;
        SubmittedAt = at;
    }

    /// <summary>The city files (备案) a submitted plan.</summary>
    public void File(Guid by, DateTimeOffset at)
    {
        EnsureSubmitted();
        State = WorkPlanFilingState.Filed;
        DecidedById = by;
        DecidedAt = at;
        ReturnReason = null;
    }

    /// <summary>The city returns a submitted plan to the county, saying why.</summary>
    public void Return(Guid by, DateTimeOffset at, string reason)
    {
        EnsureSubmitted();
        ReturnReason = Text.Required(reason, ReasonMaxLength, "work_plan.reason_required", "reason");
        State = WorkPlanFilingState.Returned;
        DecidedById = by;
        DecidedAt = at;
    }

    private void EnsureWithCounty()
    {
        if (State is not (WorkPlanFilingState.Pending or WorkPlanFilingState.Returned))
        {
            throw new DomainException("work_plan.not_with_county", "The plan has been submitted or filed: it can no longer be changed or submitted.", DomainErrorKind.Conflict);
        }
    }

    private void EnsureSubmitted()
    {
        if (State != WorkPlanFilingState.Submitted)
        {
            throw new DomainException("work_plan.not_submitted", "Only a submitted plan can be filed or returned.", DomainErrorKind.Conflict);
        }
    }
}
