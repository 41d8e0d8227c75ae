using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sunshine.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class WorkPlansAndCases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "content_type",
                table: "attachments",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(60)",
                oldMaxLength: 60);

            migrationBuilder.CreateTable(
                name: "typical_cases",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    county_id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: true),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    narrative = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    figures = table.Column<string>(type: "jsonb", nullable: false),
                    is_nominated = table.Column<bool>(type: "boolean", nullable: false),
                    nominated_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    nominated_on = table.Column<DateOnly>(type: "date", nullable: true),
                    is_published = table.Column<bool>(type: "boolean", nullable: false),
                    published_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_typical_cases", x => x.id);
                    table.CheckConstraint("ck_typical_cases_one_subject", "(person_id IS NULL) <> (enterprise_id IS NULL)");
                    table.ForeignKey(
                        name: "fk_typical_cases_enterprises_enterprise_id",
                        column: x => x.enterprise_id,
                        principalTable: "enterprises",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_typical_cases_persons_person_id",
                        column: x => x.person_id,
                        principalTable: "persons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_typical_cases_regions_county_id",
                        column: x => x.county_id,
                        principalTable: "regions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "work_plan_rounds",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    programme_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_work_plan_rounds", x => x.id);
                    table.ForeignKey(
                        name: "fk_work_plan_rounds_programmes_programme_id",
                        column: x => x.programme_id,
                        principalTable: "programmes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "work_plan_filings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    round_id = table.Column<Guid>(type: "uuid", nullable: false),
                    county_id = table.Column<Guid>(type: "uuid", nullable: false),
                    state = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    document_id = table.Column<Guid>(type: "uuid", nullable: true),
                    submitted_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    decided_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    return_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_work_plan_filings", x => x.id);
                    table.CheckConstraint("ck_work_plan_filings_document", "state = 'Pending' OR document_id IS NOT NULL");
                    table.ForeignKey(
                        name: "fk_work_plan_filings_attachments_document_id",
                        column: x => x.document_id,
                        principalTable: "attachments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_work_plan_filings_regions_county_id",
                        column: x => x.county_id,
                        principalTable: "regions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_work_plan_filings_work_plan_rounds_round_id",
                        column: x => x.round_id,
                        principalTable: "work_plan_rounds",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_typical_cases_county_id",
                table: "typical_cases",
                column: "county_id");

            migrationBuilder.CreateIndex(
                name: "ix_typical_cases_enterprise_id",
                table: "typical_cases",
                column: "enterprise_id");

            migrationBuilder.CreateIndex(
                name: "ix_typical_cases_is_published_published_at",
                table: "typical_cases",
                columns: new[] { "is_published", "published_at" });

            migrationBuilder.CreateIndex(
                name: "ix_typical_cases_person_id",
                table: "typical_cases",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_work_plan_filings_county_id_state",
                table: "work_plan_filings",
                columns: new[] { "county_id", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_work_plan_filings_document_id",
                table: "work_plan_filings",
                column: "document_id");

            migrationBuilder.CreateIndex(
                name: "ix_work_plan_filings_round_id_county_id",
                table: "work_plan_filings",
                columns: new[] { "round_id", "county_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_work_plan_rounds_programme_id_deadline",
                table: "work_plan_rounds",
                columns: new[] { "programme_id", "deadline" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "typical_cases");

            migrationBuilder.DropTable(
                name: "work_plan_filings");

            migrationBuilder.DropTable(
                name: "work_plan_rounds");

            migrationBuilder.AlterColumn<string>(
                name: "content_type",
                table: "attachments",
                type: "character varying(60)",
                maxLength: 60,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100);
        }
    }
}
