using Sunshine.Domain.Common;
using Sunshine.Domain.Registry;

namespace Sunshine.Domain.UnitTests;

public sealed class PersonTests
{
    private static readonly DateOnly Today = new(2026, 11, 29);
    private static readonly Guid County = Guid.CreateVersion7();

    internal static PersonDetails Details(string id = "11010519491231002X", string certificateSuffix = "42")
    {
        var idNumber = ResidentIdNumber.Create(id, Today);
        return new PersonDetails("张三", idNumber, DisabilityCertificateNumber.Create(idNumber.Value + certificateSuffix, idNumber),
            "城关镇", "太平村", HouseholdRegistration.Rural, PhoneNumber.Create("13812345678"), PersonTags.UniversityStudent);
    }

    [Fact]
    public void Registering_derives_category_level_sex_and_birth_date()
    {
        var person = Person.Register(Details(), County);

        Assert.Equal(DisabilityCategory.Physical, person.Category);
        Assert.Equal(DisabilityLevel.Level2, person.Level);
        Assert.Equal(Sex.Female, person.Sex);
        Assert.Equal(new DateOnly(1949, 12, 31), person.BirthDate);
        Assert.Equal(PersonStatus.Active, person.Status);
    }

    [Fact]
    public void A_certificate_must_belong_to_the_id_number()
    {
        var id = ResidentIdNumber.Create("11010519491231002X", Today);
        var other = ResidentIdNumber.Create("439901200002290014", Today);

        var error = Assert.Throws<DomainException>(() => new PersonDetails("张三", id,
            DisabilityCertificateNumber.Create(other.Value + "11", other), null, null, HouseholdRegistration.Urban, null, PersonTags.None));

        Assert.Equal("certificate_number.holder_mismatch", error.Code);
    }

    [Theory]
    [InlineData(50, true)]
    [InlineData(51, false)]
    public void Names_are_at_most_50_characters(int length, bool valid)
    {
        var id = ResidentIdNumber.Create("11010519491231002X", Today);
        var certificate = DisabilityCertificateNumber.Create(id.Value + "11", id);
        var create = () => new PersonDetails(new string('名', length), id, certificate, null, null, HouseholdRegistration.Rural, null, PersonTags.None);

        if (valid)
        {
            Assert.Equal(length, create().Name.Length);
        }
        else
        {
            Assert.Equal("person.name_invalid", Assert.Throws<DomainException>(create).Code);
        }
    }

    [Fact]
    public void Deactivation_records_a_death_or_move_not_in_the_future_and_ends_changes()
    {
        var person = Person.Register(Details(), County);

        Assert.Equal("person.status_date_future", Assert.Throws<DomainException>(() => person.Deactivate(PersonStatus.Deceased, Today.AddDays(1), Today)).Code);
        Assert.Equal("person.status_invalid", Assert.Throws<DomainException>(() => person.Deactivate(PersonStatus.Active, Today, Today)).Code);
        person.Deactivate(PersonStatus.MovedAway, Today, Today);

        Assert.Equal(PersonStatus.MovedAway, person.Status);
        Assert.Equal(Today, person.StatusChangedOn);
        var error = Assert.Throws<DomainException>(() => person.Update(Details(), County));
        Assert.Equal(DomainErrorKind.Conflict, error.Kind);
    }

    [Fact]
    public void Consent_is_in_force_from_the_day_given_until_the_day_withdrawn()
    {
        var person = Person.Register(Details(), County);
        person.GiveConsent(ConsentScope.PartnerSharing, new DateOnly(2020, 1, 10), Today);

        Assert.False(person.HasConsent(ConsentScope.PartnerSharing, new DateOnly(2020, 1, 9)));
        Assert.True(person.HasConsent(ConsentScope.PartnerSharing, new DateOnly(2020, 1, 10)));
        Assert.False(person.HasConsent(ConsentScope.Publication, new DateOnly(2020, 1, 10)));

        person.WithdrawConsent(ConsentScope.PartnerSharing, new DateOnly(2021, 6, 1), Today);
        Assert.True(person.HasConsent(ConsentScope.PartnerSharing, new DateOnly(2021, 5, 31)));
        Assert.False(person.HasConsent(ConsentScope.PartnerSharing, new DateOnly(2021, 6, 1)));
        Assert.Equal("consent.not_given", Assert.Throws<DomainException>(() => person.WithdrawConsent(ConsentScope.PartnerSharing, Today, Today)).Code);

        person.GiveConsent(ConsentScope.PartnerSharing, new DateOnly(2022, 1, 1), Today);
        Assert.True(person.HasConsent(ConsentScope.PartnerSharing, Today));
        Assert.Equal("consent.already_given", Assert.Throws<DomainException>(() => person.GiveConsent(ConsentScope.PartnerSharing, Today, Today)).Code);
    }

    [Fact]
    public void Consent_cannot_be_dated_in_the_future_or_withdrawn_before_it_was_given()
    {
        var person = Person.Register(Details(), County);

        Assert.Equal("consent.date_future", Assert.Throws<DomainException>(() => person.GiveConsent(ConsentScope.Publication, Today.AddDays(1), Today)).Code);
        person.GiveConsent(ConsentScope.Publication, Today, Today);
        Assert.Equal("consent.withdrawn_before_given",
            Assert.Throws<DomainException>(() => person.WithdrawConsent(ConsentScope.Publication, Today.AddDays(-1), Today)).Code);
    }
}

public sealed class HouseholdTests
{
    private static readonly DateOnly Today = new(2026, 11, 29);

    private static Household NewHousehold(Guid? headPerson = null) =>
        Household.Create(Guid.CreateVersion7(), "城关镇", "太平村", headPerson ?? Guid.CreateVersion7(), "张三");

    [Fact]
    public void A_household_has_exactly_one_head_and_the_head_cannot_be_removed()
    {
        var household = NewHousehold();
        var spouse = household.AddMember(null, "李四", HouseholdRelation.Spouse);

        Assert.Equal("household.second_head", Assert.Throws<DomainException>(() => household.AddMember(null, "王五", HouseholdRelation.Head)).Code);
        Assert.Equal("household.head_removal", Assert.Throws<DomainException>(() => household.RemoveMember(household.Head.Id)).Code);

        household.ChangeHead(spouse.Id, HouseholdRelation.Spouse);
        Assert.Equal("李四", household.Head.Name);
        Assert.Single(household.Members, m => m.Relation == HouseholdRelation.Head);
    }

    [Fact]
    public void A_registry_person_is_a_member_once()
    {
        var person = Guid.CreateVersion7();
        var household = NewHousehold();
        household.AddMember(person, "王五", HouseholdRelation.Child);

        Assert.Equal("household.member_duplicate", Assert.Throws<DomainException>(() => household.AddMember(person, "王五", HouseholdRelation.Child)).Code);
    }

    [Theory]
    [InlineData(2013, "4307001", null, true)]
    [InlineData(1999, "4307001", null, false)] // before 2000
    [InlineData(2027, "4307001", null, false)] // after this year
    [InlineData(2016, "", null, false)] // no household number
    [InlineData(2016, "4307001", "2015-12-31", false)] // exit before the registration year
    [InlineData(2016, "4307001", "2016-01-01", true)]
    [InlineData(2016, "4307001", "2026-11-30", false)] // exit in the future
    public void Registered_poor_status_needs_a_plausible_year_number_and_exit(int year, string number, string? exit, bool valid)
    {
        var household = NewHousehold();
        DateOnly? exitDate = exit is null ? null : DateOnly.Parse(exit, System.Globalization.CultureInfo.InvariantCulture);

        var set = () => household.SetPovertyStatus(true, year, number, exitDate, Today);

        if (valid)
        {
            set();
            Assert.True(household.IsRegisteredPoor);
        }
        else
        {
            Assert.Throws<DomainException>(set);
            Assert.False(household.IsRegisteredPoor);
        }
    }

    [Fact]
    public void A_household_that_is_not_registered_poor_has_no_registration_details()
    {
        var error = Assert.Throws<DomainException>(() => NewHousehold().SetPovertyStatus(false, 2016, null, null, Today));

        Assert.Equal("household.poverty_details_without_registration", error.Code);
    }

    [Fact]
    public void Income_increase_is_measured_against_the_baseline_and_a_year_is_recorded_once()
    {
        var household = NewHousehold();
        household.SetBaseline(2016, Money.FromYuan(2800m), Today);
        household.RecordIncome(2018, Money.FromYuan(3500.50m), Today);
        household.RecordIncome(2018, Money.FromYuan(3600m), Today);

        Assert.Single(household.IncomeRecords);
        Assert.Equal(800m, household.IncomeIncrease(2018));
        Assert.Null(household.IncomeIncrease(2019));
        Assert.Equal("household.income_year_invalid", Assert.Throws<DomainException>(() => household.RecordIncome(2027, Money.FromYuan(1m), Today)).Code);
        Assert.Equal("household.baseline_incomplete", Assert.Throws<DomainException>(() => household.SetBaseline(2016, null, Today)).Code);
    }
}
