using Mediator;
using Sunshine.Application.Benefits;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Security;
using Sunshine.Domain.AccessControl;

namespace Sunshine.Application.Training.GetTrainingClaim;

/// <summary>A claim with its frozen decision, the decision its facts give now, its history and attachments.</summary>
[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record GetTrainingClaimQuery(Guid Id) : IQuery<TrainingClaimDto>;

public sealed class GetTrainingClaimHandler(IApplicationDbContext db, BenefitWorkflow workflow) : IQueryHandler<GetTrainingClaimQuery, TrainingClaimDto>
{
    public async ValueTask<TrainingClaimDto> Handle(GetTrainingClaimQuery query, CancellationToken cancellationToken) =>
        await db.ToDtoAsync(await db.RequireClaimAsync(query.Id, cancellationToken), workflow, cancellationToken);
}
