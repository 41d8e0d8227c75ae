using System.Text.Json.Serialization;
using Sunshine.Application.Common.Exceptions;

namespace Sunshine.Api.Hosting;

/// <summary>
/// The error body of every failed request (RFC 9457 problem details). <c>code</c> is stable and
/// names the rule; <c>traceId</c> finds the request in the logs; invalid fields are listed in
/// <c>errors</c> (messages by field) and <c>fieldErrors</c> (with a code each).
/// </summary>
public sealed class ApiProblem
{
    public string? Type { get; init; }

    public required string Title { get; init; }

    public required int Status { get; init; }

    public string? Detail { get; init; }

    public string? Instance { get; init; }

    /// <summary>Stable error code, e.g. <c>validation.failed</c>, <c>region.code_taken</c>, <c>concurrency.stale</c>.</summary>
    public required string Code { get; init; }

    /// <summary>W3C trace id of the request, also in the server logs.</summary>
    public required string TraceId { get; init; }

    /// <summary>Messages by field (camelCase JSON path), for invalid input.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IDictionary<string, string[]>? Errors { get; init; }

    /// <summary>The same field errors with a stable code each.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<FieldError>? FieldErrors { get; init; }
}

/// <summary>
/// A problem answered as a result rather than thrown, for the rare failure that must keep a header set before it: the
/// exception handler clears the response, and with it a cookie (the first step of a sign-in with a second factor).
/// </summary>
public sealed class ProblemResult(int status, string code, string detail) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext) =>
        ProblemDetailsExceptionHandler.Write(httpContext, ProblemDetailsExceptionHandler.Problem(httpContext, status, code, detail), httpContext.RequestAborted);
}
