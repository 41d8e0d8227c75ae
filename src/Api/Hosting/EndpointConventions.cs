namespace Sunshine.Api.Hosting;

/// <summary>The problem responses an endpoint can give, declared so they appear in openapi.json.</summary>
public static class EndpointConventions
{
    private const string ProblemJsonType = "application/problem+json";

    /// <summary>Every signed-in endpoint: invalid input, not signed in, not allowed.</summary>
    public static RouteHandlerBuilder ProducesStandardProblems(this RouteHandlerBuilder builder) =>
        builder.ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);

    /// <summary>
    /// A file download: 200 with a binary body in each of the media types. The type is needed: without it the generator
    /// writes a 200 with no content, and clients cannot tell a file comes back.
    /// </summary>
    public static RouteHandlerBuilder ProducesFile(this RouteHandlerBuilder builder, string contentType, params string[] additionalContentTypes) =>
        builder.Produces<Microsoft.AspNetCore.Mvc.FileContentResult>(StatusCodes.Status200OK, contentType, additionalContentTypes);

    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder builder, params int[] statuses)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var status in statuses)
        {
            builder.Produces<ApiProblem>(status, ProblemJsonType);
        }

        return builder;
    }
}
