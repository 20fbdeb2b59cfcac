-- Append-only, hash-chained audit log written by triggers, whoever makes the change.
-- hash = sha256(prev_hash || audit_canonical(row)); ids are gapless and in chain order because the
-- append takes the single chain-head row FOR UPDATE, which serialises concurrent writers.

CREATE TABLE audit_log (
  id          bigint      PRIMARY KEY,
  occurred_at timestamptz NOT NULL,
  actor       text        NOT NULL,
  db_user     text        NOT NULL,
  action      text        NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'note')),
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

-- The exact bytes that are hashed. The verifier rebuilds the same text from the columns, so any
-- edit of any column shows. Fields are joined by the unit separator; NULL is spelled \N.
CREATE FUNCTION audit_canonical(p_id bigint, p_occurred_at timestamptz, p_actor text, p_db_user text,
                                p_action text, p_command text, p_entity_type text, p_entity_id text,
                                p_old jsonb, p_new jsonb, p_request_id text, p_client_info text)
  RETURNS text
  LANGUAGE sql IMMUTABLE
  SET search_path = pg_catalog
AS $$
  SELECT concat_ws(chr(31),
    p_id::text,
    ((extract(epoch FROM p_occurred_at) * 1000000)::bigint)::text,
    p_actor, p_db_user, p_action, coalesce(p_command, '\N'), p_entity_type, coalesce(p_entity_id, '\N'),
    coalesce(p_old::text, '\N'), coalesce(p_new::text, '\N'), coalesce(p_request_id, '\N'),
    coalesce(p_client_info, '\N'))
$$;

-- Appends one entry to the chain. SECURITY DEFINER: runtime roles cannot insert into audit_log
-- themselves, only through changes to the tables they may write.
CREATE FUNCTION audit_append(p_action text, p_entity_type text, p_entity_id text, p_old jsonb, p_new jsonb)
  RETURNS bigint
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
DECLARE
  v_id      bigint;
  v_prev    bytea;
  v_hash    bytea;
  v_at      timestamptz := clock_timestamp();
  v_actor   text := arbiter_actor();
  v_command text := nullif(current_setting('arbiter.command', true), '');
  v_request text := nullif(current_setting('arbiter.request_id', true), '');
  v_client  text := nullif(current_setting('application_name', true), '');
BEGIN
  SELECT last_id + 1, last_hash INTO v_id, v_prev FROM audit_chain_head WHERE id = 1 FOR UPDATE;
  v_hash := sha256(v_prev || convert_to(audit_canonical(v_id, v_at, v_actor, session_user::text, p_action,
            v_command, p_entity_type, p_entity_id, p_old, p_new, v_request, v_client), 'UTF8'));
  UPDATE audit_chain_head SET last_id = v_id, last_hash = v_hash WHERE id = 1;
  INSERT INTO audit_log (id, occurred_at, actor, db_user, action, command, entity_type, entity_id,
                         old_values, new_values, request_id, client_info, prev_hash, hash)
  VALUES (v_id, v_at, v_actor, session_user, p_action, v_command, p_entity_type, p_entity_id,
          p_old, p_new, v_request, v_client, v_prev, v_hash);
  RETURN v_id;
END $$;

-- Row trigger for the operational tables. Trigger arguments name columns left out of the values
-- (bulky or secret ones such as evidence content).
CREATE FUNCTION audit_capture() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
DECLARE
  v_old jsonb;
  v_new jsonb;
BEGIN
  IF TG_OP <> 'INSERT' THEN
    v_old := to_jsonb(OLD) - TG_ARGV;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    v_new := to_jsonb(NEW) - TG_ARGV;
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
  END LOOP;
END $$;
CREATE TRIGGER dispute_evidence_audit AFTER INSERT OR UPDATE OR DELETE ON dispute_evidence
  FOR EACH ROW EXECUTE FUNCTION audit_capture('content');

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
