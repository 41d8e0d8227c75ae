using Sunshine.Domain.Channels;
using Sunshine.Domain.Common;

namespace Sunshine.Domain.OperationServices;

/// <summary>What an e-commerce operation extension service (电商运营延伸服务) delivered.</summary>
public enum OperationServiceType
{
    /// <summary>Opening a shop on a platform (网店开设).</summary>
    ShopSetup,

    /// <summary>Running a shop (代运营).</summary>
    ShopOperation,

    /// <summary>Product photography and listing (产品拍摄上架).</summary>
    ProductPhotography,

    /// <summary>Promotion and marketing (推广营销).</summary>
    Promotion,

    /// <summary>Logistics and delivery (物流配送).</summary>
    Logistics,

    /// <summary>Customer service (客服).</summary>
    CustomerService,

    /// <summary>Packaging design (包装设计).</summary>
    PackagingDesign,

    Other,
}

/// <summary>Who delivered a service: an enterprise, an incubator (an enterprise with the incubator role), or the federation itself.</summary>
public enum ServiceProviderKind
{
    Enterprise,
    Incubator,
    Federation,
}

/// <summary>
/// An e-commerce operation extension service (action plan §二: 为有需求的建档立卡残疾人贫困户、残疾人阳光致富示范户、
/// 带头人及就业扶贫基地提供电商运营延伸服务) delivered to one recipient — a registered-poor household, a person holding
/// an award (or a prosperity leader), or a Sunshine base — on a date, with its hours, cost and funding source. It
/// belongs to the recipient's county.
/// </summary>
public sealed class OperationService : Entity, ICountyScoped
{
    public const int DescriptionMaxLength = 1000;
    public const int FundingSourceMaxLength = 200;

    /// <summary>At most a long working week of hours in one record; more is a series of records.</summary>
    public const decimal MaxHours = 1000m;

    private OperationService()
    {
    }

    public Guid CountyId { get; private set; }

    public OperationServiceType Type { get; private set; }

    public ServiceProviderKind ProviderKind { get; private set; }

    /// <summary>The enterprise or incubator that delivered it; null when the federation did.</summary>
    public Guid? ProviderEnterpriseId { get; private set; }

    public Guid? HouseholdId { get; private set; }

    public Guid? BaseId { get; private set; }

    public Guid? PersonId { get; private set; }

    public Participant Recipient => new(HouseholdId, BaseId, PersonId);

    public DateOnly ServedOn { get; private set; }

    public decimal Hours { get; private set; }

    public Money Cost { get; private set; }

    public string? FundingSource { get; private set; }

    public string? Description { get; private set; }

    /// <summary>
    /// Records a service. <paramref name="recipientQualifies"/> is what the registry says of the recipient: a
    /// household is registered-poor, a person holds a finally approved award or is a prosperity leader, a base is
    /// registered and not revoked (422 <c>service.recipient_not_eligible</c> otherwise).
    /// </summary>
    public static OperationService Record(
        Guid countyId, Participant recipient, bool recipientQualifies, OperationServiceType type, ServiceProviderKind providerKind, Guid? providerEnterpriseId,
        DateOnly servedOn, decimal hours, Money cost, string? fundingSource, string? description, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        if (!recipientQualifies)
        {
            throw new DomainException("service.recipient_not_eligible",
                "Services go to registered-poor households, award holders and prosperity leaders, and Sunshine bases.", field: RecipientField(recipient));
        }

        var service = new OperationService
        {
            CountyId = countyId,
            HouseholdId = recipient.HouseholdId,
            BaseId = recipient.BaseId,
            PersonId = recipient.PersonId,
        };
        service.Update(type, providerKind, providerEnterpriseId, servedOn, hours, cost, fundingSource, description, today);
        return service;
    }

    /// <summary>Corrects what was delivered, by whom, when, for how long and at what cost (the recipient stays).</summary>
    public void Update(
        OperationServiceType type, ServiceProviderKind providerKind, Guid? providerEnterpriseId, DateOnly servedOn, decimal hours, Money cost, string? fundingSource,
        string? description, DateOnly today)
    {
        if (!Enum.IsDefined(type))
        {
            throw new DomainException("service.type_unknown", "Unknown service type.", field: "type");
        }

        if (!Enum.IsDefined(providerKind))
        {
            throw new DomainException("service.provider_kind_unknown", "An enterprise, an incubator or the federation.", field: "providerKind");
        }

        if ((providerKind == ServiceProviderKind.Federation) != (providerEnterpriseId is null))
        {
            throw new DomainException("service.provider_enterprise",
                "An enterprise or incubator is named by its enterprise id; the federation by none.", field: "providerEnterpriseId");
        }

        if (servedOn > today)
        {
            throw new DomainException("service.date_future", "A service is recorded once delivered.", field: "servedOn");
        }

        if (hours <= 0m || hours > MaxHours || decimal.Round(hours, 1) != hours)
        {
            throw new DomainException("service.hours_invalid", $"Hours are more than 0 and at most {MaxHours}, in tenths.", field: "hours");
        }

        if (cost > Money.Zero && string.IsNullOrWhiteSpace(fundingSource))
        {
            throw new DomainException("service.funding_source_required", "Say where the money for a paid service came from.", field: "fundingSource");
        }

        Type = type;
        ProviderKind = providerKind;
        ProviderEnterpriseId = providerEnterpriseId;
        ServedOn = servedOn;
        Hours = hours;
        Cost = cost;
        FundingSource = Text.Optional(fundingSource, FundingSourceMaxLength, "service.funding_source_too_long", "fundingSource");
        Description = Text.Optional(description, DescriptionMaxLength, "service.description_too_long", "description");
    }

    /// <summary>The request field that names the recipient.</summary>
    public static string RecipientField(Participant recipient)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        return recipient switch
        {
            { HouseholdId: not null } => "recipient.householdId",
            { BaseId: not null } => "recipient.baseId",
            _ => "recipient.personId",
        };
    }
}
