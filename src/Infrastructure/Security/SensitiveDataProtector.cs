using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Sunshine.Application.Common.Interfaces;

namespace Sunshine.Infrastructure.Security;

/// <summary>
/// AES-256-GCM with a random 96-bit nonce per value, the kind as associated data (a value cannot be
/// moved into another kind's column), and the key id in the header so keys can be rotated. Layout:
/// <c>[version=1][key id][nonce 12][tag 16][ciphertext]</c>. The blind index is HMAC-SHA256 under a
/// separate key.
/// </summary>
public sealed class SensitiveDataProtector : ISensitiveDataProtector
{
    private const byte FormatVersion = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int HeaderSize = 2 + NonceSize + TagSize;

    private readonly Dictionary<byte, byte[]> _keys;
    private readonly byte _currentKeyId;
    private readonly byte[] _indexKey;

    public SensitiveDataProtector(IReadOnlyDictionary<byte, byte[]> keys, byte currentKeyId, byte[] indexKey)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(indexKey);
        if (!keys.TryGetValue(currentKeyId, out var current) || current.Length != 32 || keys.Values.Any(k => k.Length != 32))
        {
            throw new ArgumentException("Encryption keys are 32 bytes and the current key must be among them.", nameof(keys));
        }

        if (indexKey.Length != 32)
        {
            throw new ArgumentException("The index key is 32 bytes.", nameof(indexKey));
        }

        _keys = keys.ToDictionary(k => k.Key, k => k.Value.ToArray());
        _currentKeyId = currentKeyId;
        _indexKey = indexKey.ToArray();
    }

    /// <summary>Identifies the key set, so that EF Core builds one model per protector.</summary>
    public string Fingerprint => Convert.ToHexString(SHA256.HashData(_keys[_currentKeyId]))[..16];

    public byte[] Protect(SensitiveKind kind, string plaintext)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        return Protect(kind, Encoding.UTF8.GetBytes(plaintext));
    }

    public string Unprotect(SensitiveKind kind, byte[] protectedValue) => Encoding.UTF8.GetString(UnprotectBytes(kind, protectedValue));

    public byte[] Protect(SensitiveKind kind, ReadOnlySpan<byte> plaintext)
    {
        var clear = plaintext;
        var output = new byte[HeaderSize + clear.Length];
        output[0] = FormatVersion;
        output[1] = _currentKeyId;
        var nonce = output.AsSpan(2, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_keys[_currentKeyId], TagSize);
        aes.Encrypt(nonce, clear, output.AsSpan(HeaderSize), output.AsSpan(2 + NonceSize, TagSize), AssociatedData(kind));
        return output;
    }

    public byte[] UnprotectBytes(SensitiveKind kind, byte[] protectedValue)
    {
        ArgumentNullException.ThrowIfNull(protectedValue);
        if (protectedValue.Length < HeaderSize || protectedValue[0] != FormatVersion || !_keys.TryGetValue(protectedValue[1], out var key))
        {
            throw new CryptographicException("The value was not protected by a known key.");
        }

        var clear = new byte[protectedValue.Length - HeaderSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(
            protectedValue.AsSpan(2, NonceSize),
            protectedValue.AsSpan(HeaderSize),
            protectedValue.AsSpan(2 + NonceSize, TagSize),
            clear,
            AssociatedData(kind));
        return clear;
    }

    public byte[] BlindIndex(SensitiveKind kind, string normalised)
    {
        ArgumentNullException.ThrowIfNull(normalised);
        return HMACSHA256.HashData(_indexKey, Encoding.UTF8.GetBytes($"{kind}:{normalised}"));
    }

    /// <summary>Builds the protector from configuration; in Development creates the key file when it is missing.</summary>
    public static SensitiveDataProtector FromOptions(SensitiveDataOptions options, bool mayCreateKeyFile)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.EncryptionKeys.Count == 0 && options.KeyFile is { Length: > 0 } file)
        {
            LoadOrCreateKeyFile(options, file, mayCreateKeyFile);
        }

        if (options.EncryptionKeys.Count == 0 || string.IsNullOrEmpty(options.IndexKey))
        {
            throw new InvalidOperationException(
                "Configure SensitiveData:EncryptionKeys:<id> and SensitiveData:IndexKey (base64, 32 bytes each) to protect personal data.");
        }

        var keys = options.EncryptionKeys.ToDictionary(k => byte.Parse(k.Key, System.Globalization.CultureInfo.InvariantCulture), k => Convert.FromBase64String(k.Value));
        return new SensitiveDataProtector(keys, options.CurrentKeyId ?? keys.Keys.Max(), Convert.FromBase64String(options.IndexKey));
    }

    private static void LoadOrCreateKeyFile(SensitiveDataOptions options, string file, bool mayCreate)
    {
        if (!File.Exists(file))
        {
            if (!mayCreate)
            {
                throw new InvalidOperationException($"The key file {file} does not exist; only Development creates one.");
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
            var generated = new KeyFile(
                new Dictionary<string, string> { ["1"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) },
                Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            File.WriteAllText(file, JsonSerializer.Serialize(generated));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        var loaded = JsonSerializer.Deserialize<KeyFile>(File.ReadAllText(file))
            ?? throw new InvalidOperationException($"The key file {file} is empty.");
        options.EncryptionKeys = loaded.EncryptionKeys;
        options.IndexKey = loaded.IndexKey;
    }

    private static byte[] AssociatedData(SensitiveKind kind) => Encoding.UTF8.GetBytes("sunshine:" + kind);

    private sealed record KeyFile(Dictionary<string, string> EncryptionKeys, string IndexKey);
}
