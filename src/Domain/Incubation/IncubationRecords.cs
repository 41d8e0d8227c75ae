using Sunshine.Domain.Common;
using Sunshine.Domain.Evidence;

namespace Sunshine.Domain.Incubation;

/// <summary>Who is incubated (action plan §三(五)): disabled university students, vocational students, entrepreneurs.</summary>
public enum IncubateeType
{
    UniversityStudent,
    VocationalStudent,
    Entrepreneur,
}

/// <summary>What an incubator provides.</summary>
[Flags]
public enum IncubationServices
{
    None = 0,
    Workspace = 1,
    Mentoring = 2,
    Training = 4,
    Financing = 8,
    MarketAccess = 16,
    BusinessRegistration = 32,
}

/// <summary>
/// A registered disabled person incubated by an incubator — an enterprise with the incubator role or a
/// Sunshine base — over a period, with the services provided. Kept by the officers of the person's
/// county and of the incubator's county.
/// </summary>
public sealed class IncubationRecord : DatedRecord, IJointlyCountyScoped
{
    private IncubationRecord()
    {
    }

    public Guid? IncubatorEnterpriseId { get; private set; }

    public Guid? IncubatorBaseId { get; private set; }

    public Guid PersonId { get; private set; }

    public Guid CountyId { get; private set; }

    public Guid? OtherCountyId { get; private set; }

    public IncubateeType IncubateeType { get; private set; }

    public IncubationServices Services { get; private set; }

    public static IncubationRecord Create(
        Guid? incubatorEnterpriseId, Guid? incubatorBaseId, Guid? incubatorCountyId, Guid personId, Guid personCountyId, IncubateeType type,
        IncubationServices services, DateOnly start, DateOnly? end, DateOnly today)
    {
        if ((incubatorEnterpriseId is null) == (incubatorBaseId is null))
        {
            throw new DomainException("incubation.incubator_required", "The incubator is an enterprise or a base, one of them.", field: "incubatorEnterpriseId");
        }

        var incubation = new IncubationRecord
        {
            IncubatorEnterpriseId = incubatorEnterpriseId,
            IncubatorBaseId = incubatorBaseId,
            OtherCountyId = incubatorCountyId,
            PersonId = personId,
            CountyId = personCountyId,
        };
        incubation.Update(type, services, start, end, today);
        return incubation;
    }

    public void Update(IncubateeType type, IncubationServices services, DateOnly start, DateOnly? end, DateOnly today)
    {
        if (!Enum.IsDefined(type))
        {
            throw new DomainException("incubation.type_unknown", "Unknown incubatee type.", field: "incubateeType");
        }

        if (services == IncubationServices.None)
        {
            throw new DomainException("incubation.services_required", "Give at least one service.", field: "services");
        }

        SetDates(start, end, today);
        IncubateeType = type;
        Services = services;
    }

    public void End(DateOnly lastDay) => EndOn(lastDay);
}

/// <summary>
/// A government-purchased mentoring contract (政府购买服务): a provider mentors disabled people over a
/// period for an amount. Bought by the city (no county) or by a county.
/// </summary>
public sealed class MentoringContract : DatedRecord, IOptionallyCountyScoped
{
    public const int TitleMaxLength = 200;
    private readonly List<MentoringBeneficiary> _beneficiaries = [];

    private MentoringContract()
    {
        Title = null!;
    }

    public string Title { get; private set; }

    public Guid ProviderEnterpriseId { get; private set; }

    /// <summary>The buying county; null when the city bought it.</summary>
    public Guid? CountyId { get; private set; }

    public Money Amount { get; private set; }

    public IReadOnlyList<MentoringBeneficiary> Beneficiaries => _beneficiaries;

    public static MentoringContract Create(string title, Guid providerEnterpriseId, Guid? countyId, Money amount, DateOnly start, DateOnly end, DateOnly today)
    {
        var contract = new MentoringContract { ProviderEnterpriseId = providerEnterpriseId, CountyId = countyId };
        contract.Update(title, amount, start, end, today);
        return contract;
    }

    public void Update(string title, Money amount, DateOnly start, DateOnly end, DateOnly today)
    {
        if (amount <= Money.Zero)
        {
            throw new DomainException("mentoring.amount_invalid", "The contract amount is more than 0.00.", field: "amount");
        }

        Title = Text.Required(title, TitleMaxLength, "mentoring.title_invalid", "title");
        SetDates(start, end, today);
        Amount = amount;
    }

    /// <summary>Adds a disabled person the contract serves (once each).</summary>
    public void AddBeneficiary(Guid personId, Guid personCountyId)
    {
        if (CountyId is { } county && county != personCountyId)
        {
            throw new DomainException("mentoring.beneficiary_county", "A county's contract serves people of that county.", field: "personId");
        }

        if (_beneficiaries.Any(b => b.PersonId == personId))
        {
            throw new DomainException("mentoring.beneficiary_repeated", "The person is already a beneficiary.", DomainErrorKind.Conflict, "personId");
        }

        _beneficiaries.Add(new MentoringBeneficiary(personId));
    }

    public bool Serves(Guid personId) => _beneficiaries.Any(b => b.PersonId == personId);
}

/// <summary>A person a mentoring contract serves.</summary>
public sealed class MentoringBeneficiary
{
    internal MentoringBeneficiary(Guid personId) => PersonId = personId;

    private MentoringBeneficiary()
    {
    }

    public Guid PersonId { get; private set; }
}

/// <summary>One one-to-one mentoring session (一对一帮扶指导) given to a disabled person, under a contract or not.</summary>
public sealed class MentoringSession : Entity, ICountyScoped
{
    public const int MentorMaxLength = 50;
    public const int TopicMaxLength = 500;

    private MentoringSession()
    {
        MentorName = null!;
        Topic = null!;
    }

    public Guid? ContractId { get; private set; }

    public Guid PersonId { get; private set; }

    public Guid CountyId { get; private set; }

    public string MentorName { get; private set; }

    public DateOnly Date { get; private set; }

    public decimal Hours { get; private set; }

    public string Topic { get; private set; }

    public static MentoringSession Record(MentoringContract? contract, Guid personId, Guid personCountyId, string mentorName, DateOnly date, decimal hours, string topic, DateOnly today)
    {
        if (contract is not null)
        {
            if (!contract.Serves(personId))
            {
                throw new DomainException("mentoring.not_beneficiary", "The person is not a beneficiary of the contract.", field: "personId");
            }

            if (!contract.IsInForceOn(date))
            {
                throw new DomainException("mentoring.outside_contract", "The session is outside the contract's period.", field: "date");
            }
        }

        if (date > today)
        {
            throw new DomainException("mentoring.date_future", "Sessions are recorded once given.", field: "date");
        }

        if (hours is <= 0 or > 24 || decimal.Round(hours, 1) != hours)
        {
            throw new DomainException("mentoring.hours_invalid", "Hours are more than 0 and at most 24, in tenths.", field: "hours");
        }

        return new MentoringSession
        {
            ContractId = contract?.Id,
            PersonId = personId,
            CountyId = personCountyId,
            MentorName = Text.Required(mentorName, MentorMaxLength, "mentoring.mentor_invalid", "mentorName"),
            Date = date,
            Hours = hours,
            Topic = Text.Required(topic, TopicMaxLength, "mentoring.topic_invalid", "topic"),
        };
    }
}
