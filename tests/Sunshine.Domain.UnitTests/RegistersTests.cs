using Sunshine.Domain.Channels;
using Sunshine.Domain.Common;
using Sunshine.Domain.OperationServices;
using Sunshine.Domain.Stations;
using Sunshine.Domain.Statistics;
using Sunshine.Domain.Supervision;

namespace Sunshine.Domain.UnitTests;

/// <summary>The rules of the operation services, supervision visits and service stations registers, each on both sides of its boundary.</summary>
public sealed class RegistersTests
{
    private static readonly DateOnly Today = new(2026, 11, 29);
    private static readonly Guid County = Guid.NewGuid();
    private static readonly Participant Household = new(Guid.NewGuid(), null, null);

    private static OperationService Service(
        decimal hours = 2m, decimal cost = 0m, string? funding = null, DateOnly? servedOn = null, ServiceProviderKind kind = ServiceProviderKind.Federation,
        Guid? provider = null, bool qualifies = true) =>
        OperationService.Record(County, Household, qualifies, OperationServiceType.ProductPhotography, kind, provider, servedOn ?? Today, hours, Money.FromYuan(cost, "cost"),
            funding, "拍摄 20 件商品并上架", Today);

    private static string CodeOf(Action action) => Assert.Throws<DomainException>(action).Code;

    [Theory]
    [InlineData("0.1", true)]
    [InlineData("0", false)]
    [InlineData("-1", false)]
    [InlineData("1000", true)]
    [InlineData("1000.1", false)]
    [InlineData("1.25", false)] // tenths only
    public void A_service_takes_more_than_0_and_at_most_1000_hours_in_tenths(string hours, bool valid)
    {
        var value = decimal.Parse(hours, System.Globalization.CultureInfo.InvariantCulture);
        if (valid)
        {
            Assert.Equal(value, Service(hours: value).Hours);
        }
        else
        {
            Assert.Equal("service.hours_invalid", CodeOf(() => Service(hours: value)));
        }
    }

    [Fact]
    public void A_service_costs_0_or_more_and_a_paid_one_names_its_funding_source()
    {
        Assert.Equal(Money.Zero, Service(cost: 0m).Cost);
        Assert.Null(Service(cost: 0m).FundingSource);
        Assert.Equal("money.negative", CodeOf(() => Service(cost: -0.01m)));
        Assert.Equal("service.funding_source_required", CodeOf(() => Service(cost: 0.01m)));
        Assert.Equal(0.01m, Service(cost: 0.01m, funding: "残疾人就业保障金").Cost.Yuan);
    }

    [Fact]
    public void A_service_is_recorded_once_delivered_today_or_before()
    {
        Assert.Equal(Today, Service(servedOn: Today).ServedOn);
        Assert.Equal("service.date_future", CodeOf(() => Service(servedOn: Today.AddDays(1))));
    }

    [Fact]
    public void An_enterprise_or_incubator_provider_is_named_and_the_federation_is_not()
    {
        Assert.Equal("service.provider_enterprise", CodeOf(() => Service(kind: ServiceProviderKind.Enterprise)));
        Assert.Equal("service.provider_enterprise", CodeOf(() => Service(kind: ServiceProviderKind.Federation, provider: Guid.NewGuid())));
        var enterprise = Guid.NewGuid();
        Assert.Equal(enterprise, Service(kind: ServiceProviderKind.Incubator, provider: enterprise).ProviderEnterpriseId);
    }

    [Fact]
    public void A_recipient_that_does_not_qualify_is_refused_naming_its_field()
    {
        var refused = Assert.Throws<DomainException>(() => Service(qualifies: false));
        Assert.Equal("service.recipient_not_eligible", refused.Code);
        Assert.Equal("recipient.householdId", refused.Field);
        Assert.Equal("recipient.baseId", OperationService.RecipientField(new Participant(null, Guid.NewGuid(), null)));
        Assert.Equal("recipient.personId", OperationService.RecipientField(new Participant(null, null, Guid.NewGuid())));
    }

    private static SupervisionVisit Visit(DateOnly? visitedOn = null) =>
        SupervisionVisit.Record(County, SupervisionLevel.City, SupervisionSubject.County, null, null, null, visitedOn ?? Today.AddDays(-10), "市残联 李明、王芳",
            "台账不全", Guid.NewGuid(), Today);

    [Theory]
    [InlineData(0, false)]  // due today: not yet overdue
    [InlineData(-1, true)]  // due yesterday: overdue
    [InlineData(5, false)]
    public void An_open_item_is_overdue_from_the_day_after_its_due_date(int dueInDays, bool overdue)
    {
        var item = Visit().AddRectification("补齐培训台账", Today.AddDays(dueInDays));

        Assert.Equal(overdue, item.IsOverdueOn(Today));
    }

    [Fact]
    public void A_closed_item_is_never_overdue_and_is_closed_once()
    {
        var visit = Visit();
        var item = visit.AddRectification("补齐培训台账", Today.AddDays(-2));
        var officer = Guid.NewGuid();

        visit.CloseRectification(item.Id, Today, "已补齐", officer, Today);

        Assert.False(item.IsOverdueOn(Today));
        Assert.Equal((Today, "已补齐", officer), (item.ClosedOn!.Value, item.ClosingNote!, item.ClosedById!.Value));
        Assert.Equal("rectification.already_closed", CodeOf(() => visit.CloseRectification(item.Id, Today, "再关", officer, Today)));
    }

    [Fact]
    public void An_item_is_due_and_closed_between_the_visit_and_today()
    {
        var visitedOn = Today.AddDays(-10);
        var visit = Visit(visitedOn);
        Assert.Equal(visitedOn, visit.AddRectification("当天整改", visitedOn).DueDate);
        Assert.Equal("rectification.due_before_visit", CodeOf(() => visit.AddRectification("早于检查", visitedOn.AddDays(-1))));

        var item = visit.AddRectification("整改", Today);
        Assert.Equal("rectification.closed_on_invalid", CodeOf(() => visit.CloseRectification(item.Id, visitedOn.AddDays(-1), "早", Guid.NewGuid(), Today)));
        Assert.Equal("rectification.closed_on_invalid", CodeOf(() => visit.CloseRectification(item.Id, Today.AddDays(1), "晚", Guid.NewGuid(), Today)));
        Assert.Equal("rectification.note_invalid", CodeOf(() => visit.CloseRectification(item.Id, Today, " ", Guid.NewGuid(), Today)));
        visit.CloseRectification(item.Id, visitedOn, "当天整改完成", Guid.NewGuid(), Today);
        Assert.Equal(visitedOn, item.ClosedOn);
    }

    [Fact]
    public void A_visit_is_recorded_once_made_and_names_exactly_its_subject()
    {
        Assert.Equal(Today, Visit(Today).VisitedOn);
        Assert.Equal("supervision.date_future", CodeOf(() => Visit(Today.AddDays(1))));
        Assert.Equal("supervision.subject_id", CodeOf(() => SupervisionVisit.Record(
            County, SupervisionLevel.County, SupervisionSubject.Base, null, null, null, Today, "县残联", "良好", Guid.NewGuid(), Today)));
        Assert.Equal("supervision.subject_id", CodeOf(() => SupervisionVisit.Record(
            County, SupervisionLevel.County, SupervisionSubject.County, Guid.NewGuid(), null, null, Today, "县残联", "良好", Guid.NewGuid(), Today)));
        var enterprise = Guid.NewGuid();
        Assert.Equal(enterprise, SupervisionVisit.Record(
            County, SupervisionLevel.County, SupervisionSubject.Enterprise, null, enterprise, null, Today, "县残联", "良好", Guid.NewGuid(), Today).EnterpriseId);
    }

    [Fact]
    public void A_visit_does_not_move_after_its_items()
    {
        var visit = Visit(Today.AddDays(-10));
        visit.AddRectification("整改", Today.AddDays(-5));

        visit.Update(Today.AddDays(-5), "市残联", "复查", Today);
        Assert.Equal("supervision.date_after_items", CodeOf(() => visit.Update(Today.AddDays(-4), "市残联", "复查", Today)));
    }

    private static ServiceStation Station(DateOnly? openedOn = null) =>
        ServiceStation.Open(County, ServiceStationKind.VillageServiceStation, "河洑镇电商服务站", "河洑镇", "山堉村", "河洑镇山堉村村部", Guid.NewGuid(),
            openedOn ?? Today.AddDays(-30), Today);

    [Fact]
    public void A_station_is_recorded_once_open()
    {
        Assert.Equal(Today, Station(Today).OpenedOn);
        Assert.Equal(ServiceStationStatus.Operating, Station(Today).Status);
        Assert.Equal("station.opened_future", CodeOf(() => Station(Today.AddDays(1))));
    }

    [Fact]
    public void A_recruit_starts_between_the_opening_and_today_once_per_person()
    {
        var openedOn = Today.AddDays(-30);
        var station = Station(openedOn);
        var person = Guid.NewGuid();

        Assert.Equal("station.recruit_start_invalid", CodeOf(() => station.Recruit(Guid.NewGuid(), "免收入驻费", openedOn.AddDays(-1), Today)));
        Assert.Equal("station.recruit_start_invalid", CodeOf(() => station.Recruit(Guid.NewGuid(), "免收入驻费", Today.AddDays(1), Today)));
        Assert.Equal(openedOn, station.Recruit(person, "免收入驻费", openedOn, Today).StartDate);
        Assert.Equal(Today, station.Recruit(Guid.NewGuid(), "优先招募", Today, Today).StartDate);
        Assert.Equal("station.recruit_repeated", CodeOf(() => station.Recruit(person, "再次", Today, Today)));
        Assert.Equal("station.terms_invalid", CodeOf(() => station.Recruit(Guid.NewGuid(), " ", Today, Today)));
    }

    [Fact]
    public void A_closed_station_recruits_no_one_and_its_opening_stays_before_its_recruits()
    {
        var station = Station(Today.AddDays(-30));
        station.Recruit(Guid.NewGuid(), "免收入驻费", Today.AddDays(-20), Today);

        Assert.Equal("station.opened_after_recruits", CodeOf(() => station.Update(
            station.Kind, station.Name, station.Township, station.Village, station.Address, station.OperatorEnterpriseId, Today.AddDays(-19), station.Status, Today)));
        station.Update(station.Kind, station.Name, station.Township, station.Village, station.Address, station.OperatorEnterpriseId, Today.AddDays(-20),
            ServiceStationStatus.Closed, Today);
        Assert.Equal("station.closed", CodeOf(() => station.Recruit(Guid.NewGuid(), "免收入驻费", Today, Today)));
    }

    [Fact]
    public void The_new_indicators_have_stable_codes_and_say_what_they_count()
    {
        var served = Indicators.Get(Indicators.ServiceRecipients);
        Assert.Equal(("services.households_and_bases", IndicatorTotal.Distinct), (served.Code, served.Total));
        var recruits = Indicators.Get(Indicators.StationRecruits);
        Assert.Equal(("employment.station_recruits", "employment", IndicatorTotal.Distinct), (recruits.Code, recruits.Group, recruits.Total));
        Assert.Contains("配套指标", recruits.Definition, StringComparison.Ordinal);
        Assert.Contains("companion", recruits.DefinitionEn, StringComparison.Ordinal);
    }
}
