using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sunshine.Domain.Regions;
using Sunshine.Infrastructure.Auditing;
using Sunshine.Infrastructure.Identity;

namespace Sunshine.Infrastructure.Persistence.Configurations;

internal sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(50).IsRequired();
        builder.HasOne<Region>().WithMany().HasForeignKey(u => u.CountyId).OnDelete(DeleteBehavior.Restrict);

        // Secrets and Identity's bookkeeping never appear in the audit trail.
        foreach (var secret in new[]
                 {
                     nameof(ApplicationUser.PasswordHash), nameof(ApplicationUser.SecurityStamp), nameof(ApplicationUser.ConcurrencyStamp),
                     nameof(ApplicationUser.NormalizedUserName), nameof(ApplicationUser.NormalizedEmail),
                     nameof(ApplicationUser.TotpSecret), nameof(ApplicationUser.TotpLastTimeStep),
                 })
        {
            builder.Property(secret).IsExcludedFromAudit();
        }
    }
}
