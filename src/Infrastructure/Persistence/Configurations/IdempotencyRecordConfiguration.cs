using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sunshine.Infrastructure.Partners;

namespace Sunshine.Infrastructure.Persistence.Configurations;

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("idempotency_records");
        builder.HasKey(r => new { r.ClientId, r.Key });
        builder.Property(r => r.Key).HasMaxLength(IdempotencyStore.MaxKeyLength);
        builder.Property(r => r.ResponseContentType).HasMaxLength(100);
        builder.Property(r => r.ResponseHeaders).HasColumnType("jsonb");
        builder.HasIndex(r => r.ExpiresAt);
    }
}
