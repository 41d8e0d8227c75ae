using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sunshine.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AnnualSummaries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "annual_summary_rounds",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    due_date = table.Column<DateOnly>(type: "date", nullable: false),
                    data_cut_off = table.Column<DateOnly>(type: "date", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_annual_summary_rounds", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "annual_summaries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    round_id = table.Column<Guid>(type: "uuid", nullable: false),
                    county_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    achievements = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    typical_cases = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    problems = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    next_year_plan = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    snapshot = table.Column<string>(type: "jsonb", nullable: true),
                    submitted_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    is_late = table.Column<bool>(type: "boolean", nullable: false),
                    return_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_annual_summaries", x => x.id);
                    table.ForeignKey(
                        name: "fk_annual_summaries_annual_summary_rounds_round_id",
                        column: x => x.round_id,
                        principalTable: "annual_summary_rounds",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_annual_summaries_regions_county_id",
                        column: x => x.county_id,
                        principalTable: "regions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_annual_summaries_county_id",
                table: "annual_summaries",
                column: "county_id");

            migrationBuilder.CreateIndex(
                name: "ix_annual_summaries_round_id_county_id",
                table: "annual_summaries",
                columns: new[] { "round_id", "county_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_annual_summary_rounds_year",
                table: "annual_summary_rounds",
                column: "year",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "annual_summaries");

            migrationBuilder.DropTable(
                name: "annual_summary_rounds");
        }
    }
}
