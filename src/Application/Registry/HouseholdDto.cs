using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Common.Exceptions;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Domain.Registry;

namespace Sunshine.Application.Registry;

/// <summary>A household with its members, registered-poor status and income history.</summary>
public sealed record HouseholdDto(
    Guid Id,
    Guid CountyId,
    string CountyName,
    string Township,
    string Village,
    string HeadName,
    IReadOnlyList<HouseholdMemberDto> Members,
    bool IsRegisteredPoor,
    int? RegisteredPoorYear,
    string? PoorHouseholdNumber,
    DateOnly? PovertyExitDate,
    int? BaselineYear,
    decimal? BaselinePerCapitaIncome,
    IReadOnlyList<IncomeRecordDto> IncomeRecords,
    uint Version);

/// <summary>A member: a registry person (with their id) or a family member by name.</summary>
public sealed record HouseholdMemberDto(Guid Id, Guid? PersonId, string Name, HouseholdRelation Relation);

/// <summary>One year's per-capita income and its increase over the baseline, when there is one.</summary>
public sealed record IncomeRecordDto(int Year, decimal PerCapitaIncome, decimal? IncreaseOverBaseline);

/// <summary>A row of the household list.</summary>
public sealed record HouseholdListItemDto(
    Guid Id,
    Guid CountyId,
    string CountyName,
    string Township,
    string Village,
    string HeadName,
    int MemberCount,
    int DisabledMemberCount,
    bool IsRegisteredPoor,
    int? RegisteredPoorYear,
    DateOnly? PovertyExitDate);

public static class HouseholdQueries
{
    public static async Task<Household> RequireHouseholdAsync(this IApplicationDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Households.FirstOrDefaultAsync(h => h.Id == id, cancellationToken) ?? throw new NotFoundException("household", id);

    public static async Task<HouseholdDto> ToDtoAsync(this IApplicationDbContext db, Household household, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(household);
        var county = await db.Regions.Where(r => r.Id == household.CountyId).Select(r => r.Name).SingleAsync(cancellationToken);
        return new HouseholdDto(
            household.Id,
            household.CountyId,
            county,
            household.Township,
            household.Village,
            household.Head.Name,
            household.Members.OrderBy(m => m.Relation).ThenBy(m => m.Name, StringComparer.Ordinal)
                .Select(m => new HouseholdMemberDto(m.Id, m.PersonId, m.Name, m.Relation)).ToList(),
            household.IsRegisteredPoor,
            household.RegisteredPoorYear,
            household.PoorHouseholdNumber,
            household.PovertyExitDate,
            household.BaselineYear,
            household.BaselinePerCapitaIncome?.Yuan,
            household.IncomeRecords.OrderBy(r => r.Year)
                .Select(r => new IncomeRecordDto(r.Year, r.PerCapitaIncome.Yuan, household.IncomeIncrease(r.Year))).ToList(),
            household.Version);
    }

    /// <summary>
    /// A registry person may join a household in the same county, and only one household: their
    /// name is taken from the registry.
    /// </summary>
    public static async Task<string> RequireMemberPersonAsync(this IApplicationDbContext db, Guid personId, Guid countyId, CancellationToken cancellationToken)
    {
        var person = await db.Persons.AsNoTracking().Where(p => p.Id == personId).Select(p => new { p.Name, p.CountyId })
            .FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("person", personId);
        if (person.CountyId != countyId)
        {
            throw new Domain.Common.DomainException("household.member_other_county", "A member must be registered in the household's county.", field: "personId");
        }

        if (await db.Households.IgnoreQueryFilters().AnyAsync(h => h.Members.Any(m => m.PersonId == personId), cancellationToken))
        {
            throw new ConflictException("household.person_in_other_household", "The person already belongs to a household.", "personId");
        }

        return person.Name;
    }
}
