using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sunshine.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Registry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "households",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    county_id = table.Column<Guid>(type: "uuid", nullable: false),
                    township = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    village = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    is_registered_poor = table.Column<bool>(type: "boolean", nullable: false),
                    registered_poor_year = table.Column<int>(type: "integer", nullable: true),
                    poor_household_number = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    poverty_exit_date = table.Column<DateOnly>(type: "date", nullable: true),
                    baseline_year = table.Column<int>(type: "integer", nullable: true),
                    baseline_per_capita_income = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_households", x => x.id);
                    table.ForeignKey(
                        name: "fk_households_regions_county_id",
                        column: x => x.county_id,
                        principalTable: "regions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "persons",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    id_number = table.Column<byte[]>(type: "bytea", nullable: false),
                    certificate_number = table.Column<byte[]>(type: "bytea", nullable: false),
                    category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    level = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    sex = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    birth_date = table.Column<DateOnly>(type: "date", nullable: false),
                    county_id = table.Column<Guid>(type: "uuid", nullable: false),
                    township = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    village = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    registration = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    phone = table.Column<byte[]>(type: "bytea", nullable: true),
                    tags = table.Column<int>(type: "integer", maxLength: 40, nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    status_changed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    certificate_number_index = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    id_number_index = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    phone_index = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_persons", x => x.id);
                    table.ForeignKey(
                        name: "fk_persons_regions_county_id",
                        column: x => x.county_id,
                        principalTable: "regions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "household_income_records",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    per_capita_income = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    household_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_household_income_records", x => x.id);
                    table.ForeignKey(
                        name: "fk_household_income_records_households_household_id",
                        column: x => x.household_id,
                        principalTable: "households",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "household_members",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    relation = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    household_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_household_members", x => x.id);
                    table.ForeignKey(
                        name: "fk_household_members_households_household_id",
                        column: x => x.household_id,
                        principalTable: "households",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_household_members_persons_person_id",
                        column: x => x.person_id,
                        principalTable: "persons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "person_consents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    scope = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    given_on = table.Column<DateOnly>(type: "date", nullable: false),
                    withdrawn_on = table.Column<DateOnly>(type: "date", nullable: true),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_person_consents", x => x.id);
                    table.ForeignKey(
                        name: "fk_person_consents_persons_person_id",
                        column: x => x.person_id,
                        principalTable: "persons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_household_income_records_household_id_year",
                table: "household_income_records",
                columns: new[] { "household_id", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_household_members_household_id",
                table: "household_members",
                column: "household_id");

            migrationBuilder.CreateIndex(
                name: "ix_household_members_person_id",
                table: "household_members",
                column: "person_id",
                unique: true,
                filter: "person_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_households_county_id_is_registered_poor",
                table: "households",
                columns: new[] { "county_id", "is_registered_poor" });

            migrationBuilder.CreateIndex(
                name: "ix_person_consents_person_id",
                table: "person_consents",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_persons_certificate_number_index",
                table: "persons",
                column: "certificate_number_index",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_persons_county_id_name",
                table: "persons",
                columns: new[] { "county_id", "name" });

            migrationBuilder.CreateIndex(
                name: "ix_persons_id_number_index",
                table: "persons",
                column: "id_number_index",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_persons_name",
                table: "persons",
                column: "name");

            migrationBuilder.CreateIndex(
                name: "ix_persons_phone_index",
                table: "persons",
                column: "phone_index");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "household_income_records");

            migrationBuilder.DropTable(
                name: "household_members");

            migrationBuilder.DropTable(
                name: "person_consents");

            migrationBuilder.DropTable(
                name: "households");

            migrationBuilder.DropTable(
                name: "persons");
        }
    }
}
