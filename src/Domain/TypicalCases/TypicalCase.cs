using Sunshine.Domain.Common;

namespace Sunshine.Domain.TypicalCases;

/// <summary>Whom a typical case is about.</summary>
public enum TypicalCaseSubject
{
    /// <summary>A registered disabled person.</summary>
    Person,
    Enterprise,
}

/// <summary>One figure of a case, e.g. 年销售额 120,000 元: a label, an exact value and its unit (may be empty).</summary>
public sealed record KeyFigure
{
    public const int LabelMaxLength = 40;
    public const int UnitMaxLength = 20;

    public KeyFigure(string label, decimal value, string? unit)
    {
        Label = Text.Required(label, LabelMaxLength, "typical_case.figure_label_invalid", "figures");
        Unit = Text.Optional(unit, UnitMaxLength, "typical_case.figure_unit_too_long", "figures") ?? string.Empty;
        Value = value;
    }

    public string Label { get; }

    public decimal Value { get; }

    public string Unit { get; }
}

/// <summary>
/// A typical case (典型案例): the success story of a registered person or of an enterprise, with its
/// key figures, in a county; it may be nominated for commendation and published. A case about a person
/// is published only with the person's consent to publication in force.
/// </summary>
public sealed class TypicalCase : Entity, ICountyScoped
{
    public const int TitleMaxLength = 200;
    public const int NarrativeMaxLength = 20_000;
    public const int MaxFigures = 12;

    private TypicalCase()
    {
        Title = null!;
        Narrative = null!;
        Figures = [];
    }

    public Guid CountyId { get; private set; }

    public Guid? PersonId { get; private set; }

    public Guid? EnterpriseId { get; private set; }

    public TypicalCaseSubject Subject => PersonId is null ? TypicalCaseSubject.Enterprise : TypicalCaseSubject.Person;

    public string Title { get; private set; }

    public string Narrative { get; private set; }

    public IReadOnlyList<KeyFigure> Figures { get; private set; }

    /// <summary>Nominated for commendation (推荐表彰).</summary>
    public bool IsNominated { get; private set; }

    public Guid? NominatedById { get; private set; }

    public DateOnly? NominatedOn { get; private set; }

    public bool IsPublished { get; private set; }

    public Guid? PublishedById { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    /// <summary>A case about exactly one subject: a person or an enterprise.</summary>
    public static TypicalCase Create(Guid countyId, Guid? personId, Guid? enterpriseId, string title, string narrative, IReadOnlyList<KeyFigure> figures)
    {
        if ((personId is null) == (enterpriseId is null))
        {
            throw new DomainException("typical_case.subject_one_required", "A case is about a person or an enterprise: exactly one.", field: "personId");
        }

        var created = new TypicalCase { CountyId = countyId, PersonId = personId, EnterpriseId = enterpriseId };
        created.Update(title, narrative, figures);
        return created;
    }

    public void Update(string title, string narrative, IReadOnlyList<KeyFigure> figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        if (figures.Count > MaxFigures)
        {
            throw new DomainException("typical_case.too_many_figures", $"A case has at most {MaxFigures} key figures.", field: "figures");
        }

        if (figures.Select(f => f.Label).Distinct(StringComparer.Ordinal).Count() != figures.Count)
        {
            throw new DomainException("typical_case.figure_repeated", "Each key figure has its own label.", field: "figures");
        }

        Title = Text.Required(title, TitleMaxLength, "typical_case.title_invalid", "title");
        Narrative = Text.Required(narrative, NarrativeMaxLength, "typical_case.narrative_invalid", "narrative");
        Figures = [.. figures];
    }

    public void Nominate(Guid by, DateOnly on)
    {
        if (IsNominated)
        {
            throw new DomainException("typical_case.already_nominated", "The case is already nominated.", DomainErrorKind.Conflict);
        }

        IsNominated = true;
        NominatedById = by;
        NominatedOn = on;
    }

    public void WithdrawNomination()
    {
        if (!IsNominated)
        {
            throw new DomainException("typical_case.not_nominated", "The case is not nominated.", DomainErrorKind.Conflict);
        }

        IsNominated = false;
        NominatedById = null;
        NominatedOn = null;
    }

    /// <summary>Publishes the case. <paramref name="subjectConsents"/>: for a case about a person, their consent to publication is in force today.</summary>
    public void Publish(Guid by, DateTimeOffset at, bool subjectConsents)
    {
        if (IsPublished)
        {
            throw new DomainException("typical_case.already_published", "The case is already published.", DomainErrorKind.Conflict);
        }

        if (Subject == TypicalCaseSubject.Person && !subjectConsents)
        {
            throw new DomainException("typical_case.consent_required", "Record the person's consent to publication before publishing their story.");
        }

        IsPublished = true;
        PublishedById = by;
        PublishedAt = at;
    }

    public void Unpublish()
    {
        if (!IsPublished)
        {
            throw new DomainException("typical_case.not_published", "The case is not published.", DomainErrorKind.Conflict);
        }

        IsPublished = false;
        PublishedById = null;
        PublishedAt = null;
    }

    /// <summary>A published case is withdrawn from publication before it is deleted.</summary>
    public void EnsureDeletable()
    {
        if (IsPublished)
        {
            throw new DomainException("typical_case.published", "Withdraw the case from publication before deleting it.", DomainErrorKind.Conflict);
        }
    }
}
