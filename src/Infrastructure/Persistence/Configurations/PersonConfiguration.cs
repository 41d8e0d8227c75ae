using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sunshine.Domain.Regions;
using Sunshine.Domain.Registry;

namespace Sunshine.Infrastructure.Persistence.Configurations;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ToTable("persons");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Name).HasMaxLength(Person.NameMaxLength).IsRequired();
        builder.Property(p => p.Township).HasMaxLength(Person.PlaceMaxLength).IsRequired();
        builder.Property(p => p.Village).HasMaxLength(Person.PlaceMaxLength).IsRequired();
        builder.Property(p => p.Tags).HasConversion<int>();
        builder.HasOne<Region>().WithMany().HasForeignKey(p => p.CountyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.CountyId, p.Name });
        builder.HasIndex(p => p.Name);
        builder.OwnsMany(p => p.Consents, consent =>
        {
            consent.ToTable("person_consents");
            consent.WithOwner().HasForeignKey("PersonId");
            consent.HasKey(c => c.Id);
            consent.Property(c => c.Id).ValueGeneratedNever();
        });
        builder.Navigation(p => p.Consents).HasField("_consents");
        builder.HasXminVersion();
    }
}
