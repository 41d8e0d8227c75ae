namespace Sunshine.Domain.Common;

/// <summary>
/// A record that belongs either to one county (<see cref="CountyId"/> set) or to the city (null):
/// county officers see their county's and the city's, and change only their county's.
/// </summary>
public interface IOptionallyCountyScoped
{
    Guid? CountyId { get; }
}
