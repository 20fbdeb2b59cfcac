-- A result as the console reads it: {"outcome": "ok" | refusal code, "message": ..., details...}.
-- The helpers are plpgsql rather than SQL functions: a SQL function with a SET clause is planned
-- again on every call, and these run several times per money request.
CREATE OR REPLACE FUNCTION money_outcome(p_outcome text, p_message text, p_details jsonb DEFAULT '{}')
  RETURNS jsonb
  LANGUAGE plpgsql IMMUTABLE
  SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
  RETURN jsonb_build_object('outcome', p_outcome, 'message', p_message) || coalesce(p_details, '{}'::jsonb);
END $$;

-- Opens a money request. Takes its key (arbiter_lock_request_key), so that a second send of one key
-- waits for the first and replays its outcome; the rows a request acts on it locks itself, and the
-- ledger's limits are row constraints (V85), which hold under any interleaving. Returns the fingerprint to store,
-- and a result when the request must stop here: a replay, a conflicting key, or a caller outside the
-- required group.
CREATE OR REPLACE FUNCTION money_request_start(p_key text, p_action text, p_args jsonb, p_group text,
                                    OUT o_fingerprint text, OUT o_result jsonb)
  LANGUAGE plpgsql
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  v_prior public.money_requests;
BEGIN
  IF NOT pg_has_role(session_user, p_group, 'MEMBER') THEN
    o_result := money_outcome('not_finance',
      format('%s is not a member of %s', session_user, p_group), jsonb_build_object('action', p_action));
    RETURN;
  END IF;
  IF EXISTS (SELECT 1 FROM public.staff_accounts WHERE login_role = session_user::text AND NOT active) THEN
    o_result := money_outcome('deactivated', format('login %s is deactivated', session_user),
      jsonb_build_object('action', p_action));
    RETURN;
  END IF;
  IF p_key IS NULL OR length(p_key) NOT BETWEEN 8 AND 200 THEN
    o_result := money_outcome('invalid_key', 'the idempotency key must have 8 to 200 characters',
      jsonb_build_object('action', p_action));
    RETURN;
  END IF;
  o_fingerprint := encode(sha256(convert_to(
    jsonb_build_object('action', p_action, 'actor', session_user::text, 'args', p_args)::text, 'UTF8')), 'hex');
  PERFORM arbiter_lock_request_key(p_key);
  SELECT * INTO v_prior FROM public.money_requests WHERE idempotency_key = p_key;
  IF FOUND THEN
    IF v_prior.fingerprint = o_fingerprint THEN
      o_result := v_prior.result || jsonb_build_object('replayed', true);
    ELSE
      o_result := money_outcome('idempotency_conflict',
        format('key %s was already used for another request', p_key),
        jsonb_build_object('action', p_action, 'idempotency_key', p_key));
    END IF;
  END IF;
END $$;

-- Stores the first result of a request and returns it.
CREATE OR REPLACE FUNCTION money_request_finish(p_key text, p_action text, p_fingerprint text, p_result jsonb,
                                     p_journal bigint DEFAULT NULL)
  RETURNS jsonb
  LANGUAGE plpgsql
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  v_result jsonb := p_result || jsonb_build_object('action', p_action, 'idempotency_key', p_key, 'replayed', false);
BEGIN
  INSERT INTO public.money_requests (idempotency_key, action, fingerprint, actor, outcome, result, journal_id)
  VALUES (p_key, p_action, p_fingerprint, session_user, v_result ->> 'outcome', v_result, p_journal);
  RETURN v_result;
END $$;

-- The wallet of one kind, owner and currency, created on first use.
CREATE OR REPLACE FUNCTION money_wallet(p_kind text, p_owner bigint, p_currency text)
  RETURNS bigint
  LANGUAGE plpgsql
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  v_id bigint;
BEGIN
  SELECT id INTO v_id FROM public.wallets
   WHERE kind = p_kind AND owner_user_id IS NOT DISTINCT FROM p_owner AND currency = p_currency;
  IF v_id IS NULL THEN
    INSERT INTO public.wallets (owner_user_id, kind, currency) VALUES (p_owner, p_kind, p_currency)
    ON CONFLICT ON CONSTRAINT wallets_owner_kind_currency_key DO NOTHING
    RETURNING id INTO v_id;
    IF v_id IS NULL THEN
      SELECT id INTO v_id FROM public.wallets
       WHERE kind = p_kind AND owner_user_id IS NOT DISTINCT FROM p_owner AND currency = p_currency;
    END IF;
  END IF;
  RETURN v_id;
END $$;

-- One ledger entry, with the wallet's balance moved in the same statement pair so balance_after is
-- the balance the wallet really has after it. The wallet CHECK refuses a balance below zero.
CREATE OR REPLACE FUNCTION money_post(p_journal bigint, p_wallet bigint, p_direction text, p_amount bigint)
  RETURNS bigint
  LANGUAGE plpgsql
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  v_balance  bigint;
  v_currency text;
  v_id       bigint;
BEGIN
  UPDATE public.wallets
     SET balance_minor = balance_minor + CASE p_direction WHEN 'credit' THEN p_amount ELSE -p_amount END
   WHERE id = p_wallet
  RETURNING balance_minor, currency INTO v_balance, v_currency;
  INSERT INTO public.ledger_entries (journal_id, wallet_id, direction, amount_minor, currency, balance_after)
  VALUES (p_journal, p_wallet, p_direction, p_amount, v_currency, v_balance)
  RETURNING id INTO v_id;
  RETURN v_id;
END $$;

-- The platform's fee on a payout of p_amount under a contract of p_kind, rounded down (in the payee's
-- favour) so the split is exact in integers.
CREATE OR REPLACE FUNCTION money_fee(p_kind text, p_amount bigint)
  RETURNS bigint
  LANGUAGE plpgsql STABLE
  SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
  RETURN coalesce((SELECT (p_amount * basis_points) / 10000 FROM public.platform_fee_rates WHERE contract_kind = p_kind), 0);
END $$;

-- Pays p_amount out of the escrow holding wallet: the payee's share (less the platform fee) to the
-- payee's wallet, the fee to the platform. Returns the fee.
CREATE OR REPLACE FUNCTION money_post_payout(p_journal bigint, p_holding bigint, p_payee bigint, p_contract_kind text,
                                  p_currency text, p_amount bigint)
  RETURNS bigint
  LANGUAGE plpgsql
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  v_fee bigint := money_fee(p_contract_kind, p_amount);
BEGIN
  PERFORM money_post(p_journal, p_holding, 'debit', p_amount);
  IF p_amount - v_fee > 0 THEN
    PERFORM money_post(p_journal, money_wallet('user', p_payee, p_currency), 'credit', p_amount - v_fee);
  END IF;
  IF v_fee > 0 THEN
    PERFORM money_post(p_journal, money_wallet('platform_fee', NULL, p_currency), 'credit', v_fee);
  END IF;
  RETURN v_fee;
END $$;

-- Moves an escrow's released and refunded totals and derives its status from them.
CREATE OR REPLACE FUNCTION money_move_escrow(p_escrow bigint, p_released bigint, p_refunded bigint)
  RETURNS void
  LANGUAGE plpgsql
  SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
  UPDATE public.escrows
     SET released_minor = released_minor + p_released,
         refunded_minor = refunded_minor + p_refunded,
         status = CASE
           WHEN funded_minor - released_minor - refunded_minor - p_released - p_refunded > 0 THEN
             CASE WHEN released_minor + p_released + refunded_minor + p_refunded > 0
                  THEN 'partially_released' ELSE status END
           WHEN refunded_minor + p_refunded = 0 THEN 'released'
           WHEN released_minor + p_released = 0 THEN 'refunded'
           ELSE 'closed' END
   WHERE id = p_escrow;
END $$;

-- Everything that decides whether a checkpoint may be approved or released, in one row. The release
-- queue shows the same row as badges, so the console and the database judge alike. Approvals count
-- only in the checkpoint's current submission round (a rejection sends it back, and a resubmission
-- starts a new round), once per person (arbiter_person: two logins one admin made are one person),
-- and never the requester's. What remains is what neither a release nor a refund has taken.
-- Definer: support sees the gates of a case's checkpoint without reading the ledger; the holding
-- wallet's balance is the one ledger figure the row carries.
-- The gates of many checkpoints in one statement: the release queue judges a page of them at once
-- rather than calling checkpoint_gates once per row (a function call, and its plan, per row). The one
-- definition of the gates; checkpoint_gates is the same for one checkpoint.
CREATE OR REPLACE FUNCTION checkpoint_gates_of(p_checkpoints bigint[])
  RETURNS TABLE (checkpoint_id bigint, status text, approval_requirement text, requested_by text,
                 remaining_minor bigint, escrow_held_minor bigint, holding_balance_minor bigint,
                 csat_score numeric, csat_threshold numeric, csat_ok boolean, open_disputes integer,
                 approvals integer, approvals_needed integer, override_given boolean, payee_status text)
  LANGUAGE plpgsql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  SELECT g.checkpoint_id, g.status, g.approval_requirement, g.requested_by, g.remaining_minor,
         g.escrow_held_minor, g.holding_balance_minor, g.csat_score, g.csat_threshold, g.csat_ok,
         g.open_disputes, g.approvals,
         CASE WHEN g.approval_requirement = 'dual' OR NOT g.csat_ok THEN 2 ELSE 1 END,
         g.override_given, u.status
    FROM (SELECT cp.id, cp.status, cp.approval_requirement, cp.requested_by,
                 cp.amount_minor - cp.released_minor - cp.refunded_minor,
                 e.funded_minor - e.released_minor - e.refunded_minor,
                 coalesce((SELECT w.balance_minor FROM public.wallets w
                            WHERE w.kind = 'escrow_holding' AND w.owner_user_id IS NULL
                              AND w.currency = cp.currency), 0),
                 k.csat_score, cp.csat_threshold,
                 cp.csat_threshold IS NULL OR coalesce(k.csat_score >= cp.csat_threshold, false),
                 ((SELECT count(*) FROM public.disputes d WHERE d.checkpoint_id = cp.id
                      AND d.status NOT IN ('resolved', 'closed'))
                  + (SELECT count(*) FROM public.disputes d WHERE d.escrow_id = e.id AND d.checkpoint_id IS NULL
                      AND d.status NOT IN ('resolved', 'closed'))
                  + (SELECT count(*) FROM public.disputes d WHERE d.contract_id = k.id AND d.escrow_id IS NULL
                      AND d.checkpoint_id IS NULL AND d.status NOT IN ('resolved', 'closed')))::integer,
                 (SELECT count(DISTINCT public.arbiter_person(ra.reviewer)) FROM public.release_approvals ra
                   WHERE ra.checkpoint_id = cp.id AND ra.decision = 'approve'
                     AND ra.submission_round = cp.submission_round
                     AND public.arbiter_person(ra.reviewer)
                         IS DISTINCT FROM public.arbiter_person(cp.requested_by))::integer,
                 (SELECT coalesce(bool_or(public.arbiter_clean_text(ra.override_reason) IS NOT NULL), false)
                    FROM public.release_approvals ra
                   WHERE ra.checkpoint_id = cp.id AND ra.decision = 'approve'
                     AND ra.submission_round = cp.submission_round),
                 k.freelancer_id
            FROM public.escrow_checkpoints cp
            JOIN public.escrows e ON e.id = cp.escrow_id
            JOIN public.contracts k ON k.id = e.contract_id
           WHERE cp.id = ANY (p_checkpoints))
         AS g(checkpoint_id, status, approval_requirement, requested_by, remaining_minor, escrow_held_minor,
              holding_balance_minor, csat_score, csat_threshold, csat_ok, open_disputes, approvals,
              override_given, payee_id)
    JOIN public.users u ON u.id = g.payee_id;
END $$;

CREATE OR REPLACE FUNCTION checkpoint_gates(p_checkpoint bigint)
  RETURNS TABLE (checkpoint_id bigint, status text, approval_requirement text, requested_by text,
                 remaining_minor bigint, escrow_held_minor bigint, holding_balance_minor bigint,
                 csat_score numeric, csat_threshold numeric, csat_ok boolean, open_disputes integer,
                 approvals integer, approvals_needed integer, override_given boolean, payee_status text)
  LANGUAGE plpgsql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
  RETURN QUERY SELECT * FROM public.checkpoint_gates_of(ARRAY[p_checkpoint]);
END $$;

-- Like checkpoint_gates (V22), for every member of staff.
REVOKE ALL ON FUNCTION checkpoint_gates_of(bigint[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION checkpoint_gates_of(bigint[]) TO arbiter_staff;

-- Stores and returns a refusal.
CREATE OR REPLACE FUNCTION money_refuse(p_key text, p_action text, p_fingerprint text, p_code text, p_message text,
                             p_details jsonb DEFAULT '{}')
  RETURNS jsonb
  LANGUAGE plpgsql
  SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
  RETURN money_request_finish(p_key, p_action, p_fingerprint, money_outcome(p_code, p_message, p_details));
END $$;

-- The opening every money function shares. money_request_start first (the key, the group,
-- an active login, the key: a replay or a conflict ends the request there); then the refusal the
-- caller found in its arguments before any row was read (p_refusal, a code, with its message: a
-- missing reason, a funding amount that is not positive); then the row the request acts on, locked
-- for the rest of the transaction, or a stored 'not_found'. p_what names that row ('checkpoint',
-- 'settlement' or 'escrow') in the message and picks its table. Returns the fingerprint to store,
-- and the result when the request must stop; otherwise the caller reads the row it now holds.
-- Invoker: it runs only inside the definer money functions, as their owner.
CREATE OR REPLACE FUNCTION money_request_open(p_key text, p_action text, p_args jsonb, p_group text,
                                              p_what text, p_id bigint, p_ids jsonb,
                                              p_refusal text DEFAULT NULL, p_refusal_message text DEFAULT NULL,
                                              OUT o_fingerprint text, OUT o_result jsonb)
  LANGUAGE plpgsql
  SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
  SELECT s.o_fingerprint, s.o_result INTO o_fingerprint, o_result
    FROM money_request_start(p_key, p_action, p_args, p_group) s;
  IF o_result IS NOT NULL THEN
    RETURN;
  END IF;
  IF p_refusal IS NOT NULL THEN
    o_result := money_refuse(p_key, p_action, o_fingerprint, p_refusal, p_refusal_message, p_ids);
    RETURN;
  END IF;
  CASE p_what
    WHEN 'checkpoint' THEN PERFORM 1 FROM public.escrow_checkpoints WHERE id = p_id FOR UPDATE;
    WHEN 'settlement' THEN PERFORM 1 FROM public.settlements WHERE id = p_id FOR UPDATE;
    WHEN 'escrow' THEN PERFORM 1 FROM public.escrows WHERE id = p_id FOR UPDATE;
  END CASE;
  IF NOT FOUND THEN
    o_result := money_refuse(p_key, p_action, o_fingerprint, 'not_found',
      format('%s %s does not exist', p_what, p_id), p_ids);
  END IF;
END $$;

REVOKE ALL ON FUNCTION money_request_open(text, text, jsonb, text, text, bigint, jsonb, text, text) FROM PUBLIC;

-- The refusal for a checkpoint found in a status the action does not start from.
CREATE OR REPLACE FUNCTION checkpoint_status_refusal(p_status text)
  RETURNS text
  LANGUAGE plpgsql IMMUTABLE
  SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
  RETURN CASE p_status WHEN 'released' THEN 'already_released' WHEN 'refunded' THEN 'already_refunded'
                       ELSE 'illegal_status' END;
END $$;

CREATE OR REPLACE FUNCTION approve_checkpoint(p_checkpoint bigint, p_note text, p_override_reason text, p_key text)
  RETURNS jsonb
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  c_action   constant text := 'approve';
  v_note     text := public.arbiter_clean_text(p_note);
  v_override text := public.arbiter_clean_text(p_override_reason);
  v_start    record;
  v_cp       public.escrow_checkpoints;
  v_mine     public.release_approvals;
  v_g        record;
  v_status   text;
  v_ids      jsonb := jsonb_build_object('checkpoint_id', p_checkpoint);
BEGIN
  SELECT * INTO v_start FROM money_request_open(p_key, c_action,
    jsonb_build_object('checkpoint', p_checkpoint, 'note', v_note, 'override_reason', v_override), 'arbiter_finance',
    'checkpoint', p_checkpoint, v_ids);
  IF v_start.o_result IS NOT NULL THEN
    RETURN v_start.o_result;
  END IF;
  SELECT * INTO v_cp FROM public.escrow_checkpoints WHERE id = p_checkpoint;
  v_ids := v_ids || jsonb_build_object('status', v_cp.status);
  IF v_cp.status NOT IN ('submitted', 'approved') THEN
    RETURN money_refuse(p_key, c_action, v_start.o_fingerprint, checkpoint_status_refusal(v_cp.status),
      format('checkpoint %s is %s; only submitted or approved checkpoints can be approved', p_checkpoint, v_cp.status),
      v_ids);
  END IF;
  IF public.arbiter_person(v_cp.requested_by) = public.arbiter_person(session_user) THEN
    RETURN money_refuse(p_key, c_action, v_start.o_fingerprint, 'self_approval',
      format('%s requested this release (as %s) and cannot approve it', session_user, v_cp.requested_by), v_ids);
  END IF;
  SELECT * INTO v_mine FROM public.release_approvals WHERE checkpoint_id = p_checkpoint AND reviewer = session_user;
  IF FOUND AND v_mine.submission_round = v_cp.submission_round THEN
    RETURN money_refuse(p_key, c_action, v_start.o_fingerprint, 'already_decided',
      format('%s already decided (%s) on this submission', session_user, v_mine.decision), v_ids);
  END IF;
  PERFORM 1 FROM public.release_approvals ra
   WHERE ra.checkpoint_id = p_checkpoint AND ra.submission_round = v_cp.submission_round
     AND ra.reviewer <> session_user::text
     AND public.arbiter_person(ra.reviewer) = public.arbiter_person(session_user);
  IF FOUND THEN
    RETURN money_refuse(p_key, c_action, v_start.o_fingerprint, 'same_person',
      format('%s and a login created by the same person already decided on this submission', session_user),
      v_ids);
  END IF;
  SELECT * INTO v_g FROM checkpoint_gates(p_checkpoint);
  -- One written override reason covers the checkpoint; the second approver may simply agree with it.
  IF NOT v_g.csat_ok AND v_override IS NULL AND NOT v_g.override_given THEN
    RETURN money_refuse(p_key, c_action, v_start.o_fingerprint, 'csat_below_threshold',
      format('contract CSAT %s is below the threshold %s: approving needs a written override reason and a second approver',
             coalesce(v_g.csat_score::text, 'not rated'), v_g.csat_threshold),
      v_ids || jsonb_build_object('csat_score', v_g.csat_score, 'csat_threshold', v_g.csat_threshold));
  END IF;
  -- One row per reviewer and checkpoint: a decision from an earlier submission is replaced.
  INSERT INTO public.release_approvals (checkpoint_id, reviewer, decision, note, override_reason, submission_round)
  VALUES (p_checkpoint, session_user, 'approve', v_note, v_override, v_cp.submission_round)
  ON CONFLICT ON CONSTRAINT release_approvals_checkpoint_reviewer_key DO UPDATE
    SET decision = 'approve', note = EXCLUDED.note, override_reason = EXCLUDED.override_reason, created_at = now(),
        submission_round = EXCLUDED.submission_round;
  SELECT * INTO v_g FROM checkpoint_gates(p_checkpoint);
  v_status := v_cp.status;
  IF v_cp.status = 'submitted' AND v_g.approvals >= v_g.approvals_needed AND (v_g.csat_ok OR v_g.override_given) THEN
    UPDATE public.escrow_checkpoints SET status = 'approved' WHERE id = p_checkpoint AND status = 'submitted';
    v_status := 'approved';
  END IF;
  RETURN money_request_finish(p_key, c_action, v_start.o_fingerprint,
    money_outcome('ok', CASE WHEN v_status = 'approved' THEN 'approved' ELSE
                    format('approval %s of %s recorded', v_g.approvals, v_g.approvals_needed) END,
      jsonb_build_object('checkpoint_id', p_checkpoint, 'status', v_status, 'approvals', v_g.approvals,
                         'approvals_needed', v_g.approvals_needed)));
END $$;

CREATE OR REPLACE FUNCTION reject_checkpoint(p_checkpoint bigint, p_reason text, p_key text)
  RETURNS jsonb
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  c_action constant text := 'reject';
  v_reason text := public.arbiter_clean_text(p_reason);
  v_start  record;
  v_cp     public.escrow_checkpoints;
  v_mine   public.release_approvals;
  v_ids    jsonb := jsonb_build_object('checkpoint_id', p_checkpoint);
BEGIN
  SELECT * INTO v_start FROM money_request_open(p_key, c_action,
    jsonb_build_object('checkpoint', p_checkpoint, 'reason', v_reason), 'arbiter_finance',
    'checkpoint', p_checkpoint, v_ids,
    p_refusal => CASE WHEN v_reason IS NULL THEN 'reason_required' END,
    p_refusal_message => 'a rejection needs a reason the requester can act on');
  IF v_start.o_result IS NOT NULL THEN
    RETURN v_start.o_result;
  END IF;
  SELECT * INTO v_cp FROM public.escrow_checkpoints WHERE id = p_checkpoint;
  IF v_cp.status <> 'submitted' THEN
    RETURN money_refuse(p_key, c_action, v_start.o_fingerprint, checkpoint_status_refusal(v_cp.status),
      format('checkpoint %s is %s; only submitted checkpoints can be rejected', p_checkpoint, v_cp.status),
      v_ids || jsonb_build_object('status', v_cp.status));
  END IF;
  SELECT * INTO v_mine FROM public.release_approvals WHERE checkpoint_id = p_checkpoint AND reviewer = session_user;
  IF FOUND AND v_mine.submission_round = v_cp.submission_round THEN
    RETURN money_refuse(p_key, c_action, v_start.o_fingerprint, 'already_decided',
      format('%s already decided (%s) on this submission', session_user, v_mine.decision), v_ids);
  END IF;
  INSERT INTO public.release_approvals (checkpoint_id, reviewer, decision, note, submission_round)
  VALUES (p_checkpoint, session_user, 'reject', v_reason, v_cp.submission_round)
  ON CONFLICT ON CONSTRAINT release_approvals_checkpoint_reviewer_key DO UPDATE
    SET decision = 'reject', note = EXCLUDED.note, override_reason = NULL, created_at = now(),
        submission_round = EXCLUDED.submission_round;
  -- Back to the requester; a resubmission starts a new round (guard_checkpoint_write), in which the
  -- approvals of this one no longer count.
  UPDATE public.escrow_checkpoints SET status = 'pending', submitted_at = NULL
   WHERE id = p_checkpoint AND status = 'submitted';
  RETURN money_request_finish(p_key, c_action, v_start.o_fingerprint,
    money_outcome('ok', 'rejected and sent back to the requester', v_ids || jsonb_build_object('status', 'pending')));
END $$;

CREATE OR REPLACE FUNCTION hold_checkpoint(p_checkpoint bigint, p_reason text, p_key text)
  RETURNS jsonb
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  c_action constant text := 'hold';
  v_reason text := public.arbiter_clean_text(p_reason);
  v_start  record;
  v_cp     public.escrow_checkpoints;
  v_ids    jsonb := jsonb_build_object('checkpoint_id', p_checkpoint);
BEGIN
  SELECT * INTO v_start FROM money_request_open(p_key, c_action,
    jsonb_build_object('checkpoint', p_checkpoint, 'reason', v_reason), 'arbiter_finance',
    'checkpoint', p_checkpoint, v_ids,
    p_refusal => CASE WHEN v_reason IS NULL THEN 'reason_required' END,
    p_refusal_message => 'a hold needs a reason');
  IF v_start.o_result IS NOT NULL THEN
    RETURN v_start.o_result;
  END IF;
  SELECT * INTO v_cp FROM public.escrow_checkpoints WHERE id = p_checkpoint;
  IF v_cp.status NOT IN ('submitted', 'approved') THEN
    RETURN money_refuse(p_key, c_action, v_start.o_fingerprint, checkpoint_status_refusal(v_cp.status),
      format('checkpoint %s is %s; only submitted or approved checkpoints can be held', p_checkpoint, v_cp.status),
      v_ids || jsonb_build_object('status', v_cp.status));
  END IF;
  UPDATE public.escrow_checkpoints SET status = 'on_hold', hold_reason = v_reason
   WHERE id = p_checkpoint AND status = v_cp.status;
  RETURN money_request_finish(p_key, c_action, v_start.o_fingerprint,
    money_outcome('ok', 'on hold', v_ids || jsonb_build_object('status', 'on_hold')));
END $$;

CREATE OR REPLACE FUNCTION unhold_checkpoint(p_checkpoint bigint, p_note text, p_key text)
  RETURNS jsonb
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  c_action constant text := 'unhold';
  v_start  record;
  v_cp     public.escrow_checkpoints;
  v_g      record;
  v_target text;
  v_ids    jsonb := jsonb_build_object('checkpoint_id', p_checkpoint);
BEGIN
  SELECT * INTO v_start FROM money_request_open(p_key, c_action,
    jsonb_build_object('checkpoint', p_checkpoint, 'note', public.arbiter_clean_text(p_note)), 'arbiter_finance',
    'checkpoint', p_checkpoint, v_ids);
  IF v_start.o_result IS NOT NULL THEN
    RETURN v_start.o_result;
  END IF;
  SELECT * INTO v_cp FROM public.escrow_checkpoints WHERE id = p_checkpoint;
  IF v_cp.status <> 'on_hold' THEN
    RETURN money_refuse(p_key, c_action, v_start.o_fingerprint, checkpoint_status_refusal(v_cp.status),
      format('checkpoint %s is %s, not on hold', p_checkpoint, v_cp.status),
      v_ids || jsonb_build_object('status', v_cp.status));
  END IF;
  -- Back to where its approvals put it: approved only if they still suffice.
  SELECT * INTO v_g FROM checkpoint_gates(p_checkpoint);
  v_target := CASE WHEN v_g.approvals >= v_g.approvals_needed AND (v_g.csat_ok OR v_g.override_given)
                   THEN 'approved' ELSE 'submitted' END;
  UPDATE public.escrow_checkpoints SET status = v_target, hold_reason = NULL
   WHERE id = p_checkpoint AND status = 'on_hold';
  RETURN money_request_finish(p_key, c_action, v_start.o_fingerprint,
    money_outcome('ok', 'hold lifted: ' || v_target, v_ids || jsonb_build_object('status', v_target)));
END $$;

-- Pays p_amount of checkpoint p_cp (read FOR UPDATE, checked by the caller) to the payee: the
-- conditional write, a balanced journal under the request's key, the payout reference, the escrow's
-- totals, and the stored answer. The one path by which a checkpoint's money leaves, whether a
-- reviewer released it or the clock did (automation_auto_release).
CREATE OR REPLACE FUNCTION money_pay_checkpoint(p_cp public.escrow_checkpoints, p_amount bigint, p_remaining bigint,
                                                p_key text, p_fingerprint text, p_action text, p_by text,
                                                p_ids jsonb)
  RETURNS jsonb
  LANGUAGE plpgsql
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  v_full    boolean := p_amount = p_remaining;
  v_payout  text;
  v_rows    integer;
  v_journal bigint;
  v_fee     bigint;
  v_ctx     record;
BEGIN
  v_payout := 'PO-' || lpad(nextval('public.payout_reference_seq')::text, 9, '0');
  -- The conditional write: exactly one row, still approved and with nothing paid meanwhile.
  UPDATE public.escrow_checkpoints
     SET released_minor = released_minor + p_amount,
         status = CASE WHEN v_full THEN 'released' ELSE status END,
         released_at = CASE WHEN v_full THEN now() ELSE released_at END,
         released_by = CASE WHEN v_full THEN p_by ELSE released_by END,
         payout_reference = CASE WHEN v_full THEN v_payout ELSE payout_reference END
   WHERE id = p_cp.id AND status = 'approved' AND released_minor = p_cp.released_minor
     AND refunded_minor = p_cp.refunded_minor;
  GET DIAGNOSTICS v_rows = ROW_COUNT;
  IF v_rows <> 1 THEN
    RETURN money_refuse(p_key, p_action, p_fingerprint, 'already_released',
      format('checkpoint %s changed while it was being released', p_cp.id), p_ids);
  END IF;

  SELECT k.reference, k.kind, k.freelancer_id INTO v_ctx
    FROM public.escrows e JOIN public.contracts k ON k.id = e.contract_id WHERE e.id = p_cp.escrow_id;
  INSERT INTO public.journals (idempotency_key, request_fingerprint, kind, description, escrow_id, checkpoint_id)
  VALUES (p_key, p_fingerprint, 'release',
          format('%s: %s release of checkpoint %s "%s" of %s', v_payout,
                 CASE WHEN v_full THEN 'full' ELSE 'partial' END, p_cp.seq, p_cp.label, v_ctx.reference),
          p_cp.escrow_id, p_cp.id)
  RETURNING id INTO v_journal;
  v_fee := money_post_payout(v_journal, money_wallet('escrow_holding', NULL, p_cp.currency), v_ctx.freelancer_id,
                             v_ctx.kind, p_cp.currency, p_amount);
  PERFORM money_move_escrow(p_cp.escrow_id, p_amount, 0);

  RETURN money_request_finish(p_key, p_action, p_fingerprint,
    money_outcome('ok', CASE WHEN v_full THEN 'released' ELSE 'partially released' END,
      p_ids || jsonb_build_object('status', CASE WHEN v_full THEN 'released' ELSE 'approved' END,
        'journal_id', v_journal, 'payout_reference', v_payout, 'amount_minor', p_amount, 'fee_minor', v_fee,
        'remaining_minor', p_remaining - p_amount)),
    v_journal);
END $$;

-- Releases p_amount_minor of an approved checkpoint to the payee, or all of what remains when it is
-- NULL. A partial release leaves the checkpoint approved with the remainder held.
CREATE OR REPLACE FUNCTION release_checkpoint(p_checkpoint bigint, p_amount_minor bigint, p_key text)
  RETURNS jsonb
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  c_action  constant text := 'release';
  v_start   record;
  v_cp      public.escrow_checkpoints;
  v_g       record;
  v_amount  bigint;
  v_ids     jsonb := jsonb_build_object('checkpoint_id', p_checkpoint);
BEGIN
  SELECT * INTO v_start FROM money_request_open(p_key, c_action,
    jsonb_build_object('checkpoint', p_checkpoint, 'amount_minor', p_amount_minor), 'arbiter_finance',
    'checkpoint', p_checkpoint, v_ids);
  IF v_start.o_result IS NOT NULL THEN
    RETURN v_start.o_result;
  END IF;
  SELECT * INTO v_cp FROM public.escrow_checkpoints WHERE id = p_checkpoint;
  v_ids := v_ids || jsonb_build_object('currency', v_cp.currency);
  IF v_cp.status <> 'approved' THEN
    RETURN money_refuse(p_key, c_action, v_start.o_fingerprint, checkpoint_status_refusal(v_cp.status),
      format('checkpoint %s is %s; only approved checkpoints can be released', p_checkpoint, v_cp.status),
      v_ids || jsonb_build_object('status', v_cp.status, 'payout_reference', v_cp.payout_reference));
  END IF;
  IF public.arbiter_person(v_cp.requested_by) = public.arbiter_person(session_user) THEN
    RETURN money_refuse(p_key, c_action, v_start.o_fingerprint, 'self_approval',
      format('%s requested this release (as %s) and cannot execute it', session_user, v_cp.requested_by), v_ids);
  END IF;
  SELECT * INTO v_g FROM checkpoint_gates(p_checkpoint);
  IF v_g.open_disputes > 0 THEN
    RETURN money_refuse(p_key, c_action, v_start.o_fingerprint, 'open_dispute',
      format('%s open dispute(s) on this checkpoint, its escrow or its contract', v_g.open_disputes),
      v_ids || jsonb_build_object('open_disputes', v_g.open_disputes));
  END IF;
  IF v_g.payee_status IN ('suspended', 'closed') THEN
    RETURN money_refuse(p_key, c_action, v_start.o_fingerprint, 'payee_blocked',
      format('the payee''s account is %s', v_g.payee_status), v_ids);
  END IF;
  IF NOT v_g.csat_ok AND NOT (v_g.override_given AND v_g.approvals >= 2) THEN
    RETURN money_refuse(p_key, c_action, v_start.o_fingerprint, 'csat_below_threshold',
      format('contract CSAT %s is below the threshold %s without two approvals and an override reason',
             coalesce(v_g.csat_score::text, 'not rated'), v_g.csat_threshold),
      v_ids || jsonb_build_object('csat_score', v_g.csat_score, 'csat_threshold', v_g.csat_threshold));
  END IF;
  IF v_g.approvals < v_g.approvals_needed THEN
    RETURN money_refuse(p_key, c_action, v_start.o_fingerprint,
      CASE WHEN v_g.approvals_needed > 1 AND v_g.approvals > 0 THEN 'needs_second_approver' ELSE 'needs_approval' END,
      format('%s of %s distinct approvals', v_g.approvals, v_g.approvals_needed),
      v_ids || jsonb_build_object('approvals', v_g.approvals, 'approvals_needed', v_g.approvals_needed));
  END IF;
  v_amount := coalesce(p_amount_minor, v_g.remaining_minor);
  IF v_amount <= 0 THEN
    RETURN money_refuse(p_key, c_action, v_start.o_fingerprint, 'invalid_amount',
      'the amount to release must be positive', v_ids);
  END IF;
  IF v_amount > v_g.remaining_minor THEN
    RETURN money_refuse(p_key, c_action, v_start.o_fingerprint, 'amount_exceeds_remaining',
      format('%s asked, %s left to release on this checkpoint', v_amount, v_g.remaining_minor),
      v_ids || jsonb_build_object('asked_minor', v_amount, 'remaining_minor', v_g.remaining_minor));
  END IF;
  IF v_g.escrow_held_minor < v_amount OR v_g.holding_balance_minor < v_amount THEN
    RETURN money_refuse(p_key, c_action, v_start.o_fingerprint, 'insufficient_funds',
      format('%s needed, %s held in the escrow', v_amount, least(v_g.escrow_held_minor, v_g.holding_balance_minor)),
      v_ids || jsonb_build_object('held_minor', v_g.escrow_held_minor, 'needed_minor', v_amount,
                                  'available_minor', least(v_g.escrow_held_minor, v_g.holding_balance_minor)));
  END IF;

  RETURN money_pay_checkpoint(v_cp, v_amount, v_g.remaining_minor, p_key, v_start.o_fingerprint, c_action,
                              session_user, v_ids);
END $$;

-- Returns what is left of a checkpoint to the payer and closes it.
CREATE OR REPLACE FUNCTION refund_checkpoint(p_checkpoint bigint, p_reason text, p_key text)
  RETURNS jsonb
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  c_action  constant text := 'refund';
  v_reason  text := public.arbiter_clean_text(p_reason);
  v_start   record;
  v_cp      public.escrow_checkpoints;
  v_g       record;
  v_rows    integer;
  v_journal bigint;
  v_ctx     record;
  v_ids     jsonb := jsonb_build_object('checkpoint_id', p_checkpoint);
BEGIN
  SELECT * INTO v_start FROM money_request_open(p_key, c_action,
    jsonb_build_object('checkpoint', p_checkpoint, 'reason', v_reason), 'arbiter_finance',
    'checkpoint', p_checkpoint, v_ids,
    p_refusal => CASE WHEN v_reason IS NULL THEN 'reason_required' END,
    p_refusal_message => 'a refund needs a reason');
  IF v_start.o_result IS NOT NULL THEN
    RETURN v_start.o_result;
  END IF;
  SELECT * INTO v_cp FROM public.escrow_checkpoints WHERE id = p_checkpoint;
  v_ids := v_ids || jsonb_build_object('currency', v_cp.currency);
  IF v_cp.status NOT IN ('pending', 'submitted', 'approved', 'on_hold') THEN
    RETURN money_refuse(p_key, c_action, v_start.o_fingerprint, checkpoint_status_refusal(v_cp.status),
      format('checkpoint %s is %s and cannot be refunded', p_checkpoint, v_cp.status),
      v_ids || jsonb_build_object('status', v_cp.status));
  END IF;
  SELECT * INTO v_g FROM checkpoint_gates(p_checkpoint);
  IF v_g.open_disputes > 0 THEN
    RETURN money_refuse(p_key, c_action, v_start.o_fingerprint, 'open_dispute',
      format('%s open dispute(s): settle through the dispute instead', v_g.open_disputes),
      v_ids || jsonb_build_object('open_disputes', v_g.open_disputes));
  END IF;
  IF v_g.escrow_held_minor < v_g.remaining_minor OR v_g.holding_balance_minor < v_g.remaining_minor THEN
    RETURN money_refuse(p_key, c_action, v_start.o_fingerprint, 'insufficient_funds',
      format('%s needed, %s held in the escrow', v_g.remaining_minor,
             least(v_g.escrow_held_minor, v_g.holding_balance_minor)),
      v_ids || jsonb_build_object('held_minor', v_g.escrow_held_minor, 'needed_minor', v_g.remaining_minor,
                                  'available_minor', least(v_g.escrow_held_minor, v_g.holding_balance_minor)));
  END IF;
  IF v_g.remaining_minor <= 0 THEN
    RETURN money_refuse(p_key, c_action, v_start.o_fingerprint, 'nothing_to_refund',
      format('nothing is left to refund on checkpoint %s', p_checkpoint), v_ids);
  END IF;
  UPDATE public.escrow_checkpoints SET status = 'refunded', refunded_minor = refunded_minor + v_g.remaining_minor
   WHERE id = p_checkpoint AND status = v_cp.status AND released_minor = v_cp.released_minor
     AND refunded_minor = v_cp.refunded_minor;
  GET DIAGNOSTICS v_rows = ROW_COUNT;
  IF v_rows <> 1 THEN
    RETURN money_refuse(p_key, c_action, v_start.o_fingerprint, 'illegal_status',
      format('checkpoint %s changed while it was being refunded', p_checkpoint), v_ids);
  END IF;
  SELECT k.reference, k.client_id INTO v_ctx
    FROM public.escrows e JOIN public.contracts k ON k.id = e.contract_id WHERE e.id = v_cp.escrow_id;
  INSERT INTO public.journals (idempotency_key, request_fingerprint, kind, description, escrow_id, checkpoint_id)
  VALUES (p_key, v_start.o_fingerprint, 'refund',
          format('refund of checkpoint %s "%s" of %s: %s', v_cp.seq, v_cp.label, v_ctx.reference, v_reason),
          v_cp.escrow_id, p_checkpoint)
  RETURNING id INTO v_journal;
  PERFORM money_post(v_journal, money_wallet('escrow_holding', NULL, v_cp.currency), 'debit', v_g.remaining_minor);
  PERFORM money_post(v_journal, money_wallet('user', v_ctx.client_id, v_cp.currency), 'credit', v_g.remaining_minor);
  PERFORM money_move_escrow(v_cp.escrow_id, 0, v_g.remaining_minor);
  RETURN money_request_finish(p_key, c_action, v_start.o_fingerprint,
    money_outcome('ok', 'refunded to the payer', v_ids || jsonb_build_object('status', 'refunded',
      'journal_id', v_journal, 'amount_minor', v_g.remaining_minor)),
    v_journal);
END $$;

-- Money captured from the client into an escrow: the clearing account (money outside the platform)
-- pays the escrow holding wallet. Called by the marketplace backend, and by the owner's loaders.
CREATE OR REPLACE FUNCTION fund_escrow(p_escrow bigint, p_amount_minor bigint, p_key text)
  RETURNS jsonb
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  c_action  constant text := 'fund';
  v_start   record;
  v_escrow  public.escrows;
  v_journal bigint;
  v_ids     jsonb := jsonb_build_object('escrow_id', p_escrow);
BEGIN
  SELECT * INTO v_start FROM money_request_open(p_key, c_action,
    jsonb_build_object('escrow', p_escrow, 'amount_minor', p_amount_minor), 'marketplace_backend',
    'escrow', p_escrow, v_ids,
    p_refusal => CASE WHEN p_amount_minor IS NULL OR p_amount_minor <= 0 THEN 'invalid_amount' END,
    p_refusal_message => 'funding must be positive');
  IF v_start.o_result IS NOT NULL THEN
    RETURN v_start.o_result;
  END IF;
  SELECT * INTO v_escrow FROM public.escrows WHERE id = p_escrow;
  INSERT INTO public.journals (idempotency_key, request_fingerprint, kind, description, escrow_id)
  VALUES (p_key, v_start.o_fingerprint, 'funding', format('funding of escrow %s', p_escrow), p_escrow)
  RETURNING id INTO v_journal;
  PERFORM money_post(v_journal, money_wallet('external_clearing', NULL, v_escrow.currency), 'debit', p_amount_minor);
  PERFORM money_post(v_journal, money_wallet('escrow_holding', NULL, v_escrow.currency), 'credit', p_amount_minor);
  UPDATE public.escrows
     SET funded_minor = funded_minor + p_amount_minor,
         status = CASE WHEN released_minor + refunded_minor > 0 THEN 'partially_released' ELSE 'held' END
   WHERE id = p_escrow;
  RETURN money_request_finish(p_key, c_action, v_start.o_fingerprint,
    money_outcome('ok', 'funded', v_ids || jsonb_build_object('journal_id', v_journal, 'amount_minor', p_amount_minor)),
    v_journal);
END $$;

-- Applies a settlement's payout to the checkpoint its dispute names: the payee's share counts as
-- released, the payer's as refunded, both out of what the checkpoint still holds (execute_settlement
-- refuses a settlement larger than that). A checkpoint paid out in full is closed: released when all
-- of it went to the payee, refunded otherwise; one paid in part stays open with the rest held. Only
-- legal status moves are used, so a pending checkpoint walks through submitted and approved.
CREATE OR REPLACE FUNCTION settle_checkpoint(p_checkpoint bigint, p_payee_minor bigint, p_payer_minor bigint, p_payout text)
  RETURNS text
  LANGUAGE plpgsql
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  v_cp public.escrow_checkpoints;
BEGIN
  SELECT * INTO v_cp FROM public.escrow_checkpoints WHERE id = p_checkpoint FOR UPDATE;
  IF p_payee_minor + p_payer_minor > v_cp.amount_minor - v_cp.released_minor - v_cp.refunded_minor THEN
    RAISE EXCEPTION 'checkpoint % holds less than the settlement pays', p_checkpoint
      USING ERRCODE = '23514', CONSTRAINT = 'escrow_checkpoints_paid_within_amount';
  END IF;
  UPDATE public.escrow_checkpoints
     SET released_minor = released_minor + p_payee_minor, refunded_minor = refunded_minor + p_payer_minor
   WHERE id = p_checkpoint;
  IF v_cp.released_minor + v_cp.refunded_minor + p_payee_minor + p_payer_minor < v_cp.amount_minor THEN
    RETURN v_cp.status;
  END IF;
  IF v_cp.refunded_minor + p_payer_minor = 0 THEN
    IF v_cp.status = 'pending' THEN
      UPDATE public.escrow_checkpoints
         SET status = 'submitted', submitted_at = coalesce(submitted_at, now()),
             submission_round = submission_round + 1
       WHERE id = p_checkpoint;
    END IF;
    IF v_cp.status <> 'approved' THEN
      UPDATE public.escrow_checkpoints SET status = 'approved', hold_reason = NULL WHERE id = p_checkpoint;
    END IF;
    UPDATE public.escrow_checkpoints
       SET status = 'released', released_at = now(), released_by = session_user, payout_reference = p_payout
     WHERE id = p_checkpoint;
    RETURN 'released';
  END IF;
  UPDATE public.escrow_checkpoints SET status = 'refunded' WHERE id = p_checkpoint;
  RETURN 'refunded';
END $$;

CREATE OR REPLACE FUNCTION execute_settlement(p_settlement bigint, p_note text, p_key text)
  RETURNS jsonb
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  c_action  constant text := 'execute_settlement';
  v_note    text := public.arbiter_clean_text(p_note);
  v_start   record;
  v_s       public.settlements;
  v_d       public.disputes;
  v_escrow  public.escrows;
  v_ctx     record;
  v_total   bigint;
  v_holding bigint;
  v_balance bigint;
  v_journal bigint;
  v_fee     bigint := 0;
  v_payout  text;
  v_cp_to   text;
  v_cp      public.escrow_checkpoints;
  v_ids     jsonb := jsonb_build_object('settlement_id', p_settlement);
BEGIN
  SELECT * INTO v_start FROM money_request_open(p_key, c_action,
    jsonb_build_object('settlement', p_settlement, 'note', v_note), 'arbiter_finance',
    'settlement', p_settlement, v_ids);
  IF v_start.o_result IS NOT NULL THEN
    RETURN v_start.o_result;
  END IF;
  SELECT * INTO v_s FROM public.settlements WHERE id = p_settlement;
  v_ids := v_ids || jsonb_build_object('dispute_id', v_s.dispute_id, 'currency', v_s.currency);
  IF v_s.status <> 'proposed' THEN
    RETURN money_refuse(p_key, c_action, v_start.o_fingerprint,
      CASE WHEN v_s.status = 'executed' THEN 'already_executed' ELSE 'illegal_status' END,
      format('settlement %s is %s', p_settlement, v_s.status), v_ids || jsonb_build_object('status', v_s.status));
  END IF;
  IF public.arbiter_person(v_s.proposed_by) = public.arbiter_person(session_user) THEN
    RETURN money_refuse(p_key, c_action, v_start.o_fingerprint, 'self_approval',
      format('%s proposed this settlement (as %s) and cannot execute it', session_user, v_s.proposed_by), v_ids);
  END IF;
  -- Paid once, whatever its status says: a settlement with a journal, or a dispute with an executed
  -- settlement, is never paid again (the unique indexes of V85 hold the same line).
  IF EXISTS (SELECT 1 FROM public.journals j WHERE j.settlement_id = p_settlement)
     OR EXISTS (SELECT 1 FROM public.settlements o WHERE o.dispute_id = v_s.dispute_id AND o.status = 'executed') THEN
    RETURN money_refuse(p_key, c_action, v_start.o_fingerprint, 'already_executed',
      format('dispute %s was already settled', v_s.dispute_id), v_ids);
  END IF;
  SELECT * INTO v_d FROM public.disputes WHERE id = v_s.dispute_id FOR UPDATE;
  IF v_d.status <> 'settling' THEN
    RETURN money_refuse(p_key, c_action, v_start.o_fingerprint, 'illegal_status',
      format('dispute %s is %s; only a dispute in settling can be settled', v_d.reference, v_d.status),
      v_ids || jsonb_build_object('dispute_status', v_d.status));
  END IF;
  v_total := v_s.payee_minor + v_s.payer_minor;
  IF v_s.currency <> v_d.currency THEN
    RETURN money_refuse(p_key, c_action, v_start.o_fingerprint, 'currency_mismatch',
      format('settlement in %s, dispute in %s', v_s.currency, v_d.currency), v_ids);
  END IF;
  IF v_total > v_d.amount_disputed_minor
     OR (v_s.outcome = 'split' AND v_total <> v_d.amount_disputed_minor) THEN
    RETURN money_refuse(p_key, c_action, v_start.o_fingerprint, 'invalid_amount',
      format('the settlement pays out %s of a disputed %s', v_total, v_d.amount_disputed_minor),
      v_ids || jsonb_build_object('currency', v_s.currency, 'paid_minor', v_total,
                                  'disputed_minor', v_d.amount_disputed_minor));
  END IF;

  IF v_total > 0 THEN
    SELECT * INTO v_escrow FROM public.escrows WHERE id = coalesce(v_d.escrow_id,
      (SELECT escrow_id FROM public.escrow_checkpoints WHERE id = v_d.checkpoint_id),
      (SELECT min(id) FROM public.escrows WHERE contract_id = v_d.contract_id
        HAVING count(*) = 1)) FOR UPDATE;
    IF NOT FOUND THEN
      RETURN money_refuse(p_key, c_action, v_start.o_fingerprint, 'no_escrow',
        format('dispute %s names no single escrow to pay from', v_d.reference), v_ids);
    END IF;
    IF v_escrow.currency <> v_s.currency THEN
      RETURN money_refuse(p_key, c_action, v_start.o_fingerprint, 'currency_mismatch',
        format('settlement in %s, escrow in %s', v_s.currency, v_escrow.currency), v_ids);
    END IF;
    -- A dispute on a checkpoint is paid out of that checkpoint only: never more than it still
    -- holds, and never once it was paid or refunded (two disputes on one checkpoint, or a dispute
    -- on a checkpoint released meanwhile, pay nothing twice).
    IF v_d.checkpoint_id IS NOT NULL THEN
      SELECT * INTO v_cp FROM public.escrow_checkpoints WHERE id = v_d.checkpoint_id FOR UPDATE;
      IF v_cp.status NOT IN ('pending', 'submitted', 'approved', 'on_hold') THEN
        RETURN money_refuse(p_key, c_action, v_start.o_fingerprint, checkpoint_status_refusal(v_cp.status),
          format('checkpoint %s of dispute %s is already %s', v_cp.id, v_d.reference, v_cp.status), v_ids);
      END IF;
      IF v_total > v_cp.amount_minor - v_cp.released_minor - v_cp.refunded_minor THEN
        RETURN money_refuse(p_key, c_action, v_start.o_fingerprint, 'amount_exceeds_remaining',
          format('the settlement pays %s, checkpoint %s holds %s', v_total, v_cp.id,
                 v_cp.amount_minor - v_cp.released_minor - v_cp.refunded_minor),
          v_ids || jsonb_build_object('remaining_minor', v_cp.amount_minor - v_cp.released_minor - v_cp.refunded_minor,
                                      'currency', v_s.currency, 'paid_minor', v_total));
      END IF;
    END IF;
    v_holding := money_wallet('escrow_holding', NULL, v_escrow.currency);
    SELECT balance_minor INTO v_balance FROM public.wallets WHERE id = v_holding;
    IF v_escrow.funded_minor - v_escrow.released_minor - v_escrow.refunded_minor < v_total OR v_balance < v_total THEN
      RETURN money_refuse(p_key, c_action, v_start.o_fingerprint, 'insufficient_funds',
        format('%s needed, %s held in the escrow', v_total,
               least(v_escrow.funded_minor - v_escrow.released_minor - v_escrow.refunded_minor, v_balance)),
        v_ids || jsonb_build_object('currency', v_s.currency, 'needed_minor', v_total, 'available_minor',
               least(v_escrow.funded_minor - v_escrow.released_minor - v_escrow.refunded_minor, v_balance)));
    END IF;
    SELECT k.reference, k.kind, k.client_id, k.freelancer_id, u.status AS payee_status INTO v_ctx
      FROM public.contracts k JOIN public.users u ON u.id = k.freelancer_id WHERE k.id = v_escrow.contract_id;
    IF v_s.payee_minor > 0 AND v_ctx.payee_status IN ('suspended', 'closed') THEN
      RETURN money_refuse(p_key, c_action, v_start.o_fingerprint, 'payee_blocked',
        format('the payee''s account is %s', v_ctx.payee_status), v_ids);
    END IF;
    v_payout := 'PO-' || lpad(nextval('payout_reference_seq')::text, 9, '0');
    INSERT INTO public.journals (idempotency_key, request_fingerprint, kind, description, escrow_id, checkpoint_id,
                          settlement_id)
    VALUES (p_key, v_start.o_fingerprint, 'settlement',
            format('%s: settlement of %s (%s) on %s', v_payout, v_d.reference, v_s.outcome, v_ctx.reference),
            v_escrow.id, v_d.checkpoint_id, p_settlement)
    RETURNING id INTO v_journal;
    IF v_s.payee_minor > 0 THEN
      v_fee := money_post_payout(v_journal, v_holding, v_ctx.freelancer_id, v_ctx.kind, v_s.currency, v_s.payee_minor);
    END IF;
    IF v_s.payer_minor > 0 THEN
      PERFORM money_post(v_journal, v_holding, 'debit', v_s.payer_minor);
      PERFORM money_post(v_journal, money_wallet('user', v_ctx.client_id, v_s.currency), 'credit', v_s.payer_minor);
    END IF;
    PERFORM money_move_escrow(v_escrow.id, v_s.payee_minor, v_s.payer_minor);
    IF v_d.checkpoint_id IS NOT NULL THEN
      v_cp_to := settle_checkpoint(v_d.checkpoint_id, v_s.payee_minor, v_s.payer_minor, v_payout);
    END IF;
  END IF;

  UPDATE public.settlements
     SET status = 'executed', decided_by = session_user, decided_at = now(), decision_note = v_note,
         journal_id = v_journal
   WHERE id = p_settlement AND status = 'proposed';
  UPDATE public.disputes
     SET status = 'resolved', outcome = v_s.outcome, payee_share_minor = v_s.payee_minor,
         payer_share_minor = v_s.payer_minor, resolved_by = session_user, resolved_at = now(),
         resolution_notes = coalesce(resolution_notes, v_s.reason)
   WHERE id = v_d.id AND status = 'settling';
  RETURN money_request_finish(p_key, c_action, v_start.o_fingerprint,
    money_outcome('ok', 'settlement executed', v_ids || jsonb_build_object('status', 'executed',
      'journal_id', v_journal, 'payout_reference', v_payout, 'amount_minor', v_total, 'fee_minor', v_fee,
      'checkpoint_status', v_cp_to)),
    v_journal);
END $$;

CREATE OR REPLACE FUNCTION send_back_settlement(p_settlement bigint, p_note text, p_key text)
  RETURNS jsonb
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  c_action constant text := 'send_back_settlement';
  v_note   text := public.arbiter_clean_text(p_note);
  v_start  record;
  v_s      public.settlements;
  v_ids    jsonb := jsonb_build_object('settlement_id', p_settlement);
BEGIN
  SELECT * INTO v_start FROM money_request_open(p_key, c_action,
    jsonb_build_object('settlement', p_settlement, 'note', v_note), 'arbiter_finance',
    'settlement', p_settlement, v_ids,
    p_refusal => CASE WHEN v_note IS NULL THEN 'reason_required' END,
    p_refusal_message => 'sending a settlement back needs a note for support');
  IF v_start.o_result IS NOT NULL THEN
    RETURN v_start.o_result;
  END IF;
  SELECT * INTO v_s FROM public.settlements WHERE id = p_settlement;
  IF v_s.status <> 'proposed' THEN
    RETURN money_refuse(p_key, c_action, v_start.o_fingerprint,
      CASE WHEN v_s.status = 'executed' THEN 'already_executed' ELSE 'illegal_status' END,
      format('settlement %s is %s', p_settlement, v_s.status), v_ids || jsonb_build_object('status', v_s.status));
  END IF;
  UPDATE public.settlements
     SET status = 'sent_back', decided_by = session_user, decided_at = now(), decision_note = v_note
   WHERE id = p_settlement AND status = 'proposed';
  RETURN money_request_finish(p_key, c_action, v_start.o_fingerprint,
    money_outcome('ok', 'sent back to support', v_ids || jsonb_build_object('status', 'sent_back')));
END $$;

-- V73 compared the number of decisions on a checkpoint. A reviewer who decides again (a new round
-- after a resubmission, or approve turned into reject) replaces their row and leaves the number as
-- it was, so a colleague's decision taken on the older view passed the guard. The mark now also
-- moves with each decision's time, which every re-decision sets afresh. The console computes the
-- same mark from the decisions it read (CheckpointBasis.decisionsMark), so both sides must agree:
-- (count * 1000003 + sum(epoch microseconds mod 1000003)) mod 2147483647.
CREATE OR REPLACE FUNCTION checkpoint_decisions(p_checkpoint bigint)
  RETURNS integer
  LANGUAGE plpgsql STABLE
  SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
  RETURN (SELECT (count(*) * 1000003
                  + coalesce(sum(mod((extract(epoch FROM created_at) * 1000000)::bigint, 1000003)), 0))
                 % 2147483647
          FROM public.release_approvals WHERE checkpoint_id = p_checkpoint)::integer;
END $$;

-- Runs one checkpoint action (approve, reject, hold, unhold, release, refund) if the checkpoint is
-- still as the caller read it, through the unguarded money function, which checks everything else.
-- p_text is the note or reason, p_override the CSAT override reason (approve), p_amount_minor the
-- amount of a partial release.
--
-- A key already used is answered by the money function itself (a replay), whatever the checkpoint
-- looks like now: the request had its effect when the key was first used. A stale refusal is not
-- stored, because nothing was decided; the console asks again with a fresh key and basis.
CREATE OR REPLACE FUNCTION checkpoint_action_at(p_action text, p_checkpoint bigint, p_version integer,
                                     p_decisions integer, p_text text, p_override text,
                                     p_amount_minor bigint, p_key text)
  RETURNS jsonb
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  v_version   integer;
  v_decisions integer;
BEGIN
  -- NULL is not an action: "NULL NOT IN (...)" is NULL, not true, and once fell through to a refund.
  IF p_action IS NULL OR p_action NOT IN ('approve', 'reject', 'hold', 'unhold', 'release', 'refund') THEN
    RAISE EXCEPTION 'unknown checkpoint action %', coalesce(p_action, 'NULL') USING ERRCODE = '22023';
  END IF;
  -- Likewise a missing basis would compare as NULL and pass the staleness check unseen.
  IF p_version IS NULL OR p_decisions IS NULL THEN
    RAISE EXCEPTION 'a checkpoint action names the version and decisions it was based on'
      USING ERRCODE = '22023';
  END IF;
  -- The key first, as the money function takes it: a second send of one key waits here for the first.
  PERFORM arbiter_lock_request_key(p_key);
  IF NOT EXISTS (SELECT 1 FROM public.money_requests WHERE idempotency_key = p_key)
     AND pg_has_role(session_user, 'arbiter_finance', 'MEMBER') THEN
    SELECT version INTO v_version FROM public.escrow_checkpoints WHERE id = p_checkpoint FOR UPDATE;
    IF FOUND THEN
      v_decisions := checkpoint_decisions(p_checkpoint);
      IF v_version <> p_version OR v_decisions <> p_decisions THEN
        RETURN money_outcome('stale',
          format('checkpoint %s changed since you read it (version %s, now %s; decisions %s, now %s)',
                 p_checkpoint, p_version, v_version, p_decisions, v_decisions),
          jsonb_build_object('action', p_action, 'checkpoint_id', p_checkpoint, 'idempotency_key', p_key,
                             'replayed', false, 'version', v_version, 'decisions', v_decisions));
      END IF;
    END IF;
  END IF;
  RETURN CASE p_action
    WHEN 'approve' THEN approve_checkpoint(p_checkpoint, p_text, p_override, p_key)
    WHEN 'reject' THEN reject_checkpoint(p_checkpoint, p_text, p_key)
    WHEN 'hold' THEN hold_checkpoint(p_checkpoint, p_text, p_key)
    WHEN 'unhold' THEN unhold_checkpoint(p_checkpoint, p_text, p_key)
    WHEN 'release' THEN release_checkpoint(p_checkpoint, p_amount_minor, p_key)
    WHEN 'refund' THEN refund_checkpoint(p_checkpoint, p_text, p_key)
  END;
END $$;

-- Finance executes or sends back the settlement it read. When support changed the proposal meanwhile
-- (other amounts, another outcome), the decision is refused as stale, like a stale checkpoint decision
-- (V73), so money never moves on terms the reviewer did not see. Replays and refusals behave as in V73.
CREATE OR REPLACE FUNCTION settlement_action_at(p_action text, p_settlement bigint, p_version integer,
                                     p_note text, p_key text)
  RETURNS jsonb
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  v_version integer;
BEGIN
  IF p_action IS NULL OR p_action NOT IN ('execute_settlement', 'send_back_settlement') THEN
    RAISE EXCEPTION 'unknown settlement action %', coalesce(p_action, 'NULL') USING ERRCODE = '22023';
  END IF;
  IF p_version IS NULL THEN
    RAISE EXCEPTION 'a settlement decision names the version it was based on' USING ERRCODE = '22023';
  END IF;
  PERFORM arbiter_lock_request_key(p_key);
  IF NOT EXISTS (SELECT 1 FROM public.money_requests WHERE idempotency_key = p_key)
     AND pg_has_role(session_user, 'arbiter_finance', 'MEMBER') THEN
    SELECT version INTO v_version FROM public.settlements WHERE id = p_settlement FOR UPDATE;
    IF FOUND AND v_version <> p_version THEN
      RETURN money_outcome('stale',
        format('settlement %s changed since you read it (version %s, now %s)', p_settlement, p_version, v_version),
        jsonb_build_object('action', p_action, 'settlement_id', p_settlement, 'idempotency_key', p_key,
                           'replayed', false, 'version', v_version));
    END IF;
  END IF;
  RETURN CASE p_action
    WHEN 'execute_settlement' THEN execute_settlement(p_settlement, p_note, p_key)
    WHEN 'send_back_settlement' THEN send_back_settlement(p_settlement, p_note, p_key)
  END;
END $$;

-- Support takes back a proposal that is still with finance (the console moves the case back to
-- escalated in the same transaction). Support has no UPDATE on settlements: a decision on a settlement is always a function,
-- so nobody can rewrite one finance executed or sent back.
CREATE OR REPLACE FUNCTION withdraw_settlement(p_settlement bigint, p_note text)
  RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  v_note text := public.arbiter_clean_text(p_note);
  v_s    public.settlements;
BEGIN
  IF NOT pg_has_role(session_user, 'arbiter_support', 'MEMBER') THEN
    RAISE EXCEPTION 'only support withdraws a settlement proposal, not %', session_user USING ERRCODE = '42501';
  END IF;
  PERFORM public.arbiter_require_active_staff();
  SELECT * INTO v_s FROM public.settlements WHERE id = p_settlement FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no settlement %', coalesce(p_settlement::text, 'NULL') USING ERRCODE = 'P0002';
  END IF;
  IF v_s.status <> 'proposed' THEN
    RAISE EXCEPTION 'settlement % is %; only a proposal still with finance can be withdrawn', p_settlement, v_s.status
      USING ERRCODE = '23514', CONSTRAINT = 'settlement_status_transition';
  END IF;
  UPDATE public.settlements
     SET status = 'withdrawn', decided_by = session_user, decided_at = now(),
         decision_note = coalesce(v_note, 'Withdrawn by ' || session_user)
   WHERE id = p_settlement AND status = 'proposed';
END $$;

REVOKE ALL ON FUNCTION withdraw_settlement(bigint, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION withdraw_settlement(bigint, text) TO arbiter_support;
