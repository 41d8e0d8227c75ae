using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Sunshine.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AuditTrailSealer : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(AuditTrailSealerSql.DropDatabaseChain);

            // Two steps: PostgreSQL refuses DROP NOT NULL on an identity column, and the provider would emit that first.
            migrationBuilder.AlterColumn<long>(
                name: "sequence",
                schema: "audit",
                table: "audit_entries",
                type: "bigint",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "bigint")
                .OldAnnotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

            migrationBuilder.AlterColumn<long>(
                name: "sequence",
                schema: "audit",
                table: "audit_entries",
                type: "bigint",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "bigint");

            migrationBuilder.AlterColumn<byte[]>(
                name: "previous_hash",
                schema: "audit",
                table: "audit_entries",
                type: "bytea",
                nullable: true,
                oldClrType: typeof(byte[]),
                oldType: "bytea");

            migrationBuilder.AlterColumn<byte[]>(
                name: "hash",
                schema: "audit",
                table: "audit_entries",
                type: "bytea",
                nullable: true,
                oldClrType: typeof(byte[]),
                oldType: "bytea");

            migrationBuilder.AddColumn<long>(
                name: "xact_id",
                schema: "audit",
                table: "audit_entries",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "checkpoints",
                schema: "audit",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    sequence = table.Column<long>(type: "bigint", nullable: false),
                    head_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    signature = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_checkpoints", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_unsealed",
                schema: "audit",
                table: "audit_entries",
                columns: new[] { "xact_id", "id" },
                filter: "sequence IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_checkpoints_sequence",
                schema: "audit",
                table: "checkpoints",
                column: "sequence");

            migrationBuilder.Sql(AuditTrailSealerSql.QueueExistingRows);
            migrationBuilder.Sql(AuditTrailSealerSql.Up);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(AuditTrailSealerSql.DownBeforeSchemaChange);

            migrationBuilder.DropTable(
                name: "checkpoints",
                schema: "audit");

            migrationBuilder.DropIndex(
                name: "ix_audit_entries_unsealed",
                schema: "audit",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "xact_id",
                schema: "audit",
                table: "audit_entries");

            migrationBuilder.AlterColumn<long>(
                name: "sequence",
                schema: "audit",
                table: "audit_entries",
                type: "bigint",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "bigint",
                oldNullable: true)
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

            migrationBuilder.AlterColumn<byte[]>(
                name: "previous_hash",
                schema: "audit",
                table: "audit_entries",
                type: "bytea",
                nullable: false,
                defaultValue: new byte[0],
                oldClrType: typeof(byte[]),
                oldType: "bytea",
                oldNullable: true);

            migrationBuilder.AlterColumn<byte[]>(
                name: "hash",
                schema: "audit",
                table: "audit_entries",
                type: "bytea",
                nullable: false,
                defaultValue: new byte[0],
                oldClrType: typeof(byte[]),
                oldType: "bytea",
                oldNullable: true);

            migrationBuilder.Sql(AuditTrailSql.Up);
            migrationBuilder.Sql(AuditTrailSealerSql.DownAfterSchemaChange);
        }
    }
}
