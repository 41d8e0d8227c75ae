using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sunshine.Infrastructure.Identity;

namespace Sunshine.Infrastructure.Persistence.Configurations;

internal sealed class StaffSessionConfiguration : IEntityTypeConfiguration<StaffSession>
{
    public void Configure(EntityTypeBuilder<StaffSession> builder)
    {
        builder.ToTable("staff_sessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.EndedReason).HasMaxLength(40);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Restrict);

        // Ending an account's open sessions (disabled, password reset) finds them by account.
        builder.HasIndex(s => s.UserId).HasFilter("ended_at IS NULL");
    }
}
