using Sunshine.Domain.Common;

namespace Sunshine.Domain.Importing;

/// <summary>What an import file holds.</summary>
public enum ImportKind
{
    Persons,
    Sales,
}

public enum ImportStatus
{
    Queued,
    Processing,
    Completed,
    Failed,
}

public enum ImportFormat
{
    Csv,
    Xlsx,
}

/// <summary>One rejected row of an import: where, which field, and why (never the value itself).</summary>
public sealed record ImportRejection(int Row, string Field, string Code, string Message);

/// <summary>
/// An import from a CSV or XLSX file (people, sales), processed in the background. The file itself
/// is never stored (it may hold ID numbers in clear); the job keeps the counts and the rejected
/// rows. It belongs to the county of the officer who started it (the city for city officers).
/// </summary>
public sealed class ImportJob : Entity, ICountyScoped
{
    public const int MaxRows = 50_000;
    public const int MaxRejectionsKept = 5_000;

    private List<ImportRejection> _rejections = [];

    private ImportJob()
    {
        FileName = null!;
    }

    private ImportJob(ImportKind kind, Guid countyId, string fileName, ImportFormat format, bool importValidRows, Guid requestedById, DateTimeOffset requestedAt)
    {
        Kind = kind;
        CountyId = countyId;
        FileName = fileName;
        Format = format;
        ImportValidRows = importValidRows;
        RequestedById = requestedById;
        RequestedAt = requestedAt;
        Status = ImportStatus.Queued;
    }

    public ImportKind Kind { get; private set; }

    public Guid CountyId { get; private set; }

    public string FileName { get; private set; }

    public ImportFormat Format { get; private set; }

    /// <summary>Write the valid rows even when some rows are rejected; otherwise all or nothing.</summary>
    public bool ImportValidRows { get; private set; }

    public ImportStatus Status { get; private set; }

    public int TotalRows { get; private set; }

    public int ProcessedRows { get; private set; }

    public int ValidRows { get; private set; }

    public int RejectedRows { get; private set; }

    public int ImportedRows { get; private set; }

    public IReadOnlyList<ImportRejection> Rejections => _rejections;

    /// <summary>Why the import failed, as a stable code (e.g. <c>import.columns_missing</c>).</summary>
    public string? FailureCode { get; private set; }

    public string? FailureMessage { get; private set; }

    public Guid RequestedById { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    public static ImportJob Start(ImportKind kind, Guid countyId, string fileName, ImportFormat format, bool importValidRows, Guid requestedById, DateTimeOffset requestedAt)
    {
        var name = Path.GetFileName(fileName ?? string.Empty).Trim();
        if (name.Length is 0 or > 200)
        {
            throw new DomainException("import.file_name_invalid", "The file needs a name of at most 200 characters.", field: "file");
        }

        return new ImportJob(kind, countyId, name, format, importValidRows, requestedById, requestedAt);
    }

    /// <summary>
    /// Records the outcome of checking every row. Nothing is imported while a row is rejected,
    /// unless the officer chose to import the valid rows.
    /// </summary>
    /// <returns>Whether the valid rows are to be written.</returns>
    public bool Checked(int totalRows, int validRows, IReadOnlyList<ImportRejection> rejections)
    {
        ArgumentNullException.ThrowIfNull(rejections);
        EnsureStatus(ImportStatus.Queued, ImportStatus.Processing);
        TotalRows = totalRows;
        ProcessedRows = totalRows;
        ValidRows = validRows;
        RejectedRows = rejections.Select(r => r.Row).Distinct().Count();
        _rejections = rejections.OrderBy(r => r.Row).Take(MaxRejectionsKept).ToList();
        Status = ImportStatus.Processing;
        return validRows > 0 && (RejectedRows == 0 || ImportValidRows);
    }

    public void Complete(int importedRows, DateTimeOffset at)
    {
        EnsureStatus(ImportStatus.Processing);
        ImportedRows = importedRows;
        Status = ImportStatus.Completed;
        FinishedAt = at;
    }

    /// <summary>The file could not be processed; nothing was imported.</summary>
    public void Fail(string code, string message, DateTimeOffset at)
    {
        EnsureStatus(ImportStatus.Queued, ImportStatus.Processing);
        FailureCode = code;
        FailureMessage = message.Length > 1000 ? message[..1000] : message;
        ImportedRows = 0;
        Status = ImportStatus.Failed;
        FinishedAt = at;
    }

    private void EnsureStatus(params ImportStatus[] allowed)
    {
        if (!allowed.Contains(Status))
        {
            throw new DomainException("import.state", $"The import is {Status}.", DomainErrorKind.Conflict);
        }
    }
}
