using FluentValidation;
using Mediator;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Security;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Registry;

namespace Sunshine.Application.Registry.WithdrawConsent;

/// <summary>Records that the person withdrew their consent of a scope on a date.</summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record WithdrawConsentCommand(Guid PersonId, ConsentScope Scope, DateOnly WithdrawnOn) : ICommand<PersonDto>;

public sealed class WithdrawConsentValidator : AbstractValidator<WithdrawConsentCommand>
{
    public WithdrawConsentValidator()
    {
        RuleFor(x => x.Scope).IsInEnum();
        RuleFor(x => x.WithdrawnOn).NotEmpty();
    }
}

public sealed class WithdrawConsentHandler(IApplicationDbContext db, TimeProvider clock) : ICommandHandler<WithdrawConsentCommand, PersonDto>
{
    public async ValueTask<PersonDto> Handle(WithdrawConsentCommand command, CancellationToken cancellationToken)
    {
        var person = await db.RequirePersonAsync(command.PersonId, cancellationToken);
        person.WithdrawConsent(command.Scope, command.WithdrawnOn, clock.Today());
        await db.SaveChangesAsync(cancellationToken);
        return await db.ToDtoAsync(person, cancellationToken);
    }
}
