namespace Sunshine.Application.Common.Interfaces;

/// <summary>
/// The audit trail of the current command. Entity changes are recorded automatically when saved;
/// use cases add entries that are not entity changes (a batch summary, an unmasked read, an
/// account's roles) through <see cref="Record"/>. Everything is written in the command's transaction.
/// </summary>
public interface IAuditTrail
{
    /// <summary>The use case being audited, e.g. <c>UpdateRegion</c>; set by the transaction behaviour.</summary>
    string? Action { get; set; }

    /// <summary>
    /// When true, saved entity changes are not written one row each: the use case records one
    /// summary row itself (bulk commands: a sales batch, an import).
    /// </summary>
    bool SummariseEntityChanges { get; set; }

    /// <summary>Adds an entry written with the next save.</summary>
    /// <param name="entityType">What the entry is about, e.g. <c>Account</c>.</param>
    /// <param name="entityId">Its key, when it has one.</param>
    /// <param name="details">Serialised as the entry's JSON changes.</param>
    void Record(string entityType, string? entityId, object details);
}
