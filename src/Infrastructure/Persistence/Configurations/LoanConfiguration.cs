using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sunshine.Domain.Benefits;
using Sunshine.Domain.Common;
using Sunshine.Domain.Loans;
using Sunshine.Domain.Regions;
using Sunshine.Domain.Registry;

namespace Sunshine.Infrastructure.Persistence.Configurations;

internal sealed class LoanConfiguration : IEntityTypeConfiguration<Loan>
{
    public void Configure(EntityTypeBuilder<Loan> builder)
    {
        builder.ToTable("loans");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.Lender).HasMaxLength(Loan.LenderMaxLength).IsRequired();
        builder.Property(l => l.Principal).HasConversion(m => m.Yuan, v => Money.FromYuan(v, "principal")).HasPrecision(14, 2);
        builder.Property(l => l.AnnualRate).HasPrecision(8, 6);
        builder.HasOne<Person>().WithMany().HasForeignKey(l => l.BorrowerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Region>().WithMany().HasForeignKey(l => l.CountyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => new { l.BorrowerId, l.StartDate });
        builder.Ignore(l => l.MaturityDate);
        builder.ToTable(t => t.HasCheckConstraint("ck_loans_terms", "principal > 0 AND annual_rate > 0 AND annual_rate < 1 AND term_months BETWEEN 1 AND 360"));
        builder.OwnsMany(l => l.Repayments, repayment =>
        {
            repayment.ToTable("loan_repayments", t => t.HasCheckConstraint("ck_loan_repayments_principal", "principal > 0"));
            repayment.WithOwner().HasForeignKey("LoanId");
            repayment.HasKey(r => r.Id);
            repayment.Property(r => r.Id).ValueGeneratedNever();
            repayment.Property(r => r.Principal).HasConversion(m => m.Yuan, v => Money.FromYuan(v, "principal")).HasPrecision(14, 2);
        });
        builder.Navigation(l => l.Repayments).HasField("_repayments");
        builder.HasXminVersion();
    }
}

internal sealed class InterestSubsidyClaimConfiguration : IEntityTypeConfiguration<InterestSubsidyClaim>
{
    public void Configure(EntityTypeBuilder<InterestSubsidyClaim> builder)
    {
        builder.ToTable("interest_subsidy_claims");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.HasOne<Benefit>().WithOne().HasForeignKey<InterestSubsidyClaim>(c => c.Id).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Loan>().WithMany().HasForeignKey(c => c.LoanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Region>().WithMany().HasForeignKey(c => c.CountyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.LoanId, c.PeriodStart });
        builder.Ignore(c => c.Period);
        builder.Ignore(c => c.OneTimeKey);
        builder.ToTable(t => t.HasCheckConstraint("ck_interest_subsidy_claims_period", "period_end >= period_start"));
        builder.HasXminVersion();
    }
}
