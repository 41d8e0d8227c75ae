namespace Sunshine.Application.Common.Interfaces;

/// <summary>
/// Independent reads of one request run side by side: each call gets its own short-lived context (and
/// connection) for the same caller, not tracking, disposed when the read is done. For read-only work whose
/// parts do not depend on each other (a statistics table); a context is never shared between two reads.
/// </summary>
public interface IParallelReads
{
    Task<T> ReadAsync<T>(Func<IApplicationDbContext, Task<T>> read, CancellationToken cancellationToken);
}
