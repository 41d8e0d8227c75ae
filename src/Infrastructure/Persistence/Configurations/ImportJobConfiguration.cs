using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sunshine.Domain.Regions;
using Sunshine.Domain.Importing;
using Sunshine.Infrastructure.Auditing;

namespace Sunshine.Infrastructure.Persistence.Configurations;

internal sealed class ImportJobConfiguration : IEntityTypeConfiguration<ImportJob>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<ImportJob> builder)
    {
        builder.ToTable("import_jobs");
        builder.HasKey(j => j.Id);
        builder.Property(j => j.Id).ValueGeneratedNever();
        builder.Property(j => j.FileName).HasMaxLength(200).IsRequired();
        builder.Property(j => j.FailureCode).HasMaxLength(100);
        builder.Property(j => j.FailureMessage).HasMaxLength(1000);
        builder.Property(j => j.Rejections)
            .HasField("_rejections")
            .HasColumnType("jsonb")
            .HasConversion(
                r => JsonSerializer.Serialize(r, Json),
                s => JsonSerializer.Deserialize<List<ImportRejection>>(s, Json) ?? new List<ImportRejection>(),
                new ValueComparer<IReadOnlyList<ImportRejection>>(
                    (a, b) => ReferenceEquals(a, b) || (a != null && b != null && a.SequenceEqual(b)),
                    r => r.Count,
                    r => r.ToList()))
            .IsExcludedFromAudit();
        builder.HasOne<Region>().WithMany().HasForeignKey(j => j.CountyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(j => new { j.Kind, j.CountyId, j.RequestedAt });
        builder.HasXminVersion();
    }
}
