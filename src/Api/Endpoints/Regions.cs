using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Sunshine.Api.Hosting;
using Sunshine.Application.Regions;
using Sunshine.Application.Regions.CreateRegion;
using Sunshine.Application.Regions.GetRegion;
using Sunshine.Application.Regions.GetRegions;
using Sunshine.Application.Regions.UpdateRegion;
using Sunshine.Domain.Regions;

namespace Sunshine.Api.Endpoints;

/// <summary>Changde City and its county-level units: reference data, edited by the system administrator.</summary>
public sealed class Regions : IEndpointGroup
{
    public static string Prefix => "regions";

    public static string Tag => "Regions";

    public static void Map(RouteGroupBuilder group)
    {
        group.RequireAuthorization();
        group.MapGet(string.Empty, GetRegions).WithName(nameof(GetRegions))
            .WithSummary("All regions: the city first, then its county-level units.").ProducesStandardProblems();
        group.MapGet("{id:guid}", GetRegion).WithName(nameof(GetRegion))
            .WithSummary("One region; the ETag header carries its version.").ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPost(string.Empty, CreateRegion).WithName(nameof(CreateRegion))
            .WithSummary("Add a region (regions.manage).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        group.MapPut("{id:guid}", UpdateRegion).WithName(nameof(UpdateRegion))
            .WithSummary("Edit a region (regions.manage). Send the ETag from GET in If-Match.")
            .ProducesStandardProblems()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed,
                StatusCodes.Status422UnprocessableEntity, StatusCodes.Status428PreconditionRequired);
    }

    private static async Task<Ok<IReadOnlyList<RegionDto>>> GetRegions(ISender sender, CancellationToken ct, bool includeInactive = false) =>
        TypedResults.Ok(await sender.Send(new GetRegionsQuery(includeInactive), ct));

    private static async Task<Ok<RegionDto>> GetRegion(Guid id, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var region = await sender.Send(new GetRegionQuery(id), ct);
        response.SetETag(region.Version);
        return TypedResults.Ok(region);
    }

    private static async Task<Created<RegionDto>> CreateRegion(CreateRegionCommand command, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var region = await sender.Send(command, ct);
        response.SetETag(region.Version);
        return TypedResults.Created($"/api/regions/{region.Id}", region);
    }

    private static async Task<Ok<RegionDto>> UpdateRegion(
        Guid id,
        [FromHeader(Name = "If-Match")] string? ifMatch,
        UpdateRegionRequest request,
        ISender sender,
        HttpResponse response,
        CancellationToken ct)
    {
        var region = await sender.Send(
            new UpdateRegionCommand(id, ETags.ParseIfMatch(ifMatch), request.Code, request.Name, request.NameEn, request.Kind,
                request.ParentId, request.SortOrder, request.IsActive),
            ct);
        response.SetETag(region.Version);
        return TypedResults.Ok(region);
    }
}

/// <summary>A region's editable fields.</summary>
public sealed record UpdateRegionRequest(string Code, string Name, string NameEn, RegionKind Kind, Guid? ParentId, int SortOrder, bool IsActive);
