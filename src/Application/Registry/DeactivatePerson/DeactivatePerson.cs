using FluentValidation;
using Mediator;
using Sunshine.Application.Common.Concurrency;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Security;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Registry;

namespace Sunshine.Application.Registry.DeactivatePerson;

/// <summary>Records that a person died or moved away; the record stays for the programme's history.</summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record DeactivatePersonCommand(Guid Id, uint? ExpectedVersion, PersonStatus Status, DateOnly On) : ICommand<PersonDto>;

public sealed class DeactivatePersonValidator : AbstractValidator<DeactivatePersonCommand>
{
    public DeactivatePersonValidator()
    {
        RuleFor(x => x.Status).IsInEnum().NotEqual(PersonStatus.Active).WithErrorCode("person.status_invalid")
            .WithMessage("Deactivation records Deceased or MovedAway.");
        RuleFor(x => x.On).NotEmpty();
    }
}

public sealed class DeactivatePersonHandler(IApplicationDbContext db, TimeProvider clock) : ICommandHandler<DeactivatePersonCommand, PersonDto>
{
    public async ValueTask<PersonDto> Handle(DeactivatePersonCommand command, CancellationToken cancellationToken)
    {
        var person = await db.RequirePersonAsync(command.Id, cancellationToken);
        db.EnsureCurrent(person, command.ExpectedVersion);
        person.Deactivate(command.Status, command.On, clock.Today());
        await db.SaveChangesAsync(cancellationToken);
        return await db.ToDtoAsync(person, cancellationToken);
    }
}
