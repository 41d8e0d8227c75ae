namespace Sunshine.Domain.Evidence;

/// <summary>The counts the award rules and the statistics read from the evidence records.</summary>
public static class EvidenceCounts
{
    /// <summary>The default of the stable-link minimum: products carried in at least 6 months of the year.</summary>
    public const int DefaultStableLinkMonths = 6;

    /// <summary>
    /// Distinct households whose products were carried (product supply or protective-price purchasing,
    /// with an amount recorded) in at least <paramref name="minimumMonths"/> distinct months of
    /// <paramref name="year"/> — several links to one household count their months together once.
    /// </summary>
    public static int StablyLinkedHouseholds(IEnumerable<(Guid HouseholdId, DateOnly Month)> productMonths, int year, int minimumMonths)
    {
        ArgumentNullException.ThrowIfNull(productMonths);
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumMonths, 1);
        return productMonths
            .Where(m => m.Month.Year == year)
            .Distinct()
            .GroupBy(m => m.HouseholdId)
            .Count(g => g.Count() >= minimumMonths);
    }
}
