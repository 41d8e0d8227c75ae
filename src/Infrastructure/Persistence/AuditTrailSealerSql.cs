namespace Sunshine.Infrastructure.Persistence;

/// <summary>
/// The database side of the sealed audit trail (ADR 0014), applied by the AuditTrailSealer migration.
/// Writers insert unsealed rows stamped with their transaction id and wait on nobody; the sealer chains
/// them with HMAC-SHA256 (the key is outside the database) through <c>audit.seal_entries</c>, the only
/// path that may write the seal columns, and only once per row. Every other UPDATE, and every DELETE and
/// TRUNCATE, is refused for every role; checkpoints are append-only too.
/// </summary>
internal static class AuditTrailSealerSql
{
    /// <summary>Removes the SHA-256 chain that ran inside the database (before the columns change).</summary>
    public const string DropDatabaseChain =
        """
        DROP TRIGGER IF EXISTS chain_head_no_delete ON audit.chain_head;
        DROP TRIGGER IF EXISTS audit_entries_chain ON audit.audit_entries;
        DROP TRIGGER IF EXISTS audit_entries_append_only ON audit.audit_entries;
        DROP FUNCTION IF EXISTS audit.chain_entry();
        DROP FUNCTION IF EXISTS audit.entry_hash(bytea, bigint, timestamptz, uuid, text, text, uuid, text, text, text, jsonb, text);
        DROP TABLE IF EXISTS audit.chain_head;
        """;

    /// <summary>
    /// Rows written under the SHA-256 chain are queued for sealing first, in id order (their SHA-256 hashes
    /// could be recomputed by anyone with database access, so they prove nothing and are not kept).
    /// </summary>
    public const string QueueExistingRows =
        """
        UPDATE audit.audit_entries SET sequence = NULL, previous_hash = NULL, hash = NULL, xact_id = 0;
        """;

    public const string Up =
        """
        -- Writers: stamp the transaction, never a seal. No shared row is touched, so writers do not wait on each other.
        CREATE FUNCTION audit.stamp_entry() RETURNS trigger
        LANGUAGE plpgsql SET search_path = pg_catalog, audit
        AS $fn$
        BEGIN
            -- Top-level transaction id (also inside a savepoint): the row becomes visible exactly when it commits.
            NEW.xact_id := pg_current_xact_id()::text::bigint;
            NEW.sequence := NULL;
            NEW.previous_hash := NULL;
            NEW.hash := NULL;
            RETURN NEW;
        END
        $fn$;

        -- The only UPDATE allowed: an unsealed row gets its seal once, and nothing else changes.
        CREATE FUNCTION audit.allow_seal_only() RETURNS trigger
        LANGUAGE plpgsql SET search_path = pg_catalog, audit
        AS $fn$
        BEGIN
            IF OLD.sequence IS NULL AND OLD.previous_hash IS NULL AND OLD.hash IS NULL
               AND NEW.sequence IS NOT NULL AND NEW.previous_hash IS NOT NULL AND NEW.hash IS NOT NULL
               AND to_jsonb(NEW) - ARRAY['sequence', 'previous_hash', 'hash'] = to_jsonb(OLD) - ARRAY['sequence', 'previous_hash', 'hash']
            THEN
                RETURN NEW;
            END IF;
            RAISE EXCEPTION 'the audit trail is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
        END
        $fn$;

        CREATE TRIGGER audit_entries_stamp BEFORE INSERT ON audit.audit_entries
            FOR EACH ROW EXECUTE FUNCTION audit.stamp_entry();
        CREATE TRIGGER audit_entries_seal_only BEFORE UPDATE ON audit.audit_entries
            FOR EACH ROW EXECUTE FUNCTION audit.allow_seal_only();
        CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON audit.audit_entries
            FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
        CREATE TRIGGER checkpoints_append_only BEFORE UPDATE OR DELETE ON audit.checkpoints
            FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
        CREATE TRIGGER checkpoints_no_truncate BEFORE TRUNCATE ON audit.checkpoints
            FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();

        -- The sealer's path (runs as the owner; the application role may only EXECUTE it). A batch must be the next
        -- rows in seal order: unsealed, written by transactions older than every running one (so no row can still
        -- commit in front of them), after the sealed head in (xact_id, id) order, ascending, none skipped; numbered
        -- after the head. The HMACs are computed by the application, which holds the key.
        CREATE FUNCTION audit.seal_entries(first_sequence bigint, ids bigint[], previous_hashes bytea[], hashes bytea[])
        RETURNS integer
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, audit
        AS $fn$
        DECLARE
            horizon bigint := pg_snapshot_xmin(pg_current_snapshot())::text::bigint;
            head_sequence bigint;
            head_xact bigint;
            head_id bigint;
            expected bigint[];
            sealed integer;
        BEGIN
            IF coalesce(cardinality(ids), 0) = 0 OR cardinality(previous_hashes) <> cardinality(ids) OR cardinality(hashes) <> cardinality(ids) THEN
                RAISE EXCEPTION 'a seal batch needs one previous hash and one hash per row';
            END IF;

            SELECT e.sequence, e.xact_id, e.id INTO head_sequence, head_xact, head_id
            FROM audit.audit_entries e WHERE e.sequence IS NOT NULL ORDER BY e.sequence DESC LIMIT 1;
            IF first_sequence <= coalesce(head_sequence, 0) THEN
                RAISE EXCEPTION 'sequence % is not after the sealed head %', first_sequence, head_sequence;
            END IF;

            SELECT array_agg(q.id ORDER BY q.xact_id, q.id) INTO expected
            FROM (SELECT e.id, e.xact_id FROM audit.audit_entries e
                  WHERE e.sequence IS NULL AND e.xact_id < horizon
                    AND (e.xact_id, e.id) > (coalesce(head_xact, -1), coalesce(head_id, -1))
                  ORDER BY e.xact_id, e.id LIMIT cardinality(ids)) q;
            IF expected IS DISTINCT FROM ids THEN
                RAISE EXCEPTION 'the batch is not the next rows in commit order';
            END IF;

            UPDATE audit.audit_entries e
            SET sequence = first_sequence + b.ord - 1, previous_hash = b.previous_hash, hash = b.hash
            FROM unnest(ids, previous_hashes, hashes) WITH ORDINALITY AS b(id, previous_hash, hash, ord)
            WHERE e.id = b.id AND e.sequence IS NULL;
            GET DIAGNOSTICS sealed = ROW_COUNT;
            IF sealed <> cardinality(ids) THEN
                RAISE EXCEPTION 'sealed % of % rows', sealed, cardinality(ids);
            END IF;
            RETURN sealed;
        END
        $fn$;
        REVOKE ALL ON FUNCTION audit.seal_entries(bigint, bigint[], bytea[], bytea[]) FROM PUBLIC;
        """;

    /// <summary>Back to the SHA-256 chain: every row re-chained in seal order, then the old triggers.</summary>
    public const string DownBeforeSchemaChange =
        """
        DROP FUNCTION IF EXISTS audit.seal_entries(bigint, bigint[], bytea[], bytea[]);
        DROP TRIGGER IF EXISTS checkpoints_no_truncate ON audit.checkpoints;
        DROP TRIGGER IF EXISTS checkpoints_append_only ON audit.checkpoints;
        DROP TRIGGER IF EXISTS audit_entries_no_delete ON audit.audit_entries;
        DROP TRIGGER IF EXISTS audit_entries_seal_only ON audit.audit_entries;
        DROP TRIGGER IF EXISTS audit_entries_stamp ON audit.audit_entries;
        DROP FUNCTION IF EXISTS audit.allow_seal_only();
        DROP FUNCTION IF EXISTS audit.stamp_entry();
        CREATE TEMPORARY TABLE audit_rechain ON COMMIT DROP AS
            SELECT id, row_number() OVER (ORDER BY sequence NULLS LAST, xact_id, id) AS position FROM audit.audit_entries;
        UPDATE audit.audit_entries SET sequence = NULL;
        DO $rechain$
        DECLARE
            r record;
            previous bytea := '\x'::bytea;
        BEGIN
            FOR r IN SELECT e.*, t.position FROM audit.audit_entries e JOIN audit_rechain t USING (id) ORDER BY t.position LOOP
                UPDATE audit.audit_entries SET sequence = r.position, previous_hash = previous,
                    hash = sha256(previous || convert_to(concat_ws(chr(31),
                        r.position::text,
                        to_char(r.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                        coalesce(r.actor_id::text, ''), coalesce(r.actor_name, ''), coalesce(r.actor_role, ''), coalesce(r.county_id::text, ''),
                        r.action, r.entity_type, coalesce(r.entity_id, ''), r.changes::text, coalesce(r.trace_id, '')), 'UTF8'))
                WHERE id = r.id RETURNING hash INTO previous;
            END LOOP;
        END
        $rechain$;
        DROP TRIGGER IF EXISTS audit_entries_no_truncate ON audit.audit_entries;
        DROP FUNCTION IF EXISTS audit.refuse_change();
        """;

    public const string DownAfterSchemaChange =
        """
        UPDATE audit.chain_head h SET sequence = e.sequence, hash = e.hash
        FROM (SELECT sequence, hash FROM audit.audit_entries ORDER BY sequence DESC LIMIT 1) e
        WHERE h.id = 1;
        """;
}
