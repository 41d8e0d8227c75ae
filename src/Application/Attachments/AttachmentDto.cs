using Sunshine.Domain.Attachments;

namespace Sunshine.Application.Attachments;

/// <summary>An attached document's description (its content is fetched separately, as an audited read).</summary>
public sealed record AttachmentDto(Guid Id, AttachmentKind Kind, string FileName, string ContentType, long Size, string Sha256, DateTimeOffset UploadedAt);

/// <summary>The records documents can be attached to, and who owns them.</summary>
public interface IAttachmentOwners
{
    /// <summary>The county of an owner the caller may change, or an exception (404 when not visible, 409 when no longer editable).</summary>
    Task<Guid> RequireWritableOwnerAsync(string ownerType, Guid ownerId, CancellationToken cancellationToken);
}
