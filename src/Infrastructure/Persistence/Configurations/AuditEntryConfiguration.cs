using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using Sunshine.Domain.Auditing;

namespace Sunshine.Infrastructure.Persistence.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_entries", "audit");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).UseIdentityAlwaysColumn();
        builder.Property(e => e.Action).HasMaxLength(100).IsRequired();
        builder.Property(e => e.EntityType).HasMaxLength(100).IsRequired();
        builder.Property(e => e.EntityId).HasMaxLength(100);
        builder.Property(e => e.ActorName).HasMaxLength(256);
        builder.Property(e => e.ActorRole).HasMaxLength(200);
        builder.Property(e => e.TraceId).HasMaxLength(64);
        builder.Property(e => e.Changes).HasColumnType("jsonb").IsRequired();

        builder.Property(e => e.TransactionId).HasColumnName("xact_id");

        // The writing transaction is stamped by the insert trigger; the chain position and hashes are written by
        // the sealer only (see AuditTrailSealerSql). The application never sets them.
        foreach (var chained in new[] { nameof(AuditEntry.TransactionId), nameof(AuditEntry.Sequence), nameof(AuditEntry.PreviousHash), nameof(AuditEntry.Hash) })
        {
            var property = builder.Property(chained).ValueGeneratedOnAdd().Metadata;
            property.SetValueGenerationStrategy(NpgsqlValueGenerationStrategy.None);
            property.SetBeforeSaveBehavior(PropertySaveBehavior.Ignore);
            property.SetAfterSaveBehavior(PropertySaveBehavior.Ignore);
        }

        builder.HasIndex(e => e.Sequence).IsUnique();

        // The sealer's queue: unsealed rows in commit-order key order.
        builder.HasIndex(e => new { e.TransactionId, e.Id }).HasFilter("sequence IS NULL").HasDatabaseName("ix_audit_entries_unsealed");
        builder.HasIndex(e => new { e.EntityType, e.EntityId });
        builder.HasIndex(e => e.ActorId);
        builder.HasIndex(e => e.OccurredAt);
    }
}
