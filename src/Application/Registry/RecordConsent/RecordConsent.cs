using FluentValidation;
using Mediator;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Security;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Registry;

namespace Sunshine.Application.Registry.RecordConsent;

/// <summary>Records that the person gave consent of a scope on a date.</summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record RecordConsentCommand(Guid PersonId, ConsentScope Scope, DateOnly GivenOn) : ICommand<PersonDto>;

public sealed class RecordConsentValidator : AbstractValidator<RecordConsentCommand>
{
    public RecordConsentValidator()
    {
        RuleFor(x => x.Scope).IsInEnum();
        RuleFor(x => x.GivenOn).NotEmpty();
    }
}

public sealed class RecordConsentHandler(IApplicationDbContext db, TimeProvider clock) : ICommandHandler<RecordConsentCommand, PersonDto>
{
    public async ValueTask<PersonDto> Handle(RecordConsentCommand command, CancellationToken cancellationToken)
    {
        var person = await db.RequirePersonAsync(command.PersonId, cancellationToken);
        person.GiveConsent(command.Scope, command.GivenOn, clock.Today());
        await db.SaveChangesAsync(cancellationToken);
        return await db.ToDtoAsync(person, cancellationToken);
    }
}
