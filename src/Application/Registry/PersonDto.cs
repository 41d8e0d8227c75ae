using Sunshine.Domain.Registry;

namespace Sunshine.Application.Registry;

/// <summary>
/// A person as officers see them: the ID number, certificate number and phone are masked; the
/// birth date is not shown (with the masked ID it would give the number away).
/// </summary>
public sealed record PersonDto(
    Guid Id,
    string Name,
    string IdNumberMasked,
    string CertificateNumberMasked,
    DisabilityCategory Category,
    DisabilityLevel Level,
    Sex Sex,
    Guid CountyId,
    string CountyName,
    string Township,
    string Village,
    HouseholdRegistration Registration,
    string? PhoneMasked,
    IReadOnlyList<PersonTags> Tags,
    PersonStatus Status,
    DateOnly? StatusChangedOn,
    Guid? HouseholdId,
    IReadOnlyList<ConsentDto> Consents,
    uint Version);

/// <summary>One consent scope: given on, withdrawn on.</summary>
public sealed record ConsentDto(ConsentScope Scope, DateOnly GivenOn, DateOnly? WithdrawnOn);

/// <summary>A row of the people list.</summary>
public sealed record PersonListItemDto(
    Guid Id,
    string Name,
    string IdNumberMasked,
    DisabilityCategory Category,
    DisabilityLevel Level,
    Sex Sex,
    Guid CountyId,
    string CountyName,
    string Township,
    string Village,
    HouseholdRegistration Registration,
    IReadOnlyList<PersonTags> Tags,
    PersonStatus Status,
    Guid? HouseholdId,
    bool IsRegisteredPoor);

/// <summary>The full sensitive values of a person, returned only by the audited reveal.</summary>
public sealed record PersonSensitiveDataDto(string IdNumber, string CertificateNumber, string? Phone, DateOnly BirthDate);

public static class PersonMapping
{
    public static PersonDto ToDto(this Person person, string countyName, Guid? householdId)
    {
        ArgumentNullException.ThrowIfNull(person);
        return new PersonDto(
            person.Id,
            person.Name,
            person.IdNumber.Masked,
            person.CertificateNumber.Masked,
            person.Category,
            person.Level,
            person.Sex,
            person.CountyId,
            countyName,
            person.Township,
            person.Village,
            person.Registration,
            person.Phone?.Masked,
            person.Tags.ToList(),
            person.Status,
            person.StatusChangedOn,
            householdId,
            person.Consents.OrderBy(c => c.GivenOn).Select(c => new ConsentDto(c.Scope, c.GivenOn, c.WithdrawnOn)).ToList(),
            person.Version);
    }
}
