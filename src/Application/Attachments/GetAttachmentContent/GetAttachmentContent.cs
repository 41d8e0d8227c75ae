using Mediator;
using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Common.Exceptions;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Security;
using Sunshine.Domain.AccessControl;

namespace Sunshine.Application.Attachments.GetAttachmentContent;

/// <summary>An attachment's content for download.</summary>
public sealed record AttachmentContentDto(string FileName, string ContentType, byte[] Content);

/// <summary>Opens an attached document. Documents show personal data, so every opening is an audit row.</summary>
[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record GetAttachmentContentCommand(Guid Id) : ICommand<AttachmentContentDto>, IAuditedRead;

public sealed class GetAttachmentContentHandler(IApplicationDbContext db, IAuditTrail audit) : ICommandHandler<GetAttachmentContentCommand, AttachmentContentDto>
{
    public async ValueTask<AttachmentContentDto> Handle(GetAttachmentContentCommand command, CancellationToken cancellationToken)
    {
        var attachment = await db.Attachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("attachment", command.Id);
        audit.Record("Attachment", attachment.Id.ToString(), new { operation = "opened", owner = attachment.OwnerType, ownerId = attachment.OwnerId });
        return new AttachmentContentDto(attachment.FileName, attachment.ContentType, attachment.Content);
    }
}
