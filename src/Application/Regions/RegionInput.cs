using FluentValidation;
using Sunshine.Domain.Regions;

namespace Sunshine.Application.Regions;

/// <summary>The editable fields of a region, shared by create and update.</summary>
public interface IRegionInput
{
    string Code { get; }

    string Name { get; }

    string NameEn { get; }

    RegionKind Kind { get; }

    Guid? ParentId { get; }

    int SortOrder { get; }
}

public sealed class RegionInputValidator : AbstractValidator<IRegionInput>
{
    public RegionInputValidator()
    {
        RuleFor(x => x.Code).NotEmpty().Matches("^[0-9]{4}[0-9A-Za-z]{2}$").WithErrorCode("region.code_invalid")
            .WithMessage("A region code is six characters: four digits, then two digits or letters.");
        RuleFor(x => x.Name).NotEmpty().MaximumLength(50);
        RuleFor(x => x.NameEn).NotEmpty().MaximumLength(100);
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.ParentId).NotEmpty().When(x => x.Kind != RegionKind.City)
            .WithMessage("A county-level unit must name its city.");
        RuleFor(x => x.ParentId).Null().When(x => x.Kind == RegionKind.City)
            .WithErrorCode("region.parent_not_allowed").WithMessage("A city has no parent region.");
        RuleFor(x => x.SortOrder).InclusiveBetween(0, 10_000);
    }
}
