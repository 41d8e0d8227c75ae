using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sunshine.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Evidence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "address",
                table: "enterprises",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "contact_name",
                table: "enterprises",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "contact_phone",
                table: "enterprises",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "run_by_person_id",
                table: "enterprises",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "benefit_links",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: true),
                    entrepreneur_person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    household_id = table.Column<Guid>(type: "uuid", nullable: false),
                    county_id = table.Column<Guid>(type: "uuid", nullable: false),
                    other_county_id = table.Column<Guid>(type: "uuid", nullable: true),
                    type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    start_date = table.Column<DateOnly>(type: "date", nullable: false),
                    end_date = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_benefit_links", x => x.id);
                    table.CheckConstraint("ck_benefit_links_dates", "end_date IS NULL OR end_date >= start_date");
                    table.CheckConstraint("ck_benefit_links_one_party", "(enterprise_id IS NULL) <> (entrepreneur_person_id IS NULL)");
                    table.ForeignKey(
                        name: "fk_benefit_links_enterprises_enterprise_id",
                        column: x => x.enterprise_id,
                        principalTable: "enterprises",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_benefit_links_households_household_id",
                        column: x => x.household_id,
                        principalTable: "households",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_benefit_links_persons_entrepreneur_person_id",
                        column: x => x.entrepreneur_person_id,
                        principalTable: "persons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_benefit_links_regions_county_id",
                        column: x => x.county_id,
                        principalTable: "regions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_benefit_links_regions_other_county_id",
                        column: x => x.other_county_id,
                        principalTable: "regions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "employment_records",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    county_id = table.Column<Guid>(type: "uuid", nullable: false),
                    other_county_id = table.Column<Guid>(type: "uuid", nullable: true),
                    job_category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    hours_type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    source = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    start_date = table.Column<DateOnly>(type: "date", nullable: false),
                    end_date = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_employment_records", x => x.id);
                    table.CheckConstraint("ck_employment_records_dates", "end_date IS NULL OR end_date >= start_date");
                    table.ForeignKey(
                        name: "fk_employment_records_enterprises_enterprise_id",
                        column: x => x.enterprise_id,
                        principalTable: "enterprises",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_employment_records_persons_person_id",
                        column: x => x.person_id,
                        principalTable: "persons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_employment_records_regions_county_id",
                        column: x => x.county_id,
                        principalTable: "regions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_employment_records_regions_other_county_id",
                        column: x => x.other_county_id,
                        principalTable: "regions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "sunshine_bases",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    county_id = table.Column<Guid>(type: "uuid", nullable: false),
                    operator_person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    operator_enterprise_id = table.Column<Guid>(type: "uuid", nullable: true),
                    recognised_year = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    products = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sunshine_bases", x => x.id);
                    table.CheckConstraint("ck_sunshine_bases_one_operator", "(operator_person_id IS NULL) <> (operator_enterprise_id IS NULL)");
                    table.ForeignKey(
                        name: "fk_sunshine_bases_enterprises_operator_enterprise_id",
                        column: x => x.operator_enterprise_id,
                        principalTable: "enterprises",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_sunshine_bases_persons_operator_person_id",
                        column: x => x.operator_person_id,
                        principalTable: "persons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_sunshine_bases_regions_county_id",
                        column: x => x.county_id,
                        principalTable: "regions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "benefit_link_months",
                columns: table => new
                {
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    benefit_link_id = table.Column<Guid>(type: "uuid", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_benefit_link_months", x => new { x.benefit_link_id, x.month });
                    table.CheckConstraint("ck_benefit_link_months_amount", "amount > 0");
                    table.ForeignKey(
                        name: "fk_benefit_link_months_benefit_links_benefit_link_id",
                        column: x => x.benefit_link_id,
                        principalTable: "benefit_links",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "supply_agreements",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    base_id = table.Column<Guid>(type: "uuid", nullable: true),
                    person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    county_id = table.Column<Guid>(type: "uuid", nullable: false),
                    other_county_id = table.Column<Guid>(type: "uuid", nullable: true),
                    products = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    start_date = table.Column<DateOnly>(type: "date", nullable: false),
                    end_date = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_supply_agreements", x => x.id);
                    table.CheckConstraint("ck_supply_agreements_dates", "end_date IS NULL OR end_date >= start_date");
                    table.CheckConstraint("ck_supply_agreements_one_counterparty", "(base_id IS NULL) <> (person_id IS NULL)");
                    table.ForeignKey(
                        name: "fk_supply_agreements_enterprises_enterprise_id",
                        column: x => x.enterprise_id,
                        principalTable: "enterprises",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_supply_agreements_persons_person_id",
                        column: x => x.person_id,
                        principalTable: "persons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_supply_agreements_regions_county_id",
                        column: x => x.county_id,
                        principalTable: "regions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_supply_agreements_regions_other_county_id",
                        column: x => x.other_county_id,
                        principalTable: "regions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_supply_agreements_sunshine_bases_base_id",
                        column: x => x.base_id,
                        principalTable: "sunshine_bases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_enterprises_run_by_person_id",
                table: "enterprises",
                column: "run_by_person_id");

            migrationBuilder.CreateIndex(
                name: "ix_benefit_links_county_id",
                table: "benefit_links",
                column: "county_id");

            migrationBuilder.CreateIndex(
                name: "ix_benefit_links_enterprise_id_start_date",
                table: "benefit_links",
                columns: new[] { "enterprise_id", "start_date" });

            migrationBuilder.CreateIndex(
                name: "ix_benefit_links_entrepreneur_person_id_start_date",
                table: "benefit_links",
                columns: new[] { "entrepreneur_person_id", "start_date" });

            migrationBuilder.CreateIndex(
                name: "ix_benefit_links_household_id_start_date",
                table: "benefit_links",
                columns: new[] { "household_id", "start_date" });

            migrationBuilder.CreateIndex(
                name: "ix_benefit_links_other_county_id",
                table: "benefit_links",
                column: "other_county_id");

            migrationBuilder.CreateIndex(
                name: "ix_employment_records_county_id",
                table: "employment_records",
                column: "county_id");

            migrationBuilder.CreateIndex(
                name: "ix_employment_records_enterprise_id_start_date",
                table: "employment_records",
                columns: new[] { "enterprise_id", "start_date" });

            migrationBuilder.CreateIndex(
                name: "ix_employment_records_other_county_id",
                table: "employment_records",
                column: "other_county_id");

            migrationBuilder.CreateIndex(
                name: "ix_employment_records_person_id_start_date",
                table: "employment_records",
                columns: new[] { "person_id", "start_date" });

            migrationBuilder.CreateIndex(
                name: "ix_sunshine_bases_county_id",
                table: "sunshine_bases",
                column: "county_id");

            migrationBuilder.CreateIndex(
                name: "ix_sunshine_bases_operator_enterprise_id",
                table: "sunshine_bases",
                column: "operator_enterprise_id");

            migrationBuilder.CreateIndex(
                name: "ix_sunshine_bases_operator_person_id",
                table: "sunshine_bases",
                column: "operator_person_id");

            migrationBuilder.CreateIndex(
                name: "ix_supply_agreements_base_id",
                table: "supply_agreements",
                column: "base_id");

            migrationBuilder.CreateIndex(
                name: "ix_supply_agreements_county_id",
                table: "supply_agreements",
                column: "county_id");

            migrationBuilder.CreateIndex(
                name: "ix_supply_agreements_enterprise_id_start_date",
                table: "supply_agreements",
                columns: new[] { "enterprise_id", "start_date" });

            migrationBuilder.CreateIndex(
                name: "ix_supply_agreements_other_county_id",
                table: "supply_agreements",
                column: "other_county_id");

            migrationBuilder.CreateIndex(
                name: "ix_supply_agreements_person_id",
                table: "supply_agreements",
                column: "person_id");

            migrationBuilder.AddForeignKey(
                name: "fk_enterprises_persons_run_by_person_id",
                table: "enterprises",
                column: "run_by_person_id",
                principalTable: "persons",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_enterprises_persons_run_by_person_id",
                table: "enterprises");

            migrationBuilder.DropTable(
                name: "benefit_link_months");

            migrationBuilder.DropTable(
                name: "employment_records");

            migrationBuilder.DropTable(
                name: "supply_agreements");

            migrationBuilder.DropTable(
                name: "benefit_links");

            migrationBuilder.DropTable(
                name: "sunshine_bases");

            migrationBuilder.DropIndex(
                name: "ix_enterprises_run_by_person_id",
                table: "enterprises");

            migrationBuilder.DropColumn(
                name: "address",
                table: "enterprises");

            migrationBuilder.DropColumn(
                name: "contact_name",
                table: "enterprises");

            migrationBuilder.DropColumn(
                name: "contact_phone",
                table: "enterprises");

            migrationBuilder.DropColumn(
                name: "run_by_person_id",
                table: "enterprises");
        }
    }
}
