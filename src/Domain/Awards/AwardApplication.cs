using Sunshine.Domain.Benefits;
using Sunshine.Domain.Common;

namespace Sunshine.Domain.Awards;

/// <summary>
/// An application for an award: which award, for whom (a person, a Sunshine base or an enterprise),
/// and — from submission on — the frozen snapshot of the facts the decision was made on. Its
/// workflow is its benefit's (same id).
/// </summary>
public sealed class AwardApplication : Entity, ICountyScoped
{
    private AwardApplication()
    {
    }

    public BenefitType Type { get; private set; }

    public BeneficiaryKind BeneficiaryKind { get; private set; }

    public Guid BeneficiaryId { get; private set; }

    public Guid? PersonId { get; private set; }

    public Guid? BaseId { get; private set; }

    public Guid? EnterpriseId { get; private set; }

    public Guid CountyId { get; private set; }

    /// <summary>The facts as gathered at the last submission (JSON): net sales per shop, counted households, bases, employees, the policy version.</summary>
    public string? Snapshot { get; private set; }

    /// <summary>What "once" means for an award: one approved or paid award of a type per beneficiary.</summary>
    public static string OneTimeKeyFor(Guid beneficiaryId) => beneficiaryId.ToString("N");

    /// <summary>Starts an application and its benefit (a draft) in the beneficiary's county.</summary>
    public static (AwardApplication Application, Benefit Benefit) Start(
        BenefitType type, Guid beneficiaryId, Guid countyId, Guid createdById, DateTimeOffset createdAt)
    {
        var definition = BenefitTypes.Get(type);
        if (!definition.IsAward)
        {
            throw new DomainException("award.type_invalid", "Not an award type.", field: "type");
        }

        var kind = definition.Beneficiary;
        var benefit = Benefit.Create(type, countyId, kind == BeneficiaryKind.Person ? beneficiaryId : null, OneTimeKeyFor(beneficiaryId), createdById, createdAt);
        var application = new AwardApplication
        {
            Id = benefit.Id,
            Type = type,
            BeneficiaryKind = kind,
            BeneficiaryId = beneficiaryId,
            PersonId = kind == BeneficiaryKind.Person ? beneficiaryId : null,
            BaseId = kind == BeneficiaryKind.Base ? beneficiaryId : null,
            EnterpriseId = kind == BeneficiaryKind.Enterprise ? beneficiaryId : null,
            CountyId = countyId,
        };
        return (application, benefit);
    }

    /// <summary>Freezes the facts of a submission with it.</summary>
    public void Freeze(string snapshot)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(snapshot);
        Snapshot = snapshot;
    }
}
