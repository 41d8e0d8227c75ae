using Sunshine.Domain.Common;

namespace Sunshine.Domain.Evidence;

/// <summary>
/// A benefit link (利益联结) of an enterprise or an entrepreneur (a registered disabled person) with a
/// disabled household: its type, its dates, and what it brought the household month by month.
/// Kept by the officers of the household's county and of the linking party's county.
/// </summary>
public sealed class BenefitLink : DatedRecord, IJointlyCountyScoped
{
    private readonly List<LinkMonth> _months = [];

    private BenefitLink()
    {
    }

    public Guid? EnterpriseId { get; private set; }

    /// <summary>The entrepreneur, when the link is a person's rather than an enterprise's.</summary>
    public Guid? EntrepreneurPersonId { get; private set; }

    public Guid HouseholdId { get; private set; }

    /// <summary>The household's county.</summary>
    public Guid CountyId { get; private set; }

    /// <summary>The enterprise's or the entrepreneur's county.</summary>
    public Guid? OtherCountyId { get; private set; }

    public LinkType Type { get; private set; }

    public IReadOnlyList<LinkMonth> Months => _months;

    /// <summary>Whether the link carries the household's products (the "stably carries the products of disabled households" evidence).</summary>
    public bool CarriesProducts => CarriesProductsType(Type);

    public static bool CarriesProductsType(LinkType type) => type is LinkType.ProductSupply or LinkType.ProtectivePricePurchase;

    public static BenefitLink Create(
        Guid? enterpriseId, Guid? entrepreneurPersonId, Guid? linkingCountyId, Guid householdId, Guid householdCountyId, LinkType type,
        DateOnly start, DateOnly? end, DateOnly today)
    {
        if ((enterpriseId is null) == (entrepreneurPersonId is null))
        {
            throw new DomainException("link.party_required", "A link is of either an enterprise or an entrepreneur.", field: "enterpriseId");
        }

        if (!Enum.IsDefined(type))
        {
            throw new DomainException("link.type_unknown", "Unknown link type.", field: "type");
        }

        var link = new BenefitLink
        {
            EnterpriseId = enterpriseId,
            EntrepreneurPersonId = entrepreneurPersonId,
            OtherCountyId = linkingCountyId,
            HouseholdId = householdId,
            CountyId = householdCountyId,
            Type = type,
        };
        link.SetDates(start, end, today);
        return link;
    }

    public void ChangeDates(DateOnly start, DateOnly? end, DateOnly today)
    {
        if (_months.Any(m => m.Month < new DateOnly(start.Year, start.Month, 1) || (end is { } e && m.Month > new DateOnly(e.Year, e.Month, 1))))
        {
            throw new DomainException("link.months_outside", "Monthly amounts are recorded outside the new dates: remove them first.", DomainErrorKind.Conflict, "startDate");
        }

        SetDates(start, end, today);
    }

    public void End(DateOnly lastDay) => EndOn(lastDay);

    /// <summary>Records (or corrects) what the link brought the household in a month within its dates; zero removes the month.</summary>
    public void RecordMonth(int year, int month, Money amount, DateOnly today)
    {
        if (month is < 1 or > 12 || year is < 2000 or > 2100)
        {
            throw new DomainException("link.month_invalid", "A month is a year and a month number 1 to 12.", field: "month");
        }

        var first = new DateOnly(year, month, 1);
        var startMonth = new DateOnly(StartDate.Year, StartDate.Month, 1);
        if (first < startMonth || (EndDate is { } end && first > new DateOnly(end.Year, end.Month, 1)))
        {
            throw new DomainException("link.month_outside", "The month is outside the link's dates.", field: "month");
        }

        if (first > new DateOnly(today.Year, today.Month, 1))
        {
            throw new DomainException("link.month_future", "Amounts are recorded for past or current months.", field: "month");
        }

        var existing = _months.Find(m => m.Month == first);
        if (amount == Money.Zero)
        {
            if (existing is not null)
            {
                _months.Remove(existing);
            }
        }
        else if (existing is null)
        {
            _months.Add(new LinkMonth(first, amount));
        }
        else
        {
            existing.Amount = amount;
        }
    }
}

/// <summary>What a link brought the household in one month (the month's first day).</summary>
public sealed class LinkMonth
{
    internal LinkMonth(DateOnly month, Money amount)
    {
        Month = month;
        Amount = amount;
    }

    private LinkMonth()
    {
    }

    public DateOnly Month { get; private set; }

    public Money Amount { get; internal set; }
}
