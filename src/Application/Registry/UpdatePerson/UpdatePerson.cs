using FluentValidation;
using Mediator;
using Sunshine.Application.Common.Concurrency;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Security;
using Sunshine.Application.Common.Validation;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Registry;

namespace Sunshine.Application.Registry.UpdatePerson;

/// <summary>
/// Replaces a person's details; <c>ExpectedVersion</c> is the ETag from <c>If-Match</c>. The
/// sensitive numbers are never shown in full, so they are sent only to change them: a null
/// <c>IdNumber</c>, <c>CertificateNumber</c> or <c>Phone</c> keeps the current value, an empty
/// <c>Phone</c> removes it. A new ID number needs the matching certificate number.
/// </summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record UpdatePersonCommand(
    Guid Id,
    uint? ExpectedVersion,
    string Name,
    string? IdNumber,
    string? CertificateNumber,
    Guid CountyId,
    string? Township,
    string? Village,
    HouseholdRegistration Registration,
    string? Phone,
    IReadOnlyList<PersonTags>? Tags) : ICommand<PersonDto>, IPersonFields;

public sealed class UpdatePersonValidator : AbstractValidator<UpdatePersonCommand>
{
    public UpdatePersonValidator(TimeProvider clock)
    {
        Include(new PersonFieldsValidator());
        RuleFor(x => x.IdNumber).MustCreate((_, v) => ResidentIdNumber.Create(v, clock.Today())).When(x => x.IdNumber is not null);
        RuleFor(x => x.CertificateNumber).MustCreate((x, v) =>
        {
            // Against a new ID number here; against the current one in the handler.
            if (PersonInputValidator.TryId(x.IdNumber) is { } holder)
            {
                DisabilityCertificateNumber.Create(v, holder);
            }
        }).When(x => x.CertificateNumber is not null);
        RuleFor(x => x.CertificateNumber).NotNull().When(x => x.IdNumber is not null)
            .WithErrorCode("certificate_number.required_with_id").WithMessage("A new ID number needs the matching certificate number.");
        RuleFor(x => x.Phone).MustCreate((_, v) => PhoneNumber.Create(v)).When(x => !string.IsNullOrEmpty(x.Phone));
    }
}

public sealed class UpdatePersonHandler(IApplicationDbContext db, ICurrentUser user, ISensitiveDataProtector protector, TimeProvider clock)
    : ICommandHandler<UpdatePersonCommand, PersonDto>
{
    public async ValueTask<PersonDto> Handle(UpdatePersonCommand command, CancellationToken cancellationToken)
    {
        var person = await db.RequirePersonAsync(command.Id, cancellationToken);
        db.EnsureCurrent(person, command.ExpectedVersion);
        await db.EnsureWritableCountyAsync(user, command.CountyId, cancellationToken);

        var id = command.IdNumber is null ? person.IdNumber : ResidentIdNumber.Create(command.IdNumber, clock.Today());
        var certificate = command.CertificateNumber is null ? person.CertificateNumber : DisabilityCertificateNumber.Create(command.CertificateNumber, id);
        var phone = command.Phone switch
        {
            null => person.Phone,
            "" => null,
            var value => PhoneNumber.Create(value),
        };
        var details = new PersonDetails(command.Name, id, certificate, command.Township, command.Village, command.Registration, phone, command.Tags.Combine());
        await db.EnsureUniqueAsync(protector, details, person.Id, cancellationToken);

        person.Update(details, command.CountyId);
        await db.SaveChangesAsync(cancellationToken);
        return await db.ToDtoAsync(person, cancellationToken);
    }
}
