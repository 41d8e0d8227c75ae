namespace Sunshine.Application.Common.Exceptions;

/// <summary>One invalid input field: where, a stable code and a readable message.</summary>
/// <param name="Field">JSON path of the field in camelCase, e.g. <c>name</c> or <c>items[2].amount</c>.</param>
/// <param name="Code">Stable code, e.g. <c>required</c>, <c>too_long</c>, <c>region.code_invalid</c>.</param>
/// <param name="Message">Readable message in the request's language.</param>
public sealed record FieldError(string Field, string Code, string Message);

/// <summary>Malformed or invalid input (400).</summary>
public sealed class RequestValidationException : Exception
{
    public RequestValidationException(IReadOnlyList<FieldError> errors)
        : base("One or more fields are invalid.") => Errors = errors;

    public RequestValidationException(string field, string code, string message)
        : this([new FieldError(field, code, message)])
    {
    }

    public RequestValidationException()
        : this([])
    {
    }

    public RequestValidationException(string message)
        : base(message) => Errors = [];

    public RequestValidationException(string message, Exception innerException)
        : base(message, innerException) => Errors = [];

    public IReadOnlyList<FieldError> Errors { get; }
}

/// <summary>Base for the failures the API maps to a status by kind; each carries a stable code.</summary>
public abstract class CodedException : Exception
{
    protected CodedException(string code, string message)
        : base(message) => Code = code;

    protected CodedException(string message, Exception innerException)
        : base(message, innerException) => Code = "error";

    public string Code { get; }
}

/// <summary>Not signed in, the session expired, or a sign-in failed (401).</summary>
public sealed class NotAuthenticatedException(string code, string message) : CodedException(code, message)
{
    public NotAuthenticatedException()
        : this("auth.unauthenticated", "Sign in first.")
    {
    }
}

/// <summary>Signed in but not allowed to do this (403).</summary>
public sealed class ForbiddenException(string code, string message) : CodedException(code, message);

/// <summary>The record does not exist or lies outside the caller's scope (404): the two look the same.</summary>
public sealed class NotFoundException(string entity, object key, string? field = null)
    : CodedException($"{entity}.not_found", $"No {entity} '{key}' was found.")
{
    public string Entity { get; } = entity;

    /// <summary>The request field that named the missing record, when it was one of several (e.g. <c>ids[3]</c>).</summary>
    public string? Field { get; } = field;
}

/// <summary>Conflicts with the current state (409), detected outside the domain (e.g. a unique key).</summary>
public sealed class ConflictException(string code, string message, string? field = null) : CodedException(code, message)
{
    public string? Field { get; } = field;
}

/// <summary>The <c>If-Match</c> version is not the current one (412).</summary>
public sealed class PreconditionFailedException(string message = "The record was changed by someone else: reload it and try again.")
    : CodedException("concurrency.stale", message);

/// <summary>An update came without <c>If-Match</c> (428).</summary>
public sealed class PreconditionRequiredException(string message = "Send the record's ETag in an If-Match header.")
    : CodedException("concurrency.if_match_required", message);
