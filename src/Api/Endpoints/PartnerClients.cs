using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Sunshine.Api.Hosting;
using Sunshine.Application.Partners;

namespace Sunshine.Api.Endpoints;

/// <summary>Partner platforms' API clients (OAuth 2.0 client credentials), managed by city officers.</summary>
public sealed class PartnerClients : IEndpointGroup
{
    public static string Prefix => "partner-clients";

    public static string Tag => "Partners";

    public static void Map(RouteGroupBuilder group)
    {
        group.RequireAuthorization();
        group.MapGet(string.Empty, GetPartnerClients).WithName(nameof(GetPartnerClients))
            .WithSummary("Partner API clients, by platform (programme.read). Secrets are never shown here.").ProducesStandardProblems();
        group.MapPost(string.Empty, CreatePartnerClient).WithName(nameof(CreatePartnerClient))
            .WithSummary("Create a client for a partner platform; the answer holds its secret, shown this once (partners.manage).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);
        group.MapPost("{id:guid}/secret", RotatePartnerClientSecret).WithName(nameof(RotatePartnerClientSecret))
            .WithSummary("Issue a new secret; the old one and its tokens stop working (partners.manage).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        group.MapPost("{id:guid}/revocation", RevokePartnerClient).WithName(nameof(RevokePartnerClient))
            .WithSummary("Revoke a client: no new tokens, and its tokens stop working at once (partners.manage).")
            .ProducesStandardProblems().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
    }

    private static async Task<Ok<IReadOnlyList<PartnerClientDto>>> GetPartnerClients(ISender sender, CancellationToken ct, Guid? platformId = null) =>
        TypedResults.Ok(await sender.Send(new GetPartnerClientsQuery(platformId), ct));

    private static async Task<Created<PartnerClientSecretDto>> CreatePartnerClient(CreatePartnerClientCommand command, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var created = await sender.Send(command, ct);
        response.Headers.CacheControl = "no-store";
        return TypedResults.Created($"/api/partner-clients/{created.Client.Id}", created);
    }

    private static async Task<Ok<PartnerClientSecretDto>> RotatePartnerClientSecret(Guid id, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var rotated = await sender.Send(new RotatePartnerClientSecretCommand(id), ct);
        response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(rotated);
    }

    private static async Task<Ok<PartnerClientDto>> RevokePartnerClient(Guid id, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new RevokePartnerClientCommand(id), ct));
}
