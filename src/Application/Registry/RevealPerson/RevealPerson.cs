using FluentValidation;
using Mediator;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Security;
using Sunshine.Domain.AccessControl;

namespace Sunshine.Application.Registry.RevealPerson;

/// <summary>
/// Shows a person's full ID number, certificate number and phone to a holder of <c>pii.reveal</c>
/// who can see the person. An audited read: the reason and the fields are written to the audit trail.
/// </summary>
[RequiresPermission(Permissions.PiiReveal)]
public sealed record RevealPersonCommand(Guid Id, string Reason) : ICommand<PersonSensitiveDataDto>, IAuditedRead;

public sealed class RevealPersonValidator : AbstractValidator<RevealPersonCommand>
{
    public RevealPersonValidator() => RuleFor(x => x.Reason).NotEmpty().Length(4, 200);
}

public sealed class RevealPersonHandler(IApplicationDbContext db, IAuditTrail audit) : ICommandHandler<RevealPersonCommand, PersonSensitiveDataDto>
{
    private static readonly string[] RevealedFields = ["idNumber", "certificateNumber", "phone"];

    public async ValueTask<PersonSensitiveDataDto> Handle(RevealPersonCommand command, CancellationToken cancellationToken)
    {
        var person = await db.RequirePersonAsync(command.Id, cancellationToken);
        audit.Record("Person", person.Id.ToString(), new
        {
            operation = "revealed",
            fields = RevealedFields,
            reason = command.Reason.Trim(),
        });
        return new PersonSensitiveDataDto(person.IdNumber.Value, person.CertificateNumber.Value, person.Phone?.Value, person.BirthDate);
    }
}
