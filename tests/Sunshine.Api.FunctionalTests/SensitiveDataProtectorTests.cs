using System.Security.Cryptography;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Infrastructure.Security;

namespace Sunshine.Api.FunctionalTests;

public sealed class SensitiveDataProtectorTests
{
    private static SensitiveDataProtector NewProtector(byte keyId = 1) =>
        new(new Dictionary<byte, byte[]> { [keyId] = RandomNumberGenerator.GetBytes(32) }, keyId, RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void The_same_value_encrypts_to_different_ciphertexts_that_both_decrypt()
    {
        var protector = NewProtector();

        var first = protector.Protect(SensitiveKind.ResidentIdNumber, "11010519491231002X");
        var second = protector.Protect(SensitiveKind.ResidentIdNumber, "11010519491231002X");

        Assert.NotEqual(first, second);
        Assert.Equal("11010519491231002X", protector.Unprotect(SensitiveKind.ResidentIdNumber, first));
        Assert.Equal("11010519491231002X", protector.Unprotect(SensitiveKind.ResidentIdNumber, second));
    }

    [Fact]
    public void Decryption_with_another_key_fails()
    {
        var ciphertext = NewProtector().Protect(SensitiveKind.Phone, "13812345678");

        Assert.ThrowsAny<CryptographicException>(() => NewProtector().Unprotect(SensitiveKind.Phone, ciphertext));
    }

    [Fact]
    public void A_ciphertext_cannot_be_moved_to_another_kind_or_altered()
    {
        var protector = NewProtector();
        var ciphertext = protector.Protect(SensitiveKind.ResidentIdNumber, "11010519491231002X");

        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(SensitiveKind.CertificateNumber, ciphertext));
        ciphertext[^1] ^= 1;
        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(SensitiveKind.ResidentIdNumber, ciphertext));
    }

    [Fact]
    public void Old_keys_still_decrypt_after_rotation()
    {
        var oldKey = RandomNumberGenerator.GetBytes(32);
        var index = RandomNumberGenerator.GetBytes(32);
        var before = new SensitiveDataProtector(new Dictionary<byte, byte[]> { [1] = oldKey }, 1, index);
        var ciphertext = before.Protect(SensitiveKind.Phone, "13812345678");

        var after = new SensitiveDataProtector(new Dictionary<byte, byte[]> { [1] = oldKey, [2] = RandomNumberGenerator.GetBytes(32) }, 2, index);

        Assert.Equal("13812345678", after.Unprotect(SensitiveKind.Phone, ciphertext));
        Assert.Equal(2, after.Protect(SensitiveKind.Phone, "13812345678")[1]);
    }

    [Fact]
    public void The_blind_index_is_stable_per_key_and_kind()
    {
        var protector = NewProtector();

        Assert.Equal(protector.BlindIndex(SensitiveKind.Phone, "13812345678"), protector.BlindIndex(SensitiveKind.Phone, "13812345678"));
        Assert.NotEqual(protector.BlindIndex(SensitiveKind.Phone, "13812345678"), protector.BlindIndex(SensitiveKind.ResidentIdNumber, "13812345678"));
        Assert.NotEqual(protector.BlindIndex(SensitiveKind.Phone, "13812345678"), NewProtector().BlindIndex(SensitiveKind.Phone, "13812345678"));
    }

    [Fact]
    public void Without_keys_the_protector_refuses_to_start()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SensitiveDataProtector.FromOptions(new SensitiveDataOptions(), mayCreateKeyFile: false));

        Assert.Contains("SensitiveData:EncryptionKeys", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Development_creates_a_private_key_file_once_and_reuses_it()
    {
        var file = Path.Combine(Path.GetTempPath(), $"sunshine-keys-{Guid.NewGuid():N}.json");
        try
        {
            var first = SensitiveDataProtector.FromOptions(new SensitiveDataOptions { KeyFile = file }, mayCreateKeyFile: true);
            var ciphertext = first.Protect(SensitiveKind.Phone, "13812345678");
            var second = SensitiveDataProtector.FromOptions(new SensitiveDataOptions { KeyFile = file }, mayCreateKeyFile: false);

            Assert.Equal("13812345678", second.Unprotect(SensitiveKind.Phone, ciphertext));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            }
        }
        finally
        {
            File.Delete(file);
        }
    }
}
