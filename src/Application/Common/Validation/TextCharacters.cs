using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using Sunshine.Application.Common.Exceptions;

namespace Sunshine.Application.Common.Validation;

/// <summary>
/// Finds text no field can hold in every string of a request, however deeply nested: NUL characters (U+0000), which
/// PostgreSQL cannot store in text columns, and text Unicode normalisation refuses (an unpaired surrogate, U+FFFE), which
/// made sign-in's user-name normalisation throw. Either was a 500 instead of invalid input. Only the application's own
/// types are walked (and never file content).
/// </summary>
public static class TextCharacters
{
    public const string NulCode = "text.nul_character";
    public const string InvalidCode = "text.invalid_character";
    private const string NulMessage = "Text must not contain NUL characters (U+0000).";
    private const string InvalidMessage = "Text must be well-formed Unicode (no unpaired surrogates or U+FFFE).";
    private const int MaxDepth = 16;
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    public static List<FieldError> Find(object message)
    {
        var errors = new List<FieldError>();
        Walk(message, string.Empty, errors, 0);
        return errors;
    }

    private static bool IsWellFormed(string text)
    {
        try
        {
            _ = text.IsNormalized();
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void Walk(object? value, string path, List<FieldError> errors, int depth)
    {
        switch (value)
        {
            case null or byte[] or Stream:
                return;
            case string text:
                if (text.Contains('\0', StringComparison.Ordinal))
                {
                    errors.Add(new FieldError(FieldNames.ToJsonPath(path), NulCode, NulMessage));
                }
                else if (!IsWellFormed(text))
                {
                    errors.Add(new FieldError(FieldNames.ToJsonPath(path), InvalidCode, InvalidMessage));
                }

                return;
        }

        if (depth >= MaxDepth)
        {
            return;
        }

        if (value is IDictionary dictionary)
        {
            foreach (DictionaryEntry entry in dictionary)
            {
                Walk(entry.Key, $"{path}.{entry.Key}", errors, depth + 1);
                Walk(entry.Value, $"{path}.{entry.Key}", errors, depth + 1);
            }

            return;
        }

        if (value is IEnumerable items)
        {
            var index = 0;
            foreach (var item in items)
            {
                Walk(item, $"{path}[{index++}]", errors, depth + 1);
            }

            return;
        }

        var type = value.GetType();
        if (type.Namespace?.StartsWith("Sunshine.", StringComparison.Ordinal) != true || type.IsEnum)
        {
            return;
        }

        foreach (var property in Properties.GetOrAdd(type, static t => t
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
            .ToArray()))
        {
            Walk(property.GetValue(value), path.Length == 0 ? property.Name : $"{path}.{property.Name}", errors, depth + 1);
        }
    }
}
