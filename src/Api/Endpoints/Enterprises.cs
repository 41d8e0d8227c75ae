using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Sunshine.Api.Hosting;
using Sunshine.Application.Common.Paging;
using Sunshine.Application.Enterprises;
using Sunshine.Application.Evidence;
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
        group.MapGet("{id:guid}/evidence", GetEnterpriseEvidence).WithName(nameof(GetEnterpriseEvidence))
            .WithSummary("The enterprise's recognition evidence: bases with an agreement in force and disabled employees on a date (default today), households whose products it carried stably in a year (default last year) (programme.read).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound);
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

    private static async Task<Ok<EnterpriseEvidenceDto>> GetEnterpriseEvidence(Guid id, ISender sender, CancellationToken ct, DateOnly? date = null, int? year = null) =>
        TypedResults.Ok(await sender.Send(new GetEnterpriseEvidenceQuery(id, date, year), ct));

    private static async Task<Created<EnterpriseDto>> CreateEnterprise(CreateEnterpriseCommand command, ISender sender, CancellationToken ct)
    {
        var enterprise = await sender.Send(command, ct);
        return TypedResults.Created($"/api/enterprises/{enterprise.Id}", enterprise);
    }

    private static async Task<Ok<EnterpriseDto>> UpdateEnterprise(
        Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, EnterpriseRequest request, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var enterprise = await sender.Send(new UpdateEnterpriseCommand(
            id, ETags.ParseIfMatch(ifMatch), request.Name, request.CreditCode, request.CountyId, request.Roles, request.ContactName, request.ContactPhone,
            request.Address, request.RunByPersonId), ct);
        response.SetETag(enterprise.Version);
        return TypedResults.Ok(enterprise);
    }
}

/// <summary>An enterprise's editable fields.</summary>
/// <param name="Name">Its registered name.</param>
/// <param name="CreditCode">Unified social credit code (GB 32100-2015), 18 characters.</param>
/// <param name="CountyId">Its county; null for a platform based outside the city (city officers only).</param>
/// <param name="Roles">What it is to the programme; one or more.</param>
/// <param name="ContactName">Contact person.</param>
/// <param name="ContactPhone">Contact's business phone: a mainland mobile or a landline with area code.</param>
/// <param name="Address">Business address.</param>
/// <param name="RunByPersonId">The registered disabled person who runs it (残疾人创办), if so.</param>
public sealed record EnterpriseRequest(
    string Name, string CreditCode, Guid? CountyId, IReadOnlyList<EnterpriseRoles> Roles, string? ContactName = null, string? ContactPhone = null,
    string? Address = null, Guid? RunByPersonId = null);
