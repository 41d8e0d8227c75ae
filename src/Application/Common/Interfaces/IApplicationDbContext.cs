using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Sunshine.Domain.Auditing;
using Sunshine.Domain.Programmes;
using Sunshine.Domain.Regions;
using Sunshine.Domain.Registry;

namespace Sunshine.Application.Common.Interfaces;

/// <summary>The database as use cases see it: one set per aggregate, no repositories (ADR 0003).</summary>
public interface IApplicationDbContext
{
    DbSet<Region> Regions { get; }

    DbSet<Programme> Programmes { get; }

    DbSet<AuditEntry> AuditEntries { get; }

    DbSet<Person> Persons { get; }

    DbSet<Household> Households { get; }

    DbSet<PersonImport> PersonImports { get; }

    EntityEntry<TEntity> Entry<TEntity>(TEntity entity)
        where TEntity : class;

    Task<int> SaveChangesAsync(CancellationToken cancellationToken);
}
