using Sunshine.Domain.Benefits;
using Sunshine.Domain.Common;

namespace Sunshine.Domain.Funds;

/// <summary>The level of government whose disability employment security fund (残疾人就业保障金) an allocation comes from.</summary>
public enum FundLevel
{
    Province,
    City,
    County,
}

/// <summary>
/// An allocation (资金下达) from the disability employment security fund to the programme: its year,
/// the level it comes from, the county it was allocated to (none: held by the city for city-level
/// awards), the amount and the allocating document. What has been paid out of it is kept with it, in
/// the same transaction as each payment: the balance never goes below zero.
/// </summary>
public sealed class FundAllocation : Entity, IOptionallyCountyScoped
{
    public const int DocumentMaxLength = 100;
    public const int NoteMaxLength = 500;
    public const int FirstYear = 2000;

    private FundAllocation()
    {
        DocumentNumber = null!;
        Note = null!;
    }

    public int Year { get; private set; }

    public FundLevel Level { get; private set; }

    /// <summary>The county the funds were allocated to; null when the city holds them (city-level awards).</summary>
    public Guid? CountyId { get; private set; }

    public Money Amount { get; private set; }

    /// <summary>What has been paid out net of reversals; never more than <see cref="Amount"/>, never negative.</summary>
    public Money Disbursed { get; private set; }

    public Money Balance => Money.Round(Amount.Yuan - Disbursed.Yuan);

    /// <summary>The allocating document's number (文号).</summary>
    public string DocumentNumber { get; private set; }

    public string Note { get; private set; }

    public Guid CreatedById { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static FundAllocation Create(
        int year, FundLevel level, Guid? countyId, Money amount, string documentNumber, string? note, Guid createdById, DateTimeOffset createdAt, DateOnly today)
    {
        if (!Enum.IsDefined(level))
        {
            throw new DomainException("fund.level_unknown", "Unknown fund level.", field: "level");
        }

        if (year < FirstYear || year > today.Year + 1)
        {
            throw new DomainException("fund.year_invalid", $"The year is from {FirstYear} to next year.", field: "year");
        }

        if (level == FundLevel.County && countyId is null)
        {
            throw new DomainException("fund.county_required", "A county-level allocation belongs to its county.", field: "countyId");
        }

        if (amount <= Money.Zero)
        {
            throw new DomainException("fund.amount_invalid", "An allocation is more than 0.00.", field: "amount");
        }

        return new FundAllocation
        {
            Year = year,
            Level = level,
            CountyId = countyId,
            Amount = amount,
            Disbursed = Money.Zero,
            DocumentNumber = Text.Required(documentNumber, DocumentMaxLength, "fund.document_invalid", "documentNumber"),
            Note = Text.Optional(note, NoteMaxLength, "fund.note_too_long", "note") ?? string.Empty,
            CreatedById = createdById,
            CreatedAt = createdAt,
        };
    }

    /// <summary>
    /// Who pays from what: county-level benefits from allocations to the beneficiary's county (of any
    /// level: co-funding); city-level benefits from the city's allocations.
    /// </summary>
    public bool MayPay(BenefitLevel level, Guid beneficiaryCountyId) =>
        level == BenefitLevel.County ? CountyId == beneficiaryCountyId : CountyId is null;

    internal void Disburse(Money part, string field)
    {
        if (part > Balance)
        {
            throw new DomainException(
                "fund.insufficient_balance", $"The allocation {DocumentNumber} has {Balance} left, less than {part}.", DomainErrorKind.Conflict, field);
        }

        Disbursed = Disbursed + part;
    }

    internal void Restore(Money part)
    {
        if (part > Disbursed)
        {
            throw new InvalidOperationException("A reversal cannot restore more than was paid out.");
        }

        Disbursed = Money.Round(Disbursed.Yuan - part.Yuan);
    }
}
