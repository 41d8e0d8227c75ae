using Sunshine.Domain.Common;
using Sunshine.Domain.Registry;

namespace Sunshine.Domain.Training;

/// <summary>
/// A place on a course for a disabled person, a family member of one, or a specialist committee
/// member. It belongs to the county of the person (a county officer manages only their own
/// people's enrolments, also in city courses).
/// </summary>
public sealed class Enrolment : Entity, ICountyScoped
{
    private Enrolment()
    {
        Name = null!;
    }

    private Enrolment(Guid courseId, EnrolmentKind kind, Guid countyId, Guid? personId, string name)
    {
        CourseId = courseId;
        Kind = kind;
        CountyId = countyId;
        PersonId = personId;
        Name = name;
        Status = EnrolmentStatus.Enrolled;
    }

    public Guid CourseId { get; private set; }

    public EnrolmentKind Kind { get; private set; }

    public Guid CountyId { get; private set; }

    /// <summary>The disabled person enrolled, or (for a family member) the registry person they are family of.</summary>
    public Guid? PersonId { get; private set; }

    /// <summary>The enrolled person's name (copied from the registry for a disabled person).</summary>
    public string Name { get; private set; }

    /// <summary>A family member's relation to <see cref="PersonId"/>.</summary>
    public HouseholdRelation? Relation { get; private set; }

    /// <summary>The household a family member belongs to.</summary>
    public Guid? HouseholdId { get; private set; }

    /// <summary>A specialist committee member's role or post.</summary>
    public string? CommitteeRole { get; private set; }

    public EnrolmentStatus Status { get; private set; }

    public DateOnly? CompletedOn { get; private set; }

    public string? CertificateName { get; private set; }

    public string? CertificateNumber { get; private set; }

    public static Enrolment ForDisabledPerson(Course course, Person person)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(person);
        if (person.Status != PersonStatus.Active)
        {
            throw new DomainException("enrolment.person_inactive", "Only an active registered person can be enrolled.", field: "personId");
        }

        return new Enrolment(course.Id, EnrolmentKind.DisabledPerson, person.CountyId, person.Id, person.Name);
    }

    public static Enrolment ForFamilyMember(Course course, Person person, Guid householdId, string name, HouseholdRelation relation)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(person);

        return new Enrolment(course.Id, EnrolmentKind.FamilyMember, person.CountyId, person.Id, CheckedName(name))
        {
            Relation = relation,
            HouseholdId = householdId,
        };
    }

    public static Enrolment ForCommitteeMember(Course course, Guid countyId, string name, string role)
    {
        ArgumentNullException.ThrowIfNull(course);
        var trimmedRole = role?.Trim() ?? string.Empty;
        if (trimmedRole.Length is 0 or > 100)
        {
            throw new DomainException("enrolment.role_invalid", "Give the committee member's role (up to 100 characters).", field: "committeeRole");
        }

        return new Enrolment(course.Id, EnrolmentKind.SpecialistCommitteeMember, countyId, null, CheckedName(name)) { CommitteeRole = trimmedRole };
    }

    /// <summary>Marks the training completed, with the certificate obtained (if any).</summary>
    public void Complete(DateOnly on, Course course, string? certificateName, string? certificateNumber, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(course);
        if (Status != EnrolmentStatus.Enrolled)
        {
            throw new DomainException("enrolment.state", $"Only an enrolled participant completes (this one is {Status}).", DomainErrorKind.Conflict);
        }

        if (on < course.StartDate || on > today)
        {
            throw new DomainException("enrolment.completion_date_invalid", "The completion date lies between the course start and today.", field: "completedOn");
        }

        if (string.IsNullOrWhiteSpace(certificateName) != string.IsNullOrWhiteSpace(certificateNumber))
        {
            throw new DomainException("enrolment.certificate_incomplete", "A certificate has a name and a number.", field: "certificateNumber");
        }

        Status = EnrolmentStatus.Completed;
        CompletedOn = on;
        CertificateName = string.IsNullOrWhiteSpace(certificateName) ? null : certificateName.Trim();
        CertificateNumber = string.IsNullOrWhiteSpace(certificateNumber) ? null : certificateNumber.Trim();
    }

    public void Drop()
    {
        if (Status != EnrolmentStatus.Enrolled)
        {
            throw new DomainException("enrolment.state", $"Only an enrolled participant drops out (this one is {Status}).", DomainErrorKind.Conflict);
        }

        Status = EnrolmentStatus.Dropped;
    }

    /// <summary>A participant who dropped out is enrolled again (they need a free place).</summary>
    public void Reenrol()
    {
        if (Status != EnrolmentStatus.Dropped)
        {
            throw new DomainException("enrolment.duplicate", "The person is already enrolled in this course.", DomainErrorKind.Conflict, "personId");
        }

        Status = EnrolmentStatus.Enrolled;
    }

    private static string CheckedName(string? name)
    {
        var trimmed = name?.Trim() ?? string.Empty;
        return trimmed.Length is > 0 and <= Person.NameMaxLength
            ? trimmed
            : throw new DomainException("enrolment.name_invalid", "A name is 1 to 50 characters.", field: "name");
    }
}
