using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Domain.Common;
using Sunshine.Infrastructure.Persistence.Configurations;

namespace Sunshine.Infrastructure.Security;

/// <summary>Keeps each sensitive column's blind index equal to the keyed hash of its current value.</summary>
public sealed class SensitiveIndexInterceptor(ISensitiveDataProtector protector) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        UpdateIndexes(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        UpdateIndexes(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void UpdateIndexes(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        context.ChangeTracker.DetectChanges();
        foreach (var entry in context.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            foreach (var property in entry.Properties)
            {
                if (property.Metadata.FindAnnotation(SensitiveMappings.IndexAnnotation)?.Value is not string indexName
                    || (entry.State == EntityState.Modified && !property.IsModified))
                {
                    continue;
                }

                var kind = Enum.Parse<SensitiveKind>((string)property.Metadata.FindAnnotation(SensitiveMappings.KindAnnotation)!.Value!);
                entry.Property(indexName).CurrentValue = property.CurrentValue is ISensitiveValue value
                    ? protector.BlindIndex(kind, value.Value)
                    : null;
            }
        }
    }
}
