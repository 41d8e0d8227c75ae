using Riok.Mapperly.Abstractions;
using Sunshine.Domain.Regions;

namespace Sunshine.Application.Regions;

/// <summary>A region as the API shows it. <c>Version</c> is the ETag for updates.</summary>
public sealed record RegionDto(
    Guid Id,
    string Code,
    string Name,
    string NameEn,
    RegionKind Kind,
    Guid? ParentId,
    bool HasStatisticalCode,
    bool IsActive,
    int SortOrder,
    uint Version);

[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
public static partial class RegionMapper
{
    [MapProperty(nameof(@Region.Code.IsStatistical), nameof(RegionDto.HasStatisticalCode))]
    public static partial RegionDto ToDto(this Region region);

    private static string CodeToString(RegionCode code) => code.Value;
}
