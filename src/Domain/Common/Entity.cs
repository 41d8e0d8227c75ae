namespace Sunshine.Domain.Common;

/// <summary>An entity with a time-ordered (version 7) GUID identity.</summary>
public abstract class Entity
{
    protected Entity() => Id = Guid.CreateVersion7();

    public Guid Id { get; protected set; }

    /// <summary>Row version (PostgreSQL <c>xmin</c>), the ETag for optimistic concurrency.</summary>
    public uint Version { get; private set; }
}
