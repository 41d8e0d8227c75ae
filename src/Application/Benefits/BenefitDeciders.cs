using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Common.Exceptions;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Benefits;

namespace Sunshine.Application.Benefits;

/// <summary>Gathers the facts of one type of benefit and applies its rule set (the Domain decides).</summary>
public interface IBenefitDecider
{
    BenefitType Type { get; }

    Task<Decision> DecideAsync(Benefit benefit, CancellationToken cancellationToken);
}

/// <summary>The workflow's shared steps: finding a benefit, deciding it, and who may decide which step.</summary>
public sealed class BenefitWorkflow(IApplicationDbContext db, IEnumerable<IBenefitDecider> deciders, ICurrentUser user, TimeProvider clock)
{
    public DateTimeOffset Now => clock.GetUtcNow();

    public Guid Actor => user.Id ?? throw new NotAuthenticatedException();

    public async Task<Benefit> RequireAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Benefits.FirstOrDefaultAsync(b => b.Id == id, cancellationToken) ?? throw new NotFoundException("benefit", id);

    public Task<Decision> DecideAsync(Benefit benefit, CancellationToken cancellationToken) =>
        deciders.Single(d => d.Type == benefit.Type).DecideAsync(benefit, cancellationToken);

    /// <summary>Marks the policy version a decision used, so it can no longer be edited.</summary>
    public async Task MarkPolicyUsedAsync(Decision decision, CancellationToken cancellationToken)
    {
        if (decision.PolicyVersionId is { } versionId
            && await db.PolicyVersions.FirstOrDefaultAsync(v => v.Id == versionId, cancellationToken) is { IsUsed: false } version)
        {
            version.MarkUsed();
        }
    }

    /// <summary>
    /// County-level steps need <c>decisions.county</c>; city-level steps (a benefit the county has
    /// reviewed and the city must approve) need <c>decisions.city</c>.
    /// </summary>
    public void EnsureMayDecide(Benefit benefit)
    {
        ArgumentNullException.ThrowIfNull(benefit);
        var cityStep = (benefit.State == BenefitState.CountyReviewed && !benefit.IsFinallyApproved)
            || (benefit.IsFinallyApproved && benefit.Definition.RequiresCityApproval);
        var needed = cityStep ? Permissions.CityDecide : Permissions.CountyDecide;
        if (!user.HasPermission(needed))
        {
            throw new ForbiddenException("auth.permission_required", $"This step needs the permission '{needed}'.");
        }
    }

    public async Task<BenefitDto> SaveAsync(Benefit benefit, Decision? live, CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        return benefit.ToDto(live);
    }
}
