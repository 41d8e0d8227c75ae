using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sunshine.Domain.Programmes;
using Sunshine.Domain.Regions;
using Sunshine.Domain.Statistics;
using Sunshine.Infrastructure.Auditing;

namespace Sunshine.Infrastructure.Persistence.Configurations;

internal sealed class ProgrammeTargetConfiguration : IEntityTypeConfiguration<ProgrammeTarget>
{
    public void Configure(EntityTypeBuilder<ProgrammeTarget> builder)
    {
        builder.ToTable("programme_targets", t =>
        {
            t.HasCheckConstraint("ck_programme_targets_figures", "trained_people >= 0 AND prosperity_leaders >= 0 AND households_in_chain >= 0");
        });
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.HasOne<Programme>().WithMany().HasForeignKey(t => t.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Region>().WithMany().HasForeignKey(t => t.CountyId).OnDelete(DeleteBehavior.Restrict);

        // One city-wide target (no county) and one per county in a programme.
        builder.HasIndex(t => new { t.ProgrammeId, t.CountyId }).IsUnique().AreNullsDistinct(false);
        builder.HasXminVersion();
    }
}

internal sealed class BulletinConfiguration : IEntityTypeConfiguration<Bulletin>
{
    public void Configure(EntityTypeBuilder<Bulletin> builder)
    {
        builder.ToTable("bulletins");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.Number).HasMaxLength(60).IsRequired();
        builder.Property(b => b.Title).HasMaxLength(Bulletin.MaxTitleLength).IsRequired();
        builder.Property(b => b.PeriodKind).HasConversion<string>().HasMaxLength(20);
        // The frozen files and table are in the row; the audit row names the bulletin, not its bytes.
        builder.Property(b => b.Figures).HasColumnType("jsonb").IsRequired().IsExcludedFromAudit();
        builder.Property(b => b.Xlsx).IsRequired().IsExcludedFromAudit();
        builder.Property(b => b.Csv).IsRequired().IsExcludedFromAudit();
        builder.HasIndex(b => new { b.Year, b.Sequence }).IsUnique();
        builder.HasIndex(b => b.Number).IsUnique();
        builder.HasXminVersion();
    }
}
