using FluentValidation;
using Mediator;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Security;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Registry;

namespace Sunshine.Application.Registry.AddHouseholdMember;

/// <summary>Adds a member: a registry person (<c>PersonId</c>) or a family member by name.</summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record AddHouseholdMemberCommand(Guid HouseholdId, Guid? PersonId, string? Name, HouseholdRelation Relation) : ICommand<HouseholdDto>;

public sealed class AddHouseholdMemberValidator : AbstractValidator<AddHouseholdMemberCommand>
{
    public AddHouseholdMemberValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(Person.NameMaxLength).When(x => x.PersonId is null);
        RuleFor(x => x.Name).Empty().When(x => x.PersonId is not null)
            .WithErrorCode("household.member_name_with_person").WithMessage("A registry person's name comes from the registry.");
        RuleFor(x => x.Relation).IsInEnum();
    }
}

public sealed class AddHouseholdMemberHandler(IApplicationDbContext db) : ICommandHandler<AddHouseholdMemberCommand, HouseholdDto>
{
    public async ValueTask<HouseholdDto> Handle(AddHouseholdMemberCommand command, CancellationToken cancellationToken)
    {
        var household = await db.RequireHouseholdAsync(command.HouseholdId, cancellationToken);
        var name = command.PersonId is { } personId
            ? await db.RequireMemberPersonAsync(personId, household.CountyId, cancellationToken)
            : command.Name!;
        household.AddMember(command.PersonId, name, command.Relation);
        await db.SaveChangesAsync(cancellationToken);
        return await db.ToDtoAsync(household, cancellationToken);
    }
}
