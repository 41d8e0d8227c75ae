using Sunshine.Application.Importing;
using Sunshine.Domain.Importing;

namespace Sunshine.Application.Common.Interfaces;

/// <summary>Reads import files (CSV in UTF-8 or GB18030, XLSX) and writes templates.</summary>
public interface IImportFiles
{
    /// <summary>The header row and the data rows as text cells; throws a domain exception when the file cannot be read.</summary>
    ImportTable Read(byte[] content, ImportFormat format);

    /// <summary>A template with the columns' Chinese headers (in XLSX, with a sheet explaining each column).</summary>
    byte[] Template(ImportColumnSet columns, ImportFormat format);
}

/// <summary>A file's header row and its rows of cells (null for empty cells), in file order.</summary>
public sealed record ImportTable(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string?>> Rows);

/// <summary>Progress of a background import, written outside the import's own transaction so it is visible while it runs.</summary>
public interface IImportProgress
{
    Task ReportAsync(Guid importId, int processedRows, int totalRows, CancellationToken cancellationToken);

    /// <summary>Marks the import failed (an unreadable file, an unexpected error); audited.</summary>
    Task FailAsync(Guid importId, string code, string message, CancellationToken cancellationToken);
}
