using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Domain.Attachments;
using Sunshine.Domain.Common;
using Sunshine.Domain.Registry;
using Sunshine.Infrastructure.Auditing;

namespace Sunshine.Infrastructure.Persistence.Configurations;

/// <summary>
/// Maps sensitive value objects to encrypted columns, each with a blind-index column beside it
/// (filled by <see cref="Security.SensitiveIndexInterceptor"/>). A database dump holds only ciphertext and
/// keyed hashes.
/// </summary>
internal static class SensitiveMappings
{
    public const string KindAnnotation = "Sunshine:SensitiveKind";
    public const string IndexAnnotation = "Sunshine:SensitiveIndex";

    /// <summary>The shadow property holding a sensitive property's blind index.</summary>
    public static string IndexOf(string property) => property + "Index";

    public static void Apply(ModelBuilder builder, ISensitiveDataProtector protector)
    {
        var person = builder.Entity<Person>();
        Map(person, p => p.IdNumber, SensitiveKind.ResidentIdNumber, protector,
            v => ResidentIdNumber.Create(v, DateOnly.MaxValue), unique: true);
        Map(person, p => p.CertificateNumber, SensitiveKind.CertificateNumber, protector,
            v => DisabilityCertificateNumber.Create(v, ResidentIdNumber.Create(v[..18], DateOnly.MaxValue)), unique: true);
        Map(person, p => p.Phone!, SensitiveKind.Phone, protector, v => PhoneNumber.Create(v), unique: false);

        builder.Entity<Attachment>().Property(a => a.Content).HasConversion(
            new ValueConverter<byte[], byte[]>(v => protector.Protect(SensitiveKind.Attachment, v), c => protector.UnprotectBytes(SensitiveKind.Attachment, c)),
            new ValueComparer<byte[]>((a, b) => ReferenceEquals(a, b) || (a != null && b != null && a.SequenceEqual(b)), v => v.Length, v => v));
    }

    private static void Map<TEntity, TValue>(
        EntityTypeBuilder<TEntity> entity,
        System.Linq.Expressions.Expression<Func<TEntity, TValue>> property,
        SensitiveKind kind,
        ISensitiveDataProtector protector,
        Func<string, TValue> restore,
        bool unique)
        where TEntity : class
        where TValue : class, ISensitiveValue
    {
        var converter = new ValueConverter<TValue, byte[]>(
            v => protector.Protect(kind, v.Value),
            c => restore(protector.Unprotect(kind, c)));
        var comparer = new ValueComparer<TValue>(
            (a, b) => a == null ? b == null : b != null && a.Value == b.Value,
            v => v == null ? 0 : v.Value.GetHashCode(StringComparison.Ordinal),
            v => v);
        var mapped = entity.Property(property).HasConversion(converter, comparer);
        var name = mapped.Metadata.Name;
        mapped.HasAnnotation(KindAnnotation, kind.ToString()).HasAnnotation(IndexAnnotation, IndexOf(name));

        var index = entity.Property<byte[]>(IndexOf(name)).HasMaxLength(32);
        index.IsExcludedFromAudit();
        if (mapped.Metadata.IsNullable)
        {
            index.IsRequired(false);
        }
        else
        {
            index.IsRequired();
        }

        var dbIndex = entity.HasIndex(IndexOf(name));
        if (unique)
        {
            dbIndex.IsUnique();
        }
    }
}
