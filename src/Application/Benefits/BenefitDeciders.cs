using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Common.Exceptions;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Domain.AccessControl;
using Sunshine.Application.Policies;
using Sunshine.Domain.Awards;
using Sunshine.Domain.Benefits;
using Sunshine.Domain.Policies;

namespace Sunshine.Application.Benefits;

/// <summary>Gathers the facts of one type of benefit and applies its rule set (the Domain decides).</summary>
public interface IBenefitDecider
{
    bool Decides(BenefitType type);

    /// <summary>The decision the facts give now, on the benefit's assessment date (for awards, its submission date).</summary>
    Task<Decision> DecideAsync(Benefit benefit, CancellationToken cancellationToken);

    /// <summary>The decision for a (re-)submission made now (for awards, assessed today).</summary>
    Task<Decision> DecideOnSubmissionAsync(Benefit benefit, CancellationToken cancellationToken) => DecideAsync(benefit, cancellationToken);

    /// <summary>At submission, freezes the facts the decision was made on beside the decision (awards keep a snapshot).</summary>
    Task FreezeAsync(Benefit benefit, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>The workflow's shared steps: finding a benefit, deciding it, and who may decide which step.</summary>
public sealed class BenefitWorkflow(IApplicationDbContext db, IEnumerable<IBenefitDecider> deciders, ICurrentUser user, TimeProvider clock)
{
    public DateTimeOffset Now => clock.GetUtcNow();

    public Guid Actor => user.Id ?? throw new NotAuthenticatedException();

    public async Task<Benefit> RequireAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Benefits.FirstOrDefaultAsync(b => b.Id == id, cancellationToken) ?? throw new NotFoundException("benefit", id);

    public DateOnly Today => clock.Today();

    public Task<Decision> DecideAsync(Benefit benefit, CancellationToken cancellationToken) =>
        Decider(benefit).DecideAsync(benefit, cancellationToken);

    public Task<Decision> DecideOnSubmissionAsync(Benefit benefit, CancellationToken cancellationToken) =>
        Decider(benefit).DecideOnSubmissionAsync(benefit, cancellationToken);

    /// <summary>Freezes the facts of a submission (after <see cref="Benefit.Submit"/> or <see cref="Benefit.Resubmit"/>).</summary>
    public Task FreezeAsync(Benefit benefit, CancellationToken cancellationToken) => Decider(benefit).FreezeAsync(benefit, cancellationToken);

    /// <summary>The days of the public notice in force today.</summary>
    public async Task<int> NoticeDaysAsync(CancellationToken cancellationToken) =>
        (await db.InForceAsync(PolicyKey.PublicNotice, Today, cancellationToken) is { } version
            ? PublicNoticePolicy.FromJson(version.Content)
            : PublicNoticePolicy.Default).Days;

    private IBenefitDecider Decider(Benefit benefit)
    {
        ArgumentNullException.ThrowIfNull(benefit);
        return deciders.Single(d => d.Decides(benefit.Type));
    }

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
    /// County-level steps need <c>decisions.county</c>; city-level steps (approving a benefit the city
    /// must approve — after the county review and any public notice — and paying it) need <c>decisions.city</c>.
    /// </summary>
    public void EnsureMayDecide(Benefit benefit)
    {
        ArgumentNullException.ThrowIfNull(benefit);
        var awaitingApproval = benefit.State == BenefitState.PublicNotice || (benefit.State == BenefitState.CountyReviewed && !benefit.IsFinallyApproved);
        var cityStep = benefit.Definition.RequiresCityApproval && (awaitingApproval || benefit.IsFinallyApproved);
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
