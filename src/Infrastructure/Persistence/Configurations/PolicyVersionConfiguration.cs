using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sunshine.Domain.Policies;
using Sunshine.Domain.Programmes;

namespace Sunshine.Infrastructure.Persistence.Configurations;

internal sealed class PolicyVersionConfiguration : IEntityTypeConfiguration<PolicyVersion>
{
    public void Configure(EntityTypeBuilder<PolicyVersion> builder)
    {
        builder.ToTable("policy_versions");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.Content).HasColumnType("jsonb").IsRequired();
        builder.Property(v => v.Note).HasMaxLength(500).IsRequired();
        builder.HasOne<Programme>().WithMany().HasForeignKey(v => v.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(v => new { v.ProgrammeId, v.Key, v.EffectiveFrom }).IsUnique();
        builder.HasXminVersion();
    }
}
