using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sunshine.Domain.Common;
using Sunshine.Domain.Regions;
using Sunshine.Domain.Registry;

namespace Sunshine.Infrastructure.Persistence.Configurations;

internal sealed class HouseholdConfiguration : IEntityTypeConfiguration<Household>
{
    public void Configure(EntityTypeBuilder<Household> builder)
    {
        builder.ToTable("households");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.Township).HasMaxLength(Person.PlaceMaxLength).IsRequired();
        builder.Property(h => h.Village).HasMaxLength(Person.PlaceMaxLength).IsRequired();
        builder.Property(h => h.PoorHouseholdNumber).HasMaxLength(30);
        builder.Property(h => h.BaselinePerCapitaIncome).HasConversion(m => m!.Value.Yuan, v => Money.FromYuan(v, "baselinePerCapitaIncome")).HasPrecision(14, 2);
        builder.HasOne<Region>().WithMany().HasForeignKey(h => h.CountyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(h => new { h.CountyId, h.IsRegisteredPoor });
        builder.Ignore(h => h.Head);

        builder.OwnsMany(h => h.Members, member =>
        {
            member.ToTable("household_members");
            member.WithOwner().HasForeignKey("HouseholdId");
            member.HasKey(m => m.Id);
            member.Property(m => m.Id).ValueGeneratedNever();
            member.Property(m => m.Name).HasMaxLength(Person.NameMaxLength).IsRequired();
            member.HasOne<Person>().WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Restrict);
            // A disabled person belongs to one household at most.
            member.HasIndex(m => m.PersonId).IsUnique().HasFilter("person_id IS NOT NULL");
            member.Ignore(m => m.IsDisabledPerson);
        });
        builder.Navigation(h => h.Members).HasField("_members");

        builder.OwnsMany(h => h.IncomeRecords, income =>
        {
            income.ToTable("household_income_records");
            income.WithOwner().HasForeignKey("HouseholdId");
            income.HasKey(r => r.Id);
            income.Property(r => r.Id).ValueGeneratedNever();
            income.Property(r => r.PerCapitaIncome).HasConversion(m => m.Yuan, v => Money.FromYuan(v, "perCapitaIncome")).HasPrecision(14, 2);
            income.HasIndex("HouseholdId", nameof(IncomeRecord.Year)).IsUnique();
        });
        builder.Navigation(h => h.IncomeRecords).HasField("_incomeRecords");
        builder.HasXminVersion();
    }
}
