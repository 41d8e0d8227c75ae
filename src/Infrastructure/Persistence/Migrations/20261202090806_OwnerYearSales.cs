using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sunshine.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class OwnerYearSales : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "owner_year_sales",
                columns: table => new
                {
                    owner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    net = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    counted_net = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_owner_year_sales", x => new { x.owner_id, x.year });
                });

            migrationBuilder.CreateIndex(
                name: "ix_owner_year_sales_year_counted_net",
                table: "owner_year_sales",
                columns: new[] { "year", "counted_net" })
                .Annotation("Npgsql:IndexInclude", new[] { "owner_id" });

            // The sales already stored: each owner's years summed from the shop-months.
            migrationBuilder.Sql(
                """
                INSERT INTO owner_year_sales (owner_id, year, net, counted_net)
                SELECT coalesce(s.owner_person_id, s.owner_enterprise_id), extract(year FROM m.month)::int, sum(m.net), sum(m.counted_net)
                FROM shop_month_sales m JOIN shops s ON s.id = m.shop_id
                GROUP BY 1, 2
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "owner_year_sales");
        }
    }
}
