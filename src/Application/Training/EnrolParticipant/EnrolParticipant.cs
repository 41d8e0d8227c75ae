using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Security;
using Sunshine.Application.Registry;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Common;
using Sunshine.Domain.Registry;
using Sunshine.Domain.Training;

namespace Sunshine.Application.Training.EnrolParticipant;

/// <summary>
/// Enrols a disabled person (<c>PersonId</c>), a family member of one (<c>PersonId</c> of the
/// registry person, <c>Name</c> and <c>Relation</c>) or a specialist committee member (<c>Name</c>,
/// <c>CountyId</c>, <c>CommitteeRole</c>). A full course answers 409; so does a second enrolment of one person.
/// </summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record EnrolParticipantCommand(
    Guid CourseId,
    EnrolmentKind Kind,
    Guid? PersonId,
    string? Name,
    HouseholdRelation? Relation,
    Guid? CountyId,
    string? CommitteeRole) : ICommand<EnrolmentDto>;

public sealed class EnrolParticipantValidator : AbstractValidator<EnrolParticipantCommand>
{
    public EnrolParticipantValidator()
    {
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.PersonId).NotEmpty().When(x => x.Kind is EnrolmentKind.DisabledPerson or EnrolmentKind.FamilyMember);
        RuleFor(x => x.Name).NotEmpty().MaximumLength(Person.NameMaxLength).When(x => x.Kind != EnrolmentKind.DisabledPerson);
        RuleFor(x => x.Relation).NotNull().IsInEnum().When(x => x.Kind == EnrolmentKind.FamilyMember);
        RuleFor(x => x.CountyId).NotEmpty().When(x => x.Kind == EnrolmentKind.SpecialistCommitteeMember);
        RuleFor(x => x.CommitteeRole).NotEmpty().MaximumLength(100).When(x => x.Kind == EnrolmentKind.SpecialistCommitteeMember);
    }
}

public sealed class EnrolParticipantHandler(IApplicationDbContext db, ICurrentUser user) : ICommandHandler<EnrolParticipantCommand, EnrolmentDto>
{
    public async ValueTask<EnrolmentDto> Handle(EnrolParticipantCommand command, CancellationToken cancellationToken)
    {
        var course = await db.RequireCourseAsync(command.CourseId, cancellationToken);

        // Capacity is checked against the course row, locked until this transaction ends.
        await db.LockAsync<Course>(course.Id, cancellationToken);
        await db.Entry(course).ReloadAsync(cancellationToken);

        Enrolment enrolment;
        switch (command.Kind)
        {
            case EnrolmentKind.DisabledPerson:
                var person = await db.RequirePersonAsync(command.PersonId!.Value, cancellationToken);
                var existing = await db.Enrolments.FirstOrDefaultAsync(
                    e => e.CourseId == course.Id && e.PersonId == person.Id && e.Kind == EnrolmentKind.DisabledPerson, cancellationToken);
                if (existing is not null)
                {
                    existing.Reenrol();
                    course.TakePlace();
                    await db.SaveChangesAsync(cancellationToken);
                    return existing.ToDto();
                }

                enrolment = Enrolment.ForDisabledPerson(course, person);
                break;
            case EnrolmentKind.FamilyMember:
                var relative = await db.RequirePersonAsync(command.PersonId!.Value, cancellationToken);
                var household = await db.Households.Where(h => h.Members.Any(m => m.PersonId == relative.Id)).Select(h => (Guid?)h.Id)
                    .FirstOrDefaultAsync(cancellationToken)
                    ?? throw new DomainException("enrolment.no_household", "Record the person's household first: a family member is linked to it.", field: "personId");
                enrolment = Enrolment.ForFamilyMember(course, relative, household, command.Name!, command.Relation!.Value);
                break;
            default:
                await db.EnsureWritableCountyAsync(user, command.CountyId!.Value, cancellationToken);
                enrolment = Enrolment.ForCommitteeMember(course, command.CountyId.Value, command.Name!, command.CommitteeRole!);
                break;
        }

        course.TakePlace();
        db.Enrolments.Add(enrolment);
        await db.SaveChangesAsync(cancellationToken);
        return enrolment.ToDto();
    }
}
