using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sunshine.Domain.Bases;
using Sunshine.Domain.Channels;
using Sunshine.Domain.Common;
using Sunshine.Domain.Enterprises;
using Sunshine.Domain.Incubation;
using Sunshine.Domain.Regions;
using Sunshine.Domain.Registry;

namespace Sunshine.Infrastructure.Persistence.Configurations;

internal sealed class IncubationRecordConfiguration : IEntityTypeConfiguration<IncubationRecord>
{
    public void Configure(EntityTypeBuilder<IncubationRecord> builder)
    {
        builder.ToTable("incubations");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Services).HasConversion<int>();
        builder.HasOne<Enterprise>().WithMany().HasForeignKey(i => i.IncubatorEnterpriseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SunshineBase>().WithMany().HasForeignKey(i => i.IncubatorBaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(i => i.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Region>().WithMany().HasForeignKey(i => i.CountyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Region>().WithMany().HasForeignKey(i => i.OtherCountyId).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t => t.HasCheckConstraint("ck_incubations_one_incubator", "(incubator_enterprise_id IS NULL) <> (incubator_base_id IS NULL)"));
        builder.HasXminVersion();
    }
}

internal sealed class MentoringContractConfiguration : IEntityTypeConfiguration<MentoringContract>
{
    public void Configure(EntityTypeBuilder<MentoringContract> builder)
    {
        builder.ToTable("mentoring_contracts");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Title).HasMaxLength(MentoringContract.TitleMaxLength).IsRequired();
        builder.Property(c => c.Amount).HasConversion(m => m.Yuan, v => Money.FromYuan(v, "amount")).HasPrecision(14, 2);
        builder.HasOne<Enterprise>().WithMany().HasForeignKey(c => c.ProviderEnterpriseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Region>().WithMany().HasForeignKey(c => c.CountyId).OnDelete(DeleteBehavior.Restrict);
        builder.OwnsMany(c => c.Beneficiaries, b =>
        {
            b.ToTable("mentoring_beneficiaries");
            b.WithOwner().HasForeignKey("ContractId");
            b.HasKey("ContractId", nameof(MentoringBeneficiary.PersonId));
            b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Navigation(c => c.Beneficiaries).HasField("_beneficiaries");
        builder.HasXminVersion();
    }
}

internal sealed class MentoringSessionConfiguration : IEntityTypeConfiguration<MentoringSession>
{
    public void Configure(EntityTypeBuilder<MentoringSession> builder)
    {
        builder.ToTable("mentoring_sessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.MentorName).HasMaxLength(MentoringSession.MentorMaxLength).IsRequired();
        builder.Property(s => s.Topic).HasMaxLength(MentoringSession.TopicMaxLength).IsRequired();
        builder.Property(s => s.Hours).HasPrecision(4, 1);
        builder.HasOne<MentoringContract>().WithMany().HasForeignKey(s => s.ContractId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Region>().WithMany().HasForeignKey(s => s.CountyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.PersonId, s.Date });
        builder.HasXminVersion();
    }
}

internal sealed class SpecialtyOutletConfiguration : IEntityTypeConfiguration<SpecialtyOutlet>
{
    public void Configure(EntityTypeBuilder<SpecialtyOutlet> builder)
    {
        builder.ToTable("specialty_outlets");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Name).HasMaxLength(SpecialtyOutlet.NameMaxLength).IsRequired();
        builder.Property(o => o.Address).HasMaxLength(SpecialtyOutlet.AddressMaxLength).IsRequired();
        builder.HasOne<Region>().WithMany().HasForeignKey(o => o.CountyId).OnDelete(DeleteBehavior.Restrict);
        builder.OwnsMany(o => o.Participants, p =>
        {
            p.ToTable("outlet_participants", t => t.HasCheckConstraint(
                "ck_outlet_participants_one", "num_nonnulls(household_id, base_id, person_id) = 1 AND stall_fee_waived >= 0 AND entry_fee_waived >= 0"));
            p.WithOwner().HasForeignKey("OutletId");
            p.HasKey(x => x.Id);
            p.Property(x => x.Id).ValueGeneratedNever();
            p.Property(x => x.StallFeeWaived).HasConversion(m => m.Yuan, v => Money.FromYuan(v, "stallFeeWaived")).HasPrecision(12, 2);
            p.Property(x => x.EntryFeeWaived).HasConversion(m => m.Yuan, v => Money.FromYuan(v, "entryFeeWaived")).HasPrecision(12, 2);
            p.Property(x => x.Accessibility).HasMaxLength(OutletParticipant.AccessibilityMaxLength);
            p.Ignore(x => x.Participant);
        });
        builder.Navigation(o => o.Participants).HasField("_participants");
        builder.HasXminVersion();
    }
}

internal sealed class ExhibitionConfiguration : IEntityTypeConfiguration<Exhibition>
{
    public void Configure(EntityTypeBuilder<Exhibition> builder)
    {
        builder.ToTable("exhibitions");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Name).HasMaxLength(Exhibition.NameMaxLength).IsRequired();
        builder.Property(e => e.FundingSource).HasMaxLength(Exhibition.FundingSourceMaxLength);
        builder.Property(e => e.SalesAmount).HasConversion(m => m.Yuan, v => Money.FromYuan(v, "salesAmount")).HasPrecision(14, 2);
        builder.Property(e => e.FundingAmount).HasConversion(m => m.Yuan, v => Money.FromYuan(v, "fundingAmount")).HasPrecision(14, 2);
        builder.HasOne<Region>().WithMany().HasForeignKey(e => e.CountyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => e.StartDate);
        builder.OwnsMany(e => e.Participants, p =>
        {
            p.ToTable("exhibition_participants", t => t.HasCheckConstraint("ck_exhibition_participants_one", "num_nonnulls(household_id, base_id, person_id) = 1 AND sales >= 0"));
            p.WithOwner().HasForeignKey("ExhibitionId");
            p.HasKey(x => x.Id);
            p.Property(x => x.Id).ValueGeneratedNever();
            p.Property(x => x.Sales).HasConversion(m => m.Yuan, v => Money.FromYuan(v, "sales")).HasPrecision(14, 2);
            p.Ignore(x => x.Participant);
        });
        builder.Navigation(e => e.Participants).HasField("_participants");
        builder.HasXminVersion();
    }
}
