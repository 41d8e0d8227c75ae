namespace Sunshine.Api.Hosting;

/// <summary>Problem details for error statuses produced without a body (challenge, forbid, unknown route, rate limit).</summary>
public static class StatusCodeProblems
{
    public static IApplicationBuilder UseStatusCodeProblems(this IApplicationBuilder app) =>
        app.UseStatusCodePages(async context =>
        {
            var http = context.HttpContext;
            var status = http.Response.StatusCode;
            var (code, detail) = status switch
            {
                401 when SessionRefusal.Of(http) is { } refusal => refusal,
                401 => ("auth.unauthenticated", "Sign in first, or send a valid bearer token."),
                403 => ("auth.forbidden", "You may not do this."),
                404 => ("route.not_found", "There is no such address."),
                405 => ("request.method_not_allowed", "This address does not accept that method."),
                413 => ("request.too_large", "The request body is larger than this endpoint accepts."),
                415 => ("request.unsupported_media_type", "Send the body as application/json."),
                429 => ("request.rate_limited", "Too many requests: wait a moment and try again."),
                _ => ("request.failed", "The request failed."),
            };
            await ProblemDetailsExceptionHandler.Write(
                http,
                ProblemDetailsExceptionHandler.Problem(http, status, code, detail),
                http.RequestAborted);
        });
}

/// <summary>The code and message of a 401 for a staff session the session check refused (ADR 0015).</summary>
public static class SessionRefusal
{
    public static (string Code, string Detail)? Of(HttpContext http) => Sunshine.Infrastructure.Identity.StaffSessions.RefusalOf(http) switch
    {
        Sunshine.Infrastructure.Identity.StaffSessions.IdleTimeoutCode => (Sunshine.Infrastructure.Identity.StaffSessions.IdleTimeoutCode,
            "The session ended after a period without activity. Sign in again."),
        Sunshine.Infrastructure.Identity.StaffSessions.ExpiredCode => (Sunshine.Infrastructure.Identity.StaffSessions.ExpiredCode,
            "The session reached its maximum length. Sign in again."),
        { } code => (code, "The session has ended. Sign in again."),
        null => null,
    };
}
