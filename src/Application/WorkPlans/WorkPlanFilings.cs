using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Common.Exceptions;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Security;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Attachments;
using Sunshine.Domain.WorkPlans;

namespace Sunshine.Application.WorkPlans;

/// <summary>One county's filing with its status today.</summary>
[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record GetWorkPlanFilingQuery(Guid Id) : IQuery<WorkPlanFilingDto>;

public sealed class GetWorkPlanFilingHandler(IApplicationDbContext db, TimeProvider clock) : IQueryHandler<GetWorkPlanFilingQuery, WorkPlanFilingDto>
{
    public async ValueTask<WorkPlanFilingDto> Handle(GetWorkPlanFilingQuery query, CancellationToken cancellationToken) =>
        await db.ToDtoAsync(await db.RequireFilingAsync(query.Id, cancellationToken), clock.Today(), cancellationToken);
}

/// <summary>
/// Uploads the county's plan document — a PDF or DOCX of at most 20 MB, judged by its content — while
/// the plan is with the county (not yet submitted, or returned). A new upload replaces the current
/// document; earlier ones are kept.
/// </summary>
[RequiresPermission(Permissions.ProgrammeWrite)]
public sealed record UploadWorkPlanDocumentCommand(Guid FilingId, string FileName, byte[] Content) : ICommand<WorkPlanFilingDto>;

public sealed class UploadWorkPlanDocumentValidator : AbstractValidator<UploadWorkPlanDocumentCommand>
{
    public UploadWorkPlanDocumentValidator()
    {
        RuleFor(x => x.FileName).NotEmpty().MaximumLength(200).OverridePropertyName("file");
        RuleFor(x => x.Content.Length).InclusiveBetween(1, (int)AttachmentRule.WorkPlan.MaxBytes).OverridePropertyName("file")
            .WithErrorCode("attachment.size").WithMessage(AttachmentRule.WorkPlan.SizeMessage);
    }
}

public sealed class UploadWorkPlanDocumentHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<UploadWorkPlanDocumentCommand, WorkPlanFilingDto>
{
    public async ValueTask<WorkPlanFilingDto> Handle(UploadWorkPlanDocumentCommand command, CancellationToken cancellationToken)
    {
        var filing = await db.RequireFilingAsync(command.FilingId, cancellationToken);
        var document = Attachment.Create(WorkPlanFiling.AttachmentOwner, filing.Id, filing.CountyId, AttachmentKind.WorkPlan, command.FileName, command.Content,
            user.Id ?? throw new NotAuthenticatedException(), clock.GetUtcNow());
        filing.AttachDocument(document.Id);
        db.Attachments.Add(document);
        await db.SaveChangesAsync(cancellationToken);
        return await db.ToDtoAsync(filing, clock.Today(), cancellationToken);
    }
}

/// <summary>The plan document for download.</summary>
public sealed record WorkPlanDocumentContentDto(string FileName, string ContentType, byte[] Content);

/// <summary>Opens a filing's current plan document; every opening is an audit row.</summary>
[RequiresPermission(Permissions.ProgrammeRead)]
public sealed record DownloadWorkPlanDocumentCommand(Guid FilingId) : ICommand<WorkPlanDocumentContentDto>, IAuditedRead;

public sealed class DownloadWorkPlanDocumentHandler(IApplicationDbContext db, IAuditTrail audit) : ICommandHandler<DownloadWorkPlanDocumentCommand, WorkPlanDocumentContentDto>
{
    public async ValueTask<WorkPlanDocumentContentDto> Handle(DownloadWorkPlanDocumentCommand command, CancellationToken cancellationToken)
    {
        var filing = await db.WorkPlanFilings.AsNoTracking().FirstOrDefaultAsync(f => f.Id == command.FilingId, cancellationToken)
            ?? throw new NotFoundException("work_plan_filing", command.FilingId);
        var document = filing.DocumentId is { } id
            ? await db.Attachments.AsNoTracking().SingleAsync(a => a.Id == id, cancellationToken)
            : throw new NotFoundException("work_plan_document", command.FilingId);
        audit.Record(nameof(Attachment), document.Id.ToString(), new { operation = "opened", owner = document.OwnerType, ownerId = filing.Id });
        return new WorkPlanDocumentContentDto(document.FileName, document.ContentType, document.Content);
    }
}

/// <summary>The county submits its uploaded plan to the city (decisions.county). Late submissions are accepted and shown as late.</summary>
[RequiresPermission(Permissions.CountyDecide)]
public sealed record SubmitWorkPlanCommand(Guid FilingId) : ICommand<WorkPlanFilingDto>;

public sealed class SubmitWorkPlanHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<SubmitWorkPlanCommand, WorkPlanFilingDto>
{
    public async ValueTask<WorkPlanFilingDto> Handle(SubmitWorkPlanCommand command, CancellationToken cancellationToken)
    {
        var filing = await db.RequireFilingAsync(command.FilingId, cancellationToken);
        filing.Submit(user.Id ?? throw new NotAuthenticatedException(), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await db.ToDtoAsync(filing, clock.Today(), cancellationToken);
    }
}

/// <summary>The city files (备案) a submitted plan (decisions.city).</summary>
[RequiresPermission(Permissions.CityDecide)]
public sealed record FileWorkPlanCommand(Guid FilingId) : ICommand<WorkPlanFilingDto>;

public sealed class FileWorkPlanHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<FileWorkPlanCommand, WorkPlanFilingDto>
{
    public async ValueTask<WorkPlanFilingDto> Handle(FileWorkPlanCommand command, CancellationToken cancellationToken)
    {
        var filing = await db.RequireFilingAsync(command.FilingId, cancellationToken);
        filing.File(user.Id ?? throw new NotAuthenticatedException(), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await db.ToDtoAsync(filing, clock.Today(), cancellationToken);
    }
}

/// <summary>The city returns a submitted plan to the county with a reason (decisions.city); the county may upload again and re-submit.</summary>
[RequiresPermission(Permissions.CityDecide)]
public sealed record ReturnWorkPlanCommand(Guid FilingId, string Reason) : ICommand<WorkPlanFilingDto>;

public sealed class ReturnWorkPlanValidator : AbstractValidator<ReturnWorkPlanCommand>
{
    public ReturnWorkPlanValidator() => RuleFor(x => x.Reason).NotEmpty().MaximumLength(WorkPlanFiling.ReasonMaxLength);
}

public sealed class ReturnWorkPlanHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<ReturnWorkPlanCommand, WorkPlanFilingDto>
{
    public async ValueTask<WorkPlanFilingDto> Handle(ReturnWorkPlanCommand command, CancellationToken cancellationToken)
    {
        var filing = await db.RequireFilingAsync(command.FilingId, cancellationToken);
        filing.Return(user.Id ?? throw new NotAuthenticatedException(), clock.GetUtcNow(), command.Reason);
        await db.SaveChangesAsync(cancellationToken);
        return await db.ToDtoAsync(filing, clock.Today(), cancellationToken);
    }
}
