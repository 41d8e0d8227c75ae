using Mediator;
using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Security;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Policies;

namespace Sunshine.Application.Policies.GetPolicyVersions;

/// <summary>Every version of the programme's policy parameters, by key and effective date.</summary>
[RequiresPermission(Permissions.ReferenceRead)]
public sealed record GetPolicyVersionsQuery(PolicyKey? Key = null) : IQuery<IReadOnlyList<PolicyVersionDto>>;

public sealed class GetPolicyVersionsHandler(IApplicationDbContext db) : IQueryHandler<GetPolicyVersionsQuery, IReadOnlyList<PolicyVersionDto>>
{
    public async ValueTask<IReadOnlyList<PolicyVersionDto>> Handle(GetPolicyVersionsQuery query, CancellationToken cancellationToken)
    {
        var versions = await db.PolicyVersions.AsNoTracking()
            .Where(v => query.Key == null || v.Key == query.Key)
            .OrderBy(v => v.Key).ThenBy(v => v.EffectiveFrom)
            .ToListAsync(cancellationToken);
        return versions.Select(v => v.ToDto()).ToList();
    }
}
