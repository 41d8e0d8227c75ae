using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Sunshine.Api.Endpoints;
using Sunshine.Infrastructure.Identity;

namespace Sunshine.Api.Hosting;

/// <summary>
/// Request rate limits (configuration section <c>RateLimiting</c>): sign-in attempts per address;
/// every partner client's requests per minute; and, tighter, its seller verifications (shop
/// registrations), which could otherwise be used to probe the registry. Refusals are 429 problems
/// with <c>Retry-After</c>. Limits are kept in each API process.
/// </summary>
public static class RateLimits
{
    public const string SellerVerification = "seller-verification";

    public static IServiceCollection AddPartnerRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var signInPermits = configuration.GetValue("RateLimiting:SignInPerMinute", 20);
        var partnerPermits = configuration.GetValue("RateLimiting:PartnerPerMinute", 600);
        var verificationPermits = configuration.GetValue("RateLimiting:SellerVerificationPerMinute", 30);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                PartnerClientOf(context.User) is { } client
                    ? RateLimitPartition.GetFixedWindowLimiter("partner:" + client, _ => PerMinute(partnerPermits))
                    : RateLimitPartition.GetNoLimiter(string.Empty));
            o.AddPolicy(SellerVerification, context => RateLimitPartition.GetFixedWindowLimiter(
                "verification:" + (PartnerClientOf(context.User) ?? "none"), _ => PerMinute(verificationPermits)));
            o.AddPolicy(Auth.SignInRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "local", _ => PerMinute(signInPermits)));
            o.OnRejected = async (rejected, ct) =>
            {
                var context = rejected.HttpContext;
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await ProblemDetailsExceptionHandler.Write(context, ProblemDetailsExceptionHandler.Problem(context, StatusCodes.Status429TooManyRequests,
                    "request.rate_limited", "Too many requests: wait for the number of seconds in Retry-After, then try again."), ct);
            };
        });
        return services;
    }

    private static FixedWindowRateLimiterOptions PerMinute(int permits) =>
        new() { PermitLimit = Math.Max(1, permits), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 };

    /// <summary>The partner client of a bearer token (it carries a platform); null for people.</summary>
    private static string? PartnerClientOf(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && user.FindFirstValue(SunshineClaimTypes.Platform) is not null
            ? user.FindFirstValue(SunshineClaimTypes.Subject)
            : null;
}
