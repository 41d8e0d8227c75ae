using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sunshine.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// The person import job becomes the general import job (persons, staff-entered sales):
    /// the table is renamed in place, so existing jobs and their rejection reports are kept.
    /// </summary>
    public partial class ImportJobs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(name: "ix_person_imports_county_id_requested_at", table: "person_imports");
            migrationBuilder.RenameTable(name: "person_imports", newName: "import_jobs");
            migrationBuilder.Sql("ALTER TABLE import_jobs RENAME CONSTRAINT pk_person_imports TO pk_import_jobs;");
            migrationBuilder.Sql("ALTER TABLE import_jobs RENAME CONSTRAINT fk_person_imports_regions_county_id TO fk_import_jobs_regions_county_id;");

            migrationBuilder.AddColumn<string>(
                name: "kind",
                table: "import_jobs",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "Persons");
            migrationBuilder.AlterColumn<string>(
                name: "kind",
                table: "import_jobs",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(40)",
                oldMaxLength: 40,
                oldDefaultValue: "Persons");

            migrationBuilder.CreateIndex(
                name: "ix_import_jobs_county_id",
                table: "import_jobs",
                column: "county_id");

            migrationBuilder.CreateIndex(
                name: "ix_import_jobs_kind_county_id_requested_at",
                table: "import_jobs",
                columns: new[] { "kind", "county_id", "requested_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DELETE FROM import_jobs WHERE kind <> 'Persons';");
            migrationBuilder.DropIndex(name: "ix_import_jobs_kind_county_id_requested_at", table: "import_jobs");
            migrationBuilder.DropIndex(name: "ix_import_jobs_county_id", table: "import_jobs");
            migrationBuilder.DropColumn(name: "kind", table: "import_jobs");
            migrationBuilder.Sql("ALTER TABLE import_jobs RENAME CONSTRAINT fk_import_jobs_regions_county_id TO fk_person_imports_regions_county_id;");
            migrationBuilder.Sql("ALTER TABLE import_jobs RENAME CONSTRAINT pk_import_jobs TO pk_person_imports;");
            migrationBuilder.RenameTable(name: "import_jobs", newName: "person_imports");
            migrationBuilder.CreateIndex(
                name: "ix_person_imports_county_id_requested_at",
                table: "person_imports",
                columns: new[] { "county_id", "requested_at" });
        }
    }
}
