using Sunshine.Application.Common.Interfaces;

namespace Sunshine.Infrastructure.Auditing;

/// <summary>The current command's audit context and its explicit entries, drained by <see cref="AuditInterceptor"/>.</summary>
public sealed class AuditTrail : IAuditTrail
{
    private readonly List<(string EntityType, string? EntityId, object Details)> _pending = [];

    public string? Action { get; set; }

    public bool SummariseEntityChanges { get; set; }

    public void Record(string entityType, string? entityId, object details)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(entityType);
        ArgumentNullException.ThrowIfNull(details);
        _pending.Add((entityType, entityId, details));
    }

    /// <summary>Entries recorded since the last save.</summary>
    internal bool HasPending => _pending.Count > 0;

    internal IReadOnlyList<(string EntityType, string? EntityId, object Details)> TakePending()
    {
        var taken = _pending.ToList();
        _pending.Clear();
        return taken;
    }
}
