using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Sunshine.Api.Hosting;
using Sunshine.Application.Common.Paging;
using Sunshine.Application.Enterprises;
using Sunshine.Domain.Enterprises;

namespace Sunshine.Api.Endpoints;

/// <summary>Enterprises: partner platforms, e-commerce enterprises, parks, training providers, incubators.</summary>
public sealed class Enterprises : IEndpointGroup
{
    public static string Prefix => "enterprises";

    public static string Tag => "Enterprises";

    public static void Map(RouteGroupBuilder group)
    {
        group.RequireAuthorization();
        group.MapGet(string.Empty, GetEnterprises).WithName(nameof(GetEnterprises))
            .WithSummary("Enterprises by role, county and name (programme.read).").ProducesStandardProblems();
        group.MapGet("{id:guid}", GetEnterprise).WithName(nameof(GetEnterprise))
            .WithSummary("One enterprise; ETag header (programme.read).").ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPost(string.Empty, CreateEnterprise).WithName(nameof(CreateEnterprise))
            .WithSummary("Register an enterprise; its unified social credit code is checked (programme.write).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        group.MapPut("{id:guid}", UpdateEnterprise).WithName(nameof(UpdateEnterprise))
            .WithSummary("Edit an enterprise of your county; send the ETag in If-Match (programme.write).")
            .ProducesStandardProblems()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed,
                StatusCodes.Status422UnprocessableEntity, StatusCodes.Status428PreconditionRequired);
    }

    private static async Task<Ok<PagedList<EnterpriseDto>>> GetEnterprises([AsParameters] GetEnterprisesQuery query, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(query, ct));

    private static async Task<Ok<EnterpriseDto>> GetEnterprise(Guid id, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var enterprise = await sender.Send(new GetEnterpriseQuery(id), ct);
        response.SetETag(enterprise.Version);
        return TypedResults.Ok(enterprise);
    }

    private static async Task<Created<EnterpriseDto>> CreateEnterprise(CreateEnterpriseCommand command, ISender sender, CancellationToken ct)
    {
        var enterprise = await sender.Send(command, ct);
        return TypedResults.Created($"/api/enterprises/{enterprise.Id}", enterprise);
    }

    private static async Task<Ok<EnterpriseDto>> UpdateEnterprise(
        Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, EnterpriseRequest request, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var enterprise = await sender.Send(new UpdateEnterpriseCommand(id, ETags.ParseIfMatch(ifMatch), request.Name, request.CreditCode, request.CountyId, request.Roles), ct);
        response.SetETag(enterprise.Version);
        return TypedResults.Ok(enterprise);
    }
}

/// <summary>An enterprise's editable fields.</summary>
public sealed record EnterpriseRequest(string Name, string CreditCode, Guid? CountyId, IReadOnlyList<EnterpriseRoles> Roles);
