using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Sunshine.Api.Hosting;
using Sunshine.Application.Programmes.GetProgrammes;

namespace Sunshine.Api.Endpoints;

/// <summary>The programmes (action plans) the system runs.</summary>
public sealed class Programmes : IEndpointGroup
{
    public static string Prefix => "programmes";

    public static string Tag => "Programmes";

    public static void Map(RouteGroupBuilder group)
    {
        group.RequireAuthorization();
        group.MapGet(string.Empty, GetProgrammes).WithName(nameof(GetProgrammes))
            .WithSummary("All programmes, newest first.").ProducesStandardProblems();
    }

    private static async Task<Ok<IReadOnlyList<ProgrammeDto>>> GetProgrammes(ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetProgrammesQuery(), ct));
}
