namespace Sunshine.Application.Common.Interfaces;

/// <summary>Why the audit chain is broken at its first broken position.</summary>
public enum AuditChainBreak
{
    /// <summary>The row's keyed hash does not match its content: the row was edited, or forged without the key.</summary>
    ContentAltered,

    /// <summary>The row does not point at the hash of the sealed row before it.</summary>
    LinkAltered,

    /// <summary>Sealed rows are missing from this sequence on (deleted, or removed from the end past a checkpoint).</summary>
    RowsMissing,

    /// <summary>An unsealed row sorts before rows already sealed: it was inserted behind the sealer's back.</summary>
    UnsealedOutOfOrder,

    /// <summary>A checkpoint's head hash differs from the row now at its sequence.</summary>
    CheckpointMismatch,

    /// <summary>A checkpoint's signature is not valid under the audit key.</summary>
    CheckpointForged,
}

/// <summary>The last checkpoint the sealer signed: the chain's head at that time.</summary>
/// <param name="Sequence">The sequence of the head row.</param>
/// <param name="HeadHash">The head row's hash (hex).</param>
/// <param name="CreatedAt">When the checkpoint was written (UTC).</param>
/// <param name="SignatureValid">The checkpoint's HMAC signature is valid under the audit key.</param>
public sealed record AuditCheckpointInfo(long Sequence, string HeadHash, DateTimeOffset CreatedAt, bool SignatureValid);

/// <summary>The result of recomputing the audit trail's keyed hash chain (HMAC-SHA256) in the application.</summary>
/// <param name="IsIntact">Every sealed row's keyed hash matches its content and the row before it, no sealed row is
/// missing (checked against the signed checkpoints), no unsealed row sorts before sealed ones, and every checkpoint is
/// valid and matches the chain.</param>
/// <param name="EntriesChecked">How many sealed rows were checked.</param>
/// <param name="UnsealedPending">Rows written but not sealed yet (the sealer chains them within seconds); they are not
/// part of the chain until then.</param>
/// <param name="FirstBrokenSequence">The first chain position that is broken: the altered row's sequence, the first
/// missing sequence, or, for an unsealed row inserted out of order, the sequence it was inserted in front of.</param>
/// <param name="FirstBrokenId">The id of the offending row (null when the break is missing rows).</param>
/// <param name="BrokenReason">What is wrong at <paramref name="FirstBrokenSequence"/>.</param>
/// <param name="LastCheckpoint">The newest signed checkpoint, if any.</param>
public sealed record AuditChainVerification(
    bool IsIntact,
    long EntriesChecked,
    long UnsealedPending,
    long? FirstBrokenSequence,
    long? FirstBrokenId,
    AuditChainBreak? BrokenReason,
    AuditCheckpointInfo? LastCheckpoint);

/// <summary>Recomputes the audit trail's keyed hash chain with the key held by the application.</summary>
public interface IAuditChainVerifier
{
    Task<AuditChainVerification> VerifyAsync(CancellationToken cancellationToken);
}
