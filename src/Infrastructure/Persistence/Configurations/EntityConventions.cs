using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sunshine.Domain.Common;

namespace Sunshine.Infrastructure.Persistence.Configurations;

internal static class EntityConventions
{
    /// <summary>Maps the entity's <c>Version</c> to PostgreSQL's <c>xmin</c> system column as its concurrency token.</summary>
    public static void HasXminVersion<T>(this EntityTypeBuilder<T> builder)
        where T : Entity =>
        builder.Property(e => e.Version).IsRowVersion();
}
