using System.Text.Json;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Common.Concurrency;
using Sunshine.Application.Common.Exceptions;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Security;
using Sunshine.Application.Policies.CreatePolicyVersion;
using Sunshine.Domain.AccessControl;

namespace Sunshine.Application.Policies.UpdatePolicyVersion;

/// <summary>Edits a version no decision has used yet (decisions.city); a used version answers 409.</summary>
[RequiresPermission(Permissions.CityDecide)]
public sealed record UpdatePolicyVersionCommand(Guid Id, uint? ExpectedVersion, DateOnly EffectiveFrom, JsonElement Content, string? Note)
    : ICommand<PolicyVersionDto>;

public sealed class UpdatePolicyVersionValidator : AbstractValidator<UpdatePolicyVersionCommand>
{
    public UpdatePolicyVersionValidator() => RuleFor(x => x.Note).MaximumLength(500);
}

public sealed class UpdatePolicyVersionHandler(IApplicationDbContext db) : ICommandHandler<UpdatePolicyVersionCommand, PolicyVersionDto>
{
    public async ValueTask<PolicyVersionDto> Handle(UpdatePolicyVersionCommand command, CancellationToken cancellationToken)
    {
        var version = await db.PolicyVersions.FirstOrDefaultAsync(v => v.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("policy_version", command.Id);
        db.EnsureCurrent(version, command.ExpectedVersion);
        var content = PolicyStore.ParseContent(version.Key, command.Content);
        version.Edit(command.EffectiveFrom, CreatePolicyVersionHandler.Serialise(content), command.Note ?? string.Empty);
        await db.SaveChangesAsync(cancellationToken);
        return version.ToDto();
    }
}
