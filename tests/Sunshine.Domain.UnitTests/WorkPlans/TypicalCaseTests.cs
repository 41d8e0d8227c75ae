using Sunshine.Domain.Common;
using Sunshine.Domain.TypicalCases;

namespace Sunshine.Domain.UnitTests.WorkPlans;

public sealed class TypicalCaseTests
{
    private static readonly Guid Officer = Guid.NewGuid();
    private static readonly DateTimeOffset Now = new(2019, 11, 5, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly KeyFigure[] Figures = [new("年销售额", 120_000m, "元"), new("带动贫困户", 15m, "户")];

    private static TypicalCase AboutPerson() => TypicalCase.Create(Guid.NewGuid(), Guid.NewGuid(), null, "轮椅上的网店店主", "从零开始学电商……", Figures);

    private static TypicalCase AboutEnterprise() => TypicalCase.Create(Guid.NewGuid(), null, Guid.NewGuid(), "阳光电商企业", "吸纳残疾人就业……", Figures);

    [Fact]
    public void A_case_is_about_exactly_one_person_or_enterprise()
    {
        Assert.Equal("typical_case.subject_one_required",
            Assert.Throws<DomainException>(() => TypicalCase.Create(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "标题", "正文", [])).Code);
        Assert.Equal("typical_case.subject_one_required", Assert.Throws<DomainException>(() => TypicalCase.Create(Guid.NewGuid(), null, null, "标题", "正文", [])).Code);
        Assert.Equal((TypicalCaseSubject.Person, TypicalCaseSubject.Enterprise), (AboutPerson().Subject, AboutEnterprise().Subject));
    }

    [Fact]
    public void A_persons_story_is_published_only_with_their_consent_an_enterprises_without()
    {
        var person = AboutPerson();
        var error = Assert.Throws<DomainException>(() => person.Publish(Officer, Now, subjectConsents: false));
        Assert.Equal(("typical_case.consent_required", DomainErrorKind.RuleBroken), (error.Code, error.Kind));
        Assert.False(person.IsPublished);

        person.Publish(Officer, Now, subjectConsents: true);
        Assert.Equal((true, Officer, Now), (person.IsPublished, person.PublishedById, person.PublishedAt));

        var enterprise = AboutEnterprise();
        enterprise.Publish(Officer, Now, subjectConsents: false);
        Assert.True(enterprise.IsPublished);
    }

    [Fact]
    public void A_published_case_is_withdrawn_before_it_is_deleted()
    {
        var published = AboutEnterprise();
        published.Publish(Officer, Now, subjectConsents: false);

        Assert.Equal("typical_case.published", Assert.Throws<DomainException>(published.EnsureDeletable).Code);
        published.Unpublish();
        published.EnsureDeletable();
        Assert.Equal((false, null, null), (published.IsPublished, published.PublishedById, published.PublishedAt));
    }

    [Fact]
    public void A_nomination_records_who_and_when_and_is_withdrawn_whole()
    {
        var nominated = AboutPerson();
        nominated.Nominate(Officer, new DateOnly(2019, 11, 5));
        Assert.Equal((true, Officer, new DateOnly(2019, 11, 5)), (nominated.IsNominated, nominated.NominatedById, nominated.NominatedOn));
        Assert.Equal("typical_case.already_nominated", Assert.Throws<DomainException>(() => nominated.Nominate(Officer, new DateOnly(2019, 11, 6))).Code);

        nominated.WithdrawNomination();
        Assert.Equal((false, null, null), (nominated.IsNominated, nominated.NominatedById, nominated.NominatedOn));
    }

    [Fact]
    public void Key_figures_have_a_label_each_label_once_and_at_most_twelve()
    {
        Assert.Equal("typical_case.figure_label_invalid", Assert.Throws<DomainException>(() => new KeyFigure(" ", 1m, "元")).Code);
        Assert.Equal(string.Empty, new KeyFigure("带动户数", 15m, null).Unit);
        var repeated = AboutPerson();
        Assert.Equal("typical_case.figure_repeated",
            Assert.Throws<DomainException>(() => repeated.Update("标题", "正文", [new("年销售额", 1m, "元"), new("年销售额", 2m, "元")])).Code);
        var many = Enumerable.Range(1, TypicalCase.MaxFigures + 1).Select(i => new KeyFigure($"指标{i}", i, "元")).ToList();
        Assert.Equal("typical_case.too_many_figures", Assert.Throws<DomainException>(() => repeated.Update("标题", "正文", many)).Code);
        repeated.Update("标题", "正文", many.Take(TypicalCase.MaxFigures).ToList());
        Assert.Equal(TypicalCase.MaxFigures, repeated.Figures.Count);
    }
}
