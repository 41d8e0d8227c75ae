using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sunshine.Domain.Awards;
using Sunshine.Domain.Bases;
using Sunshine.Domain.Benefits;
using Sunshine.Domain.Common;
using Sunshine.Domain.Enterprises;
using Sunshine.Domain.Funds;
using Sunshine.Domain.Regions;
using Sunshine.Domain.Registry;

namespace Sunshine.Infrastructure.Persistence.Configurations;

internal sealed class AwardApplicationConfiguration : IEntityTypeConfiguration<AwardApplication>
{
    public void Configure(EntityTypeBuilder<AwardApplication> builder)
    {
        builder.ToTable("award_applications", t => t.HasCheckConstraint(
            "ck_award_applications_one_beneficiary",
            "(CASE WHEN person_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN base_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN enterprise_id IS NULL THEN 0 ELSE 1 END) = 1"));
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Snapshot).HasColumnType("jsonb");
        builder.HasOne<Benefit>().WithOne().HasForeignKey<AwardApplication>(a => a.Id).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SunshineBase>().WithMany().HasForeignKey(a => a.BaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Enterprise>().WithMany().HasForeignKey(a => a.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Region>().WithMany().HasForeignKey(a => a.CountyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.Type, a.BeneficiaryId });
        builder.HasXminVersion();
    }
}

internal sealed class FundAllocationConfiguration : IEntityTypeConfiguration<FundAllocation>
{
    public void Configure(EntityTypeBuilder<FundAllocation> builder)
    {
        // The balance can never go below zero, whatever the application does (a second guard beside the row version).
        builder.ToTable("fund_allocations", t => t.HasCheckConstraint(
            "ck_fund_allocations_balance", "amount > 0 AND disbursed >= 0 AND disbursed <= amount"));
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Amount).HasConversion(m => m.Yuan, v => Money.FromYuan(v, "amount")).HasPrecision(14, 2);
        builder.Property(a => a.Disbursed).HasConversion(m => m.Yuan, v => Money.FromYuan(v, "amount")).HasPrecision(14, 2);
        builder.Property(a => a.DocumentNumber).HasMaxLength(FundAllocation.DocumentMaxLength).IsRequired();
        builder.Property(a => a.Note).HasMaxLength(FundAllocation.NoteMaxLength).IsRequired();
        builder.Ignore(a => a.Balance);
        builder.HasOne<Region>().WithMany().HasForeignKey(a => a.CountyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.Year, a.CountyId });
        builder.HasXminVersion();
    }
}

internal sealed class FundPaymentConfiguration : IEntityTypeConfiguration<FundPayment>
{
    public void Configure(EntityTypeBuilder<FundPayment> builder)
    {
        builder.ToTable("fund_payments", t => t.HasCheckConstraint(
            "ck_fund_payments_sign", "(reversal_of_id IS NULL AND amount > 0) OR (reversal_of_id IS NOT NULL AND amount < 0)"));
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Amount).HasPrecision(14, 2);
        builder.Property(p => p.Voucher).HasMaxLength(50).IsRequired();
        builder.Property(p => p.PayeeName).HasMaxLength(FundPayment.NameMaxLength).IsRequired();
        builder.Property(p => p.PayeeBank).HasMaxLength(FundPayment.BankMaxLength).IsRequired();
        builder.Property(p => p.PayeeAccount).IsRequired();
        builder.Property(p => p.PayeeAccountLast4).HasMaxLength(4).IsRequired();
        builder.Property(p => p.Reason).HasMaxLength(Benefit.CommentMaxLength);
        builder.Ignore(p => p.IsReversal);
        builder.Ignore(p => p.MaskedAccount);
        builder.HasOne<Benefit>().WithMany().HasForeignKey(p => p.BenefitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Region>().WithMany().HasForeignKey(p => p.CountyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<FundPayment>().WithOne().HasForeignKey<FundPayment>(p => p.ReversalOfId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.PaymentDate);
        builder.HasIndex(p => p.BenefitId);
        builder.OwnsMany(p => p.Entries, e =>
        {
            e.ToTable("fund_ledger_entries", t => t.HasCheckConstraint("ck_fund_ledger_entries_amount", "amount <> 0"));
            e.WithOwner().HasForeignKey("PaymentId");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Amount).HasPrecision(14, 2);
            e.HasOne<FundAllocation>().WithMany().HasForeignKey(x => x.AllocationId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => x.AllocationId);
        });
        builder.Navigation(p => p.Entries).HasField("_entries");
        builder.HasXminVersion();
    }
}
