using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Common.Interfaces;

namespace Sunshine.Infrastructure.Persistence;

/// <summary>A context of its own for each read, with the request's options and caller (so the same query filters apply).</summary>
public sealed class ParallelReads(DbContextOptions<ApplicationDbContext> options, ISensitiveDataProtector protector, ICurrentUser user) : IParallelReads
{
    public async Task<T> ReadAsync<T>(Func<IApplicationDbContext, Task<T>> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        cancellationToken.ThrowIfCancellationRequested();
        await using var context = new ApplicationDbContext(options, protector, user);
        context.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        return await read(context);
    }
}
