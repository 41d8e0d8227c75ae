using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using OtpNet;

namespace Sunshine.Infrastructure.Identity;

/// <summary>Second factor settings (configuration section <c>Security</c>).</summary>
public sealed class TwoFactorOptions
{
    public const string Section = "Security";

    /// <summary>Roles whose holders must enrol a second factor before anything else (default none).</summary>
    public IReadOnlyList<string> TwoFactorRequiredRoles { get; set; } = [];

    /// <summary>The issuer the authenticator app shows beside the account.</summary>
    public string TwoFactorIssuer { get; set; } = "Sunshine";
}

/// <summary>
/// Time-based one-time passwords (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps) with Otp.NET, on the application's
/// clock. A code is accepted for its own step and one step either side (clock drift), and only if its step is later
/// than the last step accepted for the account, so each code works once.
/// </summary>
public sealed class TotpAuthenticator(TimeProvider clock, IOptions<TwoFactorOptions> options)
{
    /// <summary>A new 160-bit secret (RFC 4226's recommended length).</summary>
    public static byte[] NewSecret() => RandomNumberGenerator.GetBytes(20);

    public static string ManualKey(byte[] secret) => Base32Encoding.ToString(secret).TrimEnd('=');

    public string OtpAuthUri(byte[] secret, string userName)
    {
        var issuer = options.Value.TwoFactorIssuer;
        var label = Uri.EscapeDataString(issuer) + ":" + Uri.EscapeDataString(userName);
        return $"otpauth://totp/{label}?secret={ManualKey(secret)}&issuer={Uri.EscapeDataString(issuer)}&algorithm=SHA1&digits=6&period=30";
    }

    /// <summary>The step of the code if it is right now and later than <paramref name="lastStep"/>; null otherwise.</summary>
    public long? Verify(byte[] secret, string code, long? lastStep)
    {
        var totp = new Totp(secret);
        if (!totp.VerifyTotp(clock.GetUtcNow().UtcDateTime, code, out var step, new VerificationWindow(previous: 1, future: 1)))
        {
            return null;
        }

        return lastStep is { } last && step <= last ? null : step;
    }
}
