-- Every write a support agent makes on a dispute is a command with a client-generated idempotency key.
-- The key is recorded in the same transaction as the change, so a retry after a lost reply replays the
-- first result instead of acting twice, and the same key with other arguments is refused.
CREATE TABLE dispute_commands (
  idempotency_key text        PRIMARY KEY CHECK (length(idempotency_key) BETWEEN 8 AND 200),
  command         text        NOT NULL CHECK (command ~ '^dispute\.[a-z_]+$'),
  dispute_id      bigint      NOT NULL REFERENCES disputes (id),
  fingerprint     text        NOT NULL,
  description     text        NOT NULL CHECK (length(btrim(description)) > 0),
  staff_login     text        NOT NULL DEFAULT session_user,
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX dispute_commands_dispute ON dispute_commands (dispute_id, created_at);

CREATE TRIGGER dispute_commands_audit AFTER INSERT OR UPDATE OR DELETE ON dispute_commands
  FOR EACH ROW EXECUTE FUNCTION audit_capture();
CREATE TRIGGER dispute_commands_audit_truncate AFTER TRUNCATE ON dispute_commands
  FOR EACH STATEMENT EXECUTE FUNCTION audit_capture();
CREATE TRIGGER dispute_commands_append_only BEFORE UPDATE OR DELETE ON dispute_commands
  FOR EACH ROW EXECUTE FUNCTION refuse_ledger_edit();

GRANT SELECT ON dispute_commands TO arbiter_staff;
GRANT INSERT (idempotency_key, command, dispute_id, fingerprint, description) ON dispute_commands
  TO arbiter_support;

-- Keys are global (a key is unique whoever sent it), so reads are not row-filtered: a replay must see
-- the first use. Writers are stamped as themselves.
ALTER TABLE dispute_commands ENABLE ROW LEVEL SECURITY;
CREATE POLICY dispute_commands_read ON dispute_commands FOR SELECT USING (true);
CREATE POLICY dispute_commands_own_insert ON dispute_commands FOR INSERT
  WITH CHECK (staff_login = session_user);
