namespace Sunshine.Infrastructure.Persistence;

/// <summary>
/// The first database side of the audit trail, applied by the AuditTrailChain migration: rows chained by
/// SHA-256 under a row lock on <c>audit.chain_head</c>. Replaced by the sealer (<see cref="AuditTrailSealerSql"/>,
/// ADR 0014); kept because that migration, and the sealer migration's Down, apply it.
/// </summary>
internal static class AuditTrailSql
{
    public const string Up =
        """
        CREATE TABLE audit.chain_head (
            id integer PRIMARY KEY CHECK (id = 1),
            sequence bigint NOT NULL,
            hash bytea NOT NULL
        );
        INSERT INTO audit.chain_head (id, sequence, hash) VALUES (1, 0, '\x'::bytea);

        CREATE FUNCTION audit.entry_hash(
            previous_hash bytea, sequence bigint, occurred_at timestamptz, actor_id uuid, actor_name text, actor_role text,
            county_id uuid, action text, entity_type text, entity_id text, changes jsonb, trace_id text)
        RETURNS bytea
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $fn$
            SELECT sha256(previous_hash || convert_to(concat_ws(chr(31),
                sequence::text,
                to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                coalesce(actor_id::text, ''), coalesce(actor_name, ''), coalesce(actor_role, ''), coalesce(county_id::text, ''),
                action, entity_type, coalesce(entity_id, ''), changes::text, coalesce(trace_id, '')), 'UTF8'))
        $fn$;

        CREATE FUNCTION audit.chain_entry() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, audit
        AS $fn$
        DECLARE
            head_sequence bigint;
            head_hash bytea;
        BEGIN
            -- The row lock serialises writers; READ COMMITTED re-reads the committed head.
            UPDATE audit.chain_head SET sequence = sequence + 1 WHERE id = 1 RETURNING sequence, hash INTO head_sequence, head_hash;
            NEW.sequence := head_sequence;
            NEW.previous_hash := head_hash;
            NEW.hash := audit.entry_hash(NEW.previous_hash, NEW.sequence, NEW.occurred_at, NEW.actor_id, NEW.actor_name,
                NEW.actor_role, NEW.county_id, NEW.action, NEW.entity_type, NEW.entity_id, NEW.changes, NEW.trace_id);
            UPDATE audit.chain_head SET hash = NEW.hash WHERE id = 1;
            RETURN NEW;
        END
        $fn$;

        CREATE FUNCTION audit.refuse_change() RETURNS trigger
        LANGUAGE plpgsql
        AS $fn$
        BEGIN
            RAISE EXCEPTION 'the audit trail is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
        END
        $fn$;

        CREATE TRIGGER audit_entries_chain BEFORE INSERT ON audit.audit_entries
            FOR EACH ROW EXECUTE FUNCTION audit.chain_entry();
        CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON audit.audit_entries
            FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
        CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit.audit_entries
            FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();
        CREATE TRIGGER chain_head_no_delete BEFORE DELETE OR TRUNCATE ON audit.chain_head
            FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();
        """;

    public const string Down =
        """
        DROP TRIGGER IF EXISTS chain_head_no_delete ON audit.chain_head;
        DROP TRIGGER IF EXISTS audit_entries_no_truncate ON audit.audit_entries;
        DROP TRIGGER IF EXISTS audit_entries_append_only ON audit.audit_entries;
        DROP TRIGGER IF EXISTS audit_entries_chain ON audit.audit_entries;
        DROP FUNCTION IF EXISTS audit.refuse_change();
        DROP FUNCTION IF EXISTS audit.chain_entry();
        DROP FUNCTION IF EXISTS audit.entry_hash(bytea, bigint, timestamptz, uuid, text, text, uuid, text, text, text, jsonb, text);
        DROP TABLE IF EXISTS audit.chain_head;
        """;
}
