-- Append-only, hash-chained audit log written by triggers, whoever makes the change.
-- hash = sha256(prev_hash || audit_canonical(row)); ids are gapless and in chain order because every
-- append first takes the single audit_chain_head row FOR UPDATE, which serialises concurrent writers.
-- That lock is held from a transaction's first audited write until it ends. A transaction that locks
-- rows (SELECT ... FOR UPDATE) before its first audited write can deadlock with one holding the head
-- and wanting those rows; money functions should therefore lock audit_chain_head first.

CREATE TABLE audit_log (
  id          bigint      PRIMARY KEY,
  occurred_at timestamptz NOT NULL,
  actor       text        NOT NULL,
  db_user     text        NOT NULL,
  action      text        NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'truncate', 'note')),
  command     text,
  entity_type text        NOT NULL,
  entity_id   text,
  old_values  jsonb,
  new_values  jsonb,
  request_id  text,
  client_info text,
  prev_hash   bytea       NOT NULL CHECK (octet_length(prev_hash) = 32),
  hash        bytea       NOT NULL CHECK (octet_length(hash) = 32)
);
CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id, id DESC);
CREATE INDEX audit_log_actor_idx ON audit_log (actor, id DESC);
CREATE INDEX audit_log_time_brin ON audit_log USING brin (occurred_at);

CREATE TABLE audit_chain_head (
  id        smallint PRIMARY KEY CHECK (id = 1),
  last_id   bigint   NOT NULL,
  last_hash bytea    NOT NULL CHECK (octet_length(last_hash) = 32)
);
INSERT INTO audit_chain_head (id, last_id, last_hash) VALUES (1, 0, decode(repeat('00', 32), 'hex'));

-- One text field of the canonical form. Backslashes are doubled and the unit separator is written as
-- \x1f, so that no value can pass for NULL (\N) or move a field boundary: a different row always gives
-- different text. chr() rather than backslash literals keeps the function independent of the caller's
-- standard_conforming_strings, which any login may change. Neither canonical function has a SET clause:
-- that stops PostgreSQL from inlining them and cost a search_path switch per field, more than the rest
-- of an append; everything they call is in pg_catalog, which is always searched first.
CREATE FUNCTION audit_canonical_field(p text)
  RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT CASE WHEN p IS NULL THEN chr(92) || 'N'
              ELSE replace(replace(p, chr(92), chr(92) || chr(92)), chr(31), chr(92) || 'x1f') END
$$;

-- The exact bytes that are hashed. The verifier (AuditChainVerifier) rebuilds the same text from the
-- columns, so any edit of any column shows. Fields are joined by the unit separator (chr(31));
-- occurred_at is epoch microseconds; jsonb is its ::text, which never contains chr(31) (jsonb escapes
-- control characters) and is never \N, so it is written as is.
CREATE FUNCTION audit_canonical(p_id bigint, p_occurred_at timestamptz, p_actor text, p_db_user text,
                                p_action text, p_command text, p_entity_type text, p_entity_id text,
                                p_old jsonb, p_new jsonb, p_request_id text, p_client_info text)
  RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT concat_ws(chr(31),
    p_id::text,
    ((extract(epoch FROM p_occurred_at) * 1000000)::bigint)::text,
    public.audit_canonical_field(p_actor),
    public.audit_canonical_field(p_db_user),
    public.audit_canonical_field(p_action),
    public.audit_canonical_field(p_command),
    public.audit_canonical_field(p_entity_type),
    public.audit_canonical_field(p_entity_id),
    coalesce(p_old::text, chr(92) || 'N'),
    coalesce(p_new::text, chr(92) || 'N'),
    public.audit_canonical_field(p_request_id),
    public.audit_canonical_field(p_client_info))
$$;

-- Appends one entry to the chain. SECURITY DEFINER: runtime roles cannot insert into audit_log
-- themselves, only through changes to the tables they may write.
-- The head row is only locked here and written once per transaction, at commit (audit_advance_head):
-- every rewrite of one row inside one transaction leaves a version that later lookups step over, so
-- rewriting it per entry made a bulk load of n rows cost O(n^2). While the lock is held, the newest
-- entry in audit_log is the one to chain onto.
CREATE FUNCTION audit_append(p_action text, p_entity_type text, p_entity_id text, p_old jsonb, p_new jsonb)
  RETURNS bigint
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
DECLARE
  v_id      bigint;
  v_prev    bytea;
  v_hash    bytea;
  v_at      timestamptz;
  v_actor   text := arbiter_actor();
  v_command text := nullif(current_setting('arbiter.command', true), '');
  v_request text := nullif(current_setting('arbiter.request_id', true), '');
  v_client  text := nullif(current_setting('application_name', true), '');
BEGIN
  -- Re-locking the row this transaction already holds is cheap. Under REPEATABLE READ this refuses
  -- (40001) if another appender committed since the snapshot, whose entries would be invisible here.
  PERFORM 1 FROM audit_chain_head WHERE id = 1 FOR UPDATE;
  SELECT id + 1, hash INTO v_id, v_prev FROM audit_log ORDER BY id DESC LIMIT 1;
  IF NOT FOUND THEN
    SELECT 1, decode(repeat('00', 32), 'hex') INTO v_id, v_prev;
  END IF;
  -- Read the clock only once the head is ours, so that occurred_at rises with id.
  v_at := clock_timestamp();
  v_hash := sha256(v_prev || convert_to(audit_canonical(v_id, v_at, v_actor, session_user::text, p_action,
            v_command, p_entity_type, p_entity_id, p_old, p_new, v_request, v_client), 'UTF8'));
  INSERT INTO audit_log (id, occurred_at, actor, db_user, action, command, entity_type, entity_id,
                         old_values, new_values, request_id, client_info, prev_hash, hash)
  VALUES (v_id, v_at, v_actor, session_user, p_action, v_command, p_entity_type, p_entity_id,
          p_old, p_new, v_request, v_client, v_prev, v_hash);
  RETURN v_id;
END $$;

-- At commit the head records the transaction's last entry: each entry queues this check, and only the
-- newest writes. A row trigger rather than one event per transaction, so that SET CONSTRAINTS ... IMMEDIATE
-- (open to any login) only makes it run per statement instead of leaving the head behind.
CREATE FUNCTION audit_advance_head() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
BEGIN
  IF NEW.id = (SELECT max(id) FROM audit_log) THEN
    UPDATE audit_chain_head SET last_id = NEW.id, last_hash = NEW.hash WHERE id = 1;
  END IF;
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER audit_log_advance_head AFTER INSERT ON audit_log
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION audit_advance_head();

-- Row trigger for the operational tables, also fired once per TRUNCATE. Trigger arguments name columns
-- left out of the values (bulky or secret ones such as evidence content).
CREATE FUNCTION audit_capture() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
DECLARE
  -- TG_ARGV is NULL, not empty, when the trigger has no arguments, and jsonb - NULL is NULL.
  v_omit text[] := coalesce(TG_ARGV, '{}');
  v_old  jsonb;
  v_new  jsonb;
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    PERFORM audit_append('truncate', TG_TABLE_NAME, NULL, NULL, NULL);
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    v_old := to_jsonb(OLD) - v_omit;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    v_new := to_jsonb(NEW) - v_omit;
  END IF;
  PERFORM audit_append(lower(TG_OP), TG_TABLE_NAME, coalesce(v_new ->> 'id', v_old ->> 'id'), v_old, v_new);
  RETURN NULL;
END $$;

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['users', 'staff_accounts', 'workspaces', 'workspace_members', 'workspace_invites',
                           'contact_notes', 'contracts', 'escrows', 'escrow_checkpoints', 'release_approvals',
                           'wallets', 'journals', 'ledger_entries', 'disputes', 'dispute_messages',
                           'settlements', 'moderation_flags'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION audit_capture()',
                   t || '_audit', t);
    EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION audit_capture()',
                   t || '_audit_truncate', t);
  END LOOP;
END $$;
CREATE TRIGGER dispute_evidence_audit AFTER INSERT OR UPDATE OR DELETE ON dispute_evidence
  FOR EACH ROW EXECUTE FUNCTION audit_capture('content');
CREATE TRIGGER dispute_evidence_audit_truncate AFTER TRUNCATE ON dispute_evidence
  FOR EACH STATEMENT EXECUTE FUNCTION audit_capture();

-- The log itself never changes. Privileges already keep runtime roles out; these triggers also stop
-- the owner unless a superuser deliberately disables them (which verification then detects).
CREATE FUNCTION refuse_audit_change() RETURNS trigger
  LANGUAGE plpgsql
AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = '42501';
END $$;

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_change();
