using System.Linq.Expressions;
using Sunshine.Domain.Common;

namespace Sunshine.Domain.Evidence;

/// <summary>
/// A record in force from a start date to an end date, both inclusive (no end: still in force). On a
/// date it counts when it started on or before it and ended on or after it — a record that ended the
/// day before does not count.
/// </summary>
public abstract class DatedRecord : Entity
{
    public DateOnly StartDate { get; private set; }

    public DateOnly? EndDate { get; private set; }

    public bool IsInForceOn(DateOnly date) => StartDate <= date && (EndDate == null || EndDate >= date);

    /// <summary>The same test as a query predicate, for counting in the database.</summary>
    public static Expression<Func<T, bool>> InForceOn<T>(DateOnly date)
        where T : DatedRecord =>
        r => r.StartDate <= date && (r.EndDate == null || r.EndDate >= date);

    /// <summary>Whether this record and a period (start to end inclusive; no end: open) share a day.</summary>
    public bool Overlaps(DateOnly start, DateOnly? end) => StartDate <= (end ?? DateOnly.MaxValue) && (EndDate == null || EndDate >= start);

    /// <summary>The same test as a query predicate, for refusing overlapping records in the database (a unit test holds the two equal).</summary>
    public static Expression<Func<T, bool>> OverlapsPeriod<T>(DateOnly start, DateOnly? end)
        where T : DatedRecord
    {
        var last = end ?? DateOnly.MaxValue;
        return r => r.StartDate <= last && (r.EndDate == null || r.EndDate >= start);
    }

    protected void SetDates(DateOnly start, DateOnly? end, DateOnly today)
    {
        if (start > today.AddYears(1))
        {
            throw new DomainException("dates.start_too_far", "The start date is at most a year ahead.", field: "startDate");
        }

        if (end is { } last && last < start)
        {
            throw new DomainException("dates.end_before_start", "The end date is on or after the start date.", field: "endDate");
        }

        StartDate = start;
        EndDate = end;
    }

    /// <summary>Ends the record on a date (its last day in force); errors name the request's <c>lastDay</c>.</summary>
    protected void EndOn(DateOnly last)
    {
        if (last < StartDate)
        {
            throw new DomainException("dates.end_before_start", "The end date is on or after the start date.", field: "lastDay");
        }

        if (EndDate is { } ended && ended < last)
        {
            throw new DomainException("dates.already_ended", "The record already ended earlier.", DomainErrorKind.Conflict, "lastDay");
        }

        EndDate = last;
    }
}
