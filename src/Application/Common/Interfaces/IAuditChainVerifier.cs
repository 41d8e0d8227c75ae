namespace Sunshine.Application.Common.Interfaces;

/// <summary>The result of recomputing the audit trail's hash chain.</summary>
/// <param name="IsIntact">Every row's hash matches its content and the row before it.</param>
/// <param name="EntriesChecked">How many rows were checked.</param>
/// <param name="FirstBrokenSequence">The first row whose hash does not match, if any.</param>
public sealed record AuditChainVerification(bool IsIntact, long EntriesChecked, long? FirstBrokenSequence);

/// <summary>Recomputes the audit trail's hash chain in the database.</summary>
public interface IAuditChainVerifier
{
    Task<AuditChainVerification> VerifyAsync(CancellationToken cancellationToken);
}
