using Sunshine.Domain.Common;

namespace Sunshine.Domain.Stations;

/// <summary>A village-level e-commerce service station (村级服务站) or a community micro-store (微店进小区).</summary>
public enum ServiceStationKind
{
    VillageServiceStation,
    CommunityMicroStore,
}

public enum ServiceStationStatus
{
    Operating,
    Suspended,
    Closed,
}

/// <summary>
/// A village service station or community micro-store run by an e-commerce enterprise in a county (action plan
/// §三(六): 鼓励电商企业在村级服务站建设、微店进小区等活动中为有需求的残疾人家庭提供专项招募或准入优惠), with the
/// disabled people recruited through it and the preferential terms offered to each.
/// </summary>
public sealed class ServiceStation : Entity, ICountyScoped
{
    public const int NameMaxLength = 200;
    public const int PlaceMaxLength = 100;
    public const int AddressMaxLength = 300;
    private readonly List<StationRecruit> _recruits = [];

    private ServiceStation()
    {
        Name = null!;
        Township = null!;
        Address = null!;
    }

    public ServiceStationKind Kind { get; private set; }

    public string Name { get; private set; }

    public Guid CountyId { get; private set; }

    /// <summary>The township (乡镇/街道).</summary>
    public string Township { get; private set; }

    /// <summary>The village or residential community (村/社区).</summary>
    public string? Village { get; private set; }

    public string Address { get; private set; }

    public Guid OperatorEnterpriseId { get; private set; }

    public DateOnly OpenedOn { get; private set; }

    public ServiceStationStatus Status { get; private set; }

    public IReadOnlyList<StationRecruit> Recruits => _recruits;

    public static ServiceStation Open(
        Guid countyId, ServiceStationKind kind, string name, string township, string? village, string address, Guid operatorEnterpriseId, DateOnly openedOn,
        DateOnly today)
    {
        var station = new ServiceStation { CountyId = countyId, Status = ServiceStationStatus.Operating };
        station.Update(kind, name, township, village, address, operatorEnterpriseId, openedOn, ServiceStationStatus.Operating, today);
        return station;
    }

    public void Update(
        ServiceStationKind kind, string name, string township, string? village, string address, Guid operatorEnterpriseId, DateOnly openedOn,
        ServiceStationStatus status, DateOnly today)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new DomainException("station.kind_unknown", "A village service station or a community micro-store.", field: "kind");
        }

        if (!Enum.IsDefined(status))
        {
            throw new DomainException("station.status_unknown", "Operating, suspended or closed.", field: "status");
        }

        if (openedOn > today)
        {
            throw new DomainException("station.opened_future", "A station is recorded once open.", field: "openedOn");
        }

        if (_recruits.Any(r => r.StartDate < openedOn))
        {
            throw new DomainException("station.opened_after_recruits", "The station opened on or before its recruits started.", field: "openedOn");
        }

        Kind = kind;
        Name = Text.Required(name, NameMaxLength, "station.name_invalid", "name");
        Township = Text.Required(township, PlaceMaxLength, "station.township_invalid", "township");
        Village = Text.Optional(village, PlaceMaxLength, "station.village_too_long", "village");
        Address = Text.Required(address, AddressMaxLength, "station.address_invalid", "address");
        OperatorEnterpriseId = operatorEnterpriseId;
        OpenedOn = openedOn;
        Status = status;
    }

    /// <summary>
    /// A registered disabled person is recruited through the station with the preferential terms offered (准入优惠),
    /// from a start date between the opening and today. A closed station recruits no one; a person is recruited once.
    /// </summary>
    public StationRecruit Recruit(Guid personId, string terms, DateOnly startDate, DateOnly today)
    {
        if (Status == ServiceStationStatus.Closed)
        {
            throw new DomainException("station.closed", "A closed station recruits no one.", DomainErrorKind.Conflict, "personId");
        }

        if (startDate < OpenedOn || startDate > today)
        {
            throw new DomainException("station.recruit_start_invalid", "A recruit starts on or after the opening, and not in the future.", field: "startDate");
        }

        if (_recruits.Any(r => r.PersonId == personId))
        {
            throw new DomainException("station.recruit_repeated", "The person is already recruited through this station.", DomainErrorKind.Conflict, "personId");
        }

        var added = new StationRecruit(personId, Text.Required(terms, StationRecruit.TermsMaxLength, "station.terms_invalid", "terms"), startDate);
        _recruits.Add(added);
        return added;
    }
}

/// <summary>A disabled person recruited through a station, the preferential terms offered, and from when.</summary>
public sealed class StationRecruit
{
    public const int TermsMaxLength = 500;

    internal StationRecruit(Guid personId, string terms, DateOnly startDate)
    {
        Id = Guid.CreateVersion7();
        PersonId = personId;
        Terms = terms;
        StartDate = startDate;
    }

    private StationRecruit()
    {
        Terms = null!;
    }

    public Guid Id { get; private set; }

    public Guid PersonId { get; private set; }

    public string Terms { get; private set; }

    public DateOnly StartDate { get; private set; }
}
