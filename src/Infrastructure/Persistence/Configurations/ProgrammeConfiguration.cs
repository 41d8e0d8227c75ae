using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sunshine.Domain.Programmes;

namespace Sunshine.Infrastructure.Persistence.Configurations;

internal sealed class ProgrammeConfiguration : IEntityTypeConfiguration<Programme>
{
    public void Configure(EntityTypeBuilder<Programme> builder)
    {
        builder.ToTable("programmes");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Code).HasMaxLength(40).IsRequired();
        builder.HasIndex(p => p.Code).IsUnique();
        builder.Property(p => p.Name).HasMaxLength(200).IsRequired();
        builder.Property(p => p.NameEn).HasMaxLength(300).IsRequired();
        builder.Property(p => p.DocumentReference).HasMaxLength(500).IsRequired();
        builder.ToTable(t => t.HasCheckConstraint("ck_programmes_period", "period_end >= period_start"));
        builder.HasXminVersion();
    }
}
