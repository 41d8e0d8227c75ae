using Sunshine.Domain.Common;

namespace Sunshine.Domain.Bases;

public enum BaseStatus
{
    Active,

    /// <summary>Recognition suspended pending rectification.</summary>
    Suspended,

    /// <summary>Recognition withdrawn.</summary>
    Revoked,
}

/// <summary>
/// A Sunshine Employment Poverty-Alleviation Base (阳光就业扶贫基地) of a county, operated by a
/// registered disabled person or an enterprise, recognised in a year.
/// </summary>
public sealed class SunshineBase : Entity, ICountyScoped
{
    public const int NameMaxLength = 200;
    public const int ProductsMaxLength = 500;
    public const int FirstRecognitionYear = 2000;

    private SunshineBase()
    {
        Name = null!;
        Products = null!;
    }

    private SunshineBase(Guid countyId) : this() => CountyId = countyId;

    public string Name { get; private set; }

    public Guid CountyId { get; private set; }

    public Guid? OperatorPersonId { get; private set; }

    public Guid? OperatorEnterpriseId { get; private set; }

    public int RecognisedYear { get; private set; }

    public BaseStatus Status { get; private set; }

    /// <summary>What it produces or sells, as a short list.</summary>
    public string Products { get; private set; }

    public static SunshineBase Register(Guid countyId, BaseDetails details, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(details);
        var created = new SunshineBase(countyId);
        created.Apply(details, today);
        return created;
    }

    public void Update(BaseDetails details, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(details);
        Apply(details, today);
    }

    private void Apply(BaseDetails details, DateOnly today)
    {
        if ((details.OperatorPersonId is null) == (details.OperatorEnterpriseId is null))
        {
            throw new DomainException("base.operator_required", "A base is operated by either a registered person or an enterprise.", field: "operatorPersonId");
        }

        if (details.RecognisedYear < FirstRecognitionYear || details.RecognisedYear > today.Year)
        {
            throw new DomainException("base.year_invalid", $"The recognition year is from {FirstRecognitionYear} to this year.", field: "recognisedYear");
        }

        Name = Text.Required(details.Name, NameMaxLength, "base.name_invalid", "name");
        Products = Text.Optional(details.Products, ProductsMaxLength, "base.products_too_long", "products") ?? string.Empty;
        OperatorPersonId = details.OperatorPersonId;
        OperatorEnterpriseId = details.OperatorEnterpriseId;
        RecognisedYear = details.RecognisedYear;
        Status = details.Status;
    }
}

/// <summary>A base's editable fields.</summary>
public sealed record BaseDetails(string Name, Guid? OperatorPersonId, Guid? OperatorEnterpriseId, int RecognisedYear, BaseStatus Status, string? Products);
