using Sunshine.Domain.Registry;

namespace Sunshine.Application.Registry.ImportPersons;

/// <summary>An import job: its progress and, when checked, its counts and rejected rows.</summary>
public sealed record PersonImportDto(
    Guid Id,
    string FileName,
    ImportFormat Format,
    bool ImportValidRows,
    ImportStatus Status,
    int TotalRows,
    int ProcessedRows,
    int ValidRows,
    int RejectedRows,
    int ImportedRows,
    IReadOnlyList<ImportRejection> Rejections,
    string? FailureCode,
    string? FailureMessage,
    DateTimeOffset RequestedAt,
    DateTimeOffset? FinishedAt);

public static class PersonImportMapping
{
    public static PersonImportDto ToDto(this PersonImport job, bool withRejections = true)
    {
        ArgumentNullException.ThrowIfNull(job);
        return new PersonImportDto(
            job.Id, job.FileName, job.Format, job.ImportValidRows, job.Status, job.TotalRows, job.ProcessedRows, job.ValidRows,
            job.RejectedRows, job.ImportedRows, withRejections ? job.Rejections : [], job.FailureCode, job.FailureMessage, job.RequestedAt, job.FinishedAt);
    }
}
