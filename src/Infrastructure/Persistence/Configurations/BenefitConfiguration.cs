using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sunshine.Domain.Benefits;
using Sunshine.Domain.Common;
using Sunshine.Domain.Regions;
using Sunshine.Domain.Registry;

namespace Sunshine.Infrastructure.Persistence.Configurations;

internal sealed class BenefitConfiguration : IEntityTypeConfiguration<Benefit>
{
    /// <summary>One-time rules held by the database: two approvals of the same thing cannot both commit.</summary>
    public const string OneTimeIndex = "ix_benefits_one_time";

    public void Configure(EntityTypeBuilder<Benefit> builder)
    {
        builder.ToTable("benefits");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.OneTimeKey).HasMaxLength(200).IsRequired();
        builder.Property(b => b.PaymentVoucher).HasMaxLength(50);
        builder.Property(b => b.Decision)
            .HasColumnType("jsonb")
            .HasConversion(
                d => d == null ? null : JsonSerializer.Serialize(StoredDecision.From(d), StoredDecision.Json),
                s => s == null ? null : JsonSerializer.Deserialize<StoredDecision>(s, StoredDecision.Json)!.ToDecision(),
                new ValueComparer<Decision?>((a, b) => ReferenceEquals(a, b) || (a != null && b != null && a.SameOutcomeAs(b)), d => d == null ? 0 : d.Amount.GetHashCode(), d => d));
        builder.Ignore(b => b.Definition);
        builder.Ignore(b => b.IsEditable);
        builder.HasOne<Region>().WithMany().HasForeignKey(b => b.CountyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(b => b.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(b => new { b.Type, b.OneTimeKey }).IsUnique().HasFilter("is_finally_approved").HasDatabaseName(OneTimeIndex);
        builder.HasIndex(b => new { b.CountyId, b.Type, b.State });
        builder.OwnsMany(b => b.Transitions, t =>
        {
            t.ToTable("benefit_transitions");
            t.WithOwner().HasForeignKey("BenefitId");
            t.HasKey(x => x.Id);
            t.Property(x => x.Id).ValueGeneratedNever();
            t.Property(x => x.Action).HasMaxLength(40).IsRequired();
            t.Property(x => x.Comment).HasMaxLength(Benefit.CommentMaxLength);
        });
        builder.Navigation(b => b.Transitions).HasField("_transitions");
        builder.OwnsMany(b => b.Objections, o =>
        {
            o.ToTable("benefit_objections");
            o.WithOwner().HasForeignKey("BenefitId");
            o.HasKey(x => x.Id);
            o.Property(x => x.Id).ValueGeneratedNever();
            o.Property(x => x.Summary).HasMaxLength(BenefitObjection.TextMaxLength).IsRequired();
            o.Property(x => x.Resolution).HasMaxLength(BenefitObjection.TextMaxLength);
            o.Ignore(x => x.IsOpen);
        });
        builder.Navigation(b => b.Objections).HasField("_objections");
        builder.Ignore(b => b.FinalApproverId);
        builder.Ignore(b => b.ApprovedState);
        builder.HasXminVersion();
    }

    /// <summary>The decision as stored: plain values, so it reads back exactly as it was decided.</summary>
    private sealed record StoredDecision(bool Eligible, decimal Amount, DateOnly AssessmentDate, Guid? PolicyVersionId, List<CriterionResult> Criteria)
    {
        public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

        public static StoredDecision From(Decision d) => new(d.Eligible, d.Amount.Yuan, d.AssessmentDate, d.PolicyVersionId, d.Criteria.ToList());

        public Decision ToDecision() => new(Eligible, Money.FromYuan(Amount), AssessmentDate, PolicyVersionId, Criteria);
    }
}
