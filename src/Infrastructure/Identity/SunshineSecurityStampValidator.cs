using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sunshine.Infrastructure.Persistence;

namespace Sunshine.Infrastructure.Identity;

/// <summary>
/// Revalidates every staff session on every request (ValidationInterval zero), cheaply: one primary-key read
/// of the account's concurrency stamp. Identity changes that stamp on every write of the account (roles,
/// permissions, county, disabling, lockout, password, security stamp), so while it equals the one the session's
/// claims were made from, and the role table is the one they were made with, nothing the claims say can have
/// changed. Otherwise Identity's own validation runs: it ends the session when the security stamp changed
/// (disabling, password reset) or makes the claims again from the account (role, permission or county changes),
/// and the renewed cookie carries the new stamps.
/// </summary>
public sealed class SunshineSecurityStampValidator(
    IOptions<SecurityStampValidatorOptions> options,
    SignInManager<ApplicationUser> signInManager,
    ILoggerFactory logger,
    ApplicationDbContext db,
    RoleTableStamp rolesStamp)
    : SecurityStampValidator<ApplicationUser>(options, signInManager, logger)
{
    public override async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var principal = context.Principal;
        if (Guid.TryParse(principal?.FindFirst(SunshineClaimTypes.Subject)?.Value, out var id)
            && principal!.FindFirst(SunshineClaimTypes.AccountStamp)?.Value is { } accountStamp
            && principal.FindFirst(SunshineClaimTypes.RolesStamp)?.Value == await rolesStamp.GetAsync())
        {
            var current = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.ConcurrencyStamp).SingleOrDefaultAsync(context.HttpContext.RequestAborted);
            if (current == accountStamp)
            {
                return;
            }
        }

        await base.ValidateAsync(context);
    }
}

/// <summary>
/// A fingerprint of the role table (each role's permissions), read once per process: the permission table
/// changes only with a deployment, whose reference seeding rewrites it before the first request.
/// </summary>
public sealed class RoleTableStamp(IServiceScopeFactory scopes)
{
    private string? _stamp;

    public async Task<string> GetAsync() => _stamp ??= await ComputeAsync(scopes);

    private static async Task<string> ComputeAsync(IServiceScopeFactory scopes)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var rows = await (from r in db.Roles
                          join c in db.RoleClaims on r.Id equals c.RoleId into claims
                          from c in claims.DefaultIfEmpty()
                          select new { r.Name, c.ClaimType, c.ClaimValue }).AsNoTracking().ToListAsync();
        var text = string.Join('\n', rows.Select(r => $"{r.Name}|{r.ClaimType}|{r.ClaimValue}").Order(StringComparer.Ordinal));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }
}
