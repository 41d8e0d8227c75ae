using Sunshine.Domain.Common;

namespace Sunshine.Domain.Supervision;

/// <summary>What a supervision visit inspected (action plan §五(五): 指导和检查).</summary>
public enum SupervisionSubject
{
    /// <summary>A county's implementation of the programme as a whole.</summary>
    County,

    /// <summary>A Sunshine employment poverty-alleviation base.</summary>
    Base,

    /// <summary>An e-commerce enterprise.</summary>
    Enterprise,

    /// <summary>A registered disabled person holding an award (demonstration household, prosperity leader).</summary>
    AwardHolder,
}

/// <summary>Who inspected: the city (市级) or the county's own officers (县级).</summary>
public enum SupervisionLevel
{
    City,
    County,
}

/// <summary>
/// A guidance and inspection visit (指导和检查) by city or county officers of a county, a base, an enterprise or an
/// award holder: the date, the inspectors, the findings and the rectification items (整改事项) with their due
/// dates. An open item past its due date is overdue and reminded to the county's officers until it is closed.
/// </summary>
public sealed class SupervisionVisit : Entity, ICountyScoped
{
    public const int InspectorsMaxLength = 300;
    public const int FindingsMaxLength = 4000;
    public const int MaxRectifications = 50;
    private readonly List<Rectification> _rectifications = [];

    private SupervisionVisit()
    {
        Inspectors = null!;
        Findings = null!;
    }

    /// <summary>The county inspected (the subject's county).</summary>
    public Guid CountyId { get; private set; }

    public SupervisionLevel Level { get; private set; }

    public SupervisionSubject Subject { get; private set; }

    public Guid? BaseId { get; private set; }

    public Guid? EnterpriseId { get; private set; }

    /// <summary>The award holder inspected.</summary>
    public Guid? PersonId { get; private set; }

    public DateOnly VisitedOn { get; private set; }

    /// <summary>The inspectors' names (and units), as written on the inspection record.</summary>
    public string Inspectors { get; private set; }

    public string Findings { get; private set; }

    public Guid RecordedById { get; private set; }

    public IReadOnlyList<Rectification> Rectifications => _rectifications;

    /// <summary>Records a visit of <paramref name="subject"/>: the subject's id is given for a base, an enterprise or an award holder, none for a county.</summary>
    public static SupervisionVisit Record(
        Guid countyId, SupervisionLevel level, SupervisionSubject subject, Guid? baseId, Guid? enterpriseId, Guid? personId, DateOnly visitedOn, string inspectors,
        string findings, Guid recordedById, DateOnly today)
    {
        if (!Enum.IsDefined(subject) || !Enum.IsDefined(level))
        {
            throw new DomainException("supervision.subject_unknown", "Unknown subject or level.", field: "subject");
        }

        var (needsBase, needsEnterprise, needsPerson) = (subject == SupervisionSubject.Base, subject == SupervisionSubject.Enterprise, subject == SupervisionSubject.AwardHolder);
        if (needsBase != (baseId is not null) || needsEnterprise != (enterpriseId is not null) || needsPerson != (personId is not null))
        {
            throw new DomainException("supervision.subject_id", "Name the base, enterprise or award holder inspected (and nothing else); a county needs no id.",
                field: needsEnterprise ? "enterpriseId" : needsPerson ? "personId" : "baseId");
        }

        var visit = new SupervisionVisit
        {
            CountyId = countyId,
            Level = level,
            Subject = subject,
            BaseId = baseId,
            EnterpriseId = enterpriseId,
            PersonId = personId,
            RecordedById = recordedById,
        };
        visit.Update(visitedOn, inspectors, findings, today);
        return visit;
    }

    /// <summary>Corrects the date, the inspectors and the findings. Items already due stay after the visit.</summary>
    public void Update(DateOnly visitedOn, string inspectors, string findings, DateOnly today)
    {
        if (visitedOn > today)
        {
            throw new DomainException("supervision.date_future", "A visit is recorded once made.", field: "visitedOn");
        }

        if (_rectifications.Any(r => r.DueDate < visitedOn || (r.ClosedOn is { } closed && closed < visitedOn)))
        {
            throw new DomainException("supervision.date_after_items", "The visit comes before its items' due and closing dates.", field: "visitedOn");
        }

        VisitedOn = visitedOn;
        Inspectors = Text.Required(inspectors, InspectorsMaxLength, "supervision.inspectors_invalid", "inspectors");
        Findings = Text.Required(findings, FindingsMaxLength, "supervision.findings_invalid", "findings");
    }

    /// <summary>Adds a rectification item due on or after the visit.</summary>
    public Rectification AddRectification(string item, DateOnly dueDate)
    {
        if (_rectifications.Count >= MaxRectifications)
        {
            throw new DomainException("supervision.too_many_items", $"A visit has at most {MaxRectifications} rectification items.", DomainErrorKind.Conflict, "item");
        }

        if (dueDate < VisitedOn)
        {
            throw new DomainException("rectification.due_before_visit", "An item is due on or after the visit.", field: "dueDate");
        }

        var added = new Rectification(Text.Required(item, Rectification.ItemMaxLength, "rectification.item_invalid", "item"), dueDate);
        _rectifications.Add(added);
        return added;
    }

    /// <summary>Closes an item: done on <paramref name="closedOn"/> (from the visit to today), with a note, by an officer.</summary>
    public Rectification CloseRectification(Guid rectificationId, DateOnly closedOn, string note, Guid closedById, DateOnly today)
    {
        var item = _rectifications.SingleOrDefault(r => r.Id == rectificationId)
            ?? throw new DomainException("rectification.not_in_visit", "The item is not one of this visit's.", DomainErrorKind.Conflict, "rectificationId");
        if (item.ClosedOn is not null)
        {
            throw new DomainException("rectification.already_closed", "The item is already closed.", DomainErrorKind.Conflict, "closedOn");
        }

        if (closedOn < VisitedOn || closedOn > today)
        {
            throw new DomainException("rectification.closed_on_invalid", "An item is closed on or after the visit, and not in the future.", field: "closedOn");
        }

        item.Close(closedOn, Text.Required(note, Rectification.NoteMaxLength, "rectification.note_invalid", "note"), closedById);
        return item;
    }
}

/// <summary>A rectification item (整改事项) of a visit: what must be put right by when, and its closing.</summary>
public sealed class Rectification
{
    public const int ItemMaxLength = 500;
    public const int NoteMaxLength = 1000;

    internal Rectification(string item, DateOnly dueDate)
    {
        Id = Guid.CreateVersion7();
        Item = item;
        DueDate = dueDate;
    }

    private Rectification()
    {
        Item = null!;
    }

    public Guid Id { get; private set; }

    public string Item { get; private set; }

    public DateOnly DueDate { get; private set; }

    public DateOnly? ClosedOn { get; private set; }

    public string? ClosingNote { get; private set; }

    public Guid? ClosedById { get; private set; }

    public bool IsClosed => ClosedOn is not null;

    /// <summary>Open after its due date: an item due today is not yet overdue; due yesterday, it is.</summary>
    public bool IsOverdueOn(DateOnly today) => ClosedOn is null && DueDate < today;

    internal void Close(DateOnly closedOn, string note, Guid closedById)
    {
        ClosedOn = closedOn;
        ClosingNote = note;
        ClosedById = closedById;
    }
}
