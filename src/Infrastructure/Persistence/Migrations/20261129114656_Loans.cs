using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sunshine.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Loans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "loans",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    borrower_id = table.Column<Guid>(type: "uuid", nullable: false),
                    county_id = table.Column<Guid>(type: "uuid", nullable: false),
                    programme = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    lender = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    principal = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    annual_rate = table.Column<decimal>(type: "numeric(8,6)", precision: 8, scale: 6, nullable: false),
                    day_count_basis = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    start_date = table.Column<DateOnly>(type: "date", nullable: false),
                    term_months = table.Column<int>(type: "integer", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_loans", x => x.id);
                    table.CheckConstraint("ck_loans_terms", "principal > 0 AND annual_rate > 0 AND annual_rate < 1 AND term_months BETWEEN 1 AND 360");
                    table.ForeignKey(
                        name: "fk_loans_persons_borrower_id",
                        column: x => x.borrower_id,
                        principalTable: "persons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_loans_regions_county_id",
                        column: x => x.county_id,
                        principalTable: "regions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "interest_subsidy_claims",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    loan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    county_id = table.Column<Guid>(type: "uuid", nullable: false),
                    period_start = table.Column<DateOnly>(type: "date", nullable: false),
                    period_end = table.Column<DateOnly>(type: "date", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_interest_subsidy_claims", x => x.id);
                    table.CheckConstraint("ck_interest_subsidy_claims_period", "period_end >= period_start");
                    table.ForeignKey(
                        name: "fk_interest_subsidy_claims_benefits_id",
                        column: x => x.id,
                        principalTable: "benefits",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_interest_subsidy_claims_loans_loan_id",
                        column: x => x.loan_id,
                        principalTable: "loans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_interest_subsidy_claims_persons_person_id",
                        column: x => x.person_id,
                        principalTable: "persons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_interest_subsidy_claims_regions_county_id",
                        column: x => x.county_id,
                        principalTable: "regions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "loan_repayments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    principal = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    loan_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_loan_repayments", x => x.id);
                    table.CheckConstraint("ck_loan_repayments_principal", "principal > 0");
                    table.ForeignKey(
                        name: "fk_loan_repayments_loans_loan_id",
                        column: x => x.loan_id,
                        principalTable: "loans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_interest_subsidy_claims_county_id",
                table: "interest_subsidy_claims",
                column: "county_id");

            migrationBuilder.CreateIndex(
                name: "ix_interest_subsidy_claims_loan_id_period_start",
                table: "interest_subsidy_claims",
                columns: new[] { "loan_id", "period_start" });

            migrationBuilder.CreateIndex(
                name: "ix_interest_subsidy_claims_person_id",
                table: "interest_subsidy_claims",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_loan_repayments_loan_id",
                table: "loan_repayments",
                column: "loan_id");

            migrationBuilder.CreateIndex(
                name: "ix_loans_borrower_id_start_date",
                table: "loans",
                columns: new[] { "borrower_id", "start_date" });

            migrationBuilder.CreateIndex(
                name: "ix_loans_county_id",
                table: "loans",
                column: "county_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "interest_subsidy_claims");

            migrationBuilder.DropTable(
                name: "loan_repayments");

            migrationBuilder.DropTable(
                name: "loans");
        }
    }
}
