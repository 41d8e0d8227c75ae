using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sunshine.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CountyShopDays : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "county_shop_days",
                columns: table => new
                {
                    county_id = table.Column<Guid>(type: "uuid", nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    opened = table.Column<int>(type: "integer", nullable: false),
                    closed = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_county_shop_days", x => new { x.county_id, x.day });
                });

            migrationBuilder.CreateTable(
                name: "county_shop_months",
                columns: table => new
                {
                    county_id = table.Column<Guid>(type: "uuid", nullable: false),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    opened = table.Column<int>(type: "integer", nullable: false),
                    closed = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_county_shop_months", x => new { x.county_id, x.month });
                });

            // Kept by the database: every writer of shops (the API, imports, bulk loads) keeps the counts true.
            // A shop counts as closed on the later of its closing and opening days (see CountyShopDay).
            migrationBuilder.Sql(
                """
                CREATE FUNCTION county_shop_days_add(p_county uuid, p_day date, p_opened integer, p_closed integer) RETURNS void LANGUAGE sql AS $$
                    INSERT INTO county_shop_days AS d (county_id, day, opened, closed) VALUES (p_county, p_day, p_opened, p_closed)
                    ON CONFLICT (county_id, day) DO UPDATE SET opened = d.opened + excluded.opened, closed = d.closed + excluded.closed;
                    INSERT INTO county_shop_months AS m (county_id, month, opened, closed) VALUES (p_county, date_trunc('month', p_day)::date, p_opened, p_closed)
                    ON CONFLICT (county_id, month) DO UPDATE SET opened = m.opened + excluded.opened, closed = m.closed + excluded.closed;
                $$;

                CREATE FUNCTION county_shop_days_track() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP IN ('UPDATE', 'DELETE') THEN
                        PERFORM county_shop_days_add(OLD.county_id, OLD.opened_on, -1, 0);
                        IF OLD.closed_on IS NOT NULL THEN
                            PERFORM county_shop_days_add(OLD.county_id, greatest(OLD.closed_on, OLD.opened_on), 0, -1);
                        END IF;
                    END IF;
                    IF TG_OP IN ('INSERT', 'UPDATE') THEN
                        PERFORM county_shop_days_add(NEW.county_id, NEW.opened_on, 1, 0);
                        IF NEW.closed_on IS NOT NULL THEN
                            PERFORM county_shop_days_add(NEW.county_id, greatest(NEW.closed_on, NEW.opened_on), 0, 1);
                        END IF;
                    END IF;
                    RETURN NULL;
                END
                $$;

                CREATE TRIGGER county_shop_days_on_insert_delete AFTER INSERT OR DELETE ON shops
                    FOR EACH ROW EXECUTE FUNCTION county_shop_days_track();
                CREATE TRIGGER county_shop_days_on_update AFTER UPDATE OF county_id, opened_on, closed_on ON shops
                    FOR EACH ROW WHEN (OLD.county_id IS DISTINCT FROM NEW.county_id OR OLD.opened_on IS DISTINCT FROM NEW.opened_on OR OLD.closed_on IS DISTINCT FROM NEW.closed_on)
                    EXECUTE FUNCTION county_shop_days_track();

                INSERT INTO county_shop_days (county_id, day, opened, closed)
                SELECT county_id, day, sum(opened)::int, sum(closed)::int
                FROM (SELECT county_id, opened_on AS day, 1 AS opened, 0 AS closed FROM shops
                      UNION ALL
                      SELECT county_id, greatest(closed_on, opened_on), 0, 1 FROM shops WHERE closed_on IS NOT NULL) x
                GROUP BY county_id, day;
                INSERT INTO county_shop_months (county_id, month, opened, closed)
                SELECT county_id, date_trunc('month', day)::date, sum(opened)::int, sum(closed)::int FROM county_shop_days GROUP BY 1, 2;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                DROP TRIGGER county_shop_days_on_update ON shops;
                DROP TRIGGER county_shop_days_on_insert_delete ON shops;
                DROP FUNCTION county_shop_days_track();
                DROP FUNCTION county_shop_days_add(uuid, date, integer, integer);
                """);

            migrationBuilder.DropTable(
                name: "county_shop_days");

            migrationBuilder.DropTable(
                name: "county_shop_months");
        }
    }
}
