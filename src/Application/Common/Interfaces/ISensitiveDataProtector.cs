namespace Sunshine.Application.Common.Interfaces;

/// <summary>The kinds of sensitive personal information (PIPL 敏感个人信息) the system encrypts.</summary>
public enum SensitiveKind
{
    ResidentIdNumber,
    CertificateNumber,
    Phone,
    Attachment,
    BankAccount,

    /// <summary>A staff account's TOTP secret (second factor).</summary>
    TotpSecret,
}

/// <summary>
/// Encrypts sensitive values at rest (AES-256-GCM, random nonce, keys from configuration) and derives
/// a keyed blind index (HMAC-SHA256) for uniqueness and exact search without decrypting.
/// </summary>
public interface ISensitiveDataProtector
{
    byte[] Protect(SensitiveKind kind, string plaintext);

    byte[] Protect(SensitiveKind kind, ReadOnlySpan<byte> plaintext);

    byte[] UnprotectBytes(SensitiveKind kind, byte[] protectedValue);

    /// <summary>Decrypts; throws <see cref="System.Security.Cryptography.CryptographicException"/> for a wrong key or altered data.</summary>
    string Unprotect(SensitiveKind kind, byte[] protectedValue);

    /// <summary>The blind index of a normalised value: equal values give equal indexes.</summary>
    byte[] BlindIndex(SensitiveKind kind, string normalised);
}
