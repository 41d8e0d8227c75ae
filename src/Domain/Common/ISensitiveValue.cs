namespace Sunshine.Domain.Common;

/// <summary>A value that is sensitive personal information: shown masked, never in logs or the audit trail in full.</summary>
public interface ISensitiveValue
{
    /// <summary>The normalised full value.</summary>
    string Value { get; }

    /// <summary>The value with the identifying part hidden.</summary>
    string Masked { get; }
}
