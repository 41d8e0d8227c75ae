using FluentValidation;
using Sunshine.Application.Attachments;
using Sunshine.Application.Benefits;
using Sunshine.Domain.Common;
using Sunshine.Domain.Training;

namespace Sunshine.Application.Training;

/// <summary>A training subsidy claim: its facts, its place in the benefit workflow (same id), its attachments.</summary>
public sealed record TrainingClaimDto(
    Guid Id,
    Guid PersonId,
    string PersonName,
    Guid CountyId,
    string ProviderName,
    string CourseName,
    DateOnly TrainingStart,
    DateOnly TrainingEnd,
    decimal FeePaid,
    bool FeeCharging,
    string ReceiptNumber,
    string QualificationCode,
    string CertificateNumber,
    DateOnly CertificateDate,
    string IssuingAuthority,
    BenefitDto Benefit,
    IReadOnlyList<AttachmentDto> Attachments,
    uint Version);

/// <summary>The facts of a claim, shared by create and update.</summary>
public interface ITrainingClaimInput
{
    string ProviderName { get; }

    string CourseName { get; }

    DateOnly TrainingStart { get; }

    DateOnly TrainingEnd { get; }

    decimal FeePaid { get; }

    bool FeeCharging { get; }

    string ReceiptNumber { get; }

    string QualificationCode { get; }

    string CertificateNumber { get; }

    DateOnly CertificateDate { get; }

    string IssuingAuthority { get; }
}

public sealed class TrainingClaimInputValidator : AbstractValidator<ITrainingClaimInput>
{
    public TrainingClaimInputValidator()
    {
        RuleFor(x => x.ProviderName).NotEmpty().MaximumLength(200);
        RuleFor(x => x.CourseName).NotEmpty().MaximumLength(200);
        RuleFor(x => x.TrainingStart).NotEmpty();
        RuleFor(x => x.TrainingEnd).NotEmpty().GreaterThanOrEqualTo(x => x.TrainingStart).WithErrorCode("claim.training_dates_invalid")
            .WithMessage("The training ends on or after it starts.");
        RuleFor(x => x.FeePaid).InclusiveBetween(0m, 1_000_000m).PrecisionScale(12, 2, ignoreTrailingZeros: true);
        RuleFor(x => x.ReceiptNumber).NotEmpty().MaximumLength(50);
        RuleFor(x => x.QualificationCode).NotEmpty().MaximumLength(50);
        RuleFor(x => x.CertificateNumber).NotEmpty().MaximumLength(50);
        RuleFor(x => x.CertificateDate).NotEmpty();
        RuleFor(x => x.IssuingAuthority).NotEmpty().MaximumLength(200);
    }
}

public static class TrainingClaimMapping
{
    public static TrainingClaimDetails ToDetails(this ITrainingClaimInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new TrainingClaimDetails(input.ProviderName, input.CourseName, input.TrainingStart, input.TrainingEnd,
            Money.FromYuan(input.FeePaid, "feePaid"), input.FeeCharging, input.ReceiptNumber, input.QualificationCode, input.CertificateNumber,
            input.CertificateDate, input.IssuingAuthority);
    }
}
