using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sunshine.Domain.Attachments;
using Sunshine.Domain.Programmes;
using Sunshine.Domain.Regions;
using Sunshine.Domain.WorkPlans;

namespace Sunshine.Infrastructure.Persistence.Configurations;

internal sealed class WorkPlanRoundConfiguration : IEntityTypeConfiguration<WorkPlanRound>
{
    public void Configure(EntityTypeBuilder<WorkPlanRound> builder)
    {
        builder.ToTable("work_plan_rounds");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Title).HasMaxLength(WorkPlanRound.TitleMaxLength).IsRequired();
        builder.HasOne<Programme>().WithMany().HasForeignKey(r => r.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.ProgrammeId, r.Deadline });
        builder.HasXminVersion();
    }
}

/// <summary>One filing per county and round; a filing past Pending always has its document (the status itself is derived, never stored).</summary>
internal sealed class WorkPlanFilingConfiguration : IEntityTypeConfiguration<WorkPlanFiling>
{
    public void Configure(EntityTypeBuilder<WorkPlanFiling> builder)
    {
        builder.ToTable("work_plan_filings", t => t.HasCheckConstraint("ck_work_plan_filings_document", "state = 'Pending' OR document_id IS NOT NULL"));
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.ReturnReason).HasMaxLength(WorkPlanFiling.ReasonMaxLength);
        builder.HasOne<WorkPlanRound>().WithMany().HasForeignKey(f => f.RoundId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Region>().WithMany().HasForeignKey(f => f.CountyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Attachment>().WithMany().HasForeignKey(f => f.DocumentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => new { f.RoundId, f.CountyId }).IsUnique();
        builder.HasIndex(f => new { f.CountyId, f.State });
        builder.HasXminVersion();
    }
}
