using Sunshine.Domain.Importing;

namespace Sunshine.Application.Importing;

/// <summary>An import job: its progress and, when checked, its counts and rejected rows.</summary>
public sealed record ImportJobDto(
    Guid Id,
    ImportKind Kind,
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

public static class ImportJobMapping
{
    public static ImportJobDto ToDto(this ImportJob job, bool withRejections = true)
    {
        ArgumentNullException.ThrowIfNull(job);
        return new ImportJobDto(
            job.Id, job.Kind, job.FileName, job.Format, job.ImportValidRows, job.Status, job.TotalRows, job.ProcessedRows, job.ValidRows,
            job.RejectedRows, job.ImportedRows, withRejections ? job.Rejections : [], job.FailureCode, job.FailureMessage, job.RequestedAt, job.FinishedAt);
    }
}
