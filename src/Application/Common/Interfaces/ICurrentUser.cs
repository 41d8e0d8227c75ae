namespace Sunshine.Application.Common.Interfaces;

/// <summary>The caller of the current request: a signed-in person or, later, a partner client.</summary>
public interface ICurrentUser
{
    bool IsAuthenticated { get; }

    Guid? Id { get; }

    string? UserName { get; }

    IReadOnlyList<string> Roles { get; }

    /// <summary>The county a county-bound account is limited to; null for city-wide accounts.</summary>
    Guid? CountyId { get; }

    /// <summary>True for roles bound to one county: their reads and writes are limited to <see cref="CountyId"/>.</summary>
    bool IsCountyBound { get; }

    /// <summary>The partner platform a partner API client acts for; null for people.</summary>
    Guid? PlatformId { get; }

    IReadOnlySet<string> Permissions { get; }

    bool HasPermission(string permission);
}
