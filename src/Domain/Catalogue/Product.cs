using Sunshine.Domain.Common;

namespace Sunshine.Domain.Catalogue;

public enum ProductCategory
{
    FarmProduct,
    Handicraft,
    Other,
}

public enum ProductAvailability
{
    Available,
    Seasonal,
    Unavailable,
}

/// <summary>
/// A priority product (重点推介产品) of a registered-poor disabled household or a base, which partner
/// platforms pull to promote. Removing it leaves a tombstone, so partners can drop it too. The
/// producer is named only with their consent to publication.
/// </summary>
public sealed class Product : Entity, ICountyScoped
{
    private Product()
    {
        Name = null!;
        Unit = null!;
        Description = null!;
    }

    private Product(Guid countyId) : this()
    {
        CountyId = countyId;
    }

    public string Name { get; private set; }

    public ProductCategory Category { get; private set; }

    /// <summary>The registry person who produces it (a household member), if any.</summary>
    public Guid? ProducerPersonId { get; private set; }

    /// <summary>A base or enterprise that produces it, if any.</summary>
    public Guid? ProducerEnterpriseId { get; private set; }

    public Guid CountyId { get; private set; }

    public Money Price { get; private set; }

    /// <summary>The unit the price is for, e.g. 斤, 件, 箱.</summary>
    public string Unit { get; private set; }

    public string Description { get; private set; }

    public ProductAvailability Availability { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>When it was removed from the catalogue; it stays as a tombstone for partners.</summary>
    public DateTimeOffset? RemovedAt { get; private set; }

    public static Product Create(Guid countyId, Guid? producerPersonId, Guid? producerEnterpriseId, ProductDetails details, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        if ((producerPersonId is null) == (producerEnterpriseId is null))
        {
            throw new DomainException("product.producer_required", "Name one producer: a registered person or an enterprise (base).", field: "producerPersonId");
        }

        var product = new Product(countyId) { ProducerPersonId = producerPersonId, ProducerEnterpriseId = producerEnterpriseId };
        product.Apply(details, now);
        return product;
    }

    public void Update(ProductDetails details, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        EnsureListed();
        Apply(details, now);
    }

    public void Remove(DateTimeOffset now)
    {
        EnsureListed();
        RemovedAt = now;
        UpdatedAt = now;
    }

    private void EnsureListed()
    {
        if (RemovedAt is not null)
        {
            throw new DomainException("product.removed", "The product was removed from the catalogue.", DomainErrorKind.Conflict);
        }
    }

    private void Apply(ProductDetails details, DateTimeOffset now)
    {
        Name = details.Name;
        Category = details.Category;
        Price = details.Price;
        Unit = details.Unit;
        Description = details.Description;
        Availability = details.Availability;
        UpdatedAt = now;
    }
}

/// <summary>A product's editable details.</summary>
public sealed record ProductDetails
{
    public ProductDetails(string name, ProductCategory category, Money price, string unit, string? description, ProductAvailability availability)
    {
        Name = Text(name, 100, "name");
        Unit = Text(unit, 20, "unit");
        var text = description?.Trim() ?? string.Empty;
        Description = text.Length <= 2000 ? text : throw new DomainException("product.description_too_long", "At most 2000 characters.", field: "description");
        Category = category;
        Price = price;
        Availability = availability;
    }

    public string Name { get; }

    public ProductCategory Category { get; }

    public Money Price { get; }

    public string Unit { get; }

    public string Description { get; }

    public ProductAvailability Availability { get; }

    private static string Text(string? value, int max, string field)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        return trimmed.Length is > 0 && trimmed.Length <= max
            ? trimmed
            : throw new DomainException("product.text_invalid", $"1 to {max} characters.", field: field);
    }
}
