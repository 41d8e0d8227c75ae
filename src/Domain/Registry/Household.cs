using Sunshine.Domain.Common;

namespace Sunshine.Domain.Registry;

/// <summary>How a member is related to the household head.</summary>
public enum HouseholdRelation
{
    Head,
    Spouse,
    Child,
    Parent,
    Sibling,
    Grandchild,
    Grandparent,
    ChildInLaw,
    Other,
}

/// <summary>A member of a household: a disabled person from the registry, or a family member by name.</summary>
public sealed class HouseholdMember
{
    private HouseholdMember()
    {
        Name = null!;
    }

    internal HouseholdMember(Guid? personId, string name, HouseholdRelation relation)
    {
        Id = Guid.CreateVersion7();
        PersonId = personId;
        Name = name;
        Relation = relation;
    }

    public Guid Id { get; private set; }

    /// <summary>The registry person, for a disabled member; null for a family member recorded by name.</summary>
    public Guid? PersonId { get; private set; }

    public string Name { get; private set; }

    public HouseholdRelation Relation { get; private set; }

    public bool IsDisabledPerson => PersonId is not null;

    internal void ChangeRelation(HouseholdRelation relation) => Relation = relation;
}

/// <summary>One year's per-capita net income of the household (人均纯收入).</summary>
public sealed class IncomeRecord
{
    private IncomeRecord()
    {
    }

    internal IncomeRecord(int year, Money perCapitaIncome)
    {
        Id = Guid.CreateVersion7();
        Year = year;
        PerCapitaIncome = perCapitaIncome;
    }

    public Guid Id { get; private set; }

    public int Year { get; private set; }

    public Money PerCapitaIncome { get; private set; }

    internal void Correct(Money perCapitaIncome) => PerCapitaIncome = perCapitaIncome;
}

/// <summary>
/// A household (家庭户): its members, its registered-poor status (建档立卡) and income. "Income
/// increase" is measured against the baseline per-capita income.
/// </summary>
public sealed class Household : Entity, ICountyScoped
{
    public const int MinYear = 2000;
    public const int MaxMembers = 30;

    private readonly List<HouseholdMember> _members = [];
    private readonly List<IncomeRecord> _incomeRecords = [];

    private Household()
    {
        Township = null!;
        Village = null!;
    }

    private Household(Guid countyId, string township, string village)
    {
        CountyId = countyId;
        Township = township;
        Village = village;
    }

    public Guid CountyId { get; private set; }

    public string Township { get; private set; }

    public string Village { get; private set; }

    public IReadOnlyList<HouseholdMember> Members => _members;

    public HouseholdMember Head => _members.Single(m => m.Relation == HouseholdRelation.Head);

    /// <summary>Registered as a poor household (建档立卡贫困户).</summary>
    public bool IsRegisteredPoor { get; private set; }

    public int? RegisteredPoorYear { get; private set; }

    /// <summary>The household number in the poverty registration system (建档立卡户编号).</summary>
    public string? PoorHouseholdNumber { get; private set; }

    /// <summary>The date the household was certified out of poverty (脱贫).</summary>
    public DateOnly? PovertyExitDate { get; private set; }

    public int? BaselineYear { get; private set; }

    public Money? BaselinePerCapitaIncome { get; private set; }

    public IReadOnlyList<IncomeRecord> IncomeRecords => _incomeRecords;

    /// <summary>
    /// The change of per-capita income against the baseline: the latest income recorded for a year up to
    /// <paramref name="upToYear"/> (and after the baseline year) less the baseline; null without a baseline
    /// or without such a record. The statistics' "income above baseline" is a positive change.
    /// </summary>
    public decimal? IncomeChangeUpTo(int upToYear) =>
        IncomeChange(BaselineYear, BaselinePerCapitaIncome, _incomeRecords.Select(r => (r.Year, r.PerCapitaIncome)), upToYear);

    /// <summary>
    /// The rule of <see cref="IncomeChangeUpTo"/> over a household's figures as they are read for statistics
    /// (without loading the household): its baseline and its yearly per-capita incomes.
    /// </summary>
    public static decimal? IncomeChange(int? baselineYear, Money? baselineIncome, IEnumerable<(int Year, Money PerCapitaIncome)> incomes, int upToYear)
    {
        ArgumentNullException.ThrowIfNull(incomes);
        if (baselineIncome is not { } baseline || baselineYear is not { } from)
        {
            return null;
        }

        var latest = incomes.Where(r => r.Year <= upToYear && r.Year > from).OrderByDescending(r => r.Year).Select(r => (Money?)r.PerCapitaIncome).FirstOrDefault();
        return latest is { } income ? income.Yuan - baseline.Yuan : null;
    }

    /// <summary>Starts a household with its head: a registry person or a family member by name.</summary>
    public static Household Create(Guid countyId, string? township, string? village, Guid? headPersonId, string headName)
    {
        var household = new Household(countyId, Text(township, "township"), Text(village, "village"));
        household._members.Add(new HouseholdMember(headPersonId, MemberName(headName), HouseholdRelation.Head));
        return household;
    }

    public void UpdateAddress(string? township, string? village)
    {
        Township = Text(township, "township");
        Village = Text(village, "village");
    }

    public HouseholdMember AddMember(Guid? personId, string name, HouseholdRelation relation)
    {
        if (relation == HouseholdRelation.Head)
        {
            throw new DomainException("household.second_head", "A household has one head: change the head instead.", DomainErrorKind.Conflict, "relation");
        }

        if (personId is not null && _members.Any(m => m.PersonId == personId))
        {
            throw new DomainException("household.member_duplicate", "The person is already a member.", DomainErrorKind.Conflict, "personId");
        }

        if (_members.Count >= MaxMembers)
        {
            throw new DomainException("household.too_many_members", $"A household has at most {MaxMembers} members.", field: "members");
        }

        var member = new HouseholdMember(personId, MemberName(name), relation);
        _members.Add(member);
        return member;
    }

    public void RemoveMember(Guid memberId)
    {
        var member = _members.SingleOrDefault(m => m.Id == memberId)
            ?? throw new DomainException("household.member_not_found", "There is no such member.", DomainErrorKind.Conflict, "memberId");
        if (member.Relation == HouseholdRelation.Head)
        {
            throw new DomainException("household.head_removal", "The head cannot be removed: make another member the head first.", DomainErrorKind.Conflict, "memberId");
        }

        _members.Remove(member);
    }

    /// <summary>Makes another member the head; the former head becomes <paramref name="formerHeadRelation"/>.</summary>
    public void ChangeHead(Guid memberId, HouseholdRelation formerHeadRelation)
    {
        var member = _members.SingleOrDefault(m => m.Id == memberId)
            ?? throw new DomainException("household.member_not_found", "There is no such member.", DomainErrorKind.Conflict, "memberId");
        if (formerHeadRelation == HouseholdRelation.Head)
        {
            throw new DomainException("household.second_head", "The former head needs another relation.", field: "formerHeadRelation");
        }

        if (member.Relation == HouseholdRelation.Head)
        {
            return;
        }

        Head.ChangeRelation(formerHeadRelation);
        member.ChangeRelation(HouseholdRelation.Head);
    }

    /// <summary>Records the household's registered-poor status; <paramref name="today"/> is the CST date.</summary>
    public void SetPovertyStatus(bool isRegisteredPoor, int? year, string? householdNumber, DateOnly? exitDate, DateOnly today)
    {
        if (!isRegisteredPoor)
        {
            if (year is not null || householdNumber is not null || exitDate is not null)
            {
                throw new DomainException("household.poverty_details_without_registration", "Registration year, number and exit date belong to a registered-poor household.", field: "isRegisteredPoor");
            }
        }
        else
        {
            if (year is null || year < MinYear || year > today.Year)
            {
                throw new DomainException("household.registered_year_invalid", $"The registration year is between {MinYear} and this year.", field: "registeredPoorYear");
            }

            if (string.IsNullOrWhiteSpace(householdNumber) || householdNumber.Trim().Length > 30)
            {
                throw new DomainException("household.number_invalid", "A registered-poor household has its household number (up to 30 characters).", field: "poorHouseholdNumber");
            }

            if (exitDate is { } exit && (exit.Year < year || exit > today))
            {
                throw new DomainException("household.exit_date_invalid", "The poverty exit date lies between the registration year and today.", field: "povertyExitDate");
            }
        }

        IsRegisteredPoor = isRegisteredPoor;
        RegisteredPoorYear = year;
        PoorHouseholdNumber = householdNumber?.Trim();
        PovertyExitDate = exitDate;
    }

    /// <summary>Sets the baseline per-capita income that income increase is measured against.</summary>
    public void SetBaseline(int? year, Money? perCapitaIncome, DateOnly today)
    {
        if ((year is null) != (perCapitaIncome is null))
        {
            throw new DomainException("household.baseline_incomplete", "A baseline has both a year and an amount.", field: "baselineYear");
        }

        if (year is not null && (year < MinYear || year > today.Year))
        {
            throw new DomainException("household.baseline_year_invalid", $"The baseline year is between {MinYear} and this year.", field: "baselineYear");
        }

        BaselineYear = year;
        BaselinePerCapitaIncome = perCapitaIncome;
    }

    /// <summary>Records (or corrects) the per-capita income of a completed or current year.</summary>
    public IncomeRecord RecordIncome(int year, Money perCapitaIncome, DateOnly today)
    {
        if (year < MinYear || year > today.Year)
        {
            throw new DomainException("household.income_year_invalid", $"The income year is between {MinYear} and this year.", field: "year");
        }

        var existing = _incomeRecords.SingleOrDefault(r => r.Year == year);
        if (existing is not null)
        {
            existing.Correct(perCapitaIncome);
            return existing;
        }

        var record = new IncomeRecord(year, perCapitaIncome);
        _incomeRecords.Add(record);
        return record;
    }

    /// <summary>Per-capita income of the year against the baseline; null without both.</summary>
    public decimal? IncomeIncrease(int year)
    {
        var record = _incomeRecords.SingleOrDefault(r => r.Year == year);
        return record is null || BaselinePerCapitaIncome is not { } baseline ? null : record.PerCapitaIncome.Yuan - baseline.Yuan;
    }

    private static string MemberName(string? name)
    {
        var trimmed = name?.Trim() ?? string.Empty;
        return trimmed.Length is > 0 and <= Person.NameMaxLength
            ? trimmed
            : throw new DomainException("household.member_name_invalid", "A member's name is 1 to 50 characters.", field: "name");
    }

    private static string Text(string? value, string field)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        return trimmed.Length <= Person.PlaceMaxLength
            ? trimmed
            : throw new DomainException("household.place_too_long", "A township or village name is at most 100 characters.", field: field);
    }
}
