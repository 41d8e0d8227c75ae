using Sunshine.Domain.Common;

namespace Sunshine.Domain.Programmes;

/// <summary>
/// A programme (工程/行动方案): the action plan whose period, targets, deadlines and policy
/// versions are data. The 2017-2020 Changde plan is the first; a successor is added as data.
/// </summary>
public sealed class Programme : Entity
{
    private Programme()
    {
        Code = null!;
        Name = null!;
        NameEn = null!;
        DocumentReference = null!;
    }

    private Programme(string code, string name, string nameEn, DateOnly periodStart, DateOnly periodEnd, string documentReference)
    {
        Code = code;
        Name = name;
        NameEn = nameEn;
        PeriodStart = periodStart;
        PeriodEnd = periodEnd;
        DocumentReference = documentReference;
    }

    /// <summary>Short stable code, e.g. <c>CD-ECDA-2017</c>.</summary>
    public string Code { get; private set; }

    public string Name { get; private set; }

    public string NameEn { get; private set; }

    /// <summary>First day of the programme period (China Standard Time date).</summary>
    public DateOnly PeriodStart { get; private set; }

    /// <summary>Last day of the programme period, inclusive.</summary>
    public DateOnly PeriodEnd { get; private set; }

    /// <summary>The document that issued the plan (发文).</summary>
    public string DocumentReference { get; private set; }

    public static Programme Create(string code, string name, string nameEn, DateOnly periodStart, DateOnly periodEnd, string documentReference)
    {
        if (string.IsNullOrWhiteSpace(code) || string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(nameEn))
        {
            throw new DomainException("programme.name_required", "A programme needs a code and a name in both languages.", field: "name");
        }

        EnsurePeriod(periodStart, periodEnd);
        return new Programme(code.Trim(), name.Trim(), nameEn.Trim(), periodStart, periodEnd, documentReference.Trim());
    }

    /// <summary>True when the date lies within the programme period.</summary>
    public bool Covers(DateOnly date) => date >= PeriodStart && date <= PeriodEnd;

    private static void EnsurePeriod(DateOnly start, DateOnly end)
    {
        if (end < start)
        {
            throw new DomainException("programme.period_invalid", "A programme period ends on or after it starts.", field: "periodEnd");
        }
    }
}
