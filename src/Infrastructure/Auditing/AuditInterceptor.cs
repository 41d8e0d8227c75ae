using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Domain.Auditing;
using Sunshine.Domain.Common;

namespace Sunshine.Infrastructure.Auditing;

/// <summary>
/// Writes audit rows in the same SaveChanges (and so the same transaction) as the changes they
/// describe: one row per changed entity with before/after of its changed fields, plus the entries
/// a use case recorded itself. Who, when and the trace id come from the request.
/// </summary>
public sealed class AuditInterceptor(ICurrentUser user, AuditTrail trail, TimeProvider clock) : SaveChangesInterceptor
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        AddAuditEntries(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        AddAuditEntries(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void AddAuditEntries(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        context.ChangeTracker.DetectChanges();
        var rows = new List<AuditEntry>();
        var now = clock.GetUtcNow();
        var action = trail.Action ?? "System";
        var traceId = Activity.Current?.TraceId.ToHexString();
        var roles = user.Roles.Count > 0 ? string.Join(',', user.Roles) : null;

        AuditEntry Row(string entityType, string? entityId, JsonNode changes) =>
            new(now, user.Id, user.UserName, roles, user.CountyId, action, entityType, entityId, changes.ToJsonString(Json), traceId);

        if (!trail.SummariseEntityChanges)
        {
            foreach (var entry in context.ChangeTracker.Entries().ToList())
            {
                if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)
                    || !AuditModel.IsAudited(entry.Metadata))
                {
                    continue;
                }

                var changes = DescribeChanges(entry);
                if (changes.Count == 0)
                {
                    continue;
                }

                var operation = entry.State switch
                {
                    EntityState.Added => "created",
                    EntityState.Deleted => "deleted",
                    _ => "updated",
                };
                rows.Add(Row(AuditModel.NameOf(entry.Metadata), KeyOf(entry), new JsonObject
                {
                    ["operation"] = operation,
                    ["fields"] = changes,
                }));
            }
        }

        foreach (var (entityType, entityId, details) in trail.TakePending())
        {
            rows.Add(Row(entityType, entityId, JsonSerializer.SerializeToNode(details, Json) ?? new JsonObject()));
        }

        context.Set<AuditEntry>().AddRange(rows);
    }

    private static JsonObject DescribeChanges(EntityEntry entry)
    {
        var fields = new JsonObject();
        foreach (var property in entry.Properties)
        {
            var metadata = property.Metadata;
            if (!AuditModel.IsAudited(metadata) || metadata.IsPrimaryKey())
            {
                continue;
            }

            var name = JsonNamingPolicy.CamelCase.ConvertName(metadata.Name);
            var converter = metadata.GetTypeMapping().Converter;
            JsonNode? Value(object? v) => v switch
            {
                null => null,
                ISensitiveValue sensitive => JsonValue.Create(sensitive.Masked),
                _ => JsonSerializer.SerializeToNode(converter is null ? v : converter.ConvertToProvider(v), Json),
            };

            switch (entry.State)
            {
                case EntityState.Added:
                    fields[name] = new JsonObject { ["after"] = Value(property.CurrentValue) };
                    break;
                case EntityState.Deleted:
                    fields[name] = new JsonObject { ["before"] = Value(property.OriginalValue) };
                    break;
                default:
                    if (property.IsModified && !Equals(property.OriginalValue, property.CurrentValue))
                    {
                        fields[name] = new JsonObject
                        {
                            ["before"] = Value(property.OriginalValue),
                            ["after"] = Value(property.CurrentValue),
                        };
                    }

                    break;
            }
        }

        return fields;
    }

    private static string? KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        if (key is null)
        {
            return null;
        }

        return string.Join('/', key.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString()));
    }
}
