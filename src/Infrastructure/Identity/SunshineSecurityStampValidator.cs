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
/// Checks every staff session on every request, cheaply. First the server-side session record
/// (<see cref="StaffSessions.CheckAsync"/>, one primary-key read that also returns the account's concurrency stamp): a
/// session that was signed out, ended by an administrator or is past its idle or absolute limit is refused, with the
/// reason kept for the 401 problem, and the cookie is deleted. Then the claims (ValidationInterval zero): Identity
/// changes the concurrency stamp on every write of the account (roles, permissions, county, disabling, lockout,
/// password, security stamp, second factor), so while it equals the one the session's claims were made from, and the
/// role table is the one they were made with, nothing the claims say can have changed. Otherwise Identity's own
/// validation runs: it ends the session when the security stamp changed (disabling, password reset) or makes the
/// claims again from the account (role, permission or county changes), and the renewed cookie carries the new stamps.
/// </summary>
public sealed class SunshineSecurityStampValidator(
    IOptions<SecurityStampValidatorOptions> options,
    SignInManager<ApplicationUser> signInManager,
    ILoggerFactory logger,
    StaffSessions sessions,
    RoleTableStamp rolesStamp)
    : SecurityStampValidator<ApplicationUser>(options, signInManager, logger)
{
    public override async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var principal = context.Principal;
        var http = context.HttpContext;
        if (!Guid.TryParse(principal?.FindFirst(SunshineClaimTypes.Subject)?.Value, out var id)
            || !Guid.TryParse(principal!.FindFirst(SunshineClaimTypes.Session)?.Value, out var sessionId))
        {
            await RefuseAsync(context, StaffSessions.EndedCode);
            return;
        }

        var background = http.Request.Headers[StaffSessions.BackgroundHeader] == "1";
        var check = await sessions.CheckAsync(sessionId, id, background, http.RequestAborted);
        if (check.RefusalCode is { } code)
        {
            await RefuseAsync(context, code);
            return;
        }

        http.Features.Set(check.Session);
        if (principal.FindFirst(SunshineClaimTypes.AccountStamp)?.Value is { } accountStamp
            && accountStamp == check.AccountStamp
            && principal.FindFirst(SunshineClaimTypes.RolesStamp)?.Value == await rolesStamp.GetAsync())
        {
            return;
        }

        await base.ValidateAsync(context);
    }

    private async Task RefuseAsync(CookieValidatePrincipalContext context, string code)
    {
        StaffSessions.SetRefusal(context.HttpContext, code);
        context.RejectPrincipal();
        await SignInManager.SignOutAsync();
    }

    /// <summary>Keeps the session's id when Identity makes a session's claims again.</summary>
    public static Task CarrySessionId(SecurityStampRefreshingPrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.CurrentPrincipal?.FindFirst(SunshineClaimTypes.Session) is { } session
            && context.NewPrincipal?.Identities.FirstOrDefault() is { } identity
            && !identity.HasClaim(c => c.Type == SunshineClaimTypes.Session))
        {
            identity.AddClaim(new System.Security.Claims.Claim(SunshineClaimTypes.Session, session.Value));
        }

        return Task.CompletedTask;
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
