using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sunshine.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Registers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "operation_services",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    county_id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    provider_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    provider_enterprise_id = table.Column<Guid>(type: "uuid", nullable: true),
                    household_id = table.Column<Guid>(type: "uuid", nullable: true),
                    base_id = table.Column<Guid>(type: "uuid", nullable: true),
                    person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    served_on = table.Column<DateOnly>(type: "date", nullable: false),
                    hours = table.Column<decimal>(type: "numeric(6,1)", precision: 6, scale: 1, nullable: false),
                    cost = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    funding_source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_operation_services", x => x.id);
                    table.CheckConstraint("ck_operation_services_amounts", "hours > 0 AND cost >= 0");
                    table.CheckConstraint("ck_operation_services_one_recipient", "num_nonnulls(household_id, base_id, person_id) = 1");
                    table.CheckConstraint("ck_operation_services_provider", "(provider_kind = 'Federation') = (provider_enterprise_id IS NULL)");
                    table.ForeignKey(
                        name: "fk_operation_services_enterprises_provider_enterprise_id",
                        column: x => x.provider_enterprise_id,
                        principalTable: "enterprises",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_operation_services_households_household_id",
                        column: x => x.household_id,
                        principalTable: "households",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_operation_services_persons_person_id",
                        column: x => x.person_id,
                        principalTable: "persons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_operation_services_regions_county_id",
                        column: x => x.county_id,
                        principalTable: "regions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_operation_services_sunshine_bases_base_id",
                        column: x => x.base_id,
                        principalTable: "sunshine_bases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "service_stations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    county_id = table.Column<Guid>(type: "uuid", nullable: false),
                    township = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    village = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    operator_enterprise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    opened_on = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_service_stations", x => x.id);
                    table.ForeignKey(
                        name: "fk_service_stations_enterprises_operator_enterprise_id",
                        column: x => x.operator_enterprise_id,
                        principalTable: "enterprises",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_service_stations_regions_county_id",
                        column: x => x.county_id,
                        principalTable: "regions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "supervision_visits",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    county_id = table.Column<Guid>(type: "uuid", nullable: false),
                    level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    subject = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    base_id = table.Column<Guid>(type: "uuid", nullable: true),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: true),
                    person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    visited_on = table.Column<DateOnly>(type: "date", nullable: false),
                    inspectors = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    findings = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    recorded_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_supervision_visits", x => x.id);
                    table.CheckConstraint("ck_supervision_visits_subject", "(subject = 'Base') = (base_id IS NOT NULL) AND (subject = 'Enterprise') = (enterprise_id IS NOT NULL) AND (subject = 'AwardHolder') = (person_id IS NOT NULL)");
                    table.ForeignKey(
                        name: "fk_supervision_visits_enterprises_enterprise_id",
                        column: x => x.enterprise_id,
                        principalTable: "enterprises",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_supervision_visits_persons_person_id",
                        column: x => x.person_id,
                        principalTable: "persons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_supervision_visits_regions_county_id",
                        column: x => x.county_id,
                        principalTable: "regions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_supervision_visits_sunshine_bases_base_id",
                        column: x => x.base_id,
                        principalTable: "sunshine_bases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "station_recruits",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    terms = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    start_date = table.Column<DateOnly>(type: "date", nullable: false),
                    station_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_station_recruits", x => x.id);
                    table.ForeignKey(
                        name: "fk_station_recruits_persons_person_id",
                        column: x => x.person_id,
                        principalTable: "persons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_station_recruits_service_stations_station_id",
                        column: x => x.station_id,
                        principalTable: "service_stations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "rectifications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    item = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    due_date = table.Column<DateOnly>(type: "date", nullable: false),
                    closed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    closing_note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    closed_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    visit_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rectifications", x => x.id);
                    table.CheckConstraint("ck_rectifications_closing", "(closed_on IS NULL) = (closing_note IS NULL) AND (closed_on IS NULL) = (closed_by_id IS NULL)");
                    table.ForeignKey(
                        name: "fk_rectifications_supervision_visits_visit_id",
                        column: x => x.visit_id,
                        principalTable: "supervision_visits",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_operation_services_base_id",
                table: "operation_services",
                column: "base_id");

            migrationBuilder.CreateIndex(
                name: "ix_operation_services_county_id_served_on",
                table: "operation_services",
                columns: new[] { "county_id", "served_on" });

            migrationBuilder.CreateIndex(
                name: "ix_operation_services_household_id",
                table: "operation_services",
                column: "household_id");

            migrationBuilder.CreateIndex(
                name: "ix_operation_services_person_id",
                table: "operation_services",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_operation_services_provider_enterprise_id",
                table: "operation_services",
                column: "provider_enterprise_id");

            migrationBuilder.CreateIndex(
                name: "ix_rectifications_due_date",
                table: "rectifications",
                column: "due_date",
                filter: "closed_on IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_rectifications_visit_id",
                table: "rectifications",
                column: "visit_id");

            migrationBuilder.CreateIndex(
                name: "ix_service_stations_county_id",
                table: "service_stations",
                column: "county_id");

            migrationBuilder.CreateIndex(
                name: "ix_service_stations_operator_enterprise_id",
                table: "service_stations",
                column: "operator_enterprise_id");

            migrationBuilder.CreateIndex(
                name: "ix_station_recruits_person_id",
                table: "station_recruits",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_station_recruits_station_id_person_id",
                table: "station_recruits",
                columns: new[] { "station_id", "person_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_supervision_visits_base_id",
                table: "supervision_visits",
                column: "base_id");

            migrationBuilder.CreateIndex(
                name: "ix_supervision_visits_county_id_visited_on",
                table: "supervision_visits",
                columns: new[] { "county_id", "visited_on" });

            migrationBuilder.CreateIndex(
                name: "ix_supervision_visits_enterprise_id",
                table: "supervision_visits",
                column: "enterprise_id");

            migrationBuilder.CreateIndex(
                name: "ix_supervision_visits_person_id",
                table: "supervision_visits",
                column: "person_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "operation_services");

            migrationBuilder.DropTable(
                name: "rectifications");

            migrationBuilder.DropTable(
                name: "station_recruits");

            migrationBuilder.DropTable(
                name: "supervision_visits");

            migrationBuilder.DropTable(
                name: "service_stations");
        }
    }
}
