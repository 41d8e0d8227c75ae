using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Sunshine.Api.Hosting;
using Sunshine.Application.Auditing.GetAuditEntries;
using Sunshine.Application.Auditing.VerifyAuditChain;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Paging;

namespace Sunshine.Api.Endpoints;

/// <summary>The append-only audit trail, for auditors and city officers.</summary>
public sealed class AuditEntries : IEndpointGroup
{
    public static string Prefix => "audit-entries";

    public static string Tag => "Audit";

    public static void Map(RouteGroupBuilder group)
    {
        group.RequireAuthorization();
        group.MapGet(string.Empty, GetAuditEntries).WithName(nameof(GetAuditEntries))
            .WithSummary("Audit rows, newest first, filtered by entity, actor, action and time range (audit.read).")
            .ProducesStandardProblems();
        group.MapGet("verification", VerifyAuditChain).WithName(nameof(VerifyAuditChain))
            .WithSummary("Recompute the keyed hash chain (HMAC-SHA256) over every sealed audit row and check the signed checkpoints (audit.read).")
            .WithDescription(
                "Names the first broken chain position (sequence, row id, reason): a sealed row edited, deleted or forged, rows " +
                "removed from the end (seen through the signed checkpoints), or an unsealed row inserted in front of sealed ones. " +
                "Also reports how many rows were checked, how many are written but not sealed yet, and the last checkpoint.")
            .ProducesStandardProblems();
    }

    private static async Task<Ok<PagedList<AuditEntryDto>>> GetAuditEntries([AsParameters] GetAuditEntriesQuery query, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(query, ct));

    private static async Task<Ok<AuditChainVerification>> VerifyAuditChain(ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new VerifyAuditChainQuery(), ct));
}
