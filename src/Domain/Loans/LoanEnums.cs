namespace Sunshine.Domain.Loans;

/// <summary>The loan programme whose interest subsidy a loan can receive.</summary>
public enum LoanProgramme
{
    /// <summary>Poverty-alleviation microcredit (扶贫小额信贷) of registered-poor households who sell online.</summary>
    PovertyAlleviationMicrocredit,

    /// <summary>Interest subsidy of disabled entrepreneurs' business loans (残疾人创业贷款贴息).</summary>
    DisabledEntrepreneurInterestSubsidy,
}

/// <summary>How the loan contract turns an annual rate into a day's interest: actual days over 360 or 365.</summary>
public enum DayCountBasis
{
    /// <summary>Actual days / 360 (the usual basis of RMB loans).</summary>
    Actual360,

    /// <summary>Actual days / 365, also in leap years.</summary>
    Actual365,
}
