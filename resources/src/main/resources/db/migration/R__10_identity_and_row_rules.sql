-- True for the schema owner and superusers: the loaders and the SECURITY DEFINER money functions.
-- Inside a definer function current_user is the owner, which is how money transitions are told apart.
CREATE OR REPLACE FUNCTION arbiter_is_owner() RETURNS boolean
  LANGUAGE sql STABLE
  SET search_path = pg_catalog, public, pg_temp
AS $$
  SELECT current_user = 'arbiter_migrator'
      OR coalesce((SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user), false)
$$;

-- True for sessions that logged in as the owner or a superuser (the loaders, migrations, a DBA):
-- whatever function they are inside, session_user says who is really at the keyboard.
CREATE OR REPLACE FUNCTION arbiter_is_owner_session() RETURNS boolean
  LANGUAGE sql STABLE
  SET search_path = pg_catalog, public, pg_temp
AS $$
  SELECT session_user = 'arbiter_migrator'
      OR coalesce((SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = session_user), false)
$$;

-- The actor recorded in audit rows: the login itself, unless the writer names who it acts for through
-- SET LOCAL arbiter.actor. Only the backend may do that, and only for a marketplace user
-- (user:<id>, or user:<id>@<channel> naming the app it came through) or a service (svc:<name>),
-- never for a member of staff; the Arbiter worker's rules act as system:<rule>; the owner's loaders
-- replay history under the names that made it. A name that breaks these rules refuses the write
-- instead of being ignored, so an attempt shows.
CREATE OR REPLACE FUNCTION arbiter_actor() RETURNS text
  LANGUAGE plpgsql STABLE
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  v_named text := nullif(current_setting('arbiter.actor', true), '');
BEGIN
  IF v_named IS NULL THEN
    RETURN session_user::text;
  END IF;
  IF public.arbiter_is_owner_session() THEN
    RETURN v_named;
  END IF;
  -- The worker's rules name themselves (automation_act_as, R__90).
  IF pg_has_role(session_user, 'arbiter_automation', 'MEMBER') THEN
    IF v_named ~ '^system:[a-z][a-z0-9-]{0,40}$' THEN
      RETURN v_named;
    END IF;
    RAISE EXCEPTION 'the automation acts as system:<rule>, not %', v_named
      USING ERRCODE = '22023', CONSTRAINT = 'audit_actor_format';
  END IF;
  IF pg_has_role(session_user, 'marketplace_backend', 'MEMBER') THEN
    IF v_named ~ '^(user:[1-9][0-9]{0,18}(@[a-z][a-z0-9_-]{0,31})?|svc:[a-z][a-z0-9_.-]{0,62})$' THEN
      RETURN v_named;
    END IF;
    RAISE EXCEPTION 'the backend acts for a marketplace user (user:<id> or user:<id>@<channel>) or a service (svc:<name>), not %',
      v_named USING ERRCODE = '22023', CONSTRAINT = 'audit_actor_format';
  END IF;
  RAISE EXCEPTION '% cannot name another actor (%): staff changes are recorded under their own login',
    session_user, v_named USING ERRCODE = '42501', CONSTRAINT = 'audit_actor_format';
END $$;

-- The person behind a staff login, for four-eyes rules: the login at the root of its creation chain.
-- An admin who creates a login sets its first password and can act as it, so every login an admin
-- created (directly or through logins it created) counts as that admin; logins made outside Arbiter
-- (by a DBA, or the demo set-up) are people of their own. Two approvals count as two only when their
-- logins lead to different people. Any other login (the backend, a marketplace actor) is itself.
-- create_staff_login stores the root (staff_accounts.person), so no chain is too long to follow.
CREATE OR REPLACE FUNCTION arbiter_person(p_login text) RETURNS text
  LANGUAGE sql STABLE
  SET search_path = pg_catalog, public, pg_temp
AS $$
  SELECT coalesce((SELECT s.person FROM public.staff_accounts s WHERE s.login_role = p_login), p_login)
$$;

-- Free text a person typed, without the white space around it; NULL when nothing is left. btrim
-- would keep a reason made of tabs or line breaks.
CREATE OR REPLACE FUNCTION arbiter_clean_text(p text) RETURNS text
  LANGUAGE sql IMMUTABLE
  SET search_path = pg_catalog, public, pg_temp
AS $$
  SELECT nullif(regexp_replace(p, '^[[:space:]]+|[[:space:]]+$', '', 'g'), '')
$$;

-- A deactivated login's open session keeps its connection, but not its power to change anything:
-- every audited write and every staff function asks this first.
CREATE OR REPLACE FUNCTION arbiter_require_active_staff() RETURNS void
  LANGUAGE plpgsql STABLE
  SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM public.staff_accounts WHERE login_role = session_user::text AND NOT active) THEN
    RAISE EXCEPTION 'login % is deactivated', session_user USING ERRCODE = '42501', CONSTRAINT = 'staff_active';
  END IF;
END $$;

-- Optimistic locking that holds for every writer. A writer that names the version (Hibernate's @Version,
-- or SQL doing SET version = <version read> + 1) must have bumped it by exactly one: anything else was
-- based on a stale read and is refused with 40001. A writer that leaves the version out gets it bumped.
-- Two triggers, because only UPDATE OF version tells whether the writer named the column: a stale
-- "SET version = 4" (read at 3) on a row another writer already moved to 4 looks like no change at all.
CREATE OR REPLACE FUNCTION refuse_stale_version() RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
  IF NEW.version IS DISTINCT FROM OLD.version + 1 THEN
    RAISE EXCEPTION 'stale version for %.% (row has %, write based on %)',
      TG_TABLE_NAME, OLD.id, OLD.version, NEW.version - 1
      USING ERRCODE = '40001', HINT = 'Reload the record and apply the change again.';
  END IF;
  RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION stamp_row_version() RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = pg_catalog, public, pg_temp
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

CREATE OR REPLACE FUNCTION enforce_status_transition() RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  v_entity  text := TG_ARGV[0];
  v_initial text := TG_ARGV[1];
  v_rule    public.status_transitions;
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
  SELECT * INTO v_rule FROM public.status_transitions
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

-- Ledger: journals and entries are never edited; corrections are new journals.
CREATE OR REPLACE FUNCTION refuse_ledger_edit() RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: post a correcting journal instead', TG_TABLE_NAME
    USING ERRCODE = '42501';
END $$;

-- An entry's currency is its wallet's.
CREATE OR REPLACE FUNCTION check_entry_currency() RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM public.wallets w WHERE w.id = NEW.wallet_id AND w.currency = NEW.currency) THEN
    RAISE EXCEPTION 'ledger entry currency % does not match wallet %', NEW.currency, NEW.wallet_id
      USING ERRCODE = '23514', CONSTRAINT = 'ledger_entries_wallet_currency';
  END IF;
  RETURN NEW;
END $$;

-- Double entry, checked at commit: every journal touched balances per currency and has two sides.
-- SECURITY DEFINER: up to PostgreSQL 17 a deferred trigger runs as whoever commits, not as the money
-- function that queued it, and the check must not depend on what that role may read.
CREATE OR REPLACE FUNCTION check_journal_balanced() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  v_bad record;
BEGIN
  SELECT currency, sum(CASE direction WHEN 'credit' THEN amount_minor ELSE -amount_minor END) AS net,
         count(*) AS entries
    INTO v_bad
    FROM public.ledger_entries
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

-- The entry trigger only sees journals that have entries; a journal posted with none is refused too.
CREATE OR REPLACE FUNCTION check_journal_has_entries() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM public.ledger_entries WHERE journal_id = NEW.id) THEN
    RAISE EXCEPTION 'journal % has no entries', NEW.id
      USING ERRCODE = '23514', CONSTRAINT = 'journals_balanced';
  END IF;
  RETURN NULL;
END $$;

-- Writers cannot name someone else as the author of what they write. Staff are stamped as their own
-- login (TG_ARGV[0], the staff author column) and may not fill in a party author (TG_ARGV[1], where the
-- table has one); the backend writes in the parties' names, never in a staff member's. Columns are read
-- through jsonb because NEW.<column> fails to compile on tables that lack the column.
CREATE OR REPLACE FUNCTION stamp_staff_author() RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  v_row       jsonb := to_jsonb(NEW);
  v_staff     text  := v_row ->> TG_ARGV[0];
  v_has_party boolean := TG_NARGS > 1 AND v_row ->> TG_ARGV[1] IS NOT NULL;
BEGIN
  IF arbiter_is_owner() THEN
    RETURN NEW;
  END IF;
  IF pg_has_role(session_user, 'marketplace_backend', 'MEMBER') THEN
    IF v_staff IS DISTINCT FROM session_user::text AND v_staff IS NOT NULL THEN
      RAISE EXCEPTION 'the backend cannot write in the name of staff member %', v_staff USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
  END IF;
  IF v_has_party THEN
    RAISE EXCEPTION 'staff cannot write % in a party''s name', TG_TABLE_NAME USING ERRCODE = '42501';
  END IF;
  RETURN jsonb_populate_record(NEW, jsonb_build_object(TG_ARGV[0], session_user));
END $$;

-- Likewise a decision is recorded under the login that makes it, not under a colleague's name.
CREATE OR REPLACE FUNCTION refuse_foreign_decider() RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
  IF NOT arbiter_is_owner() AND NEW.decided_by IS DISTINCT FROM OLD.decided_by
     AND NEW.decided_by IS DISTINCT FROM session_user::text AND NEW.decided_by IS NOT NULL THEN
    RAISE EXCEPTION 'decided_by must be your own login (%), not %', session_user, NEW.decided_by
      USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END $$;

-- A proposal must fit its dispute, whoever writes it: the console checks this first for a good
-- message, but support could otherwise file a split that does not add up, or in another currency,
-- and finance would only find out when execute_settlement refuses it.
CREATE OR REPLACE FUNCTION check_settlement_fits_dispute() RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  v_amount   bigint;
  v_currency text;
BEGIN
  SELECT amount_disputed_minor, currency INTO v_amount, v_currency
    FROM public.disputes WHERE id = NEW.dispute_id;
  IF NEW.currency <> v_currency THEN
    RAISE EXCEPTION 'settlement currency % differs from the dispute''s %', NEW.currency, v_currency
      USING ERRCODE = '23514', CONSTRAINT = 'settlements_fit_dispute';
  END IF;
  IF NEW.payee_minor + NEW.payer_minor > v_amount
     OR (NEW.outcome = 'split' AND NEW.payee_minor + NEW.payer_minor <> v_amount) THEN
    RAISE EXCEPTION 'settlement pays out % of a disputed %', NEW.payee_minor + NEW.payer_minor, v_amount
      USING ERRCODE = '23514', CONSTRAINT = 'settlements_fit_dispute';
  END IF;
  RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION refuse_request_edit() RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: a request key is recorded once, with its action', TG_TABLE_NAME
    USING ERRCODE = '42501';
END $$;

-- Definer functions run as the owner, so they ask about the login that called them.
CREATE OR REPLACE FUNCTION arbiter_require_admin() RETURNS void
  LANGUAGE plpgsql STABLE
  SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
  IF NOT pg_has_role(session_user, 'arbiter_admin', 'MEMBER') THEN
    RAISE EXCEPTION 'only admins may do this: % is not a member of arbiter_admin', session_user
      USING ERRCODE = '42501';
  END IF;
  PERFORM public.arbiter_require_active_staff();
END $$;

-- A checkpoint's review round belongs to the database, not to its writers. The backend moves a
-- checkpoint from pending to submitted; the database then stamps when, for whom (the actor the
-- backend names) and which round this is. Approvals count only in the round they were given in, so
-- nobody can make an approval from before a rejection count again by rewriting dates. The owner's
-- money functions and loaders manage rounds themselves.
CREATE OR REPLACE FUNCTION guard_checkpoint_write() RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
  IF public.arbiter_is_owner() THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'INSERT' THEN
    NEW.submitted_at := NULL;
    NEW.requested_by := NULL;
    NEW.submission_round := 0;
    RETURN NEW;
  END IF;
  IF OLD.status = 'pending' AND NEW.status = 'submitted' THEN
    NEW.submitted_at := now();
    NEW.requested_by := public.arbiter_actor();
    NEW.submission_round := OLD.submission_round + 1;
  ELSE
    NEW.submitted_at := OLD.submitted_at;
    NEW.requested_by := OLD.requested_by;
    NEW.submission_round := OLD.submission_round;
  END IF;
  IF NEW.auto_release_at IS DISTINCT FROM OLD.auto_release_at AND OLD.status NOT IN ('pending', 'submitted') THEN
    RAISE EXCEPTION 'checkpoint % is %: its auto-release time no longer changes', OLD.id, OLD.status
      USING ERRCODE = '23514', CONSTRAINT = 'escrow_checkpoints_auto_release';
  END IF;
  RETURN NEW;
END $$;

CREATE OR REPLACE TRIGGER escrow_checkpoints_submission BEFORE INSERT OR UPDATE ON public.escrow_checkpoints
  FOR EACH ROW EXECUTE FUNCTION public.guard_checkpoint_write();

-- A dispute's contract, escrow and checkpoint belong together (composite foreign keys, V85); a
-- dispute on a checkpoint names the checkpoint's escrow, filled in when the writer leaves it out.
-- Whoever opens a case is a party to the contract. A resolved or closed case is a record: only
-- resolved -> closed still happens. The backend moves a case only when the parties answered
-- (awaiting_parties -> under_review); every other move is support's.
CREATE OR REPLACE FUNCTION guard_dispute_write() RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
  IF NEW.checkpoint_id IS NOT NULL AND NEW.escrow_id IS NULL THEN
    NEW.escrow_id := (SELECT cp.escrow_id FROM public.escrow_checkpoints cp WHERE cp.id = NEW.checkpoint_id);
  END IF;
  IF public.arbiter_is_owner() THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'INSERT' THEN
    IF NOT EXISTS (SELECT 1 FROM public.contracts k WHERE k.id = NEW.contract_id
                      AND NEW.opened_by IN (k.client_id, k.freelancer_id)) THEN
      RAISE EXCEPTION 'user % is not a party to contract %', NEW.opened_by, NEW.contract_id
        USING ERRCODE = '23514', CONSTRAINT = 'disputes_opened_by_party';
    END IF;
    IF NEW.checkpoint_id IS NOT NULL AND NEW.amount_disputed_minor >
       (SELECT cp.amount_minor - cp.released_minor - cp.refunded_minor
          FROM public.escrow_checkpoints cp WHERE cp.id = NEW.checkpoint_id) THEN
      RAISE EXCEPTION 'a dispute on checkpoint % disputes at most what it still holds', NEW.checkpoint_id
        USING ERRCODE = '23514', CONSTRAINT = 'disputes_amount_within_checkpoint';
    END IF;
    RETURN NEW;
  END IF;
  -- A new deadline is a new rule to act on (automation_dispute_deadlines acts once per deadline).
  IF NEW.response_due_at IS DISTINCT FROM OLD.response_due_at
     OR NEW.deadline_action IS DISTINCT FROM OLD.deadline_action THEN
    NEW.deadline_acted_at := NULL;
  END IF;
  IF OLD.status IN ('resolved', 'closed')
     AND (to_jsonb(NEW) - 'status' - 'version' - 'updated_at' - 'priority_rank') IS DISTINCT FROM
         (to_jsonb(OLD) - 'status' - 'version' - 'updated_at' - 'priority_rank') THEN
    RAISE EXCEPTION 'dispute % is %: its record no longer changes', OLD.reference, OLD.status
      USING ERRCODE = '23514', CONSTRAINT = 'disputes_settled_record';
  END IF;
  IF pg_has_role(session_user, 'marketplace_backend', 'MEMBER') AND NEW.status IS DISTINCT FROM OLD.status
     AND NOT (OLD.status = 'awaiting_parties' AND NEW.status = 'under_review') THEN
    RAISE EXCEPTION 'the backend moves a case only from awaiting_parties to under_review, not % -> %',
      OLD.status, NEW.status USING ERRCODE = '42501', CONSTRAINT = 'disputes_status_transition';
  END IF;
  RETURN NEW;
END $$;

CREATE OR REPLACE TRIGGER disputes_guard BEFORE INSERT OR UPDATE ON public.disputes
  FOR EACH ROW EXECUTE FUNCTION public.guard_dispute_write();

-- A message or a piece of evidence written in a marketplace user's name is written by a party to the
-- dispute's contract.
CREATE OR REPLACE FUNCTION guard_party_author() RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  v_party bigint := (to_jsonb(NEW) ->> TG_ARGV[0])::bigint;
BEGIN
  IF v_party IS NULL OR public.arbiter_is_owner() THEN
    RETURN NEW;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM public.disputes d JOIN public.contracts k ON k.id = d.contract_id
                  WHERE d.id = NEW.dispute_id AND v_party IN (k.client_id, k.freelancer_id)) THEN
    RAISE EXCEPTION 'user % is not a party to dispute %', v_party, NEW.dispute_id
      USING ERRCODE = '23514', CONSTRAINT = TG_TABLE_NAME || '_party_author';
  END IF;
  RETURN NEW;
END $$;

CREATE OR REPLACE TRIGGER dispute_messages_party BEFORE INSERT ON public.dispute_messages
  FOR EACH ROW EXECUTE FUNCTION public.guard_party_author('author_user_id');
CREATE OR REPLACE TRIGGER dispute_evidence_party BEFORE INSERT ON public.dispute_evidence
  FOR EACH ROW EXECUTE FUNCTION public.guard_party_author('uploaded_by');

-- A flag is raised on something that exists. (That it starts open and unclaimed is the column grant:
-- the backend cannot write status, claim or decision columns at all.)
CREATE OR REPLACE FUNCTION guard_flag_insert() RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  v_exists boolean;
BEGIN
  IF public.arbiter_is_owner() THEN
    RETURN NEW;
  END IF;
  v_exists := CASE NEW.entity_type
       WHEN 'user' THEN EXISTS (SELECT 1 FROM public.users WHERE id = NEW.entity_id)
       WHEN 'dispute_message' THEN EXISTS (SELECT 1 FROM public.dispute_messages WHERE id = NEW.entity_id)
       WHEN 'dispute_evidence' THEN EXISTS (SELECT 1 FROM public.dispute_evidence WHERE id = NEW.entity_id)
       WHEN 'contract' THEN EXISTS (SELECT 1 FROM public.contracts WHERE id = NEW.entity_id)
       WHEN 'workspace' THEN EXISTS (SELECT 1 FROM public.workspaces WHERE id = NEW.entity_id)
       ELSE false END;
  IF NOT v_exists THEN
    RAISE EXCEPTION 'there is no % %', NEW.entity_type, NEW.entity_id
      USING ERRCODE = '23503', CONSTRAINT = 'moderation_flags_entity';
  END IF;
  RETURN NEW;
END $$;

CREATE OR REPLACE TRIGGER moderation_flags_entity BEFORE INSERT ON public.moderation_flags
  FOR EACH ROW EXECUTE FUNCTION public.guard_flag_insert();

-- Warnings and suspensions are moderation decisions (moderation_decide, moderation_undo). The backend
-- registers users and may close an account at the user's request, but neither suspends nor lifts a
-- suspension, nor registers a user in any state but active.
CREATE OR REPLACE FUNCTION guard_user_write() RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
  IF public.arbiter_is_owner() THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'INSERT' THEN
    IF NEW.status <> 'active' OR NEW.suspended_until IS NOT NULL THEN
      RAISE EXCEPTION 'a new user starts active, not %', NEW.status
        USING ERRCODE = '23514', CONSTRAINT = 'users_initial_status';
    END IF;
    RETURN NEW;
  END IF;
  IF NEW.suspended_until IS DISTINCT FROM OLD.suspended_until
     OR (NEW.status IS DISTINCT FROM OLD.status
         AND NOT (NEW.status = 'closed' AND OLD.status IN ('active', 'warned'))) THEN
    RAISE EXCEPTION 'user %: % -> % is a moderation decision, not a direct write', OLD.id, OLD.status, NEW.status
      USING ERRCODE = '42501', CONSTRAINT = 'users_status_transition';
  END IF;
  RETURN NEW;
END $$;

CREATE OR REPLACE TRIGGER users_guard BEFORE INSERT OR UPDATE ON public.users
  FOR EACH ROW EXECUTE FUNCTION public.guard_user_write();

-- Helpers the invoker-rights triggers and views call in the writer's or reader's name.
GRANT EXECUTE ON FUNCTION arbiter_is_owner_session(), arbiter_person(text), arbiter_require_active_staff(),
  arbiter_clean_text(text) TO arbiter_staff, marketplace_backend;

-- Serialises the requests that send one key (an idempotency or request key): the second waits for
-- the first to end and then finds its stored outcome (a replay) instead of acting again. An advisory
-- lock on the key's hash, so requests with other keys never wait; two keys that share a hash only
-- queue behind each other. Under REPEATABLE READ the second cannot see the first's outcome, and its
-- own write of the key or of the row fails instead (23505 or 40001): never a second effect.
CREATE OR REPLACE FUNCTION arbiter_lock_request_key(p_key text) RETURNS void
  LANGUAGE plpgsql
  SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('arbiter.request_key'), hashtext(coalesce(p_key, '')));
END $$;

-- Takes the named lock of arbiter_serial_locks (V90) until the transaction ends. It writes the row,
-- so that under REPEATABLE READ a transaction that another holder committed before fails (40001)
-- rather than judge by a snapshot older than that holder's change. Called only by the definer
-- functions that need it, as their owner.
CREATE OR REPLACE FUNCTION arbiter_serialize(p_name text) RETURNS void
  LANGUAGE plpgsql
  SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
  UPDATE public.arbiter_serial_locks SET taken = taken + 1 WHERE name = p_name;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no serial lock %', p_name USING ERRCODE = 'P0002';
  END IF;
END $$;

REVOKE ALL ON FUNCTION arbiter_lock_request_key(text), arbiter_serialize(text) FROM PUBLIC;
