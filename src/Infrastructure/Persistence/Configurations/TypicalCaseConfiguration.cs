using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sunshine.Domain.Enterprises;
using Sunshine.Domain.Regions;
using Sunshine.Domain.Registry;
using Sunshine.Domain.TypicalCases;

namespace Sunshine.Infrastructure.Persistence.Configurations;

/// <summary>The key figures are one jsonb value (a short, ordered list read and written with the case), so an edit is one audited change.</summary>
internal sealed class TypicalCaseConfiguration : IEntityTypeConfiguration<TypicalCase>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<TypicalCase> builder)
    {
        builder.ToTable("typical_cases", t => t.HasCheckConstraint("ck_typical_cases_one_subject", "(person_id IS NULL) <> (enterprise_id IS NULL)"));
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Ignore(c => c.Subject);
        builder.Property(c => c.Title).HasMaxLength(TypicalCase.TitleMaxLength).IsRequired();
        builder.Property(c => c.Narrative).HasMaxLength(TypicalCase.NarrativeMaxLength).IsRequired();
        builder.Property(c => c.Figures)
            .HasColumnType("jsonb")
            .HasConversion(
                f => JsonSerializer.Serialize(f, Json),
                s => JsonSerializer.Deserialize<List<KeyFigure>>(s, Json) ?? new List<KeyFigure>(),
                new ValueComparer<IReadOnlyList<KeyFigure>>(
                    (a, b) => ReferenceEquals(a, b) || (a != null && b != null && a.SequenceEqual(b)),
                    f => f.Count,
                    f => f.ToList()))
            .IsRequired();
        builder.HasOne<Region>().WithMany().HasForeignKey(c => c.CountyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Enterprise>().WithMany().HasForeignKey(c => c.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.IsPublished, c.PublishedAt });
        builder.HasXminVersion();
    }
}
