using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sunshine.Domain.Auditing;
using Sunshine.Infrastructure.Identity;

namespace Sunshine.Infrastructure.Auditing;

/// <summary>Which entities and properties the audit trail records, and under which names.</summary>
public static class AuditModel
{
    private const string ExcludedAnnotation = "Sunshine:AuditExcluded";

    /// <summary>Entities that are not programme facts: the trail itself, derived sums and history (the
    /// writes that change them are audited), protocol and join tables, session records (signing in and out are
    /// audited as account rows). Changes to
    /// roles and permission grants are recorded by the account service as one row per account.</summary>
    private static readonly HashSet<string> IgnoredEntityNames = new(StringComparer.Ordinal)
    {
        typeof(AuditEntry).FullName!,
        typeof(Domain.Sales.SalesHistoryEntry).FullName!,
        typeof(Domain.Sales.ShopMonthSales).FullName!,
        typeof(Domain.Sales.CountyMonthSales).FullName!,
        typeof(Domain.Sales.OwnerYearSales).FullName!,
        typeof(Partners.IdempotencyRecord).FullName!,
        typeof(StaffSession).FullName!,
        typeof(AuditCheckpoint).FullName!,
        "Microsoft.AspNetCore.Identity.IdentityUserRole<System.Guid>",
        "Microsoft.AspNetCore.Identity.IdentityUserClaim<System.Guid>",
        "Microsoft.AspNetCore.Identity.IdentityUserLogin<System.Guid>",
        "Microsoft.AspNetCore.Identity.IdentityUserToken<System.Guid>",
        "Microsoft.AspNetCore.Identity.IdentityRoleClaim<System.Guid>",
    };

    public static PropertyBuilder IsExcludedFromAudit(this PropertyBuilder property)
    {
        ArgumentNullException.ThrowIfNull(property);
        return property.HasAnnotation(ExcludedAnnotation, true);
    }

    public static bool IsAudited(IEntityType entityType)
    {
        ArgumentNullException.ThrowIfNull(entityType);
        var clr = entityType.ClrType;
        return !IgnoredEntityNames.Contains(entityType.Name)
            && clr.Namespace?.StartsWith("OpenIddict", StringComparison.Ordinal) != true;
    }

    public static bool IsAudited(IProperty property)
    {
        ArgumentNullException.ThrowIfNull(property);
        return property.FindAnnotation(ExcludedAnnotation)?.Value is not true
            && !property.IsConcurrencyToken
            && (!property.IsShadowProperty() || property.IsForeignKey());
    }

    /// <summary>The entity name shown in the trail, e.g. <c>Region</c>, <c>Account</c>.</summary>
    public static string NameOf(IEntityType entityType)
    {
        ArgumentNullException.ThrowIfNull(entityType);
        var clr = entityType.ClrType;
        if (clr == typeof(ApplicationUser))
        {
            return "Account";
        }

        if (clr == typeof(ApplicationRole))
        {
            return "Role";
        }

        return clr.Name;
    }
}
