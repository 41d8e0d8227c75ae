using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Sunshine.Api.Hosting;
using Sunshine.Application.Accounts.GetRoles;

namespace Sunshine.Api.Endpoints;

/// <summary>The role and permission table as the system enforces it.</summary>
public sealed class Roles : IEndpointGroup
{
    public static string Prefix => "roles";

    public static string Tag => "Accounts";

    public static void Map(RouteGroupBuilder group)
    {
        group.RequireAuthorization();
        group.MapGet(string.Empty, GetRoles).WithName(nameof(GetRoles))
            .WithSummary("Every role with its default and grantable permissions.").ProducesStandardProblems();
    }

    private static async Task<Ok<IReadOnlyList<RoleDto>>> GetRoles(ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetRolesQuery(), ct));
}
