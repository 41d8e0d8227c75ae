using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sunshine.Domain.Attachments;
using Sunshine.Domain.Regions;
using Sunshine.Infrastructure.Auditing;

namespace Sunshine.Infrastructure.Persistence.Configurations;

/// <summary>The content column is encrypted by <see cref="SensitiveMappings"/>; it never enters the audit trail.</summary>
internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> builder)
    {
        builder.ToTable("attachments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.OwnerType).HasMaxLength(60).IsRequired();
        builder.Property(a => a.FileName).HasMaxLength(200).IsRequired();
        builder.Property(a => a.ContentType).HasMaxLength(Attachment.ContentTypeMaxLength).IsRequired();
        builder.Property(a => a.Sha256).HasMaxLength(64).IsRequired();
        builder.Property(a => a.Content).IsRequired().IsExcludedFromAudit();
        builder.HasOne<Region>().WithMany().HasForeignKey(a => a.CountyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.OwnerType, a.OwnerId });
        builder.HasXminVersion();
    }
}
