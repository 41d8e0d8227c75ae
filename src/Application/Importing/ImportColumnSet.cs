using Sunshine.Domain.Common;

namespace Sunshine.Application.Importing;

/// <summary>One column of an import file: the Chinese header of the template, the English alias, what it holds.</summary>
public sealed record ImportColumn(string Field, string Header, string HeaderEn, bool Required, string Explanation);

/// <summary>
/// The columns of one kind of import file: the template's sheet name and columns, and how a file's
/// headers (Chinese or English, case and spaces ignored) map to fields.
/// </summary>
public sealed class ImportColumnSet(string sheetName, IReadOnlyList<ImportColumn> columns)
{
    public string SheetName { get; } = sheetName;

    public IReadOnlyList<ImportColumn> Columns { get; } = columns;

    /// <summary>The field a file's header names, if any.</summary>
    public string? FieldOf(string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var normalised = header.Trim().Replace(" ", string.Empty, StringComparison.Ordinal)
            .Replace("(", "（", StringComparison.Ordinal).Replace(")", "）", StringComparison.Ordinal);
        return Columns.FirstOrDefault(c =>
            string.Equals(c.Header, normalised, StringComparison.Ordinal)
            || string.Equals(c.HeaderEn, normalised, StringComparison.OrdinalIgnoreCase)
            || string.Equals(c.Field, normalised, StringComparison.OrdinalIgnoreCase))?.Field;
    }

    /// <summary>Field → column index of a file's headers; a missing required column fails the whole file.</summary>
    public Dictionary<string, int> Map(IReadOnlyList<string> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < headers.Count; i++)
        {
            if (FieldOf(headers[i]) is { } field && !map.ContainsKey(field))
            {
                map[field] = i;
            }
        }

        var missing = Columns.Where(c => c.Required && !map.ContainsKey(c.Field)).Select(c => c.Header).ToList();
        if (missing.Count > 0)
        {
            throw new DomainException("import.columns_missing", "The file lacks the columns: " + string.Join("、", missing) + ". Use the template.", field: "file");
        }

        return map;
    }

    /// <summary>A row's cell for a field, trimmed; null when the column is absent or the cell empty.</summary>
    public static string? Cell(IReadOnlyList<string?> cells, Dictionary<string, int> map, string field)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(map);
        return map.TryGetValue(field, out var i) && i < cells.Count && !string.IsNullOrWhiteSpace(cells[i]) ? cells[i]!.Trim() : null;
    }
}
