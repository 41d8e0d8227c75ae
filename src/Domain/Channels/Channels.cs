using Sunshine.Domain.Common;

namespace Sunshine.Domain.Channels;

/// <summary>Where a specialty zone or store is (action plan §三(六)).</summary>
public enum OutletLocation
{
    Square,
    Supermarket,
    Market,
    Town,
}

/// <summary>The government level that set it up or organised it.</summary>
public enum ChannelLevel
{
    City,
    County,
    Town,
}

/// <summary>An exhibition or sales event online, offline, or both.</summary>
public enum EventMode
{
    Online,
    Offline,
    Both,
}

/// <summary>
/// A specialty zone or store (扶贫产品专区、专柜) where disabled households, bases and people sell, in a
/// county; with its participants and what was waived for them.
/// </summary>
public sealed class SpecialtyOutlet : Entity, ICountyScoped
{
    public const int NameMaxLength = 200;
    public const int AddressMaxLength = 300;
    private readonly List<OutletParticipant> _participants = [];

    private SpecialtyOutlet()
    {
        Name = null!;
        Address = null!;
    }

    public string Name { get; private set; }

    public Guid CountyId { get; private set; }

    public OutletLocation Location { get; private set; }

    public ChannelLevel Level { get; private set; }

    public string Address { get; private set; }

    public DateOnly OpenedOn { get; private set; }

    public IReadOnlyList<OutletParticipant> Participants => _participants;

    public static SpecialtyOutlet Open(Guid countyId, string name, OutletLocation location, ChannelLevel level, string address, DateOnly openedOn, DateOnly today)
    {
        var outlet = new SpecialtyOutlet { CountyId = countyId };
        outlet.Update(name, location, level, address, openedOn, today);
        return outlet;
    }

    public void Update(string name, OutletLocation location, ChannelLevel level, string address, DateOnly openedOn, DateOnly today)
    {
        if (!Enum.IsDefined(location) || !Enum.IsDefined(level))
        {
            throw new DomainException("outlet.kind_unknown", "Unknown location type or level.", field: "location");
        }

        if (openedOn > today)
        {
            throw new DomainException("outlet.opened_future", "An outlet is recorded once open.", field: "openedOn");
        }

        Name = Text.Required(name, NameMaxLength, "outlet.name_invalid", "name");
        Address = Text.Required(address, AddressMaxLength, "outlet.address_invalid", "address");
        Location = location;
        Level = level;
        OpenedOn = openedOn;
    }

    /// <summary>A household, base or person joins, with the fees waived and the accessibility provided.</summary>
    public OutletParticipant AddParticipant(Participant participant, DateOnly joinedOn, Money stallFeeWaived, Money entryFeeWaived, string? accessibility, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(participant);
        if (joinedOn < OpenedOn || joinedOn > today)
        {
            throw new DomainException("outlet.joined_invalid", "A participant joins on or after the opening, and not in the future.", field: "joinedOn");
        }

        if (_participants.Any(p => p.Participant == participant && p.LeftOn is null))
        {
            throw new DomainException("outlet.participant_repeated", "The participant is already in the outlet.", DomainErrorKind.Conflict, "participant");
        }

        var added = new OutletParticipant(participant, joinedOn, stallFeeWaived, entryFeeWaived,
            Text.Optional(accessibility, OutletParticipant.AccessibilityMaxLength, "outlet.accessibility_too_long", "accessibility"));
        _participants.Add(added);
        return added;
    }
}

/// <summary>Who takes part: a household, a Sunshine base, or a registered person (exactly one).</summary>
public sealed record Participant
{
    public Participant(Guid? householdId, Guid? baseId, Guid? personId)
    {
        if (new[] { householdId, baseId, personId }.Count(id => id is not null) != 1)
        {
            throw new DomainException("participant.one_required", "A participant is a household, a base or a person: exactly one.", field: "householdId");
        }

        HouseholdId = householdId;
        BaseId = baseId;
        PersonId = personId;
    }

    public Guid? HouseholdId { get; }

    public Guid? BaseId { get; }

    public Guid? PersonId { get; }
}

/// <summary>A participant of an outlet, with the stall and entry fees waived for them (免收摊位费、进场费) and the accessibility provided.</summary>
public sealed class OutletParticipant
{
    public const int AccessibilityMaxLength = 500;

    internal OutletParticipant(Participant participant, DateOnly joinedOn, Money stallFeeWaived, Money entryFeeWaived, string? accessibility)
    {
        Id = Guid.CreateVersion7();
        HouseholdId = participant.HouseholdId;
        BaseId = participant.BaseId;
        PersonId = participant.PersonId;
        JoinedOn = joinedOn;
        StallFeeWaived = stallFeeWaived;
        EntryFeeWaived = entryFeeWaived;
        Accessibility = accessibility;
    }

    private OutletParticipant()
    {
    }

    public Guid Id { get; private set; }

    public Guid? HouseholdId { get; private set; }

    public Guid? BaseId { get; private set; }

    public Guid? PersonId { get; private set; }

    public Participant Participant => new(HouseholdId, BaseId, PersonId);

    public DateOnly JoinedOn { get; private set; }

    public DateOnly? LeftOn { get; private set; }

    public Money StallFeeWaived { get; private set; }

    public Money EntryFeeWaived { get; private set; }

    /// <summary>Ramps, accessible stalls, sign-language help and the like.</summary>
    public string? Accessibility { get; private set; }
}

/// <summary>
/// An exhibition or sales event (展销会、年货节) organised by the city or a county, online, offline or
/// both: its participants, the sales made at it, and the funding it received.
/// </summary>
public sealed class Exhibition : Entity, IOptionallyCountyScoped
{
    public const int NameMaxLength = 200;
    public const int FundingSourceMaxLength = 200;
    private readonly List<ExhibitionParticipant> _participants = [];

    private Exhibition()
    {
        Name = null!;
    }

    public string Name { get; private set; }

    public EventMode Mode { get; private set; }

    public ChannelLevel OrganiserLevel { get; private set; }

    /// <summary>The organising county; null for a city event.</summary>
    public Guid? CountyId { get; private set; }

    public DateOnly StartDate { get; private set; }

    public DateOnly EndDate { get; private set; }

    public Money SalesAmount { get; private set; }

    public Money FundingAmount { get; private set; }

    public string? FundingSource { get; private set; }

    public IReadOnlyList<ExhibitionParticipant> Participants => _participants;

    public static Exhibition Create(Guid? countyId, string name, EventMode mode, DateOnly start, DateOnly end, DateOnly today)
    {
        var created = new Exhibition { CountyId = countyId, OrganiserLevel = countyId is null ? ChannelLevel.City : ChannelLevel.County };
        created.Update(name, mode, start, end, today);
        return created;
    }

    public void Update(string name, EventMode mode, DateOnly start, DateOnly end, DateOnly today)
    {
        if (!Enum.IsDefined(mode))
        {
            throw new DomainException("event.mode_unknown", "Online, offline or both.", field: "mode");
        }

        if (end < start)
        {
            throw new DomainException("dates.end_before_start", "The end date is on or after the start date.", field: "endDate");
        }

        if (start > today.AddYears(1))
        {
            throw new DomainException("dates.start_too_far", "The start date is at most a year ahead.", field: "startDate");
        }

        Name = Text.Required(name, NameMaxLength, "event.name_invalid", "name");
        Mode = mode;
        StartDate = start;
        EndDate = end;
    }

    /// <summary>Records the results once the event has ended: the sales made at it and its funding.</summary>
    public void RecordResults(Money sales, Money funding, string? fundingSource, DateOnly today)
    {
        if (EndDate >= today)
        {
            throw new DomainException("event.not_over", "Results are recorded after the event ends.", DomainErrorKind.Conflict, "salesAmount");
        }

        if (funding > Money.Zero && string.IsNullOrWhiteSpace(fundingSource))
        {
            throw new DomainException("event.funding_source_required", "Say where the funding came from.", field: "fundingSource");
        }

        SalesAmount = sales;
        FundingAmount = funding;
        FundingSource = Text.Optional(fundingSource, FundingSourceMaxLength, "event.funding_source_too_long", "fundingSource");
    }

    public void AddParticipant(Participant participant, Money sales)
    {
        ArgumentNullException.ThrowIfNull(participant);
        if (_participants.Any(p => p.Participant == participant))
        {
            throw new DomainException("event.participant_repeated", "The participant is already listed.", DomainErrorKind.Conflict, "participant");
        }

        _participants.Add(new ExhibitionParticipant(participant, sales));
    }
}

/// <summary>A participant of a sales event and what they sold at it.</summary>
public sealed class ExhibitionParticipant
{
    internal ExhibitionParticipant(Participant participant, Money sales)
    {
        Id = Guid.CreateVersion7();
        HouseholdId = participant.HouseholdId;
        BaseId = participant.BaseId;
        PersonId = participant.PersonId;
        Sales = sales;
    }

    private ExhibitionParticipant()
    {
    }

    public Guid Id { get; private set; }

    public Guid? HouseholdId { get; private set; }

    public Guid? BaseId { get; private set; }

    public Guid? PersonId { get; private set; }

    public Participant Participant => new(HouseholdId, BaseId, PersonId);

    public Money Sales { get; private set; }
}
