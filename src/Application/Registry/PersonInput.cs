using FluentValidation;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Validation;
using Sunshine.Domain.Registry;

namespace Sunshine.Application.Registry;

/// <summary>A person's fields that are not sensitive, shared by create, update and import.</summary>
public interface IPersonFields
{
    string Name { get; }

    Guid CountyId { get; }

    string? Township { get; }

    string? Village { get; }

    HouseholdRegistration Registration { get; }

    IReadOnlyList<PersonTags>? Tags { get; }
}

/// <summary>All of a person's fields, as given when registering (create and import).</summary>
public interface IPersonInput : IPersonFields
{
    string IdNumber { get; }

    string CertificateNumber { get; }

    string? Phone { get; }
}

public sealed class PersonFieldsValidator : AbstractValidator<IPersonFields>
{
    public PersonFieldsValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(Person.NameMaxLength);
        RuleFor(x => x.CountyId).NotEmpty();
        RuleFor(x => x.Township).MaximumLength(Person.PlaceMaxLength);
        RuleFor(x => x.Village).MaximumLength(Person.PlaceMaxLength);
        RuleFor(x => x.Registration).IsInEnum();
        RuleForEach(x => x.Tags).Must(t => t is PersonTags.SpecialistCommitteeMember or PersonTags.UniversityStudent or PersonTags.VocationalStudent)
            .WithErrorCode("person.tag_unknown").WithMessage("Tags are SpecialistCommitteeMember, UniversityStudent or VocationalStudent.");
    }
}

public sealed class PersonInputValidator : AbstractValidator<IPersonInput>
{
    public PersonInputValidator(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        Include(new PersonFieldsValidator());
        RuleFor(x => x.IdNumber).NotEmpty().MustCreate((_, v) => ResidentIdNumber.Create(v, clock.Today()));
        RuleFor(x => x.CertificateNumber).NotEmpty().MustCreate((x, v) =>
        {
            var holder = TryId(x.IdNumber);
            if (holder is not null)
            {
                DisabilityCertificateNumber.Create(v, holder);
            }
        });
        RuleFor(x => x.Phone).MustCreate((_, v) => PhoneNumber.Create(v)).When(x => !string.IsNullOrWhiteSpace(x.Phone));
    }

    internal static ResidentIdNumber? TryId(string? value)
    {
        try
        {
            return ResidentIdNumber.Create(value, DateOnly.MaxValue);
        }
        catch (Domain.Common.DomainException)
        {
            return null;
        }
    }
}

public static class PersonInputExtensions
{
    /// <summary>The validated input as domain details (the validator has already accepted it).</summary>
    public static PersonDetails ToDetails(this IPersonInput input, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(input);
        var id = ResidentIdNumber.Create(input.IdNumber, today);
        return new PersonDetails(
            input.Name,
            id,
            DisabilityCertificateNumber.Create(input.CertificateNumber, id),
            input.Township,
            input.Village,
            input.Registration,
            string.IsNullOrWhiteSpace(input.Phone) ? null : PhoneNumber.Create(input.Phone),
            input.Tags.Combine());
    }

    public static PersonTags Combine(this IReadOnlyList<PersonTags>? tags) => (tags ?? []).Aggregate(PersonTags.None, (all, tag) => all | tag);

    public static IReadOnlyList<PersonTags> ToList(this PersonTags tags) =>
        new[] { PersonTags.SpecialistCommitteeMember, PersonTags.UniversityStudent, PersonTags.VocationalStudent }
            .Where(t => tags.HasFlag(t)).ToList();
}
