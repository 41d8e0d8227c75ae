using Sunshine.Domain.Common;

namespace Sunshine.Domain.Statistics;

/// <summary>
/// A target of a programme (目标任务), city-wide (no county) or for one county: trained people,
/// prosperity leaders and registered-poor households brought into the chain, to reach by the target
/// date. Data, set by city officers; the action plan's are 70, 10 and 100.
/// </summary>
public sealed class ProgrammeTarget : Entity
{
    /// <summary>The largest figure a target may name: far above any county's population of disabled people in the programme.</summary>
    public const int MaxFigure = 1_000_000;

    private ProgrammeTarget()
    {
    }

    private ProgrammeTarget(Guid programmeId, Guid? countyId) => (ProgrammeId, CountyId) = (programmeId, countyId);

    public Guid ProgrammeId { get; private set; }

    /// <summary>The county, or null for the city-wide target.</summary>
    public Guid? CountyId { get; private set; }

    public int TrainedPeople { get; private set; }

    public int ProsperityLeaders { get; private set; }

    public int HouseholdsInChain { get; private set; }

    /// <summary>The date by which the figures are to be reached (China Standard Time), within the programme period.</summary>
    public DateOnly TargetDate { get; private set; }

    public static ProgrammeTarget Create(Programmes.Programme programme, Guid? countyId, int trainedPeople, int prosperityLeaders, int householdsInChain, DateOnly targetDate)
    {
        ArgumentNullException.ThrowIfNull(programme);
        var target = new ProgrammeTarget(programme.Id, countyId);
        target.Set(programme, trainedPeople, prosperityLeaders, householdsInChain, targetDate);
        return target;
    }

    public void Set(Programmes.Programme programme, int trainedPeople, int prosperityLeaders, int householdsInChain, DateOnly targetDate)
    {
        ArgumentNullException.ThrowIfNull(programme);
        Ensure(trainedPeople, "trainedPeople");
        Ensure(prosperityLeaders, "prosperityLeaders");
        Ensure(householdsInChain, "householdsInChain");
        if (!programme.Covers(targetDate))
        {
            throw new DomainException(
                "target.date_outside_programme", $"The target date must lie within the programme period ({programme.PeriodStart:yyyy-MM-dd} to {programme.PeriodEnd:yyyy-MM-dd}).", field: "targetDate");
        }

        (TrainedPeople, ProsperityLeaders, HouseholdsInChain, TargetDate) = (trainedPeople, prosperityLeaders, householdsInChain, targetDate);
    }

    private static void Ensure(int figure, string field)
    {
        if (figure is < 0 or > MaxFigure)
        {
            throw new DomainException("target.figure_invalid", $"A target figure lies between 0 and {MaxFigure:N0}.", field: field);
        }
    }
}
