using System.Text.Json;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Common.Paging;
using Sunshine.Application.Common.Security;
using Sunshine.Domain.AccessControl;

namespace Sunshine.Application.Auditing.GetAuditEntries;

/// <summary>One audit row. <c>Changes</c> holds the changed fields with before/after, or a batch summary.
/// <c>Sequence</c> and <c>Hash</c> are null until the sealer has chained the row (within seconds of its commit).</summary>
public sealed record AuditEntryDto(
    long Id,
    long? Sequence,
    DateTimeOffset OccurredAt,
    Guid? ActorId,
    string? ActorName,
    string? ActorRole,
    Guid? CountyId,
    string Action,
    string EntityType,
    string? EntityId,
    JsonElement Changes,
    string? TraceId,
    string? Hash);

/// <summary>Reads the audit trail, newest first, filtered by entity, actor, action and time range.</summary>
[RequiresPermission(Permissions.AuditRead)]
public sealed record GetAuditEntriesQuery(
    string? EntityType = null,
    string? EntityId = null,
    Guid? ActorId = null,
    string? Action = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    int Page = 1,
    int PageSize = Paging.DefaultPageSize) : IQuery<PagedList<AuditEntryDto>>, IPagedRequest;

public sealed class GetAuditEntriesValidator : AbstractValidator<GetAuditEntriesQuery>
{
    public GetAuditEntriesValidator()
    {
        this.AddPagingRules();
        RuleFor(x => x.To).GreaterThanOrEqualTo(x => x.From).When(x => x.From is not null && x.To is not null)
            .WithErrorCode("audit.range_invalid").WithMessage("'to' must not be before 'from'.");
        RuleFor(x => x.EntityType).MaximumLength(100);
        RuleFor(x => x.EntityId).MaximumLength(100);
        RuleFor(x => x.Action).MaximumLength(100);
    }
}

public sealed class GetAuditEntriesHandler(IApplicationDbContext db) : IQueryHandler<GetAuditEntriesQuery, PagedList<AuditEntryDto>>
{
    public async ValueTask<PagedList<AuditEntryDto>> Handle(GetAuditEntriesQuery query, CancellationToken cancellationToken)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.EntityType))
        {
            entries = entries.Where(e => e.EntityType == query.EntityType);
        }

        if (!string.IsNullOrWhiteSpace(query.EntityId))
        {
            entries = entries.Where(e => e.EntityId == query.EntityId);
        }

        if (query.ActorId is { } actor)
        {
            entries = entries.Where(e => e.ActorId == actor);
        }

        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            entries = entries.Where(e => e.Action == query.Action);
        }

        if (query.From is { } from)
        {
            entries = entries.Where(e => e.OccurredAt >= from.ToUniversalTime());
        }

        if (query.To is { } to)
        {
            entries = entries.Where(e => e.OccurredAt <= to.ToUniversalTime());
        }

        // Newest first by id: rows are sealed some seconds after they are written, so the sequence is not there yet.
        var page = await entries.OrderByDescending(e => e.Id).ToPagedListAsync(query.Page, query.PageSize, cancellationToken);

        return new PagedList<AuditEntryDto>(
            page.Items.Select(e => new AuditEntryDto(
                e.Id, e.Sequence, e.OccurredAt, e.ActorId, e.ActorName, e.ActorRole, e.CountyId, e.Action, e.EntityType,
                e.EntityId, JsonDocument.Parse(e.Changes).RootElement.Clone(), e.TraceId, e.Hash is null ? null : Convert.ToHexStringLower(e.Hash))).ToList(),
            page.Page,
            page.PageSize,
            page.TotalCount);
    }
}
