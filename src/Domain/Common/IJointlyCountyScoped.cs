namespace Sunshine.Domain.Common;

/// <summary>
/// A record two counties share — e.g. the employment of a person of one county by an enterprise of
/// another: visible to, and kept by, the officers of either county.
/// </summary>
public interface IJointlyCountyScoped
{
    /// <summary>The disabled person's (or household's, or base's) county.</summary>
    Guid CountyId { get; }

    /// <summary>The other party's county; null when it has none in the city (a platform based elsewhere).</summary>
    Guid? OtherCountyId { get; }
}
