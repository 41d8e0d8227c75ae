using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sunshine.Domain.Bases;
using Sunshine.Domain.Common;
using Sunshine.Domain.Enterprises;
using Sunshine.Domain.OperationServices;
using Sunshine.Domain.Regions;
using Sunshine.Domain.Registry;
using Sunshine.Domain.Stations;
using Sunshine.Domain.Supervision;

namespace Sunshine.Infrastructure.Persistence.Configurations;

internal sealed class OperationServiceConfiguration : IEntityTypeConfiguration<OperationService>
{
    public void Configure(EntityTypeBuilder<OperationService> builder)
    {
        builder.ToTable("operation_services", t =>
        {
            t.HasCheckConstraint("ck_operation_services_one_recipient", "num_nonnulls(household_id, base_id, person_id) = 1");
            t.HasCheckConstraint("ck_operation_services_provider", "(provider_kind = 'Federation') = (provider_enterprise_id IS NULL)");
            t.HasCheckConstraint("ck_operation_services_amounts", "hours > 0 AND cost >= 0");
        });
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Type).HasConversion<string>().HasMaxLength(40);
        builder.Property(s => s.ProviderKind).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Hours).HasPrecision(6, 1);
        builder.Property(s => s.Cost).HasConversion(m => m.Yuan, v => Money.FromYuan(v, "cost")).HasPrecision(12, 2);
        builder.Property(s => s.FundingSource).HasMaxLength(OperationService.FundingSourceMaxLength);
        builder.Property(s => s.Description).HasMaxLength(OperationService.DescriptionMaxLength);
        builder.Ignore(s => s.Recipient);
        builder.HasOne<Region>().WithMany().HasForeignKey(s => s.CountyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Enterprise>().WithMany().HasForeignKey(s => s.ProviderEnterpriseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Household>().WithMany().HasForeignKey(s => s.HouseholdId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SunshineBase>().WithMany().HasForeignKey(s => s.BaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.CountyId, s.ServedOn });
        builder.HasXminVersion();
    }
}

internal sealed class SupervisionVisitConfiguration : IEntityTypeConfiguration<SupervisionVisit>
{
    public void Configure(EntityTypeBuilder<SupervisionVisit> builder)
    {
        builder.ToTable("supervision_visits", t => t.HasCheckConstraint(
            "ck_supervision_visits_subject",
            "(subject = 'Base') = (base_id IS NOT NULL) AND (subject = 'Enterprise') = (enterprise_id IS NOT NULL) AND (subject = 'AwardHolder') = (person_id IS NOT NULL)"));
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.Level).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.Subject).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.Inspectors).HasMaxLength(SupervisionVisit.InspectorsMaxLength).IsRequired();
        builder.Property(v => v.Findings).HasMaxLength(SupervisionVisit.FindingsMaxLength).IsRequired();
        builder.HasOne<Region>().WithMany().HasForeignKey(v => v.CountyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SunshineBase>().WithMany().HasForeignKey(v => v.BaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Enterprise>().WithMany().HasForeignKey(v => v.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(v => v.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(v => new { v.CountyId, v.VisitedOn });
        builder.OwnsMany(v => v.Rectifications, r =>
        {
            r.ToTable("rectifications", t => t.HasCheckConstraint(
                "ck_rectifications_closing", "(closed_on IS NULL) = (closing_note IS NULL) AND (closed_on IS NULL) = (closed_by_id IS NULL)"));
            r.WithOwner().HasForeignKey("VisitId");
            r.HasKey(x => x.Id);
            r.Property(x => x.Id).ValueGeneratedNever();
            r.Property(x => x.Item).HasMaxLength(Rectification.ItemMaxLength).IsRequired();
            r.Property(x => x.ClosingNote).HasMaxLength(Rectification.NoteMaxLength);

            // The reminder run reads the open items by due date.
            r.HasIndex(x => x.DueDate).HasFilter("closed_on IS NULL");
        });
        builder.Navigation(v => v.Rectifications).HasField("_rectifications");
        builder.HasXminVersion();
    }
}

internal sealed class ServiceStationConfiguration : IEntityTypeConfiguration<ServiceStation>
{
    public void Configure(EntityTypeBuilder<ServiceStation> builder)
    {
        builder.ToTable("service_stations");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Name).HasMaxLength(ServiceStation.NameMaxLength).IsRequired();
        builder.Property(s => s.Township).HasMaxLength(ServiceStation.PlaceMaxLength).IsRequired();
        builder.Property(s => s.Village).HasMaxLength(ServiceStation.PlaceMaxLength);
        builder.Property(s => s.Address).HasMaxLength(ServiceStation.AddressMaxLength).IsRequired();
        builder.HasOne<Region>().WithMany().HasForeignKey(s => s.CountyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Enterprise>().WithMany().HasForeignKey(s => s.OperatorEnterpriseId).OnDelete(DeleteBehavior.Restrict);
        builder.OwnsMany(s => s.Recruits, r =>
        {
            r.ToTable("station_recruits");
            r.WithOwner().HasForeignKey("StationId");
            r.HasKey(x => x.Id);
            r.Property(x => x.Id).ValueGeneratedNever();
            r.Property(x => x.Terms).HasMaxLength(StationRecruit.TermsMaxLength).IsRequired();
            r.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
            r.HasIndex("StationId", nameof(StationRecruit.PersonId)).IsUnique();
        });
        builder.Navigation(s => s.Recruits).HasField("_recruits");
        builder.HasXminVersion();
    }
}
