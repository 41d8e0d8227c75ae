using Sunshine.Domain.Common;

namespace Sunshine.Domain.Policies;

/// <summary>The kinds of policy parameters. Each kind has its own content (a table, a set of thresholds).</summary>
public enum PolicyKey
{
    /// <summary>Recognised qualifications in the internet &amp; electronic-communication category and their standard subsidy (培训补贴标准).</summary>
    TrainingQualifications,

    /// <summary>Interest subsidy of poverty-alleviation microcredit (扶贫小额信贷贴息): share, rate cap, maximum term and principal.</summary>
    MicrocreditInterestSubsidy,

    /// <summary>Interest subsidy of disabled entrepreneurs' business loans (残疾人创业小额贷款贴息): share, rate cap, maximum term and principal.</summary>
    EntrepreneurLoanInterestSubsidy,

    /// <summary>Stable benefit link (稳定带动): the minimum months of a year in which a household's products were carried.</summary>
    StableLinkMonths,

    /// <summary>County demonstration household (阳光致富示范户): previous-year sales threshold and grant.</summary>
    DemonstrationHouseholdAward,

    /// <summary>City demonstration base (阳光扶贫示范基地): stably linked households, annual sales threshold, grant.</summary>
    DemonstrationBaseAward,

    /// <summary>Enterprise recognitions: minimum Sunshine bases under agreement, minimum disabled employees, and the grant of each (0 = recognition without money).</summary>
    EnterpriseRecognitions,

    /// <summary>The public notice (公示) of awards: how many days it lasts.</summary>
    PublicNotice,
}

/// <summary>
/// One version of a policy parameter of a programme, in force from its effective date until the
/// next version's. A version that a decision has used is frozen: changes are a new version.
/// </summary>
public sealed class PolicyVersion : Entity
{
    private PolicyVersion()
    {
        Content = null!;
        Note = null!;
    }

    private PolicyVersion(Guid programmeId, PolicyKey key, DateOnly effectiveFrom, string content, string note)
    {
        ProgrammeId = programmeId;
        Key = key;
        EffectiveFrom = effectiveFrom;
        Content = content;
        Note = note;
    }

    public Guid ProgrammeId { get; private set; }

    public PolicyKey Key { get; private set; }

    public DateOnly EffectiveFrom { get; private set; }

    /// <summary>The parameter's content as JSON, read by the rules through its typed form.</summary>
    public string Content { get; private set; }

    /// <summary>Where the values come from (document, article), or that they are sample data.</summary>
    public string Note { get; private set; }

    /// <summary>Set when a decision first uses the version; from then on it cannot change.</summary>
    public bool IsUsed { get; private set; }

    public static PolicyVersion Create(Guid programmeId, PolicyKey key, DateOnly effectiveFrom, string content, string note)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(content);
        return new PolicyVersion(programmeId, key, effectiveFrom, content, CheckedNote(note));
    }

    public void Edit(DateOnly effectiveFrom, string content, string note)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(content);
        if (IsUsed)
        {
            throw new DomainException("policy.version_used", "A decision has used this version: add a new version instead.", DomainErrorKind.Conflict);
        }

        EffectiveFrom = effectiveFrom;
        Content = content;
        Note = CheckedNote(note);
    }

    public void MarkUsed() => IsUsed = true;

    /// <summary>The version in force on a date: the latest that took effect on or before it.</summary>
    public static PolicyVersion? InForce(IEnumerable<PolicyVersion> versions, PolicyKey key, DateOnly on) =>
        versions.Where(v => v.Key == key && v.EffectiveFrom <= on).MaxBy(v => v.EffectiveFrom);

    private static string CheckedNote(string? note)
    {
        var trimmed = note?.Trim() ?? string.Empty;
        return trimmed.Length <= 500 ? trimmed : throw new DomainException("policy.note_too_long", "A note is at most 500 characters.", field: "note");
    }
}
