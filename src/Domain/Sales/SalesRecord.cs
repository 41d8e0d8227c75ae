using Sunshine.Domain.Common;
using Sunshine.Domain.Shops;

namespace Sunshine.Domain.Sales;

/// <summary>
/// A shop's sales of one period (销售额). A re-sent report for the same shop and period supersedes
/// it and the old figures go to the history; nothing is counted twice. Figures entered by staff
/// count toward awards only after a second officer confirms them.
/// </summary>
public sealed class SalesRecord : Entity, ICountyScoped, IPlatformScoped
{
    private SalesRecord()
    {
    }

    private SalesRecord(Shop shop, SalesPeriod period)
    {
        ShopId = shop.Id;
        CountyId = shop.CountyId;
        PlatformId = shop.PlatformId;
        PeriodStart = period.Start;
        Granularity = period.Granularity;
        Month = period.Month;
    }

    public Guid ShopId { get; private set; }

    public Guid CountyId { get; private set; }

    public Guid PlatformId { get; private set; }

    public DateOnly PeriodStart { get; private set; }

    public ReportingGranularity Granularity { get; private set; }

    /// <summary>The first day of the period's month (the roll-up key).</summary>
    public DateOnly Month { get; private set; }

    public int OrderCount { get; private set; }

    public int Units { get; private set; }

    public Money Gross { get; private set; }

    public Money Refunds { get; private set; }

    public decimal Net { get; private set; }

    public RecordSource Source { get; private set; }

    public Guid? EnteredById { get; private set; }

    /// <summary>The second officer who confirmed staff-entered figures.</summary>
    public Guid? ConfirmedById { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>Counts toward awards and statistics: reported by the platform, or confirmed.</summary>
    public bool IsCounted => Source == RecordSource.Partner || ConfirmedById is not null;

    public static SalesRecord Create(Shop shop, SalesPeriod period, SalesFigures figures, RecordSource source, Guid? enteredById, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(shop);
        ArgumentNullException.ThrowIfNull(figures);
        shop.EnsureAccepts(period, "period");
        var record = new SalesRecord(shop, period);
        record.Apply(figures, source, enteredById, at);
        return record;
    }

    /// <summary>Replaces the figures with a re-sent report; returns the superseded figures for the history.</summary>
    public SalesHistoryEntry Supersede(SalesFigures figures, RecordSource source, Guid? enteredById, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var previous = new SalesHistoryEntry(Id, ShopId, PeriodStart, OrderCount, Units, Gross, Refunds, Source, EnteredById, ConfirmedById, RecordedAt, at);
        Apply(figures, source, enteredById, at);
        return previous;
    }

    public void Confirm(Guid officerId)
    {
        if (Source != RecordSource.Staff)
        {
            throw new DomainException("sales.confirm_partner", "Platform-reported figures need no confirmation.", DomainErrorKind.Conflict);
        }

        if (ConfirmedById is not null)
        {
            throw new DomainException("sales.already_confirmed", "The figures are already confirmed.", DomainErrorKind.Conflict);
        }

        if (officerId == EnteredById)
        {
            throw new DomainException("sales.maker_checker", "Another officer confirms the figures you entered.", DomainErrorKind.NotAllowed);
        }

        ConfirmedById = officerId;
    }

    private void Apply(SalesFigures figures, RecordSource source, Guid? enteredById, DateTimeOffset at)
    {
        OrderCount = figures.OrderCount;
        Units = figures.Units;
        Gross = figures.Gross;
        Refunds = figures.Refunds;
        Net = figures.Net;
        Source = source;
        EnteredById = enteredById;
        ConfirmedById = null;
        RecordedAt = at;
    }
}

/// <summary>Figures a re-sent report superseded, kept for the record.</summary>
public sealed class SalesHistoryEntry
{
    private SalesHistoryEntry()
    {
    }

    internal SalesHistoryEntry(
        Guid salesRecordId, Guid shopId, DateOnly periodStart, int orderCount, int units, Money gross, Money refunds,
        RecordSource source, Guid? enteredById, Guid? confirmedById, DateTimeOffset recordedAt, DateTimeOffset supersededAt)
    {
        Id = Guid.CreateVersion7();
        SalesRecordId = salesRecordId;
        ShopId = shopId;
        PeriodStart = periodStart;
        OrderCount = orderCount;
        Units = units;
        Gross = gross;
        Refunds = refunds;
        Source = source;
        EnteredById = enteredById;
        ConfirmedById = confirmedById;
        RecordedAt = recordedAt;
        SupersededAt = supersededAt;
    }

    public Guid Id { get; private set; }

    public Guid SalesRecordId { get; private set; }

    public Guid ShopId { get; private set; }

    public DateOnly PeriodStart { get; private set; }

    public int OrderCount { get; private set; }

    public int Units { get; private set; }

    public Money Gross { get; private set; }

    public Money Refunds { get; private set; }

    public RecordSource Source { get; private set; }

    public Guid? EnteredById { get; private set; }

    public Guid? ConfirmedById { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public DateTimeOffset SupersededAt { get; private set; }
}
