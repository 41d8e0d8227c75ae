using Mediator;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Security;
using Sunshine.Domain.AccessControl;

namespace Sunshine.Application.Auditing.VerifyAuditChain;

/// <summary>Recomputes every sealed audit row's keyed hash and checks the signed checkpoints; a row altered, removed or inserted outside the application breaks the chain.</summary>
[RequiresPermission(Permissions.AuditRead)]
public sealed record VerifyAuditChainQuery : IQuery<AuditChainVerification>;

public sealed class VerifyAuditChainHandler(IAuditChainVerifier verifier) : IQueryHandler<VerifyAuditChainQuery, AuditChainVerification>
{
    public async ValueTask<AuditChainVerification> Handle(VerifyAuditChainQuery query, CancellationToken cancellationToken) =>
        await verifier.VerifyAsync(cancellationToken);
}
