using FluentValidation;
using Mediator;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Security;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Registry;

namespace Sunshine.Application.Registry.CreatePerson;

/// <summary>Registers a disabled person in the caller's county (city officers: any county).</summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record CreatePersonCommand(
    string Name,
    string IdNumber,
    string CertificateNumber,
    Guid CountyId,
    string? Township,
    string? Village,
    HouseholdRegistration Registration,
    string? Phone,
    IReadOnlyList<PersonTags>? Tags) : ICommand<PersonDto>, IPersonInput;

public sealed class CreatePersonValidator : AbstractValidator<CreatePersonCommand>
{
    public CreatePersonValidator(TimeProvider clock) => Include(new PersonInputValidator(clock));
}

public sealed class CreatePersonHandler(IApplicationDbContext db, ICurrentUser user, ISensitiveDataProtector protector, TimeProvider clock)
    : ICommandHandler<CreatePersonCommand, PersonDto>
{
    public async ValueTask<PersonDto> Handle(CreatePersonCommand command, CancellationToken cancellationToken)
    {
        await db.EnsureWritableCountyAsync(user, command.CountyId, cancellationToken);
        var details = command.ToDetails(clock.Today());
        await db.EnsureUniqueAsync(protector, details, exceptPersonId: null, cancellationToken);

        var person = Person.Register(details, command.CountyId);
        db.Persons.Add(person);
        await db.SaveChangesAsync(cancellationToken);
        return await db.ToDtoAsync(person, cancellationToken);
    }
}
