-- The database holds its rules against an insider with psql and nothing but their login's grants.
-- This migration changes tables and grants; every function body now lives in the repeatable
-- migrations (R__*.sql), each with its search_path pinned (pg_catalog, public, pg_temp) and the tables
-- it trusts named by schema. docs/SECURITY.md has the threat model and the role matrix.

-- 1. No runtime role creates anything, temporary tables included. A temporary table named like a
--    table or catalog view that a guard reads once made the guard believe it (pg_temp is searched
--    first unless a function pins it last). PUBLIC holds TEMPORARY on every database by default.
DO $$
DECLARE
  r text;
BEGIN
  EXECUTE format('REVOKE CREATE, TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
  FOREACH r IN ARRAY ARRAY['arbiter_staff', 'arbiter_support', 'arbiter_finance', 'arbiter_moderator',
                           'arbiter_admin', 'marketplace_backend'] LOOP
    EXECUTE format('REVOKE CREATE, TEMPORARY ON DATABASE %I FROM %I', current_database(), r);
    EXECUTE format('REVOKE CREATE ON SCHEMA public FROM %I', r);
    -- A REVOKE by a role that does not own the database only warns; a shared server whose database
    -- the migrator does not own must not end up believing it is protected.
    IF has_database_privilege(r, current_database(), 'TEMPORARY')
       OR has_database_privilege(r, current_database(), 'CREATE') THEN
      RAISE EXCEPTION 'role % can still create objects in database %: its owner must run REVOKE CREATE, TEMPORARY ON DATABASE % FROM PUBLIC',
        r, current_database(), current_database();
    END IF;
  END LOOP;
END $$;

-- 2. One session cannot hold everyone up for as long as it likes. Every audited write takes the
--    audit chain head until it commits, so an open transaction that wrote and then waits stalls every
--    writer. These are defaults for every session on this database; the owner's tools (migrations,
--    the demo loader, exports) lift them for their own sessions, and so could a runtime login for its
--    own (see docs/SECURITY.md, "Limits").
DO $$
BEGIN
  EXECUTE format('ALTER DATABASE %I SET idle_in_transaction_session_timeout = %L', current_database(), '60s');
  EXECUTE format('ALTER DATABASE %I SET lock_timeout = %L', current_database(), '15s');
  EXECUTE format('ALTER DATABASE %I SET statement_timeout = %L', current_database(), '120s');
END $$;

-- 3. Money that a status rule alone protected. A checkpoint's releases plus its refunds never exceed
--    its amount, so a checkpoint revived after a refund has nothing left to pay; refunded_minor is what
--    the checkpoint gave back (a refund returns the whole remainder; a settlement that closes it counts
--    what the payee did not get). Only the money functions write either column.
ALTER TABLE escrow_checkpoints
  ADD COLUMN refunded_minor bigint NOT NULL DEFAULT 0 CHECK (refunded_minor >= 0);
UPDATE escrow_checkpoints SET refunded_minor = amount_minor - released_minor
 WHERE status = 'refunded' AND released_minor < amount_minor;
ALTER TABLE escrow_checkpoints
  ADD CONSTRAINT escrow_checkpoints_paid_within_amount CHECK (released_minor + refunded_minor <= amount_minor),
  ADD CONSTRAINT escrow_checkpoints_refunded_closed
    CHECK (status = 'refunded' OR refunded_minor = 0),
  ADD CONSTRAINT escrow_checkpoints_refunded_in_full
    CHECK (status <> 'refunded' OR released_minor + refunded_minor = amount_minor);

-- A settlement is paid once: one journal per settlement, one executed settlement per dispute.
CREATE UNIQUE INDEX journals_one_per_settlement ON journals (settlement_id) WHERE settlement_id IS NOT NULL;
CREATE UNIQUE INDEX settlements_one_executed_per_dispute ON settlements (dispute_id) WHERE status = 'executed';
ALTER TABLE settlements ADD CONSTRAINT settlements_journal_once UNIQUE (journal_id);

-- 4. Rows that fit together, declared rather than checked by a guard: a checkpoint is in its escrow's
--    currency (the backend once added an EUR checkpoint to a USD escrow, and finance paid it from the
--    EUR pool), an escrow and a dispute in their contract's, a settlement in its dispute's; a dispute's
--    escrow belongs to its contract and its checkpoint to its escrow. Added NOT VALID and then
--    validated: an older database with rows that break them still migrates, keeps the rule for every
--    new row, and `ledger verify` names the old rows.
ALTER TABLE contracts ADD CONSTRAINT contracts_id_currency_key UNIQUE (id, currency);
ALTER TABLE escrows ADD CONSTRAINT escrows_id_currency_key UNIQUE (id, currency);
ALTER TABLE escrows ADD CONSTRAINT escrows_id_contract_key UNIQUE (id, contract_id);
ALTER TABLE escrow_checkpoints ADD CONSTRAINT escrow_checkpoints_id_escrow_key UNIQUE (id, escrow_id);
ALTER TABLE disputes ADD CONSTRAINT disputes_id_currency_key UNIQUE (id, currency);

ALTER TABLE escrows ADD CONSTRAINT escrows_contract_currency_fk
  FOREIGN KEY (contract_id, currency) REFERENCES contracts (id, currency) NOT VALID;
ALTER TABLE escrow_checkpoints ADD CONSTRAINT escrow_checkpoints_escrow_currency_fk
  FOREIGN KEY (escrow_id, currency) REFERENCES escrows (id, currency) NOT VALID;
ALTER TABLE disputes ADD CONSTRAINT disputes_contract_currency_fk
  FOREIGN KEY (contract_id, currency) REFERENCES contracts (id, currency) NOT VALID;
ALTER TABLE disputes ADD CONSTRAINT disputes_escrow_contract_fk
  FOREIGN KEY (escrow_id, contract_id) REFERENCES escrows (id, contract_id) NOT VALID;
ALTER TABLE disputes ADD CONSTRAINT disputes_checkpoint_escrow_fk
  FOREIGN KEY (checkpoint_id, escrow_id) REFERENCES escrow_checkpoints (id, escrow_id) NOT VALID;
ALTER TABLE disputes ADD CONSTRAINT disputes_checkpoint_needs_escrow
  CHECK (checkpoint_id IS NULL OR escrow_id IS NOT NULL) NOT VALID;
ALTER TABLE settlements ADD CONSTRAINT settlements_dispute_currency_fk
  FOREIGN KEY (dispute_id, currency) REFERENCES disputes (id, currency) NOT VALID;

DO $$
DECLARE
  c record;
BEGIN
  FOR c IN SELECT conrelid::regclass::text AS tbl, conname FROM pg_constraint
            WHERE connamespace = 'public'::regnamespace AND NOT convalidated
              AND conname IN ('escrows_contract_currency_fk', 'escrow_checkpoints_escrow_currency_fk',
                              'disputes_contract_currency_fk', 'disputes_escrow_contract_fk',
                              'disputes_checkpoint_escrow_fk', 'disputes_checkpoint_needs_escrow',
                              'settlements_dispute_currency_fk') LOOP
    BEGIN
      EXECUTE format('ALTER TABLE %I VALIDATE CONSTRAINT %I', c.tbl, c.conname);
    EXCEPTION WHEN foreign_key_violation OR check_violation THEN
      RAISE WARNING 'existing rows of % break %; it holds for new rows, and ledger verify lists the old ones',
        c.tbl, c.conname;
    END;
  END LOOP;
END $$;

-- 5. A checkpoint's review round belongs to the database (guard_checkpoint_write): the backend
--    submits, the database stamps when, for whom and which round. An approval counts only in the round
--    it was given in; approvals given before this column existed count only if they were given in the
--    current submission, as the old rule (created_at >= submitted_at) had it, and are otherwise
--    marked -1, a round no checkpoint reaches.
ALTER TABLE escrow_checkpoints
  ADD COLUMN submission_round integer NOT NULL DEFAULT 0 CHECK (submission_round >= 0);
ALTER TABLE release_approvals
  ADD COLUMN submission_round integer NOT NULL DEFAULT 0 CHECK (submission_round >= -1);
UPDATE release_approvals ra SET submission_round = -1
  FROM escrow_checkpoints cp
 WHERE cp.id = ra.checkpoint_id AND (cp.submitted_at IS NULL OR ra.created_at < cp.submitted_at);

-- 6. Who is a person, for four-eyes: the admin who created a login knows its first password, so the
--    login counts as its creator (arbiter_person). Logins made outside Arbiter have no creator.
ALTER TABLE staff_accounts ADD COLUMN created_by text REFERENCES staff_accounts (login_role);

-- 7. Presence rows belong to their login: keyed by it, so rows planted under another console's id
--    (which is readable) no longer collide with that console's own.
ALTER TABLE console_presence DROP CONSTRAINT console_presence_pkey;
ALTER TABLE console_presence ADD PRIMARY KEY (staff_login, console_id, entity_type, entity_id);

-- 8. Writes: every column a role may write is one its job needs; decisions go through functions.
-- Support withdraws a proposal through withdraw_settlement; it never rewrites a settlement.
REVOKE UPDATE ON settlements FROM arbiter_support;
-- Moderators decide through the moderation functions only (claim, decision record, effect, audit).
REVOKE UPDATE ON moderation_flags FROM arbiter_moderator;
REVOKE UPDATE ON dispute_messages FROM arbiter_moderator;
-- Staff accounts are created by create_staff_login and deactivated by deactivate_staff.
REVOKE INSERT, UPDATE ON staff_accounts FROM arbiter_admin;
GRANT UPDATE (display_name, email, version) ON staff_accounts TO arbiter_admin;
-- The backend submits checkpoints; when, for whom and the round are the database's.
REVOKE INSERT, UPDATE ON escrow_checkpoints FROM marketplace_backend;
GRANT INSERT (escrow_id, seq, label, amount_minor, currency, approval_requirement, csat_threshold, auto_release_at),
  UPDATE (status, auto_release_at, version) ON escrow_checkpoints TO marketplace_backend;
-- A flag starts open and unclaimed: the backend writes what was reported, nothing else.
REVOKE INSERT ON moderation_flags FROM marketplace_backend;
GRANT INSERT (entity_type, entity_id, reporter_id, reason, details, severity) ON moderation_flags
  TO marketplace_backend;
-- The backend writes in the parties' names: no staff author, no hiding.
REVOKE INSERT ON dispute_messages, dispute_evidence FROM marketplace_backend;
GRANT INSERT (dispute_id, author_user_id, visibility, body) ON dispute_messages TO marketplace_backend;
GRANT INSERT (dispute_id, uploaded_by, file_name, mime_type, size_bytes, sha256, content) ON dispute_evidence
  TO marketplace_backend;
-- Presence: a console writes its own rows (row policy on staff_login); the heartbeat is stamped with
-- the database's clock (stamp_presence); the key never changes.
REVOKE UPDATE ON console_presence FROM arbiter_staff;
GRANT UPDATE (mode, heartbeat_at) ON console_presence TO arbiter_staff;

-- 9. Reads: what each role's job needs.
-- The ledger is finance's (and admins', who oversee it). Support and moderators see escrows, checkpoints
-- and settlements, which carry every amount their work needs. The backend shows users their wallets.
REVOKE SELECT ON journals, ledger_entries, wallets FROM arbiter_staff;
GRANT SELECT ON journals, ledger_entries, wallets TO arbiter_finance, arbiter_admin;
-- Money requests: each login reads its own, which is all a check of its own lost answer needs.
ALTER TABLE money_requests ENABLE ROW LEVEL SECURITY;
CREATE POLICY money_requests_own_read ON money_requests FOR SELECT USING (actor = session_user::text);
-- Evidence bytes: support (the case) and moderators and admins (flagged evidence); everyone on staff
-- sees what a file is, not what it says.
REVOKE SELECT ON dispute_evidence FROM arbiter_staff;
GRANT SELECT (id, dispute_id, uploaded_by, uploaded_by_staff, file_name, mime_type, size_bytes, sha256, created_at)
  ON dispute_evidence TO arbiter_staff;
GRANT SELECT (content) ON dispute_evidence TO arbiter_support, arbiter_moderator, arbiter_admin;
-- Internal notes on a case are staff's: the backend, which serves the parties, reads and writes only
-- what the parties may see.
ALTER TABLE dispute_messages ENABLE ROW LEVEL SECURITY;
CREATE POLICY dispute_messages_staff_read ON dispute_messages FOR SELECT TO arbiter_staff USING (true);
CREATE POLICY dispute_messages_support_insert ON dispute_messages FOR INSERT TO arbiter_support WITH CHECK (true);
CREATE POLICY dispute_messages_backend_read ON dispute_messages FOR SELECT TO marketplace_backend
  USING (visibility = 'parties');
CREATE POLICY dispute_messages_backend_insert ON dispute_messages FOR INSERT TO marketplace_backend
  WITH CHECK (visibility = 'parties');
