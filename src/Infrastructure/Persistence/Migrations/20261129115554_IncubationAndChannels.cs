using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sunshine.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class IncubationAndChannels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "exhibitions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    mode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    organiser_level = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    county_id = table.Column<Guid>(type: "uuid", nullable: true),
                    start_date = table.Column<DateOnly>(type: "date", nullable: false),
                    end_date = table.Column<DateOnly>(type: "date", nullable: false),
                    sales_amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    funding_amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    funding_source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_exhibitions", x => x.id);
                    table.ForeignKey(
                        name: "fk_exhibitions_regions_county_id",
                        column: x => x.county_id,
                        principalTable: "regions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "incubations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    incubator_enterprise_id = table.Column<Guid>(type: "uuid", nullable: true),
                    incubator_base_id = table.Column<Guid>(type: "uuid", nullable: true),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    county_id = table.Column<Guid>(type: "uuid", nullable: false),
                    other_county_id = table.Column<Guid>(type: "uuid", nullable: true),
                    incubatee_type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    services = table.Column<int>(type: "integer", maxLength: 40, nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    start_date = table.Column<DateOnly>(type: "date", nullable: false),
                    end_date = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_incubations", x => x.id);
                    table.CheckConstraint("ck_incubations_one_incubator", "(incubator_enterprise_id IS NULL) <> (incubator_base_id IS NULL)");
                    table.ForeignKey(
                        name: "fk_incubations_enterprises_incubator_enterprise_id",
                        column: x => x.incubator_enterprise_id,
                        principalTable: "enterprises",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_incubations_persons_person_id",
                        column: x => x.person_id,
                        principalTable: "persons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_incubations_regions_county_id",
                        column: x => x.county_id,
                        principalTable: "regions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_incubations_regions_other_county_id",
                        column: x => x.other_county_id,
                        principalTable: "regions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_incubations_sunshine_bases_incubator_base_id",
                        column: x => x.incubator_base_id,
                        principalTable: "sunshine_bases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "mentoring_contracts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    provider_enterprise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    county_id = table.Column<Guid>(type: "uuid", nullable: true),
                    amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    start_date = table.Column<DateOnly>(type: "date", nullable: false),
                    end_date = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_mentoring_contracts", x => x.id);
                    table.ForeignKey(
                        name: "fk_mentoring_contracts_enterprises_provider_enterprise_id",
                        column: x => x.provider_enterprise_id,
                        principalTable: "enterprises",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_mentoring_contracts_regions_county_id",
                        column: x => x.county_id,
                        principalTable: "regions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "specialty_outlets",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    county_id = table.Column<Guid>(type: "uuid", nullable: false),
                    location = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    level = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    opened_on = table.Column<DateOnly>(type: "date", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_specialty_outlets", x => x.id);
                    table.ForeignKey(
                        name: "fk_specialty_outlets_regions_county_id",
                        column: x => x.county_id,
                        principalTable: "regions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "exhibition_participants",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    household_id = table.Column<Guid>(type: "uuid", nullable: true),
                    base_id = table.Column<Guid>(type: "uuid", nullable: true),
                    person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    sales = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    exhibition_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_exhibition_participants", x => x.id);
                    table.CheckConstraint("ck_exhibition_participants_one", "num_nonnulls(household_id, base_id, person_id) = 1 AND sales >= 0");
                    table.ForeignKey(
                        name: "fk_exhibition_participants_exhibitions_exhibition_id",
                        column: x => x.exhibition_id,
                        principalTable: "exhibitions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "mentoring_beneficiaries",
                columns: table => new
                {
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    contract_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_mentoring_beneficiaries", x => new { x.contract_id, x.person_id });
                    table.ForeignKey(
                        name: "fk_mentoring_beneficiaries_mentoring_contracts_contract_id",
                        column: x => x.contract_id,
                        principalTable: "mentoring_contracts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_mentoring_beneficiaries_persons_person_id",
                        column: x => x.person_id,
                        principalTable: "persons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "mentoring_sessions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    contract_id = table.Column<Guid>(type: "uuid", nullable: true),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    county_id = table.Column<Guid>(type: "uuid", nullable: false),
                    mentor_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    hours = table.Column<decimal>(type: "numeric(4,1)", precision: 4, scale: 1, nullable: false),
                    topic = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_mentoring_sessions", x => x.id);
                    table.ForeignKey(
                        name: "fk_mentoring_sessions_mentoring_contracts_contract_id",
                        column: x => x.contract_id,
                        principalTable: "mentoring_contracts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_mentoring_sessions_persons_person_id",
                        column: x => x.person_id,
                        principalTable: "persons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_mentoring_sessions_regions_county_id",
                        column: x => x.county_id,
                        principalTable: "regions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "outlet_participants",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    household_id = table.Column<Guid>(type: "uuid", nullable: true),
                    base_id = table.Column<Guid>(type: "uuid", nullable: true),
                    person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    joined_on = table.Column<DateOnly>(type: "date", nullable: false),
                    left_on = table.Column<DateOnly>(type: "date", nullable: true),
                    stall_fee_waived = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    entry_fee_waived = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    accessibility = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    outlet_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outlet_participants", x => x.id);
                    table.CheckConstraint("ck_outlet_participants_one", "num_nonnulls(household_id, base_id, person_id) = 1 AND stall_fee_waived >= 0 AND entry_fee_waived >= 0");
                    table.ForeignKey(
                        name: "fk_outlet_participants_specialty_outlets_outlet_id",
                        column: x => x.outlet_id,
                        principalTable: "specialty_outlets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_exhibition_participants_exhibition_id",
                table: "exhibition_participants",
                column: "exhibition_id");

            migrationBuilder.CreateIndex(
                name: "ix_exhibitions_county_id",
                table: "exhibitions",
                column: "county_id");

            migrationBuilder.CreateIndex(
                name: "ix_exhibitions_start_date",
                table: "exhibitions",
                column: "start_date");

            migrationBuilder.CreateIndex(
                name: "ix_incubations_county_id",
                table: "incubations",
                column: "county_id");

            migrationBuilder.CreateIndex(
                name: "ix_incubations_incubator_base_id",
                table: "incubations",
                column: "incubator_base_id");

            migrationBuilder.CreateIndex(
                name: "ix_incubations_incubator_enterprise_id",
                table: "incubations",
                column: "incubator_enterprise_id");

            migrationBuilder.CreateIndex(
                name: "ix_incubations_other_county_id",
                table: "incubations",
                column: "other_county_id");

            migrationBuilder.CreateIndex(
                name: "ix_incubations_person_id",
                table: "incubations",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_mentoring_beneficiaries_person_id",
                table: "mentoring_beneficiaries",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_mentoring_contracts_county_id",
                table: "mentoring_contracts",
                column: "county_id");

            migrationBuilder.CreateIndex(
                name: "ix_mentoring_contracts_provider_enterprise_id",
                table: "mentoring_contracts",
                column: "provider_enterprise_id");

            migrationBuilder.CreateIndex(
                name: "ix_mentoring_sessions_contract_id",
                table: "mentoring_sessions",
                column: "contract_id");

            migrationBuilder.CreateIndex(
                name: "ix_mentoring_sessions_county_id",
                table: "mentoring_sessions",
                column: "county_id");

            migrationBuilder.CreateIndex(
                name: "ix_mentoring_sessions_person_id_date",
                table: "mentoring_sessions",
                columns: new[] { "person_id", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_outlet_participants_outlet_id",
                table: "outlet_participants",
                column: "outlet_id");

            migrationBuilder.CreateIndex(
                name: "ix_specialty_outlets_county_id",
                table: "specialty_outlets",
                column: "county_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "exhibition_participants");

            migrationBuilder.DropTable(
                name: "incubations");

            migrationBuilder.DropTable(
                name: "mentoring_beneficiaries");

            migrationBuilder.DropTable(
                name: "mentoring_sessions");

            migrationBuilder.DropTable(
                name: "outlet_participants");

            migrationBuilder.DropTable(
                name: "exhibitions");

            migrationBuilder.DropTable(
                name: "mentoring_contracts");

            migrationBuilder.DropTable(
                name: "specialty_outlets");
        }
    }
}
