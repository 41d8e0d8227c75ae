using Sunshine.Domain.Common;

namespace Sunshine.Domain.Training;

/// <summary>
/// A training subsidy claim (培训补贴申请): a disabled person paid for socially provided training and
/// obtained a recognised qualification. Its facts; the workflow is the <see cref="Benefits.Benefit"/>
/// with the same id. Facts change only while the benefit is a draft.
/// </summary>
public sealed class TrainingSubsidyClaim : Entity, ICountyScoped
{
    private TrainingSubsidyClaim()
    {
        ProviderName = null!;
        CourseName = null!;
        ReceiptNumber = null!;
        QualificationCode = null!;
        CertificateNumber = null!;
        IssuingAuthority = null!;
    }

    private TrainingSubsidyClaim(Guid benefitId, Guid personId, Guid countyId, TrainingClaimDetails details)
        : this()
    {
        Id = benefitId;
        PersonId = personId;
        CountyId = countyId;
        Apply(details);
    }

    public Guid PersonId { get; private set; }

    public Guid CountyId { get; private set; }

    public string ProviderName { get; private set; }

    public string CourseName { get; private set; }

    public DateOnly TrainingStart { get; private set; }

    public DateOnly TrainingEnd { get; private set; }

    /// <summary>What the person paid for the training.</summary>
    public Money FeePaid { get; private set; }

    /// <summary>The training was socially provided and charged a fee (not the federation's own free course).</summary>
    public bool FeeCharging { get; private set; }

    public string ReceiptNumber { get; private set; }

    /// <summary>The code of the qualification in the recognised table.</summary>
    public string QualificationCode { get; private set; }

    public string CertificateNumber { get; private set; }

    /// <summary>The certificate date: the claim's assessment date.</summary>
    public DateOnly CertificateDate { get; private set; }

    public string IssuingAuthority { get; private set; }

    /// <summary>What "once" means for a training subsidy: one per person and qualification.</summary>
    public string OneTimeKey => OneTimeKeyFor(PersonId, QualificationCode);

    public static string OneTimeKeyFor(Guid personId, string qualificationCode) => $"{personId:N}:{qualificationCode}";

    public static TrainingSubsidyClaim Create(Guid benefitId, Guid personId, Guid countyId, TrainingClaimDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        return new TrainingSubsidyClaim(benefitId, personId, countyId, details);
    }

    public void Update(TrainingClaimDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        Apply(details);
    }

    private void Apply(TrainingClaimDetails details)
    {
        ProviderName = details.ProviderName;
        CourseName = details.CourseName;
        TrainingStart = details.TrainingStart;
        TrainingEnd = details.TrainingEnd;
        FeePaid = details.FeePaid;
        FeeCharging = details.FeeCharging;
        ReceiptNumber = details.ReceiptNumber;
        QualificationCode = details.QualificationCode;
        CertificateNumber = details.CertificateNumber;
        CertificateDate = details.CertificateDate;
        IssuingAuthority = details.IssuingAuthority;
    }
}

/// <summary>The facts a claimant gives, checked for form (the rules judge them).</summary>
public sealed record TrainingClaimDetails
{
    public TrainingClaimDetails(
        string providerName,
        string courseName,
        DateOnly trainingStart,
        DateOnly trainingEnd,
        Money feePaid,
        bool feeCharging,
        string receiptNumber,
        string qualificationCode,
        string certificateNumber,
        DateOnly certificateDate,
        string issuingAuthority)
    {
        ProviderName = Text(providerName, 200, "providerName");
        CourseName = Text(courseName, 200, "courseName");
        ReceiptNumber = Text(receiptNumber, 50, "receiptNumber");
        QualificationCode = Text(qualificationCode, 50, "qualificationCode");
        CertificateNumber = Text(certificateNumber, 50, "certificateNumber");
        IssuingAuthority = Text(issuingAuthority, 200, "issuingAuthority");
        if (trainingEnd < trainingStart)
        {
            throw new DomainException("claim.training_dates_invalid", "The training ends on or after it starts.", field: "trainingEnd");
        }

        TrainingStart = trainingStart;
        TrainingEnd = trainingEnd;
        FeePaid = feePaid;
        FeeCharging = feeCharging;
        CertificateDate = certificateDate;
    }

    public string ProviderName { get; }

    public string CourseName { get; }

    public DateOnly TrainingStart { get; }

    public DateOnly TrainingEnd { get; }

    public Money FeePaid { get; }

    public bool FeeCharging { get; }

    public string ReceiptNumber { get; }

    public string QualificationCode { get; }

    public string CertificateNumber { get; }

    public DateOnly CertificateDate { get; }

    public string IssuingAuthority { get; }

    private static string Text(string? value, int max, string field)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        return trimmed.Length is > 0 && trimmed.Length <= max
            ? trimmed
            : throw new DomainException("claim.text_invalid", $"1 to {max} characters.", field: field);
    }
}
