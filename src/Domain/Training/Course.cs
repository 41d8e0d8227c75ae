using Sunshine.Domain.Common;

namespace Sunshine.Domain.Training;

/// <summary>
/// A course of e-commerce training (电商培训). County courses belong to their county; city courses
/// (organised by the city with partner platforms) are visible to every officer.
/// </summary>
public sealed class Course : Entity, IOptionallyCountyScoped
{
    public const int TitleMaxLength = 200;
    public const int MaxCapacity = 10_000;

    private List<CourseTopic> _topics = [];

    private Course()
    {
        Title = null!;
        ProviderName = null!;
    }

    private Course(CourseLevel level, Guid? countyId)
    {
        Level = level;
        CountyId = countyId;
        Title = string.Empty;
        ProviderName = string.Empty;
    }

    public string Title { get; private set; }

    public CourseLevel Level { get; private set; }

    /// <summary>The organising county of a county course; null for a city course.</summary>
    public Guid? CountyId { get; private set; }

    public IReadOnlyList<CourseTopic> Topics => _topics;

    public AudienceTrack Audience { get; private set; }

    public ProviderType ProviderType { get; private set; }

    public string ProviderName { get; private set; }

    /// <summary>The partner e-commerce platform a city course is run with.</summary>
    public string? PartnerPlatform { get; private set; }

    public DateOnly StartDate { get; private set; }

    public DateOnly EndDate { get; private set; }

    public int Capacity { get; private set; }

    public FeeModel FeeModel { get; private set; }

    /// <summary>Enrolments that hold a place (enrolled or completed), kept here so capacity is checked under the course's lock.</summary>
    public int PlacesTaken { get; private set; }

    public static Course Create(CourseLevel level, Guid? countyId, CourseDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        if ((level == CourseLevel.County) != countyId.HasValue)
        {
            throw new DomainException("course.organiser_invalid", "A county course is organised by its county; a city course by the city.", field: "countyId");
        }

        var course = new Course(level, countyId);
        course.Apply(details);
        return course;
    }

    public void Update(CourseDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (details.Capacity < PlacesTaken)
        {
            throw new DomainException("course.capacity_below_enrolled", $"{PlacesTaken} places are taken: the capacity cannot be lower.", DomainErrorKind.Conflict, "capacity");
        }

        Apply(details);
    }

    /// <summary>Takes a place for an enrolment; a full course refuses (409).</summary>
    public void TakePlace()
    {
        if (PlacesTaken >= Capacity)
        {
            throw new DomainException("course.full", $"The course is full ({Capacity} places).", DomainErrorKind.Conflict);
        }

        PlacesTaken++;
    }

    public void ReleasePlace() => PlacesTaken = Math.Max(0, PlacesTaken - 1);

    private void Apply(CourseDetails details)
    {
        if (Level == CourseLevel.City && string.IsNullOrWhiteSpace(details.PartnerPlatform))
        {
            throw new DomainException("course.partner_required", "A city course names the partner platform it is run with.", field: "partnerPlatform");
        }

        Title = details.Title;
        _topics = details.Topics.Distinct().Order().ToList();
        Audience = details.Audience;
        ProviderType = details.ProviderType;
        ProviderName = details.ProviderName;
        PartnerPlatform = string.IsNullOrWhiteSpace(details.PartnerPlatform) ? null : details.PartnerPlatform.Trim();
        StartDate = details.StartDate;
        EndDate = details.EndDate;
        Capacity = details.Capacity;
        FeeModel = details.FeeModel;
    }
}

/// <summary>A course's editable details, checked on construction.</summary>
public sealed record CourseDetails
{
    public CourseDetails(
        string title,
        IReadOnlyList<CourseTopic> topics,
        AudienceTrack audience,
        ProviderType providerType,
        string providerName,
        string? partnerPlatform,
        DateOnly startDate,
        DateOnly endDate,
        int capacity,
        FeeModel feeModel)
    {
        ArgumentNullException.ThrowIfNull(topics);
        Title = Text(title, Course.TitleMaxLength, "title");
        ProviderName = Text(providerName, 200, "providerName");
        if (topics.Count == 0)
        {
            throw new DomainException("course.topics_required", "A course covers at least one topic.", field: "topics");
        }

        if (endDate < startDate)
        {
            throw new DomainException("course.dates_invalid", "A course ends on or after it starts.", field: "endDate");
        }

        if (capacity is < 1 or > Course.MaxCapacity)
        {
            throw new DomainException("course.capacity_invalid", $"Capacity is 1 to {Course.MaxCapacity}.", field: "capacity");
        }

        Topics = topics;
        Audience = audience;
        ProviderType = providerType;
        PartnerPlatform = partnerPlatform is { Length: > 200 }
            ? throw new DomainException("course.partner_too_long", "At most 200 characters.", field: "partnerPlatform")
            : partnerPlatform;
        StartDate = startDate;
        EndDate = endDate;
        Capacity = capacity;
        FeeModel = feeModel;
    }

    public string Title { get; }

    public IReadOnlyList<CourseTopic> Topics { get; }

    public AudienceTrack Audience { get; }

    public ProviderType ProviderType { get; }

    public string ProviderName { get; }

    public string? PartnerPlatform { get; }

    public DateOnly StartDate { get; }

    public DateOnly EndDate { get; }

    public int Capacity { get; }

    public FeeModel FeeModel { get; }

    private static string Text(string? value, int max, string field)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        return trimmed.Length is > 0 && trimmed.Length <= max
            ? trimmed
            : throw new DomainException("course.text_invalid", $"1 to {max} characters.", field: field);
    }
}
