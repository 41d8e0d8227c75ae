using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Common.Exceptions;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Domain.Registry;

namespace Sunshine.Application.Registry;

/// <summary>Reads shared by the person use cases. The county query filter applies to all of them.</summary>
public static class PersonQueries
{
    /// <summary>The person, tracked, or 404 when missing or in another county.</summary>
    public static async Task<Person> RequirePersonAsync(this IApplicationDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Persons.FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new NotFoundException("person", id);

    public static async Task<PersonDto> ToDtoAsync(this IApplicationDbContext db, Person person, CancellationToken cancellationToken)
    {
        var county = await db.Regions.Where(r => r.Id == person.CountyId).Select(r => r.Name).SingleAsync(cancellationToken);
        var household = await db.Households
            .Where(h => h.Members.Any(m => m.PersonId == person.Id))
            .Select(h => (Guid?)h.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return person.ToDto(county, household);
    }

    /// <summary>Refuses an ID or certificate number another person already has (409).</summary>
    public static async Task EnsureUniqueAsync(
        this IApplicationDbContext db,
        ISensitiveDataProtector protector,
        PersonDetails details,
        Guid? exceptPersonId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(protector);
        ArgumentNullException.ThrowIfNull(details);
        var idIndex = protector.BlindIndex(SensitiveKind.ResidentIdNumber, details.IdNumber.Value);
        var certificateIndex = protector.BlindIndex(SensitiveKind.CertificateNumber, details.CertificateNumber.Value);

        // Ignore the county filter: the number is unique across the city, whoever registered it.
        var all = db.Persons.IgnoreQueryFilters().Where(p => p.Id != exceptPersonId);
        if (await all.AnyAsync(p => EF.Property<byte[]>(p, SensitiveColumns.IdNumberIndex) == idIndex, cancellationToken))
        {
            throw new ConflictException("person.id_number_taken", "A person with this ID number is already registered.", "idNumber");
        }

        if (await all.AnyAsync(p => EF.Property<byte[]>(p, SensitiveColumns.CertificateNumberIndex) == certificateIndex, cancellationToken))
        {
            throw new ConflictException("person.certificate_number_taken", "A person with this certificate number is already registered.", "certificateNumber");
        }
    }
}

/// <summary>Names of the blind-index columns kept beside the encrypted ones.</summary>
public static class SensitiveColumns
{
    public const string IdNumberIndex = "IdNumberIndex";
    public const string CertificateNumberIndex = "CertificateNumberIndex";
    public const string PhoneIndex = "PhoneIndex";
}
