using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;
using Sunshine.Infrastructure.Identity;

namespace Sunshine.Infrastructure.Persistence.Configurations;

/// <summary>Gives Identity's and OpenIddict's tables snake_case names like the rest of the schema.</summary>
internal static class IdentityTableNames
{
    public static void Apply(ModelBuilder builder)
    {
        builder.Entity<ApplicationUser>().ToTable("accounts");
        builder.Entity<ApplicationRole>().ToTable("roles");
        builder.Entity<IdentityUserRole<Guid>>().ToTable("account_roles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("account_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("account_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("account_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("role_claims");
        builder.Entity<OpenIddictEntityFrameworkCoreApplication>().ToTable("oauth_applications");
        builder.Entity<OpenIddictEntityFrameworkCoreAuthorization>().ToTable("oauth_authorizations");
        builder.Entity<OpenIddictEntityFrameworkCoreScope>().ToTable("oauth_scopes");
        builder.Entity<OpenIddictEntityFrameworkCoreToken>().ToTable("oauth_tokens");
    }
}
