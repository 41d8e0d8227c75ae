using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Infrastructure.Persistence;

namespace Sunshine.Infrastructure.Auditing;

/// <summary>
/// Recomputes the hash chain with the same SQL function the insert trigger uses: a row whose content,
/// predecessor or position was altered, or a missing row, breaks it.
/// </summary>
public sealed class AuditChainVerifier(ApplicationDbContext db) : IAuditChainVerifier
{
    public async Task<AuditChainVerification> VerifyAsync(CancellationToken cancellationToken)
    {
        // One statement, one snapshot: rows and chain head are read consistently while others write.
        var result = await db.Database.SqlQueryRaw<ChainCheck>(
                """
                WITH chain AS (
                    SELECT e.sequence, e.hash,
                           e.sequence <> row_number() OVER (ORDER BY e.sequence)
                           OR e.previous_hash <> coalesce(lag(e.hash) OVER (ORDER BY e.sequence), '\x'::bytea)
                           OR e.hash <> audit.entry_hash(e.previous_hash, e.sequence, e.occurred_at, e.actor_id, e.actor_name,
                                  e.actor_role, e.county_id, e.action, e.entity_type, e.entity_id, e.changes, e.trace_id) AS broken
                    FROM audit.audit_entries e
                )
                SELECT (SELECT count(*) FROM chain)::bigint AS checked,
                       (SELECT min(sequence) FROM chain WHERE broken) AS first_broken,
                       h.sequence AS head_sequence,
                       h.hash = coalesce((SELECT c.hash FROM chain c ORDER BY c.sequence DESC LIMIT 1), '\x'::bytea) AS head_matches
                FROM audit.chain_head h
                """)
            .SingleAsync(cancellationToken);

        // The chain head remembers the last row written, so rows removed from the end are noticed too.
        var firstBroken = result.FirstBroken
            ?? (result.HeadSequence != result.Checked || !result.HeadMatches ? Math.Min(result.HeadSequence, result.Checked + 1) : null);
        return new AuditChainVerification(firstBroken is null, result.Checked, firstBroken);
    }

    private sealed record ChainCheck(long Checked, long? FirstBroken, long HeadSequence, bool HeadMatches);
}
