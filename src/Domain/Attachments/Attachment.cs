using System.IO.Compression;
using Sunshine.Domain.Common;

namespace Sunshine.Domain.Attachments;

/// <summary>What an attached document is.</summary>
public enum AttachmentKind
{
    Certificate,
    Receipt,
    Other,

    /// <summary>A county's work plan (工作方案) filed with the city.</summary>
    WorkPlan,
}

/// <summary>What may be attached as a kind: the largest size and the content types accepted, judged by content.</summary>
public sealed record AttachmentRule(long MaxBytes, IReadOnlyList<string> ContentTypes, string SizeMessage, string TypeMessage)
{
    public const string Pdf = "application/pdf";
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>Evidence attached to claims: certificates, receipts and the like.</summary>
    public static readonly AttachmentRule Evidence = new(5 * 1024 * 1024, [Pdf, Jpeg, Png], "An attachment is 1 byte to 5 MB.", "Attach a PDF, JPEG or PNG file.");

    /// <summary>Work plans: a PDF or a Word document (DOCX) of up to 20 MB.</summary>
    public static readonly AttachmentRule WorkPlan = new(20 * 1024 * 1024, [Pdf, Docx], "A work plan is 1 byte to 20 MB.", "A work plan is a PDF or a Word (DOCX) file.");

    public static AttachmentRule For(AttachmentKind kind) => kind == AttachmentKind.WorkPlan ? WorkPlan : Evidence;
}

/// <summary>
/// A document attached to a record (a certificate, a receipt). The content is encrypted at rest
/// (certificates show ID numbers); reading it is an audited read.
/// </summary>
public sealed class Attachment : Entity, ICountyScoped
{
    public const int ContentTypeMaxLength = 100;

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

    /// <summary>Detected from the content, not taken from the upload: PDF, JPEG, PNG or DOCX (see <see cref="AttachmentRule"/>).</summary>
    public string ContentType { get; private set; }

    public byte[] Content { get; private set; }

    public long Size { get; private set; }

    /// <summary>SHA-256 of the content (hex), so an auditor can match a copy.</summary>
    public string Sha256 { get; private set; }

    public Guid UploadedById { get; private set; }

    public DateTimeOffset UploadedAt { get; private set; }

    /// <summary>Accepts what the kind's <see cref="AttachmentRule"/> allows, judged by the content, never by the name.</summary>
    public static Attachment Create(string ownerType, Guid ownerId, Guid countyId, AttachmentKind kind, string? fileName, byte[] content, Guid uploadedById, DateTimeOffset uploadedAt)
    {
        ArgumentNullException.ThrowIfNull(content);
        var rule = AttachmentRule.For(kind);
        if (content.Length == 0 || content.Length > rule.MaxBytes)
        {
            throw new DomainException("attachment.size", rule.SizeMessage, field: "file");
        }

        var contentType = Sniff(content) is { } sniffed && rule.ContentTypes.Contains(sniffed)
            ? sniffed
            : throw new DomainException("attachment.type", rule.TypeMessage, field: "file");
        var name = Path.GetFileName(fileName ?? string.Empty).Trim();
        if (name.Length is 0 or > 200)
        {
            throw new DomainException("attachment.name", "The file needs a name of at most 200 characters.", field: "file");
        }

        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
        return new Attachment(ownerType, ownerId, countyId, kind, name, contentType, content, sha, uploadedById, uploadedAt);
    }

    /// <summary>The content type the bytes show, or null when they are none of the accepted ones.</summary>
    public static string? Sniff(byte[] content) => content switch
    {
        [0x25, 0x50, 0x44, 0x46, 0x2D, ..] => AttachmentRule.Pdf,
        [0xFF, 0xD8, 0xFF, ..] => AttachmentRule.Jpeg,
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => AttachmentRule.Png,
        [0x50, 0x4B, 0x03, 0x04, ..] when IsWordDocument(content) => AttachmentRule.Docx,
        _ => null,
    };

    /// <summary>
    /// A DOCX is a ZIP package with <c>[Content_Types].xml</c> and <c>word/document.xml</c>. Only the
    /// ZIP directory is read (nothing is decompressed), and a package of more entries than any plan has
    /// is not read further. A package with macros (<c>word/vbaProject.bin</c>, a renamed .docm) is refused.
    /// </summary>
    private static bool IsWordDocument(byte[] content)
    {
        const int MaxEntries = 10_000;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > MaxEntries)
            {
                return false;
            }

            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            return names.Contains("[Content_Types].xml") && names.Contains("word/document.xml") && !names.Contains("word/vbaProject.bin");
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}
