using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Sunshine.Application.Common.Exceptions;
using Sunshine.Domain.Common;
using Sunshine.Infrastructure.Persistence;

namespace Sunshine.Api.Hosting;

/// <summary>
/// The one mapping from failures to RFC 9457 problem details (ADR 0005): invalid input 400, not
/// signed in 401, not allowed 403, not found or out of scope 404, conflict with the current state
/// 409, stale If-Match 412, body too large 413, a rule broken by valid input 422, missing If-Match 428,
/// the database out of reach 503 (with <c>Retry-After</c>).
/// </summary>
public sealed partial class ProblemDetailsExceptionHandler(ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var problem = Map(exception, httpContext);
        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            // Expected while the database is stopped or restarting: one line per request, no stack trace.
            LogDatabaseUnavailable(logger, httpContext.Request.Method, httpContext.Request.Path, exception.GetBaseException().Message);
        }
        else if (problem.Status >= StatusCodes.Status500InternalServerError)
        {
            LogUnhandled(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
        }

        await Write(httpContext, problem, cancellationToken);
        return true;
    }

    public static async Task Write(HttpContext httpContext, ApiProblem problem, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(problem);
        httpContext.Response.StatusCode = problem.Status;
        httpContext.Response.ContentType = "application/problem+json";
        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        await JsonSerializer.SerializeAsync(httpContext.Response.Body, problem, ProblemJson.Options, cancellationToken);
    }

    /// <summary>What a 503 asks the caller to wait: a database restart or a fail-over takes seconds.</summary>
    public const int RetryAfterSeconds = 5;

    internal static ApiProblem Map(Exception exception, HttpContext httpContext) => exception switch
    {
        // First: an unreachable database also surfaces wrapped (DbUpdateException, EF's InvalidOperationException).
        _ when DatabaseFailures.IsUnavailable(exception) => Problem(httpContext, 503, "database.unavailable",
            "The database cannot be reached at the moment. Send the request again after the number of seconds in Retry-After (a partner write with the same Idempotency-Key)."),
        RequestValidationException e => Validation(httpContext, e.Errors),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
            Problem(httpContext, 413, "request.too_large", "The request body is larger than this endpoint accepts."),
        BadHttpRequestException { InnerException: JsonException json } => Validation(httpContext,
        [
            new FieldError(JsonPath(json.Path), "request.malformed", "The JSON body is malformed or has a field that does not exist or has the wrong type."),
        ]),
        BadHttpRequestException e => Problem(httpContext, e.StatusCode is >= 400 and < 500 ? e.StatusCode : 400, "request.invalid", e.Message),
        NotAuthenticatedException e when e.Code == "auth.unauthenticated" && SessionRefusal.Of(httpContext) is { } refusal =>
            Problem(httpContext, 401, refusal.Code, refusal.Detail),
        NotAuthenticatedException e => Problem(httpContext, 401, e.Code, e.Message),
        ForbiddenException e => Problem(httpContext, 403, e.Code, e.Message),
        NotFoundException e => Problem(httpContext, 404, e.Code, e.Message, e.Field),
        ConflictException e => Problem(httpContext, 409, e.Code, e.Message, e.Field),
        PreconditionFailedException e => Problem(httpContext, 412, e.Code, e.Message),
        PreconditionRequiredException e => Problem(httpContext, 428, e.Code, e.Message),
        DomainException { Kind: DomainErrorKind.Conflict } e => Problem(httpContext, 409, e.Code, e.Message, e.Field),
        DomainException { Kind: DomainErrorKind.NotAllowed } e => Problem(httpContext, 403, e.Code, e.Message, e.Field),
        DomainException e => Problem(httpContext, 422, e.Code, e.Message, e.Field),
        DbUpdateConcurrencyException => Problem(httpContext, 412, "concurrency.stale", "The record was changed by someone else: reload it and try again."),
        DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique } =>
            UniqueViolation(httpContext, unique.ConstraintName),
        DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.CheckViolation, ConstraintName: "ck_fund_allocations_balance" } } =>
            Problem(httpContext, 409, "fund.insufficient_balance", "The allocation's balance would go below zero: nothing was paid."),
        DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation } } =>
            Problem(httpContext, 409, "conflict.reference", "The record refers to, or is referred to by, another record."),
        _ => Problem(httpContext, 500, "server.error", "An unexpected error occurred. Quote the trace id when reporting it."),
    };

    /// <summary>Unique indexes whose violation (a race the use case's own check could not see) has a specific code.</summary>
    private static readonly Dictionary<string, (string Code, string Field, string Detail)> UniqueIndexes = new(StringComparer.Ordinal)
    {
        ["ix_persons_id_number_index"] = ("person.id_number_taken", "idNumber", "A person with this ID number is already registered."),
        ["ix_persons_certificate_number_index"] = ("person.certificate_number_taken", "certificateNumber", "A person with this certificate number is already registered."),
        ["ix_household_members_person_id"] = ("household.person_in_other_household", "personId", "The person already belongs to a household."),
        ["ix_regions_code"] = ("region.code_taken", "code", "A region with this code already exists."),
        ["ix_benefits_one_time"] = ("benefit.already_granted", "id", "The same benefit was approved for the beneficiary already (it is granted once)."),
        ["ix_enrolments_course_person"] = ("enrolment.duplicate", "personId", "The person is already enrolled in this course."),
        ["ix_policy_versions_programme_id_key_effective_from"] = ("policy.version_exists", "effectiveFrom", "A version taking effect that day exists."),
        ["ix_enterprises_credit_code"] = ("enterprise.credit_code_taken", "creditCode", "An enterprise with this unified social credit code is registered."),
        ["ix_partner_clients_client_id"] = ("partner_client.client_id_taken", "clientId", "A client with this id exists."),
        ["ix_shops_platform_id_platform_shop_id"] = ("shop.platform_shop_id_taken", "platformShopId", "The platform already has a shop with this id."),
        ["ix_work_plan_filings_round_id_county_id"] = ("work_plan.county_repeated", "countyIds", "The county was added to the round at the same moment: reload it."),
        ["ix_sales_records_shop_id_period_start"] = ("sales.period_taken", "period", "The shop's figures for this period were written at the same moment: read them and try again."),
    };

    private static ApiProblem UniqueViolation(HttpContext httpContext, string? constraint) =>
        constraint is not null && UniqueIndexes.TryGetValue(constraint, out var known)
            ? Problem(httpContext, 409, known.Code, known.Detail, known.Field)
            : Problem(httpContext, 409, "conflict.duplicate", "A record with the same key already exists.");

    private static ApiProblem Validation(HttpContext httpContext, IReadOnlyList<FieldError> errors) => new()
    {
        Title = "One or more fields are invalid.",
        Status = 400,
        Code = "validation.failed",
        TraceId = TraceIdOf(httpContext),
        Instance = httpContext.Request.Path,
        Type = TypeOf(400),
        Errors = errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
        FieldErrors = errors,
    };

    internal static ApiProblem Problem(HttpContext httpContext, int status, string code, string detail, string? field = null) => new()
    {
        Title = TitleOf(status),
        Status = status,
        Detail = detail,
        Code = code,
        TraceId = TraceIdOf(httpContext),
        Instance = httpContext.Request.Path,
        Type = TypeOf(status),
        Errors = field is null ? null : new Dictionary<string, string[]> { [field] = [detail] },
        FieldErrors = field is null ? null : [new FieldError(field, code, detail)],
    };

    internal static string TraceIdOf(HttpContext httpContext) => Activity.Current?.TraceId.ToHexString() ?? httpContext.TraceIdentifier;

    internal static string TitleOf(int status) => status switch
    {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        409 => "Conflict",
        412 => "Precondition Failed",
        413 => "Content Too Large",
        415 => "Unsupported Media Type",
        422 => "Unprocessable Content",
        428 => "Precondition Required",
        429 => "Too Many Requests",
        503 => "Service Unavailable",
        _ => "Internal Server Error",
    };

    internal static string TypeOf(int status) => $"https://www.rfc-editor.org/rfc/rfc9110#status.{status}";

    /// <summary>System.Text.Json paths look like <c>$.items[2].amount</c>; fields are named without the <c>$.</c>.</summary>
    private static string JsonPath(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? string.Empty : path.TrimStart('$').TrimStart('.');

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database unavailable in {Method} {Path}: {Reason}")]
    private static partial void LogDatabaseUnavailable(ILogger logger, string method, string path, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled failure in {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);
}

internal static class ProblemJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };
}
