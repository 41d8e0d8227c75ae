using FluentValidation;
using Mediator;
using Sunshine.Application.Common.Exceptions;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Security;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Attachments;

namespace Sunshine.Application.Attachments.AddAttachment;

/// <summary>Attaches evidence — a PDF, JPEG or PNG of at most 5 MB, judged by its content — to a record the caller may change.</summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record AddAttachmentCommand(string OwnerType, Guid OwnerId, AttachmentKind Kind, string FileName, byte[] Content) : ICommand<AttachmentDto>;

public sealed class AddAttachmentValidator : AbstractValidator<AddAttachmentCommand>
{
    public AddAttachmentValidator()
    {
        // Work plans are uploaded through their filing (their own limit and types), never as claim evidence.
        RuleFor(x => x.Kind).IsInEnum().NotEqual(AttachmentKind.WorkPlan).WithErrorCode("attachment.kind_invalid")
            .WithMessage("Attach a certificate, a receipt or another document.");
        RuleFor(x => x.FileName).NotEmpty().MaximumLength(200).OverridePropertyName("file");
        RuleFor(x => x.Content.Length).InclusiveBetween(1, (int)AttachmentRule.Evidence.MaxBytes).OverridePropertyName("file")
            .WithErrorCode("attachment.size").WithMessage(AttachmentRule.Evidence.SizeMessage);
    }
}

public sealed class AddAttachmentHandler(IApplicationDbContext db, IAttachmentOwners owners, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<AddAttachmentCommand, AttachmentDto>
{
    public async ValueTask<AttachmentDto> Handle(AddAttachmentCommand command, CancellationToken cancellationToken)
    {
        var county = await owners.RequireWritableOwnerAsync(command.OwnerType, command.OwnerId, cancellationToken);
        var attachment = Attachment.Create(command.OwnerType, command.OwnerId, county, command.Kind, command.FileName, command.Content,
            user.Id ?? throw new NotAuthenticatedException(), clock.GetUtcNow());
        db.Attachments.Add(attachment);
        await db.SaveChangesAsync(cancellationToken);
        return new AttachmentDto(attachment.Id, attachment.Kind, attachment.FileName, attachment.ContentType, attachment.Size, attachment.Sha256, attachment.UploadedAt);
    }
}
