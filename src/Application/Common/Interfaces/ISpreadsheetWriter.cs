namespace Sunshine.Application.Common.Interfaces;

/// <summary>A file produced for download: its name, media type and bytes.</summary>
public sealed record ExportFile(string FileName, string ContentType, byte[] Content)
{
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public const string Csv = "text/csv; charset=utf-8";
}

/// <summary>One sheet of a workbook: its name, headers and rows in order.</summary>
public sealed record SpreadsheetSheet(string Name, IReadOnlyList<string> Headers, IEnumerable<IReadOnlyList<object?>> Rows);

/// <summary>Writes XLSX exports (Chinese headers, rows in order) and CSV (UTF-8 with a byte-order mark, so spreadsheet programs read the Chinese).</summary>
public interface ISpreadsheetWriter
{
    byte[] Write(string sheetName, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows);

    byte[] Write(IReadOnlyList<SpreadsheetSheet> sheets);

    byte[] WriteCsv(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows);
}
