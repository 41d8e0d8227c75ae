using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sunshine.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Awards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "city_approved_by_id",
                table: "benefits",
                newName: "approved_by_id");

            migrationBuilder.AddColumn<DateOnly>(
                name: "notice_ends_on",
                table: "benefits",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "notice_starts_on",
                table: "benefits",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "sequence",
                table: "benefit_transitions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "award_applications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    beneficiary_kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    beneficiary_id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    base_id = table.Column<Guid>(type: "uuid", nullable: true),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: true),
                    county_id = table.Column<Guid>(type: "uuid", nullable: false),
                    snapshot = table.Column<string>(type: "jsonb", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_award_applications", x => x.id);
                    table.CheckConstraint("ck_award_applications_one_beneficiary", "(CASE WHEN person_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN base_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN enterprise_id IS NULL THEN 0 ELSE 1 END) = 1");
                    table.ForeignKey(
                        name: "fk_award_applications_benefits_id",
                        column: x => x.id,
                        principalTable: "benefits",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_award_applications_enterprises_enterprise_id",
                        column: x => x.enterprise_id,
                        principalTable: "enterprises",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_award_applications_persons_person_id",
                        column: x => x.person_id,
                        principalTable: "persons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_award_applications_regions_county_id",
                        column: x => x.county_id,
                        principalTable: "regions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_award_applications_sunshine_bases_base_id",
                        column: x => x.base_id,
                        principalTable: "sunshine_bases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "benefit_objections",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    received_on = table.Column<DateOnly>(type: "date", nullable: false),
                    summary = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    recorded_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    upheld = table.Column<bool>(type: "boolean", nullable: true),
                    resolution = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    resolved_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    resolved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    benefit_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_benefit_objections", x => x.id);
                    table.ForeignKey(
                        name: "fk_benefit_objections_benefits_benefit_id",
                        column: x => x.benefit_id,
                        principalTable: "benefits",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "fund_allocations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    level = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    county_id = table.Column<Guid>(type: "uuid", nullable: true),
                    amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    disbursed = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    document_number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    created_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fund_allocations", x => x.id);
                    table.CheckConstraint("ck_fund_allocations_balance", "amount > 0 AND disbursed >= 0 AND disbursed <= amount");
                    table.ForeignKey(
                        name: "fk_fund_allocations_regions_county_id",
                        column: x => x.county_id,
                        principalTable: "regions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "fund_payments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    benefit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    benefit_type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    level = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    county_id = table.Column<Guid>(type: "uuid", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    payment_date = table.Column<DateOnly>(type: "date", nullable: false),
                    voucher = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    payee_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    payee_bank = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    payee_account = table.Column<byte[]>(type: "bytea", nullable: false),
                    payee_account_last4 = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    payer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reversal_of_id = table.Column<Guid>(type: "uuid", nullable: true),
                    reversed_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fund_payments", x => x.id);
                    table.CheckConstraint("ck_fund_payments_sign", "(reversal_of_id IS NULL AND amount > 0) OR (reversal_of_id IS NOT NULL AND amount < 0)");
                    table.ForeignKey(
                        name: "fk_fund_payments_benefits_benefit_id",
                        column: x => x.benefit_id,
                        principalTable: "benefits",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_fund_payments_fund_payments_reversal_of_id",
                        column: x => x.reversal_of_id,
                        principalTable: "fund_payments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_fund_payments_regions_county_id",
                        column: x => x.county_id,
                        principalTable: "regions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "fund_ledger_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    allocation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    payment_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fund_ledger_entries", x => x.id);
                    table.CheckConstraint("ck_fund_ledger_entries_amount", "amount <> 0");
                    table.ForeignKey(
                        name: "fk_fund_ledger_entries_fund_allocations_allocation_id",
                        column: x => x.allocation_id,
                        principalTable: "fund_allocations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_fund_ledger_entries_fund_payments_payment_id",
                        column: x => x.payment_id,
                        principalTable: "fund_payments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_award_applications_base_id",
                table: "award_applications",
                column: "base_id");

            migrationBuilder.CreateIndex(
                name: "ix_award_applications_county_id",
                table: "award_applications",
                column: "county_id");

            migrationBuilder.CreateIndex(
                name: "ix_award_applications_enterprise_id",
                table: "award_applications",
                column: "enterprise_id");

            migrationBuilder.CreateIndex(
                name: "ix_award_applications_person_id",
                table: "award_applications",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_award_applications_type_beneficiary_id",
                table: "award_applications",
                columns: new[] { "type", "beneficiary_id" });

            migrationBuilder.CreateIndex(
                name: "ix_benefit_objections_benefit_id",
                table: "benefit_objections",
                column: "benefit_id");

            migrationBuilder.CreateIndex(
                name: "ix_fund_allocations_county_id",
                table: "fund_allocations",
                column: "county_id");

            migrationBuilder.CreateIndex(
                name: "ix_fund_allocations_year_county_id",
                table: "fund_allocations",
                columns: new[] { "year", "county_id" });

            migrationBuilder.CreateIndex(
                name: "ix_fund_ledger_entries_allocation_id",
                table: "fund_ledger_entries",
                column: "allocation_id");

            migrationBuilder.CreateIndex(
                name: "ix_fund_ledger_entries_payment_id",
                table: "fund_ledger_entries",
                column: "payment_id");

            migrationBuilder.CreateIndex(
                name: "ix_fund_payments_benefit_id",
                table: "fund_payments",
                column: "benefit_id");

            migrationBuilder.CreateIndex(
                name: "ix_fund_payments_county_id",
                table: "fund_payments",
                column: "county_id");

            migrationBuilder.CreateIndex(
                name: "ix_fund_payments_payment_date",
                table: "fund_payments",
                column: "payment_date");

            migrationBuilder.CreateIndex(
                name: "ix_fund_payments_reversal_of_id",
                table: "fund_payments",
                column: "reversal_of_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "award_applications");

            migrationBuilder.DropTable(
                name: "benefit_objections");

            migrationBuilder.DropTable(
                name: "fund_ledger_entries");

            migrationBuilder.DropTable(
                name: "fund_allocations");

            migrationBuilder.DropTable(
                name: "fund_payments");

            migrationBuilder.DropColumn(
                name: "notice_ends_on",
                table: "benefits");

            migrationBuilder.DropColumn(
                name: "notice_starts_on",
                table: "benefits");

            migrationBuilder.DropColumn(
                name: "sequence",
                table: "benefit_transitions");

            migrationBuilder.RenameColumn(
                name: "approved_by_id",
                table: "benefits",
                newName: "city_approved_by_id");
        }
    }
}
