using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Regions;
using Sunshine.Infrastructure.Identity;

namespace Sunshine.Infrastructure.Persistence.Seeding;

/// <summary>
/// Demo accounts for trying the system, one per role (two county officers). Only in Development,
/// and only into a database that has no accounts yet.
/// </summary>
public sealed class DemoDataSeeder(ApplicationDbContext db, UserManager<ApplicationUser> users, IAuditTrail audit, TimeProvider clock)
{
    public const string DemoPassword = "Sunshine@2026";

    public static readonly IReadOnlyList<(string UserName, string DisplayName, string Role, string? CountyCode)> Accounts =
    [
        ("admin", "系统管理员", Roles.SystemAdmin, null),
        ("security", "安全管理员", Roles.SecurityAdmin, null),
        ("city", "市残联 张敏", Roles.CityOfficer, null),
        ("wuling", "武陵区残联 李华", Roles.CountyOfficer, "430702"),
        ("dingcheng", "鼎城区残联 王芳", Roles.CountyOfficer, "430703"),
        ("auditor", "审计员 陈静", Roles.Auditor, null),
    ];

    /// <summary>Seeds the demo set if the database has no accounts; returns whether it did.</summary>
    public async Task<bool> SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Users.AnyAsync(cancellationToken))
        {
            return false;
        }

        audit.Action = "SeedDemoData";
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var (userName, displayName, role, countyCode) in Accounts)
        {
            Guid? countyId = null;
            if (countyCode is not null)
            {
                var code = RegionCode.Create(countyCode);
                countyId = await db.Regions.Where(r => r.Code == code).Select(r => (Guid?)r.Id).SingleAsync(cancellationToken);
            }

            var user = new ApplicationUser
            {
                UserName = userName,
                DisplayName = displayName,
                CountyId = countyId,
                CreatedAt = clock.GetUtcNow(),
                LockoutEnabled = true,
            };
            EnsureSucceeded(await users.CreateAsync(user, DemoPassword));
            EnsureSucceeded(await users.AddToRoleAsync(user, role));
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static void EnsureSucceeded(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Seeding a demo account failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
