using Sunshine.Domain.Common;

namespace Sunshine.Domain.Policies;

/// <summary>A qualification recognised for the training subsidy, with its standard amount.</summary>
public sealed record RecognisedQualification(string Code, string Name, Money StandardAmount);

/// <summary>The table of recognised qualifications (content of <see cref="PolicyKey.TrainingQualifications"/>).</summary>
public sealed record QualificationTable
{
    public QualificationTable(IReadOnlyList<RecognisedQualification> qualifications)
    {
        ArgumentNullException.ThrowIfNull(qualifications);
        if (qualifications.Count == 0)
        {
            throw new DomainException("policy.qualifications_empty", "The table needs at least one qualification.", field: "qualifications");
        }

        var duplicate = qualifications.GroupBy(q => q.Code, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new DomainException("policy.qualification_duplicate", $"The code {duplicate.Key} appears twice.", field: "qualifications");
        }

        if (qualifications.Any(q => string.IsNullOrWhiteSpace(q.Code) || string.IsNullOrWhiteSpace(q.Name) || q.StandardAmount <= Money.Zero))
        {
            throw new DomainException("policy.qualification_invalid", "Each qualification has a code, a name and a positive standard amount.", field: "qualifications");
        }

        Qualifications = qualifications;
    }

    public IReadOnlyList<RecognisedQualification> Qualifications { get; }

    public RecognisedQualification? Find(string code) => Qualifications.FirstOrDefault(q => string.Equals(q.Code, code, StringComparison.Ordinal));
}
