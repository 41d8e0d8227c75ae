namespace Sunshine.Application.Common.Interfaces;

/// <summary>A file produced for download: its name, media type and bytes.</summary>
public sealed record ExportFile(string FileName, string ContentType, byte[] Content)
{
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}

/// <summary>Writes XLSX exports (one sheet, Chinese headers, rows in order).</summary>
public interface ISpreadsheetWriter
{
    byte[] Write(string sheetName, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows);
}
