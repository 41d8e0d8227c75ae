using FluentValidation;
using Mediator;
using Sunshine.Application.Common.Concurrency;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Security;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Registry;

namespace Sunshine.Application.Registry.UpdatePerson;

/// <summary>Replaces a person's details; <c>ExpectedVersion</c> is the ETag from <c>If-Match</c>.</summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record UpdatePersonCommand(
    Guid Id,
    uint? ExpectedVersion,
    string Name,
    string IdNumber,
    string CertificateNumber,
    Guid CountyId,
    string? Township,
    string? Village,
    HouseholdRegistration Registration,
    string? Phone,
    IReadOnlyList<PersonTags>? Tags) : ICommand<PersonDto>, IPersonInput;

public sealed class UpdatePersonValidator : AbstractValidator<UpdatePersonCommand>
{
    public UpdatePersonValidator(TimeProvider clock) => Include(new PersonInputValidator(clock));
}

public sealed class UpdatePersonHandler(IApplicationDbContext db, ICurrentUser user, ISensitiveDataProtector protector, TimeProvider clock)
    : ICommandHandler<UpdatePersonCommand, PersonDto>
{
    public async ValueTask<PersonDto> Handle(UpdatePersonCommand command, CancellationToken cancellationToken)
    {
        var person = await db.RequirePersonAsync(command.Id, cancellationToken);
        db.EnsureCurrent(person, command.ExpectedVersion);
        await db.EnsureWritableCountyAsync(user, command.CountyId, cancellationToken);
        var details = command.ToDetails(clock.Today());
        await db.EnsureUniqueAsync(protector, details, person.Id, cancellationToken);

        person.Update(details, command.CountyId);
        await db.SaveChangesAsync(cancellationToken);
        return await db.ToDtoAsync(person, cancellationToken);
    }
}
