using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sunshine.Domain.Catalogue;
using Sunshine.Domain.Common;
using Sunshine.Domain.Enterprises;
using Sunshine.Domain.Regions;
using Sunshine.Domain.Registry;
using Sunshine.Domain.Sales;
using Sunshine.Domain.Shops;

namespace Sunshine.Infrastructure.Persistence.Configurations;

internal sealed class EnterpriseConfiguration : IEntityTypeConfiguration<Enterprise>
{
    public void Configure(EntityTypeBuilder<Enterprise> builder)
    {
        builder.ToTable("enterprises");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Name).HasMaxLength(Enterprise.NameMaxLength).IsRequired();
        builder.Property(e => e.CreditCode).HasConversion(c => c.Value, v => UnifiedSocialCreditCode.Create(v, "creditCode")).HasMaxLength(18).IsRequired();
        builder.HasIndex(e => e.CreditCode).IsUnique();
        builder.Property(e => e.Roles).HasConversion<int>();
        builder.HasOne<Region>().WithMany().HasForeignKey(e => e.CountyId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(e => e.IsPartnerPlatform);
        builder.Property(e => e.ContactName).HasMaxLength(Enterprise.ContactNameMaxLength);
        builder.Property(e => e.ContactPhone).HasMaxLength(30);
        builder.Property(e => e.Address).HasMaxLength(Enterprise.AddressMaxLength);
        builder.HasOne<Person>().WithMany().HasForeignKey(e => e.RunByPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasXminVersion();
    }
}

internal sealed class PartnerClientConfiguration : IEntityTypeConfiguration<PartnerClient>
{
    public void Configure(EntityTypeBuilder<PartnerClient> builder)
    {
        builder.ToTable("partner_clients");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.ClientId).HasMaxLength(100).IsRequired();
        builder.HasIndex(c => c.ClientId).IsUnique();
        builder.Property(c => c.DisplayName).HasMaxLength(100).IsRequired();
        builder.Property(c => c.Scopes).HasConversion<int>();
        builder.HasOne<Enterprise>().WithMany().HasForeignKey(c => c.PlatformId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(c => c.IsActive);
        builder.HasXminVersion();
    }
}

internal sealed class ShopConfiguration : IEntityTypeConfiguration<Shop>
{
    public void Configure(EntityTypeBuilder<Shop> builder)
    {
        builder.ToTable("shops");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.PlatformShopId).HasMaxLength(100).IsRequired();
        builder.Property(s => s.Name).HasMaxLength(Shop.NameMaxLength).IsRequired();
        builder.Property(s => s.Url).HasMaxLength(500);
        builder.HasOne<Person>().WithMany().HasForeignKey(s => s.OwnerPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Enterprise>().WithMany().HasForeignKey(s => s.OwnerEnterpriseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Enterprise>().WithMany().HasForeignKey(s => s.PlatformId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Region>().WithMany().HasForeignKey(s => s.CountyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.PlatformId, s.PlatformShopId }).IsUnique();
        builder.HasIndex(s => new { s.CountyId, s.OpenedOn });
        builder.ToTable(t => t.HasCheckConstraint("ck_shops_one_owner", "(owner_person_id IS NULL) <> (owner_enterprise_id IS NULL)"));
        builder.HasXminVersion();
    }
}

internal sealed class SalesRecordConfiguration : IEntityTypeConfiguration<SalesRecord>
{
    public void Configure(EntityTypeBuilder<SalesRecord> builder)
    {
        builder.ToTable("sales_records");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Gross).HasConversion(m => m.Yuan, v => Money.FromYuan(v, "grossAmount")).HasPrecision(14, 2);
        builder.Property(s => s.Refunds).HasConversion(m => m.Yuan, v => Money.FromYuan(v, "refunds")).HasPrecision(14, 2);
        builder.Property(s => s.Net).HasPrecision(14, 2);
        builder.HasOne<Shop>().WithMany().HasForeignKey(s => s.ShopId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.ShopId, s.PeriodStart }).IsUnique();
        builder.HasIndex(s => new { s.CountyId, s.Month });
        builder.Ignore(s => s.IsCounted);
        builder.ToTable(t => t.HasCheckConstraint("ck_sales_records_amounts", "gross >= 0 AND refunds >= 0 AND order_count >= 0 AND units >= 0"));
        builder.HasXminVersion();
    }
}

internal sealed class SalesHistoryConfiguration : IEntityTypeConfiguration<SalesHistoryEntry>
{
    public void Configure(EntityTypeBuilder<SalesHistoryEntry> builder)
    {
        builder.ToTable("sales_history");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.Gross).HasConversion(m => m.Yuan, v => Money.FromYuan(v, "grossAmount")).HasPrecision(14, 2);
        builder.Property(h => h.Refunds).HasConversion(m => m.Yuan, v => Money.FromYuan(v, "refunds")).HasPrecision(14, 2);
        builder.HasIndex(h => new { h.ShopId, h.PeriodStart });
    }
}

internal sealed class ShopMonthSalesConfiguration : IEntityTypeConfiguration<ShopMonthSales>
{
    public void Configure(EntityTypeBuilder<ShopMonthSales> builder)
    {
        builder.ToTable("shop_month_sales");
        builder.HasKey(s => new { s.ShopId, s.Month });
        foreach (var amount in new[] { nameof(ShopMonthSales.Gross), nameof(ShopMonthSales.Refunds), nameof(ShopMonthSales.Net), nameof(ShopMonthSales.CountedNet) })
        {
            builder.Property(amount).HasPrecision(16, 2);
        }

        builder.HasIndex(s => new { s.CountyId, s.Month });
    }
}

internal sealed class OwnerYearSalesConfiguration : IEntityTypeConfiguration<OwnerYearSales>
{
    public void Configure(EntityTypeBuilder<OwnerYearSales> builder)
    {
        builder.ToTable("owner_year_sales");
        builder.HasKey(s => new { s.OwnerId, s.Year });
        builder.Property(s => s.Net).HasPrecision(18, 2);
        builder.Property(s => s.CountedNet).HasPrecision(18, 2);

        // Screening: the owners of a year at or over a threshold are one range of this index (index-only: the owner is included).
        builder.HasIndex(s => new { s.Year, s.CountedNet }).IncludeProperties(s => s.OwnerId);
    }
}

internal sealed class CountyMonthSalesConfiguration : IEntityTypeConfiguration<CountyMonthSales>
{
    public void Configure(EntityTypeBuilder<CountyMonthSales> builder)
    {
        builder.ToTable("county_month_sales");
        builder.HasKey(s => new { s.CountyId, s.Month });
        foreach (var amount in new[] { nameof(CountyMonthSales.Gross), nameof(CountyMonthSales.Refunds), nameof(CountyMonthSales.Net), nameof(CountyMonthSales.CountedNet) })
        {
            builder.Property(amount).HasPrecision(18, 2);
        }
    }
}

internal sealed class CountyShopDayConfiguration : IEntityTypeConfiguration<Domain.Shops.CountyShopDay>
{
    public void Configure(EntityTypeBuilder<Domain.Shops.CountyShopDay> builder)
    {
        builder.ToTable("county_shop_days");
        builder.HasKey(d => new { d.CountyId, d.Day });
    }
}

internal sealed class CountyShopMonthConfiguration : IEntityTypeConfiguration<Domain.Shops.CountyShopMonth>
{
    public void Configure(EntityTypeBuilder<Domain.Shops.CountyShopMonth> builder)
    {
        builder.ToTable("county_shop_months");
        builder.HasKey(d => new { d.CountyId, d.Month });
    }
}

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> builder)
    {
        builder.ToTable("products");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Name).HasMaxLength(100).IsRequired();
        builder.Property(p => p.Unit).HasMaxLength(20).IsRequired();
        builder.Property(p => p.Description).HasMaxLength(2000).IsRequired();
        builder.Property(p => p.Price).HasConversion(m => m.Yuan, v => Money.FromYuan(v, "price")).HasPrecision(12, 2);
        builder.HasOne<Person>().WithMany().HasForeignKey(p => p.ProducerPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Enterprise>().WithMany().HasForeignKey(p => p.ProducerEnterpriseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Region>().WithMany().HasForeignKey(p => p.CountyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.UpdatedAt, p.Id });
        builder.HasXminVersion();
    }
}
