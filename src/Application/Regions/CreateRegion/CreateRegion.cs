using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Common.Exceptions;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Security;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Common;
using Sunshine.Domain.Regions;

namespace Sunshine.Application.Regions.CreateRegion;

/// <summary>Adds a region (a new county-level unit or zone, or a city for a later roll-out).</summary>
[RequiresPermission(Permissions.RegionsManage)]
public sealed record CreateRegionCommand(string Code, string Name, string NameEn, RegionKind Kind, Guid? ParentId, int SortOrder)
    : ICommand<RegionDto>, IRegionInput;

public sealed class CreateRegionValidator : AbstractValidator<CreateRegionCommand>
{
    public CreateRegionValidator() => Include(new RegionInputValidator());
}

public sealed class CreateRegionHandler(IApplicationDbContext db) : ICommandHandler<CreateRegionCommand, RegionDto>
{
    public async ValueTask<RegionDto> Handle(CreateRegionCommand command, CancellationToken cancellationToken)
    {
        var code = RegionCode.Create(command.Code);
        if (await db.Regions.AnyAsync(r => r.Code == code, cancellationToken))
        {
            throw new ConflictException("region.code_taken", $"A region with code {code} already exists.", "code");
        }

        Region region;
        if (command.Kind == RegionKind.City)
        {
            region = Region.CreateCity(code, command.Name, command.NameEn, command.SortOrder);
        }
        else
        {
            var parent = await db.Regions.FirstOrDefaultAsync(r => r.Id == command.ParentId, cancellationToken)
                ?? throw new DomainException("region.parent_invalid", "The parent region does not exist.", field: "parentId");
            region = Region.CreateCountyLevel(code, command.Name, command.NameEn, command.Kind, parent, command.SortOrder);
        }

        db.Regions.Add(region);
        await db.SaveChangesAsync(cancellationToken);
        return region.ToDto();
    }
}
