using Sunshine.Domain.Registry;
using Sunshine.Domain.Training;

namespace Sunshine.Application.Training;

/// <summary>An enrolment on a course.</summary>
public sealed record EnrolmentDto(
    Guid Id,
    Guid CourseId,
    EnrolmentKind Kind,
    Guid CountyId,
    Guid? PersonId,
    string Name,
    HouseholdRelation? Relation,
    string? CommitteeRole,
    EnrolmentStatus Status,
    DateOnly? CompletedOn,
    string? CertificateName,
    string? CertificateNumber,
    uint Version);

public static class EnrolmentMapping
{
    public static EnrolmentDto ToDto(this Enrolment e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new EnrolmentDto(e.Id, e.CourseId, e.Kind, e.CountyId, e.PersonId, e.Name, e.Relation, e.CommitteeRole, e.Status, e.CompletedOn,
            e.CertificateName, e.CertificateNumber, e.Version);
    }
}
