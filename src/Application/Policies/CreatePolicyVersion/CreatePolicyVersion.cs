using System.Text.Json;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Common.Exceptions;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Security;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Policies;

namespace Sunshine.Application.Policies.CreatePolicyVersion;

/// <summary>Adds a version of a policy parameter, in force from its effective date (decisions.city).</summary>
[RequiresPermission(Permissions.CityDecide)]
public sealed record CreatePolicyVersionCommand(Guid ProgrammeId, PolicyKey Key, DateOnly EffectiveFrom, JsonElement Content, string? Note)
    : ICommand<PolicyVersionDto>;

public sealed class CreatePolicyVersionValidator : AbstractValidator<CreatePolicyVersionCommand>
{
    public CreatePolicyVersionValidator()
    {
        RuleFor(x => x.Key).IsInEnum();
        RuleFor(x => x.Note).MaximumLength(500);
    }
}

public sealed class CreatePolicyVersionHandler(IApplicationDbContext db) : ICommandHandler<CreatePolicyVersionCommand, PolicyVersionDto>
{
    public async ValueTask<PolicyVersionDto> Handle(CreatePolicyVersionCommand command, CancellationToken cancellationToken)
    {
        var programme = await db.Programmes.AsNoTracking().FirstOrDefaultAsync(p => p.Id == command.ProgrammeId, cancellationToken)
            ?? throw new NotFoundException("programme", command.ProgrammeId);
        if (!programme.Covers(command.EffectiveFrom))
        {
            throw new Domain.Common.DomainException("policy.effective_outside_programme", "The version takes effect within the programme period.", field: "effectiveFrom");
        }

        var content = PolicyStore.ParseContent(command.Key, command.Content);
        if (await db.PolicyVersions.AnyAsync(v => v.ProgrammeId == command.ProgrammeId && v.Key == command.Key && v.EffectiveFrom == command.EffectiveFrom, cancellationToken))
        {
            throw new ConflictException("policy.version_exists", "A version taking effect that day exists: edit it, or choose another date.", "effectiveFrom");
        }

        var version = PolicyVersion.Create(command.ProgrammeId, command.Key, command.EffectiveFrom, Serialise(content), command.Note ?? string.Empty);
        db.PolicyVersions.Add(version);
        await db.SaveChangesAsync(cancellationToken);
        return version.ToDto();
    }

    internal static string Serialise(object content) => content switch
    {
        QualificationTable table => PolicyStore.Write(table),
        Domain.Loans.InterestSubsidyPolicy subsidy => subsidy.ToJson(),
        Domain.Evidence.StableLinkPolicy stableLink => stableLink.ToJson(),
        Domain.Awards.DemonstrationHouseholdPolicy household => household.ToJson(),
        Domain.Awards.DemonstrationBasePolicy demonstrationBase => demonstrationBase.ToJson(),
        Domain.Awards.EnterpriseRecognitionPolicy recognitions => recognitions.ToJson(),
        Domain.Awards.PublicNoticePolicy notice => notice.ToJson(),
        _ => throw new ArgumentOutOfRangeException(nameof(content)),
    };
}
