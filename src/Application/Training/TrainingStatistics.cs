using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Domain.Training;

namespace Sunshine.Application.Training;

/// <summary>Trained people in a county: distinct disabled persons, family members and committee members who completed.</summary>
public sealed record TrainedPeopleCount(Guid CountyId, string CountyName, int Persons, int FamilyMembers, int CommitteeMembers);

/// <summary>City-wide and per-county counts for a period; the city-wide count of persons is distinct across counties.</summary>
public sealed record TrainedPeopleDto(DateOnly From, DateOnly To, int Persons, int FamilyMembers, int CommitteeMembers, IReadOnlyList<TrainedPeopleCount> ByCounty);

/// <summary>
/// "Trained people" (the action plan's target of 70): distinct disabled persons with at least one
/// completed enrolment in the period, counted in the county that owned the enrolment. Family members
/// and committee members are counted separately. The statistics module reuses this.
/// </summary>
public static class TrainingStatistics
{
    /// <summary>
    /// The counts of a period; every county in scope gets a row, zeros included. For a county officer
    /// (<paramref name="onlyCounty"/>) that is their county alone, not counties they cannot see.
    /// </summary>
    public static async Task<TrainedPeopleDto> TrainedPeopleAsync(
        this IApplicationDbContext db, DateOnly from, DateOnly to, Guid? onlyCounty, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var members = await db.TrainedPeopleMembersAsync(from, to, cancellationToken);
        bool InScope(Guid county) => onlyCounty == null || county == onlyCounty;
        var persons = members.Persons.Where(p => InScope(p.County)).Select(p => new { CountyId = p.County, PersonId = p.Member }).ToList();
        var family = members.FamilyMembers.Where(f => InScope(f.County)).Select(f => new { CountyId = f.County, f.Member.HouseholdId, f.Member.Name }).ToList();
        var committee = members.CommitteeMembers.Where(m => InScope(m.County)).Select(m => new { CountyId = m.County, Name = m.Member }).ToList();
        var counties = await db.Regions.AsNoTracking().Where(r => r.ParentId != null && (onlyCounty == null || r.Id == onlyCounty)).OrderBy(r => r.SortOrder)
            .Select(r => new { r.Id, r.Name }).ToListAsync(cancellationToken);

        var byCounty = counties
            .Select(c => new TrainedPeopleCount(
                c.Id,
                c.Name,
                persons.Count(p => p.CountyId == c.Id),
                family.Count(f => f.CountyId == c.Id),
                committee.Count(m => m.CountyId == c.Id)))
            .ToList();
        return new TrainedPeopleDto(
            from,
            to,
            persons.Select(p => p.PersonId).Distinct().Count(),
            family.Select(f => (f.HouseholdId, f.Name)).Distinct().Count(),
            committee.Select(m => (m.CountyId, m.Name)).Distinct().Count(),
            byCounty);
    }

    /// <summary>
    /// Who completed training in the period, by the county that owned the enrolment: disabled persons by id,
    /// family members by household and name, committee members by name. The counts above and the
    /// statistics' indicators are made from these.
    /// </summary>
    public static async Task<TrainedMembers> TrainedPeopleMembersAsync(this IApplicationDbContext db, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        // One read of the (small) completed enrolments of the period, split by kind here.
        var completed = await db.Enrolments.IgnoreQueryFilters().AsNoTracking()
            .Where(e => e.Status == EnrolmentStatus.Completed && e.CompletedOn >= from && e.CompletedOn <= to)
            .Select(e => new { e.Kind, e.CountyId, e.PersonId, e.HouseholdId, e.Name }).Distinct().ToListAsync(cancellationToken);
        var persons = completed.Where(e => e.Kind == EnrolmentKind.DisabledPerson && e.PersonId != null).Select(e => new { e.CountyId, e.PersonId }).Distinct().ToList();
        var family = completed.Where(e => e.Kind == EnrolmentKind.FamilyMember).Select(e => new { e.CountyId, e.HouseholdId, e.Name }).Distinct().ToList();
        var committee = completed.Where(e => e.Kind == EnrolmentKind.SpecialistCommitteeMember).Select(e => new { e.CountyId, e.Name }).Distinct().ToList();
        return new TrainedMembers(
            persons.Select(p => (p.CountyId, p.PersonId!.Value)).ToList(),
            family.Select(f => (f.CountyId, (f.HouseholdId, f.Name))).ToList(),
            committee.Select(m => (m.CountyId, m.Name)).ToList());
    }
}

/// <summary>The people who completed training in a period, each with the county of the enrolment.</summary>
public sealed record TrainedMembers(
    IReadOnlyList<(Guid County, Guid Member)> Persons,
    IReadOnlyList<(Guid County, (Guid? HouseholdId, string Name) Member)> FamilyMembers,
    IReadOnlyList<(Guid County, string Member)> CommitteeMembers);
