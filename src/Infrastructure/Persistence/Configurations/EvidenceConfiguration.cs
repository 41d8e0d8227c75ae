using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sunshine.Domain.Bases;
using Sunshine.Domain.Common;
using Sunshine.Domain.Enterprises;
using Sunshine.Domain.Evidence;
using Sunshine.Domain.Regions;
using Sunshine.Domain.Registry;

namespace Sunshine.Infrastructure.Persistence.Configurations;

internal sealed class SunshineBaseConfiguration : IEntityTypeConfiguration<SunshineBase>
{
    public void Configure(EntityTypeBuilder<SunshineBase> builder)
    {
        builder.ToTable("sunshine_bases");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.Name).HasMaxLength(SunshineBase.NameMaxLength).IsRequired();
        builder.Property(b => b.Products).HasMaxLength(SunshineBase.ProductsMaxLength).IsRequired();
        builder.HasOne<Region>().WithMany().HasForeignKey(b => b.CountyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(b => b.OperatorPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Enterprise>().WithMany().HasForeignKey(b => b.OperatorEnterpriseId).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t => t.HasCheckConstraint("ck_sunshine_bases_one_operator", "(operator_person_id IS NULL) <> (operator_enterprise_id IS NULL)"));
        builder.HasXminVersion();
    }
}

internal sealed class SupplyAgreementConfiguration : IEntityTypeConfiguration<SupplyAgreement>
{
    public void Configure(EntityTypeBuilder<SupplyAgreement> builder)
    {
        builder.ToTable("supply_agreements");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Products).HasMaxLength(SupplyAgreement.ProductsMaxLength).IsRequired();
        builder.HasOne<Enterprise>().WithMany().HasForeignKey(a => a.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SunshineBase>().WithMany().HasForeignKey(a => a.BaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Region>().WithMany().HasForeignKey(a => a.CountyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Region>().WithMany().HasForeignKey(a => a.OtherCountyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.EnterpriseId, a.StartDate });
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_supply_agreements_one_counterparty", "(base_id IS NULL) <> (person_id IS NULL)");
            t.HasCheckConstraint("ck_supply_agreements_dates", "end_date IS NULL OR end_date >= start_date");
        });
        builder.HasXminVersion();
    }
}

internal sealed class EmploymentRecordConfiguration : IEntityTypeConfiguration<EmploymentRecord>
{
    public void Configure(EntityTypeBuilder<EmploymentRecord> builder)
    {
        builder.ToTable("employment_records");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.HasOne<Enterprise>().WithMany().HasForeignKey(e => e.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(e => e.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Region>().WithMany().HasForeignKey(e => e.CountyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Region>().WithMany().HasForeignKey(e => e.OtherCountyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.EnterpriseId, e.StartDate });
        builder.HasIndex(e => new { e.PersonId, e.StartDate });
        builder.ToTable(t => t.HasCheckConstraint("ck_employment_records_dates", "end_date IS NULL OR end_date >= start_date"));
        builder.HasXminVersion();
    }
}

internal sealed class BenefitLinkConfiguration : IEntityTypeConfiguration<BenefitLink>
{
    public void Configure(EntityTypeBuilder<BenefitLink> builder)
    {
        builder.ToTable("benefit_links");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.HasOne<Enterprise>().WithMany().HasForeignKey(l => l.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(l => l.EntrepreneurPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Household>().WithMany().HasForeignKey(l => l.HouseholdId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Region>().WithMany().HasForeignKey(l => l.CountyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Region>().WithMany().HasForeignKey(l => l.OtherCountyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => new { l.EnterpriseId, l.StartDate });
        builder.HasIndex(l => new { l.EntrepreneurPersonId, l.StartDate });
        builder.HasIndex(l => new { l.HouseholdId, l.StartDate });
        builder.Ignore(l => l.CarriesProducts);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_benefit_links_one_party", "(enterprise_id IS NULL) <> (entrepreneur_person_id IS NULL)");
            t.HasCheckConstraint("ck_benefit_links_dates", "end_date IS NULL OR end_date >= start_date");
        });
        builder.OwnsMany(l => l.Months, month =>
        {
            month.ToTable("benefit_link_months", t => t.HasCheckConstraint("ck_benefit_link_months_amount", "amount > 0"));
            month.WithOwner().HasForeignKey("BenefitLinkId");
            month.HasKey("BenefitLinkId", nameof(LinkMonth.Month));
            month.Property(m => m.Amount).HasConversion(m => m.Yuan, v => Money.FromYuan(v, "amount")).HasPrecision(14, 2);
        });
        builder.Navigation(l => l.Months).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasXminVersion();
    }
}
