using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sunshine.Domain.Benefits;
using Sunshine.Domain.Common;
using Sunshine.Domain.Regions;
using Sunshine.Domain.Registry;
using Sunshine.Domain.Training;

namespace Sunshine.Infrastructure.Persistence.Configurations;

internal sealed class CourseConfiguration : IEntityTypeConfiguration<Course>
{
    public void Configure(EntityTypeBuilder<Course> builder)
    {
        builder.ToTable("courses");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Title).HasMaxLength(Course.TitleMaxLength).IsRequired();
        builder.Property(c => c.ProviderName).HasMaxLength(200).IsRequired();
        builder.Property(c => c.PartnerPlatform).HasMaxLength(200);
        builder.PrimitiveCollection(c => c.Topics).HasField("_topics").ElementType(e => e.HasConversion<string>());
        builder.HasOne<Region>().WithMany().HasForeignKey(c => c.CountyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.CountyId, c.StartDate });
        builder.ToTable(t => t.HasCheckConstraint("ck_courses_places", "places_taken >= 0 AND places_taken <= capacity"));
        builder.HasXminVersion();
    }
}

internal sealed class EnrolmentConfiguration : IEntityTypeConfiguration<Enrolment>
{
    public void Configure(EntityTypeBuilder<Enrolment> builder)
    {
        builder.ToTable("enrolments");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Name).HasMaxLength(Person.NameMaxLength).IsRequired();
        builder.Property(e => e.CommitteeRole).HasMaxLength(100);
        builder.Property(e => e.CertificateName).HasMaxLength(200);
        builder.Property(e => e.CertificateNumber).HasMaxLength(100);
        builder.HasOne<Course>().WithMany().HasForeignKey(e => e.CourseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(e => e.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Household>().WithMany().HasForeignKey(e => e.HouseholdId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Region>().WithMany().HasForeignKey(e => e.CountyId).OnDelete(DeleteBehavior.Restrict);

        // A disabled person holds one enrolment per course (dropping out and re-enrolling reuse it).
        builder.HasIndex(e => new { e.CourseId, e.PersonId }).IsUnique().HasFilter("kind = 'DisabledPerson'").HasDatabaseName("ix_enrolments_course_person");
        builder.HasIndex(e => new { e.CountyId, e.Status, e.CompletedOn });
        builder.HasXminVersion();
    }
}

internal sealed class TrainingSubsidyClaimConfiguration : IEntityTypeConfiguration<TrainingSubsidyClaim>
{
    public void Configure(EntityTypeBuilder<TrainingSubsidyClaim> builder)
    {
        builder.ToTable("training_subsidy_claims");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.HasOne<Benefit>().WithOne().HasForeignKey<TrainingSubsidyClaim>(c => c.Id).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Region>().WithMany().HasForeignKey(c => c.CountyId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.ProviderName).HasMaxLength(200).IsRequired();
        builder.Property(c => c.CourseName).HasMaxLength(200).IsRequired();
        builder.Property(c => c.ReceiptNumber).HasMaxLength(50).IsRequired();
        builder.Property(c => c.QualificationCode).HasMaxLength(50).IsRequired();
        builder.Property(c => c.CertificateNumber).HasMaxLength(50).IsRequired();
        builder.Property(c => c.IssuingAuthority).HasMaxLength(200).IsRequired();
        builder.Property(c => c.FeePaid).HasConversion(m => m.Yuan, v => Money.FromYuan(v, "feePaid")).HasPrecision(14, 2);
        builder.Ignore(c => c.OneTimeKey);
        builder.HasIndex(c => new { c.PersonId, c.QualificationCode });
        builder.HasXminVersion();
    }
}
