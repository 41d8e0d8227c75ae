using Sunshine.Application.Common.Exceptions;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Domain.Common;

namespace Sunshine.Application.Common.Concurrency;

/// <summary>Optimistic concurrency with the row version the client last read (its ETag).</summary>
public static class EntityVersion
{
    /// <summary>
    /// Refuses the update when no version was sent (428) or it is not the current one (412), and
    /// makes the database check it again when saving, so a change in between is caught too.
    /// </summary>
    public static void EnsureCurrent<TEntity>(this IApplicationDbContext db, TEntity entity, uint? expected)
        where TEntity : Entity
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entity);
        if (expected is null)
        {
            throw new PreconditionRequiredException();
        }

        if (entity.Version != expected.Value)
        {
            throw new PreconditionFailedException();
        }

        db.Entry(entity).Property(e => e.Version).OriginalValue = expected.Value;
    }
}
