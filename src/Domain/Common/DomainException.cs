namespace Sunshine.Domain.Common;

/// <summary>What kind of rule a domain exception reports. The API maps each kind to one HTTP status.</summary>
public enum DomainErrorKind
{
    /// <summary>Valid input that breaks a programme rule (an award threshold, a date order).</summary>
    RuleBroken,

    /// <summary>The request conflicts with the current state: a duplicate, a full course, a wrong workflow state.</summary>
    Conflict,

    /// <summary>The caller may not do this, for example deciding their own submission (maker-checker).</summary>
    NotAllowed,
}

/// <summary>A broken domain invariant, with a stable code that clients can rely on.</summary>
public class DomainException : Exception
{
    public DomainException(string code, string message, DomainErrorKind kind = DomainErrorKind.RuleBroken, string? field = null)
        : base(message)
    {
        Code = code;
        Kind = kind;
        Field = field;
    }

    public DomainException()
        : this("domain.error", "A domain rule was broken.")
    {
    }

    public DomainException(string message)
        : this("domain.error", message)
    {
    }

    public DomainException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "domain.error";
    }

    /// <summary>Stable, dot-separated error code, e.g. <c>region.code_taken</c>.</summary>
    public string Code { get; }

    public DomainErrorKind Kind { get; }

    /// <summary>The input field the rule concerns, when there is one (camelCase, as in the JSON body).</summary>
    public string? Field { get; }
}
