using Sunshine.Domain.Common;

namespace Sunshine.Domain.Evidence;

/// <summary>
/// A direct-purchase/supply agreement (直采直供) of an enterprise with a Sunshine base or with an
/// award-holding disabled person: dated, with the products it covers. Kept by the officers of the
/// base's (or person's) county and of the enterprise's county.
/// </summary>
public sealed class SupplyAgreement : DatedRecord, IJointlyCountyScoped
{
    public const int ProductsMaxLength = 500;

    private SupplyAgreement()
    {
        Products = null!;
    }

    public Guid EnterpriseId { get; private set; }

    public Guid? BaseId { get; private set; }

    public Guid? PersonId { get; private set; }

    /// <summary>The base's or the person's county.</summary>
    public Guid CountyId { get; private set; }

    /// <summary>The enterprise's county.</summary>
    public Guid? OtherCountyId { get; private set; }

    public string Products { get; private set; }

    public AgreementStatus Status { get; private set; }

    /// <summary>An agreement with a base (<paramref name="baseId"/>) or a person (<paramref name="personId"/>), exactly one.</summary>
    /// <summary>
    /// An agreement with a Sunshine base, or with an award-holding person (<paramref name="personHoldsAward"/>:
    /// the person holds an approved or paid demonstration-household award).
    /// </summary>
    public static SupplyAgreement Create(
        Guid enterpriseId, Guid? enterpriseCountyId, Guid? baseId, Guid? personId, Guid counterpartyCountyId, DateOnly start, DateOnly? end, string products, DateOnly today,
        bool personHoldsAward = false)
    {
        if ((baseId is null) == (personId is null))
        {
            throw new DomainException("agreement.counterparty_required", "An agreement is with either a base or a person.", field: "baseId");
        }

        if (personId is not null && !personHoldsAward)
        {
            throw new DomainException(
                "agreement.person_not_award_holder", "An agreement with a person is with a holder of an approved or paid demonstration-household award.", field: "personId");
        }

        var agreement = new SupplyAgreement
        {
            EnterpriseId = enterpriseId,
            OtherCountyId = enterpriseCountyId,
            BaseId = baseId,
            PersonId = personId,
            CountyId = counterpartyCountyId,
            Status = AgreementStatus.Active,
        };
        agreement.Update(start, end, products, today);
        return agreement;
    }

    public void Update(DateOnly start, DateOnly? end, string products, DateOnly today)
    {
        EnsureActive();
        SetDates(start, end, today);
        Products = Text.Required(products, ProductsMaxLength, "agreement.products_invalid", "products");
    }

    /// <summary>Terminates the agreement: <paramref name="lastDay"/> is its last day in force.</summary>
    public void Terminate(DateOnly lastDay)
    {
        EnsureActive();
        EndOn(lastDay);
        Status = AgreementStatus.Terminated;
    }

    private void EnsureActive()
    {
        if (Status == AgreementStatus.Terminated)
        {
            throw new DomainException("agreement.terminated", "The agreement was terminated.", DomainErrorKind.Conflict);
        }
    }
}
