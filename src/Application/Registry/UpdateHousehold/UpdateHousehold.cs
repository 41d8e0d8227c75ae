using FluentValidation;
using Mediator;
using Sunshine.Application.Common.Concurrency;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Security;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Registry;

namespace Sunshine.Application.Registry.UpdateHousehold;

/// <summary>Updates a household's address, registered-poor status (including poverty exit) and baseline.</summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record UpdateHouseholdCommand(
    Guid Id,
    uint? ExpectedVersion,
    string? Township,
    string? Village,
    bool IsRegisteredPoor,
    int? RegisteredPoorYear,
    string? PoorHouseholdNumber,
    DateOnly? PovertyExitDate,
    int? BaselineYear,
    decimal? BaselinePerCapitaIncome) : ICommand<HouseholdDto>, IHouseholdStatusInput;

public sealed class UpdateHouseholdValidator : AbstractValidator<UpdateHouseholdCommand>
{
    public UpdateHouseholdValidator()
    {
        RuleFor(x => x.Township).MaximumLength(Person.PlaceMaxLength);
        RuleFor(x => x.Village).MaximumLength(Person.PlaceMaxLength);
        Include(new HouseholdStatusInputValidator());
    }
}

public sealed class UpdateHouseholdHandler(IApplicationDbContext db, TimeProvider clock) : ICommandHandler<UpdateHouseholdCommand, HouseholdDto>
{
    public async ValueTask<HouseholdDto> Handle(UpdateHouseholdCommand command, CancellationToken cancellationToken)
    {
        var household = await db.RequireHouseholdAsync(command.Id, cancellationToken);
        db.EnsureCurrent(household, command.ExpectedVersion);
        household.UpdateAddress(command.Township, command.Village);
        command.ApplyTo(household, clock.Today());
        await db.SaveChangesAsync(cancellationToken);
        return await db.ToDtoAsync(household, cancellationToken);
    }
}
