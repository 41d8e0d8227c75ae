using System.Text.Json;
using Sunshine.Domain.Policies;

namespace Sunshine.Application.Policies;

/// <summary>A version of a policy parameter. <c>IsUsed</c>: a decision used it, so it can no longer change.</summary>
public sealed record PolicyVersionDto(Guid Id, Guid ProgrammeId, PolicyKey Key, DateOnly EffectiveFrom, JsonElement Content, string Note, bool IsUsed, uint Version);

public static class PolicyVersionMapping
{
    public static PolicyVersionDto ToDto(this PolicyVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return new PolicyVersionDto(version.Id, version.ProgrammeId, version.Key, version.EffectiveFrom,
            JsonDocument.Parse(version.Content).RootElement.Clone(), version.Note, version.IsUsed, version.Version);
    }
}
