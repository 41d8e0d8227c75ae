namespace Sunshine.Domain.Common;

/// <summary>
/// A record that belongs to one county-level region. County officers see and change only their
/// county's records; the scoping is applied in one place (the DbContext's query filters).
/// </summary>
public interface ICountyScoped
{
    /// <summary>The county that owns the record (as of the fact's date).</summary>
    Guid CountyId { get; }
}
