using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Sunshine.Api.Hosting;
using Sunshine.Application.Bases;
using Sunshine.Application.Common.Paging;
using Sunshine.Domain.Bases;

namespace Sunshine.Api.Endpoints;

/// <summary>Sunshine Employment Poverty-Alleviation Bases (阳光就业扶贫基地), county-scoped.</summary>
public sealed class Bases : IEndpointGroup
{
    public static string Prefix => "bases";

    public static string Tag => "Evidence";

    public static void Map(RouteGroupBuilder group)
    {
        group.RequireAuthorization();
        group.MapGet(string.Empty, GetBases).WithName(nameof(GetBases))
            .WithSummary("Bases in your scope by county, status, recognition year, operating enterprise and name (programme.read).").ProducesStandardProblems();
        group.MapGet("{id:guid}", GetBase).WithName(nameof(GetBase))
            .WithSummary("One base; ETag header (programme.read).").ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPost(string.Empty, CreateBase).WithName(nameof(CreateBase))
            .WithSummary("Register a base of a county, operated by a registered person of that county or an enterprise (programme.write).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);
        group.MapPut("{id:guid}", UpdateBase).WithName(nameof(UpdateBase))
            .WithSummary("Edit a base; send the ETag in If-Match (programme.write).")
            .ProducesStandardProblems()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status412PreconditionFailed, StatusCodes.Status422UnprocessableEntity, StatusCodes.Status428PreconditionRequired);
    }

    private static async Task<Ok<PagedList<BaseDto>>> GetBases([AsParameters] GetBasesQuery query, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(query, ct));

    private static async Task<Ok<BaseDto>> GetBase(Guid id, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var found = await sender.Send(new GetBaseQuery(id), ct);
        response.SetETag(found.Version);
        return TypedResults.Ok(found);
    }

    private static async Task<Created<BaseDto>> CreateBase(CreateBaseCommand command, ISender sender, CancellationToken ct)
    {
        var created = await sender.Send(command, ct);
        return TypedResults.Created($"/api/bases/{created.Id}", created);
    }

    private static async Task<Ok<BaseDto>> UpdateBase(
        Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, BaseRequest request, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var updated = await sender.Send(new UpdateBaseCommand(
            id, ETags.ParseIfMatch(ifMatch), request.Name, request.OperatorPersonId, request.OperatorEnterpriseId, request.RecognisedYear, request.Status, request.Products), ct);
        response.SetETag(updated.Version);
        return TypedResults.Ok(updated);
    }
}

/// <summary>A base's editable fields (its county does not change).</summary>
/// <param name="Name">The base's name.</param>
/// <param name="OperatorPersonId">The registered disabled person who runs it; or</param>
/// <param name="OperatorEnterpriseId">the enterprise that runs it (exactly one of the two).</param>
/// <param name="RecognisedYear">The year it was recognised, 2000 to this year.</param>
/// <param name="Status">Active, suspended or revoked.</param>
/// <param name="Products">What it produces or sells.</param>
public sealed record BaseRequest(string Name, Guid? OperatorPersonId, Guid? OperatorEnterpriseId, int RecognisedYear, BaseStatus Status, string? Products);
