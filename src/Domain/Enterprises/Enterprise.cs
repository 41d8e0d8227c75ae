using Sunshine.Domain.Common;

namespace Sunshine.Domain.Enterprises;

/// <summary>What an enterprise is to the programme (it may be several).</summary>
[Flags]
public enum EnterpriseRoles
{
    None = 0,

    /// <summary>An e-commerce platform that integrates through the partner API.</summary>
    PartnerPlatform = 1,

    EcommerceEnterprise = 2,

    /// <summary>E-commerce park (电商产业园).</summary>
    EcommercePark = 4,

    TrainingProvider = 8,

    /// <summary>Incubator (创业孵化基地).</summary>
    Incubator = 16,

    /// <summary>Third-party service provider (第三方服务机构): photography, logistics, operation services.</summary>
    ThirdPartyServiceProvider = 32,
}

/// <summary>
/// An enterprise (企业): a partner platform, an e-commerce enterprise, a park, a training provider,
/// an incubator. Visible to every officer; county officers edit their county's.
/// </summary>
public sealed class Enterprise : Entity
{
    public const int NameMaxLength = 200;

    private Enterprise()
    {
        Name = null!;
        CreditCode = null!;
    }

    private Enterprise(string name, UnifiedSocialCreditCode creditCode, Guid? countyId, EnterpriseRoles roles)
    {
        Name = name;
        CreditCode = creditCode;
        CountyId = countyId;
        Roles = roles;
    }

    public string Name { get; private set; }

    public UnifiedSocialCreditCode CreditCode { get; private set; }

    /// <summary>The county it is registered in; null for a platform based outside the city.</summary>
    public Guid? CountyId { get; private set; }

    public EnterpriseRoles Roles { get; private set; }

    public bool IsPartnerPlatform => Roles.HasFlag(EnterpriseRoles.PartnerPlatform);

    /// <summary>The contact person's name.</summary>
    public string? ContactName { get; private set; }

    /// <summary>The contact's business phone (mobile or landline, normalised).</summary>
    public string? ContactPhone { get; private set; }

    public string? Address { get; private set; }

    /// <summary>The registered disabled person who runs it, when it is run by one (残疾人创办).</summary>
    public Guid? RunByPersonId { get; private set; }

    public const int ContactNameMaxLength = 50;
    public const int AddressMaxLength = 300;

    /// <summary>Sets the contact, the address and who runs it (a registered disabled person, or nobody recorded).</summary>
    public void SetProfile(string? contactName, string? contactPhone, string? address, Guid? runByPersonId)
    {
        ContactName = Text.Optional(contactName, ContactNameMaxLength, "enterprise.text_too_long", "contactName");
        ContactPhone = string.IsNullOrWhiteSpace(contactPhone) ? null : Registry.PhoneNumber.Create(contactPhone, "contactPhone").Value;
        Address = Text.Optional(address, AddressMaxLength, "enterprise.text_too_long", "address");
        RunByPersonId = runByPersonId;
    }

    public static Enterprise Create(string name, UnifiedSocialCreditCode creditCode, Guid? countyId, EnterpriseRoles roles)
    {
        ArgumentNullException.ThrowIfNull(creditCode);
        return new Enterprise(CheckedName(name), creditCode, countyId, CheckedRoles(roles));
    }

    public void Update(string name, UnifiedSocialCreditCode creditCode, Guid? countyId, EnterpriseRoles roles)
    {
        ArgumentNullException.ThrowIfNull(creditCode);
        Name = CheckedName(name);
        CreditCode = creditCode;
        CountyId = countyId;
        Roles = CheckedRoles(roles);
    }

    private static string CheckedName(string? name)
    {
        var trimmed = name?.Trim() ?? string.Empty;
        return trimmed.Length is > 0 and <= NameMaxLength
            ? trimmed
            : throw new DomainException("enterprise.name_invalid", $"A name is 1 to {NameMaxLength} characters.", field: "name");
    }

    private static EnterpriseRoles CheckedRoles(EnterpriseRoles roles) =>
        roles == EnterpriseRoles.None
            ? throw new DomainException("enterprise.roles_required", "Give at least one role.", field: "roles")
            : roles;
}
