-- The time-driven rules the Arbiter worker runs (V86). Each is a SECURITY DEFINER function that only
-- members of arbiter_automation may call. Each takes its due items FOR UPDATE SKIP LOCKED, and acts on each with a
-- conditional write: two workers at once, or a worker killed and run again, act on an item once.
-- An item the rule may not act on is skipped with the reason (the console shows the same gates); an
-- item that fails is recorded in automation_failures and the rule goes on with the others. Every
-- change is audited under the rule's own actor, system:<rule>.

-- Callers must be the automation; the rule's actor and command name what follows in the audit log.
CREATE OR REPLACE FUNCTION automation_act_as(p_rule text) RETURNS void
  LANGUAGE plpgsql
  SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
  IF NOT pg_has_role(session_user, 'arbiter_automation', 'MEMBER') THEN
    RAISE EXCEPTION 'only the Arbiter worker runs automation rules, not %', session_user USING ERRCODE = '42501';
  END IF;
  PERFORM set_config('arbiter.actor', 'system:' || p_rule, true);
  PERFORM set_config('arbiter.command', 'automation.' || replace(p_rule, '-', '_'), true);
END $$;

-- One item's outcome in a rule's answer.
CREATE OR REPLACE FUNCTION automation_item(p_item text, p_outcome text, p_detail text DEFAULT NULL) RETURNS jsonb
  LANGUAGE plpgsql IMMUTABLE
  SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
  RETURN jsonb_strip_nulls(jsonb_build_object('item', p_item, 'outcome', p_outcome, 'detail', p_detail));
END $$;

-- A rule's answer: what it did to each item it looked at, and the counts.
CREATE OR REPLACE FUNCTION automation_answer(p_rule text, p_items jsonb) RETURNS jsonb
  LANGUAGE plpgsql IMMUTABLE
  SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
  RETURN jsonb_build_object('rule', p_rule, 'items', p_items,
    'acted', (SELECT count(*) FROM jsonb_array_elements(p_items) i WHERE i ->> 'outcome' = 'acted'),
    'skipped', (SELECT count(*) FROM jsonb_array_elements(p_items) i WHERE i ->> 'outcome' = 'skipped'),
    'failed', (SELECT count(*) FROM jsonb_array_elements(p_items) i WHERE i ->> 'outcome' = 'failed'));
END $$;

CREATE OR REPLACE FUNCTION automation_failed(p_rule text, p_item text, p_error text) RETURNS jsonb
  LANGUAGE plpgsql
  SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
  INSERT INTO public.automation_failures (rule, item, error) VALUES (p_rule, p_item, left(p_error, 2000));
  RETURN automation_item(p_item, 'failed', p_error);
END $$;

-- Checkpoint auto-release ("the client did not respond in time"): a checkpoint whose requirement is
-- auto, submitted or approved, whose auto_release_at passed, is paid to the payee through the same
-- path as a reviewer's release (money_pay_checkpoint: conditional write, balanced journal, payout
-- reference), under a key made of the checkpoint and its due time. Never while a dispute is open,
-- the CSAT gate fails, the payee is blocked or the funds are short: those wait for a person, and the
-- release queue says why. Single and dual checkpoints are never paid by the clock.
CREATE OR REPLACE FUNCTION automation_auto_release(p_limit integer DEFAULT 100) RETURNS jsonb
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  c_rule   constant text := 'auto-release';
  v_cp     public.escrow_checkpoints;
  v_g      record;
  v_key    text;
  v_why    text;
  v_answer jsonb;
  v_items  jsonb := '[]';
BEGIN
  PERFORM automation_act_as(c_rule);
  FOR v_cp IN SELECT * FROM public.escrow_checkpoints
               WHERE status IN ('submitted', 'approved') AND approval_requirement = 'auto'
                 AND auto_release_at <= now()
               ORDER BY auto_release_at, id LIMIT greatest(coalesce(p_limit, 100), 1)
               FOR UPDATE SKIP LOCKED LOOP
    BEGIN
      v_key := format('auto-release:%s:%s', v_cp.id, (extract(epoch FROM v_cp.auto_release_at) * 1000000)::bigint);
      PERFORM set_config('arbiter.request_id', v_key, true);
      SELECT * INTO v_g FROM checkpoint_gates(v_cp.id);
      v_why := CASE
        WHEN v_g.open_disputes > 0 THEN 'a dispute is open'
        WHEN NOT v_g.csat_ok THEN format('CSAT %s is below the threshold %s',
                                         coalesce(v_g.csat_score::text, 'not rated'), v_g.csat_threshold)
        WHEN v_g.payee_status IN ('suspended', 'closed') THEN format('the payee is %s', v_g.payee_status)
        WHEN v_g.remaining_minor <= 0 THEN 'nothing is left to release'
        WHEN least(v_g.escrow_held_minor, v_g.holding_balance_minor) < v_g.remaining_minor
          THEN 'the escrow does not hold enough'
        END;
      IF v_why IS NOT NULL THEN
        v_items := v_items || automation_item('checkpoint ' || v_cp.id, 'skipped', v_why);
        CONTINUE;
      END IF;
      IF v_cp.status = 'submitted' THEN
        UPDATE public.escrow_checkpoints SET status = 'approved' WHERE id = v_cp.id AND status = 'submitted';
        v_cp.status := 'approved';
      END IF;
      v_answer := money_pay_checkpoint(v_cp, v_g.remaining_minor, v_g.remaining_minor, v_key,
        encode(sha256(convert_to(jsonb_build_object('action', 'auto_release', 'checkpoint', v_cp.id,
          'due', v_cp.auto_release_at)::text, 'UTF8')), 'hex'),
        'auto_release', 'system:' || c_rule, jsonb_build_object('checkpoint_id', v_cp.id));
      v_items := v_items || CASE WHEN v_answer ->> 'outcome' = 'ok'
        THEN automation_item('checkpoint ' || v_cp.id, 'acted',
               format('released %s %s (%s)', v_answer ->> 'amount_minor', v_cp.currency,
                      v_answer ->> 'payout_reference'))
        ELSE automation_item('checkpoint ' || v_cp.id, 'skipped', v_answer ->> 'message') END;
    EXCEPTION WHEN OTHERS THEN
      v_items := v_items || automation_failed(c_rule, 'checkpoint ' || v_cp.id, SQLERRM);
    END;
  END LOOP;
  RETURN automation_answer(c_rule, v_items);
END $$;

-- The support agent who takes an escalated case: the active support login, other than the one who
-- had it, with the fewest escalated cases (then by login, so two workers agree).
CREATE OR REPLACE FUNCTION automation_escalation_assignee(p_current text) RETURNS text
  LANGUAGE sql STABLE
  SET search_path = pg_catalog, public, pg_temp
AS $$
  SELECT s.login_role
    FROM public.staff_accounts s
   WHERE s.active AND pg_has_role(s.login_role, 'arbiter_support', 'MEMBER')
     AND NOT coalesce((SELECT r.rolsuper FROM pg_catalog.pg_roles r WHERE r.rolname = s.login_role), false)
     AND s.login_role IS DISTINCT FROM p_current
   ORDER BY (SELECT count(*) FROM public.disputes d WHERE d.assigned_to = s.login_role AND d.status = 'escalated'),
            s.login_role
   LIMIT 1
$$;

-- Dispute deadlines: at response_due_at, auto_escalate escalates the case and hands it to the next
-- support agent (automation_escalation_assignee); auto_resolve_payee and auto_resolve_payer propose
-- the settlement the deadline implies (the whole disputed amount to the freelancer or back to the
-- client) and send the case to finance, whose execution still moves the money. Each deadline is
-- acted on once (deadline_acted_at); a case already settling, resolved or closed is left alone.
CREATE OR REPLACE FUNCTION automation_dispute_deadlines(p_limit integer DEFAULT 100) RETURNS jsonb
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  c_rule  constant text := 'deadline';
  v_d     public.disputes;
  v_to    text;
  v_items jsonb := '[]';
BEGIN
  PERFORM automation_act_as(c_rule);
  FOR v_d IN SELECT * FROM public.disputes
              WHERE deadline_action IS NOT NULL AND deadline_acted_at IS NULL AND response_due_at <= now()
                AND status IN ('open', 'under_review', 'awaiting_parties', 'escalated')
              ORDER BY response_due_at, id LIMIT greatest(coalesce(p_limit, 100), 1)
              FOR UPDATE SKIP LOCKED LOOP
    BEGIN
      PERFORM set_config('arbiter.request_id',
        format('deadline:%s:%s', v_d.id, (extract(epoch FROM v_d.response_due_at) * 1000000)::bigint), true);
      -- Every move is a legal one, one at a time, as the status rules require of anyone.
      IF v_d.status = 'open' THEN
        UPDATE public.disputes SET status = 'under_review' WHERE id = v_d.id;
      END IF;
      IF v_d.status <> 'escalated' THEN
        UPDATE public.disputes SET status = 'escalated' WHERE id = v_d.id;
      END IF;
      IF v_d.deadline_action = 'auto_escalate' THEN
        v_to := coalesce(automation_escalation_assignee(v_d.assigned_to), v_d.assigned_to);
        UPDATE public.disputes SET assigned_to = v_to, deadline_acted_at = now() WHERE id = v_d.id;
        v_items := v_items || automation_item(v_d.reference, 'acted',
          'escalated' || coalesce(' to ' || v_to, ''));
      ELSE
        INSERT INTO public.settlements (dispute_id, outcome, payee_minor, payer_minor, currency, reason, proposed_by)
        VALUES (v_d.id,
                CASE v_d.deadline_action WHEN 'auto_resolve_payee' THEN 'release_to_payee' ELSE 'refund_to_payer' END,
                CASE v_d.deadline_action WHEN 'auto_resolve_payee' THEN v_d.amount_disputed_minor ELSE 0 END,
                CASE v_d.deadline_action WHEN 'auto_resolve_payer' THEN v_d.amount_disputed_minor ELSE 0 END,
                v_d.currency,
                format('The response deadline of %s passed without an answer: resolved for the %s by the deadline rule.',
                       to_char(v_d.response_due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI "UTC"'),
                       CASE v_d.deadline_action WHEN 'auto_resolve_payee' THEN 'freelancer' ELSE 'client' END),
                'system:' || c_rule);
        UPDATE public.disputes SET status = 'settling', deadline_acted_at = now() WHERE id = v_d.id;
        v_items := v_items || automation_item(v_d.reference, 'acted',
          'settlement proposed for the ' ||
          CASE v_d.deadline_action WHEN 'auto_resolve_payee' THEN 'freelancer' ELSE 'client' END);
      END IF;
    EXCEPTION WHEN OTHERS THEN
      v_items := v_items || automation_failed(c_rule, v_d.reference, SQLERRM);
    END;
  END LOOP;
  RETURN automation_answer(c_rule, v_items);
END $$;

-- Invites past expires_at become expired.
CREATE OR REPLACE FUNCTION automation_expire_invites(p_limit integer DEFAULT 500) RETURNS jsonb
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  c_rule  constant text := 'invite-expiry';
  v_id    bigint;
  v_items jsonb := '[]';
BEGIN
  PERFORM automation_act_as(c_rule);
  FOR v_id IN SELECT id FROM public.workspace_invites WHERE status = 'pending' AND expires_at <= now()
               ORDER BY expires_at, id LIMIT greatest(coalesce(p_limit, 500), 1) FOR UPDATE SKIP LOCKED LOOP
    BEGIN
      UPDATE public.workspace_invites SET status = 'expired' WHERE id = v_id AND status = 'pending';
      v_items := v_items || automation_item('invite ' || v_id, 'acted', 'expired');
    EXCEPTION WHEN OTHERS THEN
      v_items := v_items || automation_failed(c_rule, 'invite ' || v_id, SQLERRM);
    END;
  END LOOP;
  RETURN automation_answer(c_rule, v_items);
END $$;

-- Suspensions past suspended_until are lifted. The user stays warned: the sanction remains on
-- record (the audit log, under system:suspension-expiry, and the moderation decision that imposed it).
CREATE OR REPLACE FUNCTION automation_lift_suspensions(p_limit integer DEFAULT 500) RETURNS jsonb
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  c_rule  constant text := 'suspension-expiry';
  v_id    bigint;
  v_items jsonb := '[]';
BEGIN
  PERFORM automation_act_as(c_rule);
  FOR v_id IN SELECT id FROM public.users WHERE status = 'suspended' AND suspended_until <= now()
               ORDER BY suspended_until, id LIMIT greatest(coalesce(p_limit, 500), 1) FOR UPDATE SKIP LOCKED LOOP
    BEGIN
      UPDATE public.users SET status = 'warned', suspended_until = NULL WHERE id = v_id AND status = 'suspended';
      UPDATE public.moderation_decisions SET lifted_at = now(), lifted_by = 'system:' || c_rule
       WHERE subject_user_id = v_id AND decision = 'suspend_user' AND undone_at IS NULL AND lifted_at IS NULL;
      v_items := v_items || automation_item('user ' || v_id, 'acted', 'suspension lifted');
    EXCEPTION WHEN OTHERS THEN
      v_items := v_items || automation_failed(c_rule, 'user ' || v_id, SQLERRM);
    END;
  END LOOP;
  RETURN automation_answer(c_rule, v_items);
END $$;

-- Moderation claims past their window are given back, so the item is free for anyone again.
CREATE OR REPLACE FUNCTION automation_release_stale_claims(p_limit integer DEFAULT 500) RETURNS jsonb
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  c_rule  constant text := 'claim-expiry';
  v_flag  public.moderation_flags;
  v_items jsonb := '[]';
BEGIN
  PERFORM automation_act_as(c_rule);
  FOR v_flag IN SELECT * FROM public.moderation_flags
                 WHERE status = 'open' AND assigned_to IS NOT NULL AND claimed_at <= now() - moderation_claim_ttl()
                 ORDER BY claimed_at, id LIMIT greatest(coalesce(p_limit, 500), 1) FOR UPDATE SKIP LOCKED LOOP
    BEGIN
      UPDATE public.moderation_flags SET assigned_to = NULL, claimed_at = NULL
       WHERE id = v_flag.id AND status = 'open' AND claimed_at = v_flag.claimed_at;
      v_items := v_items || automation_item('flag ' || v_flag.id, 'acted',
        'claim by ' || v_flag.assigned_to || ' expired');
    EXCEPTION WHEN OTHERS THEN
      v_items := v_items || automation_failed(c_rule, 'flag ' || v_flag.id, SQLERRM);
    END;
  END LOOP;
  RETURN automation_answer(c_rule, v_items);
END $$;

-- Presence left by consoles that stopped beating, and moderation scores left behind by decisions
-- (V52): housekeeping the consoles also do when they happen to run.
CREATE OR REPLACE FUNCTION automation_housekeeping() RETURNS jsonb
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  c_rule     constant text := 'housekeeping';
  v_presence integer;
  v_rescored integer;
BEGIN
  PERFORM automation_act_as(c_rule);
  v_presence := presence_sweep();
  v_rescored := moderation_rescore_pending();
  RETURN automation_answer(c_rule,
    CASE WHEN v_presence > 0 THEN jsonb_build_array(automation_item('presence', 'acted',
           v_presence || ' stale row(s) removed')) ELSE '[]'::jsonb END
    || CASE WHEN v_rescored > 0 THEN jsonb_build_array(automation_item('moderation scores', 'acted',
           v_rescored || ' item(s) re-scored')) ELSE '[]'::jsonb END);
END $$;

-- Ends the sessions of runtime logins that hold everyone up: idle inside a transaction for longer
-- than p_idle, or holding the audit chain head (the seal, V90: while one session holds it, no entry
-- enters the chain) in a transaction older than p_holding. The database's own timeouts (V85) do this unless a session
-- lifted them for itself; this rule does it whatever the session set. Never a superuser's or the
-- owner's session. Each end is an audit note. Needs pg_signal_backend for the schema owner
-- (granted on the embedded server; a DBA grants it on a shared one); without it the rule reports
-- the sessions as failed instead.
CREATE OR REPLACE FUNCTION automation_end_stalled_sessions(p_idle interval DEFAULT interval '2 minutes',
                                                           p_holding interval DEFAULT interval '2 minutes')
  RETURNS jsonb
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  c_rule   constant text := 'session-guard';
  v_holder integer;
  v_s      record;
  v_items  jsonb := '[]';
BEGIN
  IF NOT pg_has_role(session_user, 'arbiter_automation', 'MEMBER') THEN
    RAISE EXCEPTION 'only the Arbiter worker runs automation rules, not %', session_user USING ERRCODE = '42501';
  END IF;
  PERFORM set_config('arbiter.actor', 'system:' || c_rule, true);
  PERFORM set_config('arbiter.command', 'automation.session_guard', true);
  -- The holder of the head is the transaction in its row's xmax while that transaction still runs.
  SELECT l.pid INTO v_holder
    FROM pg_catalog.pg_locks l
   WHERE l.locktype = 'transactionid' AND l.granted AND l.mode = 'ExclusiveLock'
     AND l.transactionid = (SELECT h.xmax FROM public.audit_chain_head h WHERE h.id = 1);
  FOR v_s IN SELECT a.pid, a.usename::text AS login, a.state, a.state_change, a.xact_start
               FROM pg_catalog.pg_stat_activity a
               JOIN pg_catalog.pg_roles r ON r.rolname = a.usename
              WHERE a.datname = current_database() AND a.pid <> pg_backend_pid()
                AND NOT r.rolsuper AND r.rolname <> 'arbiter_migrator'
                AND (pg_has_role(r.oid, 'arbiter_staff', 'MEMBER')
                     OR pg_has_role(r.oid, 'marketplace_backend', 'MEMBER'))
                AND ((a.state LIKE 'idle in transaction%' AND a.state_change <= now() - p_idle)
                     OR (a.pid = v_holder AND a.xact_start <= now() - p_holding)) LOOP
    BEGIN
      IF pg_terminate_backend(v_s.pid) THEN
        PERFORM audit_append('note', 'session', v_s.pid::text, NULL, jsonb_build_object(
          'ended', true, 'login', v_s.login, 'state', v_s.state,
          'since', coalesce(v_s.state_change, v_s.xact_start),
          'holding_audit_head', v_s.pid IS NOT DISTINCT FROM v_holder));
        v_items := v_items || automation_item('session ' || v_s.pid, 'acted',
          format('ended %s''s session (%s since %s)', v_s.login, v_s.state,
                 to_char(coalesce(v_s.state_change, v_s.xact_start) AT TIME ZONE 'UTC', 'HH24:MI:SS "UTC"')));
      END IF;
    EXCEPTION WHEN OTHERS THEN
      v_items := v_items || automation_failed(c_rule, 'session ' || v_s.pid, SQLERRM);
    END;
  END LOOP;
  RETURN automation_answer(c_rule, v_items);
END $$;

-- The worker's heartbeat: each rule's last run. What the console reads to say "automation stopped".
CREATE OR REPLACE FUNCTION automation_record_run(p_rule text, p_worker text, p_interval_seconds integer,
                                                 p_started_at timestamptz, p_acted integer, p_skipped integer,
                                                 p_failed integer, p_error text) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
  IF NOT pg_has_role(session_user, 'arbiter_automation', 'MEMBER') THEN
    RAISE EXCEPTION 'only the Arbiter worker records runs, not %', session_user USING ERRCODE = '42501';
  END IF;
  INSERT INTO public.automation_runs AS r (rule, worker, interval_seconds, started_at, finished_at, acted, skipped,
                                           failed, last_error)
  VALUES (p_rule, p_worker, p_interval_seconds, p_started_at, now(), p_acted, p_skipped, p_failed,
          left(p_error, 2000))
  ON CONFLICT (rule) DO UPDATE
    SET worker = EXCLUDED.worker, interval_seconds = EXCLUDED.interval_seconds, started_at = EXCLUDED.started_at,
        finished_at = EXCLUDED.finished_at, acted = EXCLUDED.acted, skipped = EXCLUDED.skipped,
        failed = EXCLUDED.failed, last_error = EXCLUDED.last_error;
END $$;

GRANT EXECUTE ON FUNCTION automation_auto_release(integer), automation_dispute_deadlines(integer),
  automation_expire_invites(integer), automation_lift_suspensions(integer),
  automation_release_stale_claims(integer), automation_housekeeping(),
  automation_end_stalled_sessions(interval, interval),
  automation_record_run(text, text, integer, timestamptz, integer, integer, integer, text)
  TO arbiter_automation;
