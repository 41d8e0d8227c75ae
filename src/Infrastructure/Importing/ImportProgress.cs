using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Domain.Importing;
using Sunshine.Infrastructure.Persistence;

namespace Sunshine.Infrastructure.Importing;

/// <summary>Writes import progress through a separate DbContext, outside the import's transaction.</summary>
public sealed class ImportProgress(IServiceScopeFactory scopes, TimeProvider clock) : IImportProgress
{
    public async Task ReportAsync(Guid importId, int processedRows, int totalRows, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();

        // Progress is bookkeeping, not a fact of the programme: updated in place, not audited.
        await db.ImportJobs.IgnoreQueryFilters()
            .Where(j => j.Id == importId)
            .ExecuteUpdateAsync(
                s => s.SetProperty(j => j.Status, ImportStatus.Processing).SetProperty(j => j.ProcessedRows, processedRows).SetProperty(j => j.TotalRows, totalRows),
                cancellationToken);
    }

    public async Task FailAsync(Guid importId, string code, string message, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        scope.ServiceProvider.GetRequiredService<IAuditTrail>().Action = "FailImport";
        var job = await db.ImportJobs.IgnoreQueryFilters().FirstOrDefaultAsync(j => j.Id == importId, cancellationToken);
        if (job is null)
        {
            return;
        }

        job.Fail(code, message, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }
}
