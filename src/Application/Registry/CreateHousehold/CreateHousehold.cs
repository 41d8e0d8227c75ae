using FluentValidation;
using Mediator;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Security;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Registry;

namespace Sunshine.Application.Registry.CreateHousehold;

/// <summary>
/// Starts a household with its head — a registry person (<c>HeadPersonId</c>) or a family member by
/// name — and its registered-poor status and baseline income.
/// </summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record CreateHouseholdCommand(
    Guid CountyId,
    string? Township,
    string? Village,
    Guid? HeadPersonId,
    string? HeadName,
    bool IsRegisteredPoor,
    int? RegisteredPoorYear,
    string? PoorHouseholdNumber,
    DateOnly? PovertyExitDate,
    int? BaselineYear,
    decimal? BaselinePerCapitaIncome) : ICommand<HouseholdDto>, IHouseholdStatusInput;

public sealed class CreateHouseholdValidator : AbstractValidator<CreateHouseholdCommand>
{
    public CreateHouseholdValidator()
    {
        RuleFor(x => x.CountyId).NotEmpty();
        RuleFor(x => x.Township).MaximumLength(Person.PlaceMaxLength);
        RuleFor(x => x.Village).MaximumLength(Person.PlaceMaxLength);
        RuleFor(x => x.HeadName).NotEmpty().MaximumLength(Person.NameMaxLength).When(x => x.HeadPersonId is null)
            .WithMessage("Name the head, or choose a registry person as head.");
        RuleFor(x => x.HeadName).Empty().When(x => x.HeadPersonId is not null)
            .WithErrorCode("household.head_name_with_person").WithMessage("A registry person's name comes from the registry.");
        Include(new HouseholdStatusInputValidator());
    }
}

public sealed class CreateHouseholdHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<CreateHouseholdCommand, HouseholdDto>
{
    public async ValueTask<HouseholdDto> Handle(CreateHouseholdCommand command, CancellationToken cancellationToken)
    {
        await db.EnsureWritableCountyAsync(user, command.CountyId, cancellationToken);
        var headName = command.HeadPersonId is { } personId
            ? await db.RequireMemberPersonAsync(personId, command.CountyId, cancellationToken)
            : command.HeadName!;

        var household = Household.Create(command.CountyId, command.Township, command.Village, command.HeadPersonId, headName);
        command.ApplyTo(household, clock.Today());
        db.Households.Add(household);
        await db.SaveChangesAsync(cancellationToken);
        return await db.ToDtoAsync(household, cancellationToken);
    }
}
