-- The audit chain stops serialising the writers of the whole marketplace (decision 8).
--
-- Until now every audited transaction took the audit_chain_head row at its first audited write and
-- held it until it committed, flush to disk included: one writer at a time, and one open transaction
-- stalled every other. From here on a writer only appends its entry to audit_pending, which takes no
-- shared lock. Sealing moves pending entries into audit_log, giving each its chain id, prev_hash and
-- hash exactly as audit_append did; it is done under the head row by one sealer at a time, in the
-- order the sealer finds the entries committed: by the writer itself as it commits, when the head is
-- free (it never waits for it), and by the Arbiter worker within audit_seal_policy.max_unsealed.
-- audit_log keeps every property it had: gapless ids in chain order, the same canonical form and
-- hash, occurred_at rising with id, the head naming the newest entry, anchors valid.

-- Entries written but not yet in the chain. Nobody but the owner reads or writes them directly: the
-- SECURITY DEFINER functions append (audit_append) and seal (audit_seal); audit_unsealed() reports
-- how many wait and since when. Same columns and checks as audit_log, less the chain's.
CREATE TABLE audit_pending (
  pending_id  bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
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
  salt        bytea       NOT NULL CHECK (octet_length(salt) = 16)
);
REVOKE ALL ON audit_pending FROM PUBLIC;

-- A pending entry is never edited; only sealing removes it (the owner's functions, no grant).
CREATE TRIGGER audit_pending_append_only BEFORE UPDATE ON audit_pending
  FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
CREATE TRIGGER audit_pending_no_truncate BEFORE TRUNCATE ON audit_pending
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_change();

-- How long an entry may wait to be sealed. The worker seals at a quarter of it and ends a session
-- that keeps the head locked longer (session-guard); `audit verify` reports entries older than it
-- as overdue. A DBA (the schema owner) changes it with UPDATE; staff and the worker read it.
CREATE TABLE audit_seal_policy (
  id           smallint PRIMARY KEY CHECK (id = 1),
  max_unsealed interval NOT NULL CHECK (max_unsealed BETWEEN interval '200 milliseconds' AND interval '1 hour')
);
INSERT INTO audit_seal_policy (id, max_unsealed) VALUES (1, interval '5 seconds');
REVOKE ALL ON audit_seal_policy FROM PUBLIC;
GRANT SELECT ON audit_seal_policy TO arbiter_staff, arbiter_automation;

-- The head is now written by the sealer, once per seal, not by a trigger per entry.
DROP TRIGGER audit_log_advance_head ON audit_log;
DROP FUNCTION audit_advance_head();

-- The writer's own seal, as it commits. Its body is R__20's; this one stands in until R__20 runs,
-- in the same migration, so that the trigger below has a function to name.
CREATE FUNCTION audit_seal_at_commit() RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER audit_pending_seal AFTER INSERT ON audit_pending
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_seal_at_commit();

-- The head also served as the one lock every money, moderation, workspace and staff function took
-- first. Those functions now lock the rows they act on (which they did already) and, where two
-- requests may otherwise pass each other, what they share: a request key (an advisory lock on it,
-- arbiter_lock_request_key) or, for staff administration, which judges every login at once ("the
-- last admin"), the 'staff' row here. A row no runtime role can read or lock, so no session can hold
-- it from outside those functions.
CREATE TABLE arbiter_serial_locks (
  name  text   PRIMARY KEY,
  taken bigint NOT NULL DEFAULT 0
);
INSERT INTO arbiter_serial_locks (name) VALUES ('staff');
REVOKE ALL ON arbiter_serial_locks FROM PUBLIC;
