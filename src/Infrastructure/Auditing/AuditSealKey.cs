using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Sunshine.Infrastructure.Auditing;

/// <summary>
/// The audit key and the two things it signs: a sealed row (its content, id, transaction, sequence and the previous
/// row's hash) and a checkpoint. Fields are length-prefixed with a null marker, after a domain tag, so no two
/// different rows encode alike. Without the key, nobody with database access can recompute a hash after tampering.
/// </summary>
public sealed class AuditSealKey
{
    private const int KeySize = 32;
    private static readonly byte[] EntryTag = Encoding.ASCII.GetBytes("sunshine.audit.entry.v1");
    private static readonly byte[] CheckpointTag = Encoding.ASCII.GetBytes("sunshine.audit.checkpoint.v1");

    private readonly byte[] _key;

    public AuditSealKey(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length != KeySize)
        {
            throw new ArgumentException("The audit key is 32 bytes.", nameof(key));
        }

        _key = key.ToArray();
    }

    /// <summary>Builds the key from configuration; in Development creates the key file when it is missing.</summary>
    public static AuditSealKey FromOptions(AuditTrailOptions options, bool mayCreateKeyFile)
    {
        ArgumentNullException.ThrowIfNull(options);
        var encoded = options.Key;
        if (string.IsNullOrEmpty(encoded) && options.KeyFile is { Length: > 0 } file)
        {
            if (!File.Exists(file))
            {
                if (!mayCreateKeyFile)
                {
                    throw new InvalidOperationException($"The audit key file {file} does not exist; only Development creates one.");
                }

                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
                File.WriteAllText(file, Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeySize)));
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }
            }

            encoded = File.ReadAllText(file).Trim();
        }

        if (string.IsNullOrEmpty(encoded))
        {
            throw new InvalidOperationException("Configure AuditTrail:Key (base64, 32 bytes) or AuditTrail:KeyFile to seal the audit trail.");
        }

        return new AuditSealKey(Convert.FromBase64String(encoded));
    }

    /// <summary>The keyed hash of a row at a chain position.</summary>
    internal byte[] SealRow(AuditRow row, long sequence, byte[] previousHash)
    {
        ArgumentNullException.ThrowIfNull(row);
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        var writer = new Writer(hmac);
        writer.Bytes(EntryTag);
        writer.Int64(sequence);
        writer.Bytes(previousHash);
        writer.Int64(row.Id);
        writer.Int64(row.TransactionId);
        writer.Int64(row.OccurredAtTicks);
        writer.Guid(row.ActorId);
        writer.Text(row.ActorName);
        writer.Text(row.ActorRole);
        writer.Guid(row.CountyId);
        writer.Text(row.Action);
        writer.Text(row.EntityType);
        writer.Text(row.EntityId);
        writer.Text(row.Changes);
        writer.Text(row.TraceId);
        return hmac.GetHashAndReset();
    }

    /// <summary>The signature of a checkpoint (time in whole microseconds, as PostgreSQL stores it).</summary>
    internal byte[] SignCheckpoint(long sequence, byte[] headHash, DateTimeOffset createdAt)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        var writer = new Writer(hmac);
        writer.Bytes(CheckpointTag);
        writer.Int64(sequence);
        writer.Bytes(headHash);
        writer.Int64(createdAt.UtcTicks);
        return hmac.GetHashAndReset();
    }

    internal static bool Matches(byte[]? expected, byte[]? actual) =>
        expected is not null && actual is not null && CryptographicOperations.FixedTimeEquals(expected, actual);

    private readonly struct Writer(IncrementalHash hash)
    {
        public void Int64(long? value)
        {
            Span<byte> buffer = stackalloc byte[9];
            buffer[0] = value is null ? (byte)0 : (byte)1;
            BinaryPrimitives.WriteInt64BigEndian(buffer[1..], value ?? 0);
            hash.AppendData(buffer);
        }

        public void Guid(Guid? value) => Text(value?.ToString("D"));

        public void Text(string? value) => Bytes(value is null ? null : Encoding.UTF8.GetBytes(value));

        public void Bytes(byte[]? value)
        {
            Span<byte> header = stackalloc byte[5];
            header[0] = value is null ? (byte)0 : (byte)1;
            BinaryPrimitives.WriteInt32BigEndian(header[1..], value?.Length ?? 0);
            hash.AppendData(header);
            if (value is not null)
            {
                hash.AppendData(value);
            }
        }
    }
}
