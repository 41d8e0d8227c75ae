using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sunshine.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Statistics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "bulletins",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    number = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    period_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    from = table.Column<DateOnly>(type: "date", nullable: false),
                    to = table.Column<DateOnly>(type: "date", nullable: false),
                    county_ids = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    codes = table.Column<string[]>(type: "text[]", nullable: false),
                    city_wide = table.Column<bool>(type: "boolean", nullable: false),
                    figures = table.Column<string>(type: "jsonb", nullable: false),
                    xlsx = table.Column<byte[]>(type: "bytea", nullable: false),
                    csv = table.Column<byte[]>(type: "bytea", nullable: false),
                    issued_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bulletins", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "programme_targets",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    programme_id = table.Column<Guid>(type: "uuid", nullable: false),
                    county_id = table.Column<Guid>(type: "uuid", nullable: true),
                    trained_people = table.Column<int>(type: "integer", nullable: false),
                    prosperity_leaders = table.Column<int>(type: "integer", nullable: false),
                    households_in_chain = table.Column<int>(type: "integer", nullable: false),
                    target_date = table.Column<DateOnly>(type: "date", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_programme_targets", x => x.id);
                    table.CheckConstraint("ck_programme_targets_figures", "trained_people >= 0 AND prosperity_leaders >= 0 AND households_in_chain >= 0");
                    table.ForeignKey(
                        name: "fk_programme_targets_programmes_programme_id",
                        column: x => x.programme_id,
                        principalTable: "programmes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_programme_targets_regions_county_id",
                        column: x => x.county_id,
                        principalTable: "regions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_bulletins_number",
                table: "bulletins",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_bulletins_year_sequence",
                table: "bulletins",
                columns: new[] { "year", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_programme_targets_county_id",
                table: "programme_targets",
                column: "county_id");

            migrationBuilder.CreateIndex(
                name: "ix_programme_targets_programme_id_county_id",
                table: "programme_targets",
                columns: new[] { "programme_id", "county_id" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "bulletins");

            migrationBuilder.DropTable(
                name: "programme_targets");
        }
    }
}
