using Sunshine.Domain.Common;

namespace Sunshine.Domain.Attachments;

/// <summary>What an attached document is.</summary>
public enum AttachmentKind
{
    Certificate,
    Receipt,
    Other,
}

/// <summary>
/// A document attached to a record (a certificate, a receipt). The content is encrypted at rest
/// (certificates show ID numbers); reading it is an audited read.
/// </summary>
public sealed class Attachment : Entity, ICountyScoped
{
    public const long MaxBytes = 5 * 1024 * 1024;

    private Attachment()
    {
        OwnerType = null!;
        FileName = null!;
        ContentType = null!;
        Content = null!;
        Sha256 = null!;
    }

    private Attachment(string ownerType, Guid ownerId, Guid countyId, AttachmentKind kind, string fileName, string contentType, byte[] content, string sha256, Guid uploadedById, DateTimeOffset uploadedAt)
    {
        OwnerType = ownerType;
        OwnerId = ownerId;
        CountyId = countyId;
        Kind = kind;
        FileName = fileName;
        ContentType = contentType;
        Content = content;
        Size = content.Length;
        Sha256 = sha256;
        UploadedById = uploadedById;
        UploadedAt = uploadedAt;
    }

    /// <summary>The kind of record it is attached to, e.g. <c>TrainingSubsidyClaim</c>.</summary>
    public string OwnerType { get; private set; }

    public Guid OwnerId { get; private set; }

    public Guid CountyId { get; private set; }

    public AttachmentKind Kind { get; private set; }

    public string FileName { get; private set; }

    /// <summary>Detected from the content, not taken from the upload: application/pdf, image/jpeg or image/png.</summary>
    public string ContentType { get; private set; }

    public byte[] Content { get; private set; }

    public long Size { get; private set; }

    /// <summary>SHA-256 of the content (hex), so an auditor can match a copy.</summary>
    public string Sha256 { get; private set; }

    public Guid UploadedById { get; private set; }

    public DateTimeOffset UploadedAt { get; private set; }

    /// <summary>Accepts a PDF, JPEG or PNG of at most 5 MB, judged by its content.</summary>
    public static Attachment Create(string ownerType, Guid ownerId, Guid countyId, AttachmentKind kind, string? fileName, byte[] content, Guid uploadedById, DateTimeOffset uploadedAt)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length == 0 || content.Length > MaxBytes)
        {
            throw new DomainException("attachment.size", "An attachment is 1 byte to 5 MB.", field: "file");
        }

        var contentType = Sniff(content)
            ?? throw new DomainException("attachment.type", "Attach a PDF, JPEG or PNG file.", field: "file");
        var name = Path.GetFileName(fileName ?? string.Empty).Trim();
        if (name.Length is 0 or > 200)
        {
            throw new DomainException("attachment.name", "The file needs a name of at most 200 characters.", field: "file");
        }

        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
        return new Attachment(ownerType, ownerId, countyId, kind, name, contentType, content, sha, uploadedById, uploadedAt);
    }

    private static string? Sniff(ReadOnlySpan<byte> content) => content switch
    {
        [0x25, 0x50, 0x44, 0x46, 0x2D, ..] => "application/pdf",
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => "image/png",
        _ => null,
    };
}
