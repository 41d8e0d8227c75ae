using System.Globalization;
using System.Text.Json;
using Sunshine.Domain.Common;
using Sunshine.Domain.Policies;

namespace Sunshine.Domain.Loans;

/// <summary>
/// The interest-subsidy parameters of one loan programme (content of
/// <see cref="PolicyKey.MicrocreditInterestSubsidy"/> and <see cref="PolicyKey.EntrepreneurLoanInterestSubsidy"/>):
/// the share of the interest that is subsidised, an optional cap on the rate the interest is
/// computed at, and the maximum term and principal that are subsidised.
/// Stored as <c>{"subsidyShare": 0.5, "subsidisedRateCap": 0.0435, "maximumTermMonths": 36, "maximumPrincipal": 50000.00}</c>;
/// <c>subsidisedRateCap</c> may be null or left out (no cap).
/// </summary>
public sealed record InterestSubsidyPolicy
{
    private const string Shape =
        "The content is {\"subsidyShare\", \"subsidisedRateCap\" (or null), \"maximumTermMonths\", \"maximumPrincipal\"}.";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public InterestSubsidyPolicy(decimal subsidyShare, decimal? subsidisedRateCap, int maximumTermMonths, Money maximumPrincipal)
    {
        if (!Rates.IsValid(subsidyShare, oneAllowed: true))
        {
            throw new DomainException("policy.subsidy_share_invalid", "The subsidy share is above 0 and at most 1 (0.5 is half), with at most 6 decimals.", field: "subsidyShare");
        }

        if (subsidisedRateCap is { } cap && !Rates.IsValid(cap, oneAllowed: false))
        {
            throw new DomainException("policy.rate_cap_invalid", "The subsidised-rate cap is an annual rate above 0 and below 1, with at most 6 decimals, or none.", field: "subsidisedRateCap");
        }

        if (maximumTermMonths is < 1 or > Loan.MaxTermMonths)
        {
            throw new DomainException("policy.maximum_term_invalid", $"The maximum term is 1 to {Loan.MaxTermMonths} months.", field: "maximumTermMonths");
        }

        if (maximumPrincipal <= Money.Zero)
        {
            throw new DomainException("policy.maximum_principal_invalid", "The maximum principal is more than 0.00.", field: "maximumPrincipal");
        }

        SubsidyShare = subsidyShare;
        SubsidisedRateCap = subsidisedRateCap;
        MaximumTermMonths = maximumTermMonths;
        MaximumPrincipal = maximumPrincipal;
    }

    /// <summary>The subsidised share of the interest, in (0, 1]: 1 is full subsidy (全额贴息).</summary>
    public decimal SubsidyShare { get; }

    /// <summary>When set, interest is computed at the lower of the loan's rate and this annual rate.</summary>
    public decimal? SubsidisedRateCap { get; }

    /// <summary>Interest is subsidised for at most this many months from the loan's start.</summary>
    public int MaximumTermMonths { get; }

    /// <summary>Interest is subsidised on at most this much outstanding principal.</summary>
    public Money MaximumPrincipal { get; }

    /// <summary>The policy key holding a programme's parameters.</summary>
    public static PolicyKey KeyFor(LoanProgramme programme) => programme switch
    {
        LoanProgramme.PovertyAlleviationMicrocredit => PolicyKey.MicrocreditInterestSubsidy,
        LoanProgramme.DisabledEntrepreneurInterestSubsidy => PolicyKey.EntrepreneurLoanInterestSubsidy,
        _ => throw new ArgumentOutOfRangeException(nameof(programme), programme, "Unknown loan programme."),
    };

    /// <summary>Reads and checks stored content; content of another shape is a field error on <c>content</c>.</summary>
    public static InterestSubsidyPolicy FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            return FromJson(document.RootElement);
        }
        catch (JsonException)
        {
            throw new DomainException("policy.content_invalid", Shape, field: "content");
        }
    }

    /// <inheritdoc cref="FromJson(string)"/>
    public static InterestSubsidyPolicy FromJson(JsonElement content)
    {
        StoredPolicy? stored;
        try
        {
            stored = content.Deserialize<StoredPolicy>(Json);
        }
        catch (JsonException)
        {
            stored = null;
        }

        if (stored is not { SubsidyShare: { } share, MaximumTermMonths: { } term, MaximumPrincipal: { } principal })
        {
            throw new DomainException("policy.content_invalid", Shape, field: "content");
        }

        return new InterestSubsidyPolicy(share, stored.SubsidisedRateCap, term, Money.FromYuan(principal, "maximumPrincipal"));
    }

    public string ToJson() => JsonSerializer.Serialize(new StoredPolicy(SubsidyShare, SubsidisedRateCap, MaximumTermMonths, MaximumPrincipal.Yuan), Json);

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{LoanText.Percent(SubsidyShare)} of the interest, rate capped at {(SubsidisedRateCap is { } cap ? LoanText.Percent(cap) : "none")}, at most {MaximumTermMonths} months and {LoanText.Yuan(MaximumPrincipal)}");

    private sealed record StoredPolicy(decimal? SubsidyShare, decimal? SubsidisedRateCap, int? MaximumTermMonths, decimal? MaximumPrincipal);
}
