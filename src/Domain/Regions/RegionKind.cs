namespace Sunshine.Domain.Regions;

/// <summary>The administrative kind of a region.</summary>
public enum RegionKind
{
    /// <summary>Prefecture-level city (地级市), e.g. Changde 430700.</summary>
    City,

    /// <summary>Urban district (市辖区).</summary>
    District,

    /// <summary>County (县).</summary>
    County,

    /// <summary>County-level city (县级市).</summary>
    CountyLevelCity,

    /// <summary>Management zone (管理区), with or without a statistical code.</summary>
    ManagementZone,

    /// <summary>Development or tourist zone (开发区、旅游度假区) reporting separately.</summary>
    DevelopmentZone,
}
