using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sunshine.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Training : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "attachments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    owner_type = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    owner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    county_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    content_type = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    uploaded_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_attachments", x => x.id);
                    table.ForeignKey(
                        name: "fk_attachments_regions_county_id",
                        column: x => x.county_id,
                        principalTable: "regions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "benefits",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    county_id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    one_time_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    state = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    is_finally_approved = table.Column<bool>(type: "boolean", nullable: false),
                    decision = table.Column<string>(type: "jsonb", nullable: true),
                    created_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    submitted_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    county_reviewed_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    city_approved_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    paid_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    payment_date = table.Column<DateOnly>(type: "date", nullable: true),
                    payment_voucher = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_benefits", x => x.id);
                    table.ForeignKey(
                        name: "fk_benefits_persons_person_id",
                        column: x => x.person_id,
                        principalTable: "persons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_benefits_regions_county_id",
                        column: x => x.county_id,
                        principalTable: "regions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "courses",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    level = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    county_id = table.Column<Guid>(type: "uuid", nullable: true),
                    topics = table.Column<string[]>(type: "text[]", nullable: false),
                    audience = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    provider_type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    provider_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    partner_platform = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    start_date = table.Column<DateOnly>(type: "date", nullable: false),
                    end_date = table.Column<DateOnly>(type: "date", nullable: false),
                    capacity = table.Column<int>(type: "integer", nullable: false),
                    fee_model = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    places_taken = table.Column<int>(type: "integer", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_courses", x => x.id);
                    table.CheckConstraint("ck_courses_places", "places_taken >= 0 AND places_taken <= capacity");
                    table.ForeignKey(
                        name: "fk_courses_regions_county_id",
                        column: x => x.county_id,
                        principalTable: "regions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "policy_versions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    programme_id = table.Column<Guid>(type: "uuid", nullable: false),
                    key = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    effective_from = table.Column<DateOnly>(type: "date", nullable: false),
                    content = table.Column<string>(type: "jsonb", nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    is_used = table.Column<bool>(type: "boolean", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_policy_versions", x => x.id);
                    table.ForeignKey(
                        name: "fk_policy_versions_programmes_programme_id",
                        column: x => x.programme_id,
                        principalTable: "programmes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "benefit_transitions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    action = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    from = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    to = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    actor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    benefit_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_benefit_transitions", x => x.id);
                    table.ForeignKey(
                        name: "fk_benefit_transitions_benefits_benefit_id",
                        column: x => x.benefit_id,
                        principalTable: "benefits",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "training_subsidy_claims",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    county_id = table.Column<Guid>(type: "uuid", nullable: false),
                    provider_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    course_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    training_start = table.Column<DateOnly>(type: "date", nullable: false),
                    training_end = table.Column<DateOnly>(type: "date", nullable: false),
                    fee_paid = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    fee_charging = table.Column<bool>(type: "boolean", nullable: false),
                    receipt_number = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    qualification_code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    certificate_number = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    certificate_date = table.Column<DateOnly>(type: "date", nullable: false),
                    issuing_authority = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_training_subsidy_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_training_subsidy_claims_benefits_id",
                        column: x => x.id,
                        principalTable: "benefits",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_training_subsidy_claims_persons_person_id",
                        column: x => x.person_id,
                        principalTable: "persons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_training_subsidy_claims_regions_county_id",
                        column: x => x.county_id,
                        principalTable: "regions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "enrolments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    course_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    county_id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    relation = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    household_id = table.Column<Guid>(type: "uuid", nullable: true),
                    committee_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    completed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    certificate_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    certificate_number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_enrolments", x => x.id);
                    table.ForeignKey(
                        name: "fk_enrolments_courses_course_id",
                        column: x => x.course_id,
                        principalTable: "courses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_enrolments_households_household_id",
                        column: x => x.household_id,
                        principalTable: "households",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_enrolments_persons_person_id",
                        column: x => x.person_id,
                        principalTable: "persons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_enrolments_regions_county_id",
                        column: x => x.county_id,
                        principalTable: "regions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_attachments_county_id",
                table: "attachments",
                column: "county_id");

            migrationBuilder.CreateIndex(
                name: "ix_attachments_owner_type_owner_id",
                table: "attachments",
                columns: new[] { "owner_type", "owner_id" });

            migrationBuilder.CreateIndex(
                name: "ix_benefit_transitions_benefit_id",
                table: "benefit_transitions",
                column: "benefit_id");

            migrationBuilder.CreateIndex(
                name: "ix_benefits_county_id_type_state",
                table: "benefits",
                columns: new[] { "county_id", "type", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_benefits_one_time",
                table: "benefits",
                columns: new[] { "type", "one_time_key" },
                unique: true,
                filter: "is_finally_approved");

            migrationBuilder.CreateIndex(
                name: "ix_benefits_person_id",
                table: "benefits",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_courses_county_id_start_date",
                table: "courses",
                columns: new[] { "county_id", "start_date" });

            migrationBuilder.CreateIndex(
                name: "ix_enrolments_county_id_status_completed_on",
                table: "enrolments",
                columns: new[] { "county_id", "status", "completed_on" });

            migrationBuilder.CreateIndex(
                name: "ix_enrolments_course_person",
                table: "enrolments",
                columns: new[] { "course_id", "person_id" },
                unique: true,
                filter: "kind = 'DisabledPerson'");

            migrationBuilder.CreateIndex(
                name: "ix_enrolments_household_id",
                table: "enrolments",
                column: "household_id");

            migrationBuilder.CreateIndex(
                name: "ix_enrolments_person_id",
                table: "enrolments",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_policy_versions_programme_id_key_effective_from",
                table: "policy_versions",
                columns: new[] { "programme_id", "key", "effective_from" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_training_subsidy_claims_county_id",
                table: "training_subsidy_claims",
                column: "county_id");

            migrationBuilder.CreateIndex(
                name: "ix_training_subsidy_claims_person_id_qualification_code",
                table: "training_subsidy_claims",
                columns: new[] { "person_id", "qualification_code" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "attachments");

            migrationBuilder.DropTable(
                name: "benefit_transitions");

            migrationBuilder.DropTable(
                name: "enrolments");

            migrationBuilder.DropTable(
                name: "policy_versions");

            migrationBuilder.DropTable(
                name: "training_subsidy_claims");

            migrationBuilder.DropTable(
                name: "courses");

            migrationBuilder.DropTable(
                name: "benefits");
        }
    }
}
