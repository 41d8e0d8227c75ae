using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Common.Concurrency;
using Sunshine.Application.Common.Exceptions;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Security;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Common;
using Sunshine.Domain.Regions;

namespace Sunshine.Application.Regions.UpdateRegion;

/// <summary>Edits a region; <c>ExpectedVersion</c> is the ETag from <c>If-Match</c>.</summary>
[RequiresPermission(Permissions.RegionsManage)]
public sealed record UpdateRegionCommand(
    Guid Id,
    uint? ExpectedVersion,
    string Code,
    string Name,
    string NameEn,
    RegionKind Kind,
    Guid? ParentId,
    int SortOrder,
    bool IsActive) : ICommand<RegionDto>, IRegionInput;

public sealed class UpdateRegionValidator : AbstractValidator<UpdateRegionCommand>
{
    public UpdateRegionValidator()
    {
        Include(new RegionInputValidator());
        RuleFor(x => x.ParentId).NotEqual(x => x.Id).WithErrorCode("region.parent_invalid")
            .WithMessage("A region cannot be its own parent.");
    }
}

public sealed class UpdateRegionHandler(IApplicationDbContext db) : ICommandHandler<UpdateRegionCommand, RegionDto>
{
    public async ValueTask<RegionDto> Handle(UpdateRegionCommand command, CancellationToken cancellationToken)
    {
        var region = await db.Regions.FirstOrDefaultAsync(r => r.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("region", command.Id);
        db.EnsureCurrent(region, command.ExpectedVersion);

        var code = RegionCode.Create(command.Code);
        if (await db.Regions.AnyAsync(r => r.Code == code && r.Id != region.Id, cancellationToken))
        {
            throw new ConflictException("region.code_taken", $"A region with code {code} already exists.", "code");
        }

        Region? parent = null;
        if (command.ParentId is { } parentId)
        {
            parent = await db.Regions.FirstOrDefaultAsync(r => r.Id == parentId, cancellationToken)
                ?? throw new DomainException("region.parent_invalid", "The parent region does not exist.", field: "parentId");
        }

        region.Update(code, command.Name, command.NameEn, command.Kind, parent, command.SortOrder, command.IsActive);
        await db.SaveChangesAsync(cancellationToken);
        return region.ToDto();
    }
}
