-- Invariants every writer meets, whether it is the console, the backend or someone at a psql prompt.

-- True for the schema owner and superusers: the loaders and the SECURITY DEFINER money functions.
-- Inside a definer function current_user is the owner, which is how money transitions are told apart.
CREATE FUNCTION arbiter_is_owner() RETURNS boolean
  LANGUAGE sql STABLE
  SET search_path = pg_catalog
AS $$
  SELECT current_user = 'arbiter_migrator'
      OR coalesce((SELECT rolsuper FROM pg_roles WHERE rolname = current_user), false)
$$;

-- The actor recorded in audit rows. Only the backend (and the owner's loaders) may name an actor
-- through SET LOCAL arbiter.actor; anyone else is recorded as their own login.
CREATE FUNCTION arbiter_actor() RETURNS text
  LANGUAGE sql STABLE
  SET search_path = pg_catalog
AS $$
  SELECT CASE
    WHEN nullif(current_setting('arbiter.actor', true), '') IS NOT NULL
         AND (pg_has_role(session_user, 'marketplace_backend', 'MEMBER')
              OR session_user = 'arbiter_migrator'
              OR coalesce((SELECT rolsuper FROM pg_roles WHERE rolname = session_user), false))
      THEN current_setting('arbiter.actor', true)
    ELSE session_user::text
  END
$$;

-- Optimistic locking that holds for every writer. A writer that names the version (Hibernate's @Version,
-- or SQL doing SET version = <version read> + 1) must have bumped it by exactly one: anything else was
-- based on a stale read and is refused with 40001. A writer that leaves the version out gets it bumped.
-- Two triggers, because only UPDATE OF version tells whether the writer named the column: a stale
-- "SET version = 4" (read at 3) on a row another writer already moved to 4 looks like no change at all.
CREATE FUNCTION refuse_stale_version() RETURNS trigger
  LANGUAGE plpgsql
AS $$
BEGIN
  IF NEW.version IS DISTINCT FROM OLD.version + 1 THEN
    RAISE EXCEPTION 'stale version for %.% (row has %, write based on %)',
      TG_TABLE_NAME, OLD.id, OLD.version, NEW.version - 1
      USING ERRCODE = '40001', HINT = 'Reload the record and apply the change again.';
  END IF;
  RETURN NEW;
END $$;

CREATE FUNCTION stamp_row_version() RETURNS trigger
  LANGUAGE plpgsql
AS $$
BEGIN
  IF NEW.version = OLD.version THEN
    NEW.version := OLD.version + 1;
  ELSIF NEW.version <> OLD.version + 1 THEN
    -- Only another BEFORE trigger could get here; refuse rather than guess.
    RAISE EXCEPTION 'version of %.% changed from % to %', TG_TABLE_NAME, OLD.id, OLD.version, NEW.version
      USING ERRCODE = '40001';
  END IF;
  NEW.updated_at := now();
  RETURN NEW;
END $$;

-- Triggers on one event fire in name order: <table>_stale_version must see the writer's own value
-- before <table>_version bumps it.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['users', 'staff_accounts', 'workspaces', 'workspace_members', 'workspace_invites',
                           'contact_notes', 'contracts', 'escrows', 'escrow_checkpoints', 'wallets', 'disputes',
                           'dispute_messages', 'settlements', 'moderation_flags'] LOOP
    EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE OF version ON %I FOR EACH ROW EXECUTE FUNCTION refuse_stale_version()',
                   t || '_stale_version', t);
    EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE ON %I FOR EACH ROW EXECUTE FUNCTION stamp_row_version()',
                   t || '_version', t);
  END LOOP;
END $$;

-- Legal status changes, as data so that the console reads the same rules the database applies.
-- by_owner_only marks moves that only the money functions (running as the owner) may make.
CREATE TABLE status_transitions (
  entity        text    NOT NULL CHECK (entity IN ('dispute', 'checkpoint', 'flag', 'settlement')),
  from_status   text    NOT NULL,
  to_status     text    NOT NULL,
  by_owner_only boolean NOT NULL DEFAULT false,
  PRIMARY KEY (entity, from_status, to_status)
);

INSERT INTO status_transitions (entity, from_status, to_status, by_owner_only) VALUES
  ('dispute', 'open', 'under_review', false),
  ('dispute', 'under_review', 'awaiting_parties', false),
  ('dispute', 'awaiting_parties', 'under_review', false),
  ('dispute', 'under_review', 'escalated', false),
  ('dispute', 'awaiting_parties', 'escalated', false),
  ('dispute', 'escalated', 'settling', false),
  ('dispute', 'settling', 'escalated', false),
  ('dispute', 'settling', 'resolved', true),
  ('dispute', 'resolved', 'closed', false),
  ('checkpoint', 'pending', 'submitted', false),
  ('checkpoint', 'pending', 'cancelled', false),
  ('checkpoint', 'submitted', 'pending', true),
  ('checkpoint', 'submitted', 'approved', true),
  ('checkpoint', 'submitted', 'on_hold', true),
  ('checkpoint', 'submitted', 'refunded', true),
  ('checkpoint', 'approved', 'released', true),
  ('checkpoint', 'approved', 'on_hold', true),
  ('checkpoint', 'approved', 'refunded', true),
  ('checkpoint', 'on_hold', 'submitted', true),
  ('checkpoint', 'on_hold', 'approved', true),
  ('checkpoint', 'on_hold', 'refunded', true),
  ('checkpoint', 'pending', 'refunded', true),
  ('flag', 'open', 'dismissed', false),
  ('flag', 'open', 'actioned', false),
  ('flag', 'dismissed', 'open', false),
  ('flag', 'actioned', 'open', false),
  ('settlement', 'proposed', 'executed', true),
  ('settlement', 'proposed', 'sent_back', true),
  ('settlement', 'proposed', 'withdrawn', false);

CREATE FUNCTION enforce_status_transition() RETURNS trigger
  LANGUAGE plpgsql
AS $$
DECLARE
  v_entity  text := TG_ARGV[0];
  v_initial text := TG_ARGV[1];
  v_rule    status_transitions;
BEGIN
  IF TG_OP = 'INSERT' THEN
    -- New work starts at the beginning; only the owner's loaders may insert history in later states.
    IF NEW.status <> v_initial AND NOT arbiter_is_owner() THEN
      RAISE EXCEPTION 'a new % must start as %, not %', v_entity, v_initial, NEW.status
        USING ERRCODE = '23514', CONSTRAINT = v_entity || '_initial_status';
    END IF;
    RETURN NEW;
  END IF;
  IF NEW.status = OLD.status THEN
    RETURN NEW;
  END IF;
  SELECT * INTO v_rule FROM status_transitions
   WHERE entity = v_entity AND from_status = OLD.status AND to_status = NEW.status;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'illegal % status change: % -> %', v_entity, OLD.status, NEW.status
      USING ERRCODE = '23514', CONSTRAINT = v_entity || '_status_transition';
  END IF;
  IF v_rule.by_owner_only AND NOT arbiter_is_owner() THEN
    RAISE EXCEPTION '% status change % -> % is made only through the money functions', v_entity, OLD.status, NEW.status
      USING ERRCODE = '42501', CONSTRAINT = v_entity || '_status_transition';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER disputes_status BEFORE INSERT OR UPDATE OF status ON disputes
  FOR EACH ROW EXECUTE FUNCTION enforce_status_transition('dispute', 'open');
CREATE TRIGGER escrow_checkpoints_status BEFORE INSERT OR UPDATE OF status ON escrow_checkpoints
  FOR EACH ROW EXECUTE FUNCTION enforce_status_transition('checkpoint', 'pending');
CREATE TRIGGER moderation_flags_status BEFORE INSERT OR UPDATE OF status ON moderation_flags
  FOR EACH ROW EXECUTE FUNCTION enforce_status_transition('flag', 'open');
CREATE TRIGGER settlements_status BEFORE INSERT OR UPDATE OF status ON settlements
  FOR EACH ROW EXECUTE FUNCTION enforce_status_transition('settlement', 'proposed');

-- Ledger: journals and entries are never edited; corrections are new journals.
CREATE FUNCTION refuse_ledger_edit() RETURNS trigger
  LANGUAGE plpgsql
AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: post a correcting journal instead', TG_TABLE_NAME
    USING ERRCODE = '42501';
END $$;

CREATE TRIGGER journals_append_only BEFORE UPDATE OR DELETE ON journals
  FOR EACH ROW EXECUTE FUNCTION refuse_ledger_edit();
CREATE TRIGGER journals_no_truncate BEFORE TRUNCATE ON journals
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_ledger_edit();
CREATE TRIGGER ledger_entries_append_only BEFORE UPDATE OR DELETE ON ledger_entries
  FOR EACH ROW EXECUTE FUNCTION refuse_ledger_edit();
CREATE TRIGGER ledger_entries_no_truncate BEFORE TRUNCATE ON ledger_entries
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_ledger_edit();

-- An entry's currency is its wallet's.
CREATE FUNCTION check_entry_currency() RETURNS trigger
  LANGUAGE plpgsql
AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM wallets w WHERE w.id = NEW.wallet_id AND w.currency = NEW.currency) THEN
    RAISE EXCEPTION 'ledger entry currency % does not match wallet %', NEW.currency, NEW.wallet_id
      USING ERRCODE = '23514', CONSTRAINT = 'ledger_entries_wallet_currency';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER ledger_entries_currency BEFORE INSERT ON ledger_entries
  FOR EACH ROW EXECUTE FUNCTION check_entry_currency();

-- Double entry, checked at commit: every journal touched balances per currency and has two sides.
-- SECURITY DEFINER: up to PostgreSQL 17 a deferred trigger runs as whoever commits, not as the money
-- function that queued it, and the check must not depend on what that role may read.
CREATE FUNCTION check_journal_balanced() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
DECLARE
  v_bad record;
BEGIN
  SELECT currency, sum(CASE direction WHEN 'credit' THEN amount_minor ELSE -amount_minor END) AS net,
         count(*) AS entries
    INTO v_bad
    FROM ledger_entries
   WHERE journal_id = NEW.journal_id
   GROUP BY currency
  HAVING sum(CASE direction WHEN 'credit' THEN amount_minor ELSE -amount_minor END) <> 0 OR count(*) < 2
   LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'journal % does not balance in % (net %, % entries)', NEW.journal_id, v_bad.currency,
      v_bad.net, v_bad.entries
      USING ERRCODE = '23514', CONSTRAINT = 'journals_balanced';
  END IF;
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER ledger_entries_balanced AFTER INSERT ON ledger_entries
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION check_journal_balanced();

-- The entry trigger only sees journals that have entries; a journal posted with none is refused too.
CREATE FUNCTION check_journal_has_entries() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM ledger_entries WHERE journal_id = NEW.id) THEN
    RAISE EXCEPTION 'journal % has no entries', NEW.id
      USING ERRCODE = '23514', CONSTRAINT = 'journals_balanced';
  END IF;
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER journals_have_entries AFTER INSERT ON journals
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION check_journal_has_entries();
