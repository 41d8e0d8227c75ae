-- The owner role runs the migrations; the application role only reads and writes (scripts/lib.sh pg_create_app_database).
-- Set their passwords with ALTER ROLE … PASSWORD after the first start; they go into secrets/api.env.
CREATE ROLE sunshine_owner LOGIN;
CREATE ROLE sunshine_app LOGIN;
ALTER DATABASE sunshine OWNER TO sunshine_owner;
