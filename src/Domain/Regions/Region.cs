using Sunshine.Domain.Common;

namespace Sunshine.Domain.Regions;

/// <summary>
/// A region (行政区划): Changde City or one of its county-level units. County officers are bound
/// to one county-level region and records that belong to a county reference one.
/// </summary>
public sealed class Region : Entity
{
    private Region()
    {
        Code = null!;
        Name = null!;
        NameEn = null!;
    }

    private Region(RegionCode code, string name, string nameEn, RegionKind kind, Region? parent, int sortOrder)
    {
        Code = code;
        Name = name;
        NameEn = nameEn;
        Kind = kind;
        ParentId = parent?.Id;
        SortOrder = sortOrder;
        IsActive = true;
    }

    public RegionCode Code { get; private set; }

    /// <summary>Official Chinese name, e.g. 武陵区.</summary>
    public string Name { get; private set; }

    /// <summary>English (pinyin) name, e.g. Wuling District.</summary>
    public string NameEn { get; private set; }

    public RegionKind Kind { get; private set; }

    public Guid? ParentId { get; private set; }

    public int SortOrder { get; private set; }

    public bool IsActive { get; private set; }

    /// <summary>County-level units (every kind but the city) are the unit of county scoping.</summary>
    public bool IsCountyLevel => Kind != RegionKind.City;

    public static Region CreateCity(RegionCode code, string name, string nameEn, int sortOrder = 0)
    {
        ValidateNames(name, nameEn);
        return new Region(code, name.Trim(), nameEn.Trim(), RegionKind.City, null, sortOrder);
    }

    public static Region CreateCountyLevel(RegionCode code, string name, string nameEn, RegionKind kind, Region city, int sortOrder)
    {
        ArgumentNullException.ThrowIfNull(city);
        ValidateNames(name, nameEn);
        EnsureCountyLevelUnder(kind, code, city);
        return new Region(code, name.Trim(), nameEn.Trim(), kind, city, sortOrder);
    }

    public void Update(RegionCode code, string name, string nameEn, RegionKind kind, Region? parent, int sortOrder, bool isActive)
    {
        ValidateNames(name, nameEn);
        if (IsCountyLevel != (kind != RegionKind.City))
        {
            throw new DomainException("region.kind_change", "A city cannot become a county-level unit or the reverse: create a new region instead.", field: "kind");
        }

        if (kind != RegionKind.City)
        {
            if (parent is null)
            {
                throw new DomainException("region.parent_required", "A county-level unit must belong to a city.", field: "parentId");
            }

            EnsureCountyLevelUnder(kind, code, parent);
        }

        Code = code;
        Name = name.Trim();
        NameEn = nameEn.Trim();
        Kind = kind;
        ParentId = parent?.Id;
        SortOrder = sortOrder;
        IsActive = isActive;
    }

    private static void EnsureCountyLevelUnder(RegionKind kind, RegionCode code, Region parent)
    {
        if (kind == RegionKind.City)
        {
            throw new DomainException("region.kind_invalid", "Only one level of cities is kept: a child region must be county-level.", field: "kind");
        }

        if (parent.Kind != RegionKind.City)
        {
            throw new DomainException("region.parent_invalid", "A county-level unit must belong to a city.", field: "parentId");
        }

        if (code.CityPrefix != parent.Code.CityPrefix)
        {
            throw new DomainException("region.code_outside_city", $"A county-level code must start with its city's prefix {parent.Code.CityPrefix}.", field: "code");
        }

        if (code == parent.Code)
        {
            throw new DomainException("region.code_invalid", "A county-level unit cannot share its city's code.", field: "code");
        }
    }

    private static void ValidateNames(string name, string nameEn)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 50)
        {
            throw new DomainException("region.name_invalid", "A region name is 1 to 50 characters.", field: "name");
        }

        if (string.IsNullOrWhiteSpace(nameEn) || nameEn.Trim().Length > 100)
        {
            throw new DomainException("region.name_en_invalid", "A region's English name is 1 to 100 characters.", field: "nameEn");
        }
    }
}
