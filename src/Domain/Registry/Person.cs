using Sunshine.Domain.Common;

namespace Sunshine.Domain.Registry;

/// <summary>
/// A disabled person (残疾人) in the registry. The ID number, certificate number and phone are
/// sensitive personal information: stored encrypted, shown masked, revealed only on an audited request.
/// </summary>
public sealed class Person : Entity, ICountyScoped
{
    public const int NameMaxLength = 50;
    public const int PlaceMaxLength = 100;

    private readonly List<Consent> _consents = [];

    private Person()
    {
        Name = null!;
        IdNumber = null!;
        CertificateNumber = null!;
        Township = null!;
        Village = null!;
    }

    private Person(string name, ResidentIdNumber idNumber, DisabilityCertificateNumber certificate, Guid countyId)
    {
        Name = name;
        IdNumber = idNumber;
        CertificateNumber = certificate;
        CountyId = countyId;
        Township = string.Empty;
        Village = string.Empty;
        Status = PersonStatus.Active;
    }

    public string Name { get; private set; }

    public ResidentIdNumber IdNumber { get; private set; }

    public DisabilityCertificateNumber CertificateNumber { get; private set; }

    /// <summary>Kept beside the certificate number (which is encrypted) for filtering and statistics.</summary>
    public DisabilityCategory Category { get; private set; }

    public DisabilityLevel Level { get; private set; }

    public Sex Sex { get; private set; }

    public DateOnly BirthDate { get; private set; }

    public Guid CountyId { get; private set; }

    /// <summary>Township or street (乡镇/街道).</summary>
    public string Township { get; private set; }

    /// <summary>Village or community (村/社区).</summary>
    public string Village { get; private set; }

    public HouseholdRegistration Registration { get; private set; }

    public PhoneNumber? Phone { get; private set; }

    public PersonTags Tags { get; private set; }

    public PersonStatus Status { get; private set; }

    /// <summary>When the person died or moved away.</summary>
    public DateOnly? StatusChangedOn { get; private set; }

    public IReadOnlyList<Consent> Consents => _consents;

    public static Person Register(PersonDetails details, Guid countyId)
    {
        ArgumentNullException.ThrowIfNull(details);
        var person = new Person(details.Name, details.IdNumber, details.CertificateNumber, countyId);
        person.Apply(details);
        return person;
    }

    /// <summary>Replaces the person's details (corrections included: an ID number typed wrongly is fixed here).</summary>
    public void Update(PersonDetails details, Guid countyId)
    {
        ArgumentNullException.ThrowIfNull(details);
        EnsureActive();
        CountyId = countyId;
        Apply(details);
    }

    /// <summary>Ends the person's active record: they died or moved out of the city.</summary>
    public void Deactivate(PersonStatus status, DateOnly on, DateOnly today)
    {
        if (status == PersonStatus.Active)
        {
            throw new DomainException("person.status_invalid", "Deactivation records a death or a move away.", field: "status");
        }

        EnsureActive();
        if (on > today)
        {
            throw new DomainException("person.status_date_future", "The date cannot be in the future.", field: "on");
        }

        if (on < BirthDate)
        {
            throw new DomainException("person.status_date_before_birth", "The date cannot be before the person's birth.", field: "on");
        }

        Status = status;
        StatusChangedOn = on;
    }

    public void GiveConsent(ConsentScope scope, DateOnly on, DateOnly today)
    {
        if (on > today)
        {
            throw new DomainException("consent.date_future", "Consent cannot be recorded for a future date.", field: "givenOn");
        }

        if (_consents.Any(c => c.Scope == scope && c.WithdrawnOn is null))
        {
            throw new DomainException("consent.already_given", "This consent is already in force.", DomainErrorKind.Conflict, "scope");
        }

        _consents.Add(new Consent(scope, on));
    }

    public void WithdrawConsent(ConsentScope scope, DateOnly on, DateOnly today)
    {
        if (on > today)
        {
            throw new DomainException("consent.date_future", "A withdrawal cannot be recorded for a future date.", field: "withdrawnOn");
        }

        var current = _consents.SingleOrDefault(c => c.Scope == scope && c.WithdrawnOn is null)
            ?? throw new DomainException("consent.not_given", "There is no consent in force to withdraw.", DomainErrorKind.Conflict, "scope");
        current.Withdraw(on);
    }

    /// <summary>Whether the person's consent of this scope was in force on the date.</summary>
    public bool HasConsent(ConsentScope scope, DateOnly on) => _consents.Any(c => c.Scope == scope && c.IsActiveOn(on));

    private void Apply(PersonDetails details)
    {
        Name = details.Name;
        IdNumber = details.IdNumber;
        CertificateNumber = details.CertificateNumber;
        Category = details.CertificateNumber.Category;
        Level = details.CertificateNumber.Level;
        Sex = details.IdNumber.Sex;
        BirthDate = details.IdNumber.BirthDate;
        Township = details.Township;
        Village = details.Village;
        Registration = details.Registration;
        Phone = details.Phone;
        Tags = details.Tags;
    }

    private void EnsureActive()
    {
        if (Status != PersonStatus.Active)
        {
            throw new DomainException("person.inactive", "The person's record is no longer active.", DomainErrorKind.Conflict);
        }
    }
}

/// <summary>The details of a person as entered, already validated into value objects.</summary>
public sealed record PersonDetails
{
    public PersonDetails(
        string name,
        ResidentIdNumber idNumber,
        DisabilityCertificateNumber certificateNumber,
        string? township,
        string? village,
        HouseholdRegistration registration,
        PhoneNumber? phone,
        PersonTags tags)
    {
        ArgumentNullException.ThrowIfNull(idNumber);
        ArgumentNullException.ThrowIfNull(certificateNumber);
        var trimmed = name?.Trim() ?? string.Empty;
        if (trimmed.Length is 0 or > Person.NameMaxLength)
        {
            throw new DomainException("person.name_invalid", "A name is 1 to 50 characters.", field: "name");
        }

        if (certificateNumber.Value[..18] != idNumber.Value)
        {
            throw new DomainException("certificate_number.holder_mismatch", "The first 18 characters of the certificate number must be the holder's ID number.", field: "certificateNumber");
        }

        Name = trimmed;
        IdNumber = idNumber;
        CertificateNumber = certificateNumber;
        Township = Place(township, "township");
        Village = Place(village, "village");
        Registration = registration;
        Phone = phone;
        Tags = tags;
    }

    public string Name { get; }

    public ResidentIdNumber IdNumber { get; }

    public DisabilityCertificateNumber CertificateNumber { get; }

    public string Township { get; }

    public string Village { get; }

    public HouseholdRegistration Registration { get; }

    public PhoneNumber? Phone { get; }

    public PersonTags Tags { get; }

    private static string Place(string? value, string field)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        return trimmed.Length <= Person.PlaceMaxLength
            ? trimmed
            : throw new DomainException("person.place_too_long", "A township or village name is at most 100 characters.", field: field);
    }
}
