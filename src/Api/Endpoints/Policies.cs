using System.Text.Json;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Sunshine.Api.Hosting;
using Sunshine.Application.Policies;
using Sunshine.Application.Policies.CreatePolicyVersion;
using Sunshine.Application.Policies.GetPolicyVersions;
using Sunshine.Application.Policies.GetTrainingQualifications;
using Sunshine.Application.Policies.UpdatePolicyVersion;
using Sunshine.Domain.Policies;

namespace Sunshine.Api.Endpoints;

/// <summary>The policy store: versioned parameters of a programme (thresholds, amounts, standard tables).</summary>
public sealed class Policies : IEndpointGroup
{
    public static string Prefix => "policies";

    public static string Tag => "Policies";

    public static void Map(RouteGroupBuilder group)
    {
        group.RequireAuthorization();
        group.MapGet(string.Empty, GetPolicyVersions).WithName(nameof(GetPolicyVersions))
            .WithSummary("Every version of the policy parameters, by key and effective date.").ProducesStandardProblems();
        group.MapPost(string.Empty, CreatePolicyVersion).WithName(nameof(CreatePolicyVersion))
            .WithSummary("Add a version of a parameter, in force from its effective date (decisions.city).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        group.MapPut("{id:guid}", UpdatePolicyVersion).WithName(nameof(UpdatePolicyVersion))
            .WithSummary("Edit a version no decision has used; send the ETag in If-Match (decisions.city). A used version is 409.")
            .ProducesStandardProblems()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed,
                StatusCodes.Status422UnprocessableEntity, StatusCodes.Status428PreconditionRequired);
        group.MapGet("training-qualifications", GetTrainingQualifications).WithName(nameof(GetTrainingQualifications))
            .WithSummary("The recognised qualifications and their standard subsidy in force on a date.").ProducesStandardProblems();
    }

    private static async Task<Ok<IReadOnlyList<PolicyVersionDto>>> GetPolicyVersions(ISender sender, CancellationToken ct, PolicyKey? key = null) =>
        TypedResults.Ok(await sender.Send(new GetPolicyVersionsQuery(key), ct));

    private static async Task<Created<PolicyVersionDto>> CreatePolicyVersion(CreatePolicyVersionCommand command, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var version = await sender.Send(command, ct);
        response.SetETag(version.Version);
        return TypedResults.Created($"/api/policies/{version.Id}", version);
    }

    private static async Task<Ok<PolicyVersionDto>> UpdatePolicyVersion(
        Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, UpdatePolicyVersionRequest request, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var version = await sender.Send(new UpdatePolicyVersionCommand(id, ETags.ParseIfMatch(ifMatch), request.EffectiveFrom, request.Content, request.Note), ct);
        response.SetETag(version.Version);
        return TypedResults.Ok(version);
    }

    private static async Task<Ok<QualificationsInForceDto>> GetTrainingQualifications(DateOnly on, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetTrainingQualificationsQuery(on), ct));
}

/// <summary>A version's effective date, content (its shape depends on the key) and note.</summary>
public sealed record UpdatePolicyVersionRequest(DateOnly EffectiveFrom, JsonElement Content, string? Note);
