using Sunshine.Domain.Common;
using Sunshine.Domain.Shops;

namespace Sunshine.Domain.Evidence;

/// <summary>
/// A registered disabled person employed by an enterprise (直接吸纳就业), from a start date to an end
/// date. Kept by the officers of the person's county and of the enterprise's county; entered by staff
/// or reported by the enterprise's own partner client.
/// </summary>
public sealed class EmploymentRecord : DatedRecord, IJointlyCountyScoped
{
    private EmploymentRecord()
    {
    }

    public Guid EnterpriseId { get; private set; }

    public Guid PersonId { get; private set; }

    /// <summary>The person's county when the employment was recorded.</summary>
    public Guid CountyId { get; private set; }

    /// <summary>The enterprise's county.</summary>
    public Guid? OtherCountyId { get; private set; }

    public JobCategory JobCategory { get; private set; }

    public HoursType HoursType { get; private set; }

    public RecordSource Source { get; private set; }

    public static EmploymentRecord Create(
        Guid enterpriseId, Guid? enterpriseCountyId, Guid personId, Guid personCountyId, JobCategory category, HoursType hours,
        DateOnly start, DateOnly? end, RecordSource source, DateOnly today)
    {
        var record = new EmploymentRecord
        {
            EnterpriseId = enterpriseId,
            OtherCountyId = enterpriseCountyId,
            PersonId = personId,
            CountyId = personCountyId,
            Source = source,
        };
        record.Update(category, hours, start, end, today);
        return record;
    }

    public void Update(JobCategory category, HoursType hours, DateOnly start, DateOnly? end, DateOnly today)
    {
        SetDates(start, end, today);
        JobCategory = category;
        HoursType = hours;
    }

    /// <summary>The employment ended: <paramref name="lastDay"/> was the last day worked.</summary>
    public void End(DateOnly lastDay) => EndOn(lastDay);
}
