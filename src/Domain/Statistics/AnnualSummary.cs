using Sunshine.Domain.Common;

namespace Sunshine.Domain.Statistics;

/// <summary>
/// A year's round of annual summaries (年度工作总结): due on 5 November unless the city sets another day,
/// with the data cut-off date common to every county (e.g. 31 October) up to which the indicators are
/// counted. City officers set it up.
/// </summary>
public sealed class AnnualSummaryRound : Entity
{
    private AnnualSummaryRound()
    {
    }

    public int Year { get; private set; }

    /// <summary>The last day to submit (China Standard Time); later submissions are marked late.</summary>
    public DateOnly DueDate { get; private set; }

    /// <summary>The indicators run from 1 January of the year to this day, the same for every county.</summary>
    public DateOnly DataCutOff { get; private set; }

    /// <summary>The action plan's due day: 5 November of the year.</summary>
    public static DateOnly DefaultDueDate(int year) => new(year, 11, 5);

    public static AnnualSummaryRound Create(int year, DateOnly dueDate, DateOnly dataCutOff)
    {
        var round = new AnnualSummaryRound { Year = year };
        round.Set(dueDate, dataCutOff);
        return round;
    }

    public void Set(DateOnly dueDate, DateOnly dataCutOff)
    {
        if (Year is < 2000 or > 2100)
        {
            throw new DomainException("annual_summary.year_invalid", "A summary year lies between 2000 and 2100.", field: "year");
        }

        if (dataCutOff.Year != Year)
        {
            throw new DomainException("annual_summary.cutoff_invalid", "The data cut-off date lies within the summary's year.", field: "dataCutOff");
        }

        if (dueDate < dataCutOff || dueDate > new DateOnly(Year + 1, 3, 31))
        {
            throw new DomainException("annual_summary.due_date_invalid", "The due date lies on or after the cut-off and no later than 31 March of the next year.", field: "dueDate");
        }

        (DueDate, DataCutOff) = (dueDate, dataCutOff);
    }

    /// <summary>The statistics period of the summaries: 1 January to the cut-off.</summary>
    public StatisticsPeriod Period => StatisticsPeriod.Custom(new DateOnly(Year, 1, 1), DataCutOff);
}

/// <summary>Where a county's annual summary is.</summary>
public enum AnnualSummaryStatus
{
    Draft,
    Submitted,

    /// <summary>Sent back by the city for changes; editable and submitted again.</summary>
    Returned,
}

/// <summary>How an annual summary stands on a given day: its status, or overdue when it is not in by the due date.</summary>
public enum AnnualSummaryStanding
{
    Due,
    Draft,
    Submitted,
    Returned,
    Overdue,
}

/// <summary>
/// A county's annual summary: narrative sections and, at submission, the county's indicators up to the
/// round's cut-off frozen as a snapshot (later corrections never change a submitted summary).
/// </summary>
public sealed class AnnualSummary : Entity, ICountyScoped
{
    public const int MaxSectionLength = 20_000;

    private AnnualSummary()
    {
        Achievements = string.Empty;
        TypicalCases = string.Empty;
        Problems = string.Empty;
        NextYearPlan = string.Empty;
    }

    public Guid RoundId { get; private set; }

    public Guid CountyId { get; private set; }

    public AnnualSummaryStatus Status { get; private set; }

    /// <summary>成绩与做法.</summary>
    public string Achievements { get; private set; }

    /// <summary>典型案例.</summary>
    public string TypicalCases { get; private set; }

    /// <summary>存在问题.</summary>
    public string Problems { get; private set; }

    /// <summary>明年工作计划.</summary>
    public string NextYearPlan { get; private set; }

    /// <summary>The county's indicator table (JSON) frozen at the last submission.</summary>
    public string? Snapshot { get; private set; }

    public Guid? SubmittedById { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    /// <summary>Submitted after the due date (China Standard Time).</summary>
    public bool IsLate { get; private set; }

    public string? ReturnReason { get; private set; }

    public static AnnualSummary Start(AnnualSummaryRound round, Guid countyId)
    {
        ArgumentNullException.ThrowIfNull(round);
        return new AnnualSummary { RoundId = round.Id, CountyId = countyId, Status = AnnualSummaryStatus.Draft };
    }

    public void Write(string? achievements, string? typicalCases, string? problems, string? nextYearPlan)
    {
        EnsureEditable();
        Achievements = Section(achievements, "achievements");
        TypicalCases = Section(typicalCases, "typicalCases");
        Problems = Section(problems, "problems");
        NextYearPlan = Section(nextYearPlan, "nextYearPlan");
    }

    /// <summary>Submits with the snapshot of the county's indicators; late when <paramref name="today"/> is after the due date.</summary>
    public void Submit(AnnualSummaryRound round, string snapshot, Guid actorId, DateTimeOffset at, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(round);
        EnsureEditable();
        if (today <= round.DataCutOff)
        {
            throw new DomainException("annual_summary.before_cutoff", $"The summary can be submitted after the data cut-off ({round.DataCutOff:yyyy-MM-dd}).", field: "dataCutOff");
        }

        if (string.IsNullOrWhiteSpace(Achievements) || string.IsNullOrWhiteSpace(NextYearPlan))
        {
            throw new DomainException("annual_summary.sections_required", "The achievements and next year's plan are written before submitting.", field: "achievements");
        }

        Snapshot = snapshot;
        SubmittedById = actorId;
        SubmittedAt = at;
        IsLate = today > round.DueDate;
        ReturnReason = null;
        Status = AnnualSummaryStatus.Submitted;
    }

    public void Return(string? reason)
    {
        if (Status != AnnualSummaryStatus.Submitted)
        {
            throw new DomainException("annual_summary.not_submitted", "Only a submitted summary can be returned.", DomainErrorKind.Conflict);
        }

        var text = reason?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > 2000)
        {
            throw new DomainException("annual_summary.reason_required", "A return needs a reason of at most 2,000 characters.", field: "reason");
        }

        ReturnReason = text;
        Status = AnnualSummaryStatus.Returned;
    }

    /// <summary>How a county's summary stands on <paramref name="today"/>; <paramref name="summary"/> null when none was started.</summary>
    public static AnnualSummaryStanding StandingOf(AnnualSummary? summary, AnnualSummaryRound round, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(round);
        if (summary?.Status == AnnualSummaryStatus.Submitted)
        {
            return AnnualSummaryStanding.Submitted;
        }

        // Returned for changes stays "returned" after the due date too: the county has something to act on
        // (the reason); its next submission will be marked late.
        if (summary?.Status == AnnualSummaryStatus.Returned)
        {
            return AnnualSummaryStanding.Returned;
        }

        if (today > round.DueDate)
        {
            return AnnualSummaryStanding.Overdue;
        }

        return summary?.Status switch
        {
            AnnualSummaryStatus.Draft => AnnualSummaryStanding.Draft,
            AnnualSummaryStatus.Returned => AnnualSummaryStanding.Returned,
            _ => AnnualSummaryStanding.Due,
        };
    }

    private void EnsureEditable()
    {
        if (Status == AnnualSummaryStatus.Submitted)
        {
            throw new DomainException("annual_summary.submitted", "A submitted summary is frozen; the city can return it for changes.", DomainErrorKind.Conflict);
        }
    }

    private static string Section(string? text, string field)
    {
        var value = text?.Trim() ?? string.Empty;
        if (value.Length > MaxSectionLength)
        {
            throw new DomainException("annual_summary.section_too_long", $"A section has at most {MaxSectionLength:N0} characters.", field: field);
        }

        return value;
    }
}
