using Sunshine.Domain.Common;

namespace Sunshine.Domain.Shops;

/// <summary>How often a shop's sales are reported.</summary>
public enum ReportingGranularity
{
    Daily,
    Monthly,
}

public enum ShopStatus
{
    Open,
    Closed,
}

/// <summary>Who registered the shop.</summary>
public enum RecordSource
{
    Staff,
    Partner,
}

/// <summary>
/// An online shop (网店) of a disabled person or an enterprise on a platform. It belongs to the
/// owner's county as of its opening, and to its platform (a partner client sees only its platform's).
/// </summary>
public sealed class Shop : Entity, ICountyScoped, IPlatformScoped
{
    public const int NameMaxLength = 200;

    public const int PlatformShopIdMaxLength = 100;

    /// <summary>A platform's shop id appears in partner API paths: ASCII letters, digits and the URL-safe - . _ ~.</summary>
    public static bool IsShopIdCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~';

    private Shop()
    {
        PlatformShopId = null!;
        Name = null!;
    }

    private Shop(Guid? ownerPersonId, Guid? ownerEnterpriseId, Guid platformId, string platformShopId, Guid countyId, RecordSource source)
    {
        OwnerPersonId = ownerPersonId;
        OwnerEnterpriseId = ownerEnterpriseId;
        PlatformId = platformId;
        PlatformShopId = platformShopId;
        CountyId = countyId;
        Source = source;
        Name = string.Empty;
        Status = ShopStatus.Open;
    }

    /// <summary>The disabled person who owns the shop (by registry id), or null for an enterprise's.</summary>
    public Guid? OwnerPersonId { get; private set; }

    public Guid? OwnerEnterpriseId { get; private set; }

    /// <summary>The platform enterprise the shop is on.</summary>
    public Guid PlatformId { get; private set; }

    /// <summary>The platform's own id of the shop, unique per platform.</summary>
    public string PlatformShopId { get; private set; }

    public string Name { get; private set; }

    public string? Url { get; private set; }

    /// <summary>The owner's county when the shop opened.</summary>
    public Guid CountyId { get; private set; }

    public ReportingGranularity Granularity { get; private set; }

    public DateOnly OpenedOn { get; private set; }

    public DateOnly? ClosedOn { get; private set; }

    public ShopStatus Status { get; private set; }

    public RecordSource Source { get; private set; }

    public static Shop ForPerson(Guid personId, Guid countyId, Guid platformId, string platformShopId, ShopDetails details, DateOnly today, RecordSource source)
    {
        ArgumentNullException.ThrowIfNull(details);
        var shop = new Shop(personId, null, platformId, CheckedShopId(platformShopId), countyId, source);
        shop.Apply(details, today);
        return shop;
    }

    public static Shop ForEnterprise(Guid enterpriseId, Guid countyId, Guid platformId, string platformShopId, ShopDetails details, DateOnly today, RecordSource source)
    {
        ArgumentNullException.ThrowIfNull(details);
        var shop = new Shop(null, enterpriseId, platformId, CheckedShopId(platformShopId), countyId, source);
        shop.Apply(details, today);
        return shop;
    }

    public void Update(ShopDetails details, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (details.Granularity != Granularity)
        {
            throw new DomainException("shop.granularity_fixed", "The reporting granularity of a shop does not change: its sales are kept by it.", DomainErrorKind.Conflict, "granularity");
        }

        Apply(details, today);
    }

    public void Close(DateOnly on, DateOnly today)
    {
        if (Status == ShopStatus.Closed)
        {
            throw new DomainException("shop.closed", "The shop is already closed.", DomainErrorKind.Conflict);
        }

        if (on < OpenedOn || on > today)
        {
            throw new DomainException("shop.closed_on_invalid", "A shop closes between its opening and today.", field: "closedOn");
        }

        Status = ShopStatus.Closed;
        ClosedOn = on;
    }

    /// <summary>Whether a sales period belongs to the shop: its granularity, not before it opened, not after it closed.</summary>
    public void EnsureAccepts(Sales.SalesPeriod period, string field)
    {
        ArgumentNullException.ThrowIfNull(period);
        if (period.Granularity != Granularity)
        {
            throw new DomainException("sales.granularity_mismatch", $"The shop reports {Granularity.ToString().ToLowerInvariant()} sales.", field: field);
        }

        if (period.End < OpenedOn || (ClosedOn is { } closed && period.Start > closed))
        {
            throw new DomainException("sales.period_outside_shop", "The period lies outside the shop's opening.", field: field);
        }
    }

    private void Apply(ShopDetails details, DateOnly today)
    {
        if (details.OpenedOn > today)
        {
            throw new DomainException("shop.opened_on_future", "A shop cannot open in the future.", field: "openedOn");
        }

        Name = details.Name;
        Url = details.Url;
        Granularity = details.Granularity;
        OpenedOn = details.OpenedOn;
    }

    private static string CheckedShopId(string? value)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        return trimmed.Length is > 0 and <= PlatformShopIdMaxLength && trimmed.All(IsShopIdCharacter)
            ? trimmed
            : throw new DomainException("shop.platform_shop_id_invalid",
                "The platform's shop id is 1 to 100 letters, digits or the characters - . _ ~ (it appears in addresses).", field: "platformShopId");
    }
}

/// <summary>A shop's editable details.</summary>
public sealed record ShopDetails
{
    public ShopDetails(string name, string? url, ReportingGranularity granularity, DateOnly openedOn)
    {
        var trimmed = name?.Trim() ?? string.Empty;
        if (trimmed.Length is 0 or > Shop.NameMaxLength)
        {
            throw new DomainException("shop.name_invalid", $"A shop name is 1 to {Shop.NameMaxLength} characters.", field: "name");
        }

        if (url is not null && (url.Length > 500 || !Uri.TryCreate(url, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https")))
        {
            throw new DomainException("shop.url_invalid", "The URL is an http(s) address of at most 500 characters.", field: "url");
        }

        Name = trimmed;
        Url = url;
        Granularity = granularity;
        OpenedOn = openedOn;
    }

    public string Name { get; }

    public string? Url { get; }

    public ReportingGranularity Granularity { get; }

    public DateOnly OpenedOn { get; }
}
