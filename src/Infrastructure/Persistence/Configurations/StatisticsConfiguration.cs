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

internal sealed class AnnualSummaryRoundConfiguration : IEntityTypeConfiguration<AnnualSummaryRound>
{
    public void Configure(EntityTypeBuilder<AnnualSummaryRound> builder)
    {
        builder.ToTable("annual_summary_rounds");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasIndex(r => r.Year).IsUnique();
        builder.HasXminVersion();
    }
}

internal sealed class AnnualSummaryConfiguration : IEntityTypeConfiguration<AnnualSummary>
{
    public void Configure(EntityTypeBuilder<AnnualSummary> builder)
    {
        builder.ToTable("annual_summaries");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasOne<AnnualSummaryRound>().WithMany().HasForeignKey(s => s.RoundId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Region>().WithMany().HasForeignKey(s => s.CountyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.RoundId, s.CountyId }).IsUnique();
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Achievements).HasMaxLength(AnnualSummary.MaxSectionLength).IsRequired();
        builder.Property(s => s.TypicalCases).HasMaxLength(AnnualSummary.MaxSectionLength).IsRequired();
        builder.Property(s => s.Problems).HasMaxLength(AnnualSummary.MaxSectionLength).IsRequired();
        builder.Property(s => s.NextYearPlan).HasMaxLength(AnnualSummary.MaxSectionLength).IsRequired();
        builder.Property(s => s.ReturnReason).HasMaxLength(2000);

        // The frozen figures are in the row; the audit row records the submission, not the table again.
        builder.Property(s => s.Snapshot).HasColumnType("jsonb").IsExcludedFromAudit();
        builder.HasXminVersion();
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Domain.Reminders.Notification>
{
    public void Configure(EntityTypeBuilder<Domain.Reminders.Notification> builder)
    {
        builder.ToTable("notifications");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Kind).HasMaxLength(40).IsRequired();
        builder.Property(n => n.Stage).HasConversion<string>().HasMaxLength(30);
        builder.Property(n => n.Title).HasMaxLength(300).IsRequired();
        builder.Property(n => n.Link).HasMaxLength(300).IsRequired();

        // One reminder per recipient, deadline, county and stage, whichever instance runs the job and however often.
        builder.HasIndex(n => new { n.RecipientId, n.Kind, n.SubjectId, n.CountyId, n.Stage }).IsUnique();
        builder.HasIndex(n => new { n.RecipientId, n.CreatedAt });
        builder.HasXminVersion();
    }
}
