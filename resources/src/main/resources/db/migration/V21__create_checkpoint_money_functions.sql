-- The finance functions on checkpoints: approve, reject, hold, unhold, release (full or partial) and
-- refund, plus escrow funding for the marketplace. Each runs in the caller's transaction as the owner
-- (SECURITY DEFINER), takes a client-generated idempotency key, checks every gate itself and answers
-- with {"outcome": "ok"} or a typed refusal, never by trusting what the client checked.

-- Stores and returns a refusal.
CREATE FUNCTION money_refuse(p_key text, p_action text, p_fingerprint text, p_code text, p_message text,
                             p_details jsonb DEFAULT '{}')
  RETURNS jsonb
  LANGUAGE plpgsql
  SET search_path = public, pg_temp
AS $$
BEGIN
  RETURN money_request_finish(p_key, p_action, p_fingerprint, money_outcome(p_code, p_message, p_details));
END $$;

-- The refusal for a checkpoint found in a status the action does not start from.
CREATE FUNCTION checkpoint_status_refusal(p_status text)
  RETURNS text
  LANGUAGE plpgsql IMMUTABLE
  SET search_path = pg_catalog
AS $$
BEGIN
  RETURN CASE p_status WHEN 'released' THEN 'already_released' WHEN 'refunded' THEN 'already_refunded'
                       ELSE 'illegal_status' END;
END $$;

CREATE FUNCTION approve_checkpoint(p_checkpoint bigint, p_note text, p_override_reason text, p_key text)
  RETURNS jsonb
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
DECLARE
  c_action   constant text := 'approve';
  v_note     text := nullif(btrim(p_note), '');
  v_override text := nullif(btrim(p_override_reason), '');
  v_start    record;
  v_cp       escrow_checkpoints;
  v_mine     release_approvals;
  v_g        record;
  v_status   text;
  v_ids      jsonb := jsonb_build_object('checkpoint_id', p_checkpoint);
BEGIN
  SELECT * INTO v_start FROM money_request_start(p_key, c_action,
    jsonb_build_object('checkpoint', p_checkpoint, 'note', v_note, 'override_reason', v_override), 'arbiter_finance');
  IF v_start.o_result IS NOT NULL THEN
    RETURN v_start.o_result;
  END IF;
  SELECT * INTO v_cp FROM escrow_checkpoints WHERE id = p_checkpoint FOR UPDATE;
  IF NOT FOUND THEN
    RETURN money_refuse(p_key, c_action, v_start.o_fingerprint, 'not_found',
      format('checkpoint %s does not exist', p_checkpoint), v_ids);
  END IF;
  v_ids := v_ids || jsonb_build_object('status', v_cp.status);
  IF v_cp.status NOT IN ('submitted', 'approved') THEN
    RETURN money_refuse(p_key, c_action, v_start.o_fingerprint, checkpoint_status_refusal(v_cp.status),
      format('checkpoint %s is %s; only submitted or approved checkpoints can be approved', p_checkpoint, v_cp.status),
      v_ids);
  END IF;
  IF v_cp.requested_by = session_user THEN
    RETURN money_refuse(p_key, c_action, v_start.o_fingerprint, 'self_approval',
      format('%s requested this release and cannot approve it', session_user), v_ids);
  END IF;
  SELECT * INTO v_mine FROM release_approvals WHERE checkpoint_id = p_checkpoint AND reviewer = session_user;
  IF FOUND AND v_mine.created_at >= v_cp.submitted_at THEN
    RETURN money_refuse(p_key, c_action, v_start.o_fingerprint, 'already_decided',
      format('%s already decided (%s) on this submission', session_user, v_mine.decision), v_ids);
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
  INSERT INTO release_approvals (checkpoint_id, reviewer, decision, note, override_reason)
  VALUES (p_checkpoint, session_user, 'approve', v_note, v_override)
  ON CONFLICT ON CONSTRAINT release_approvals_checkpoint_reviewer_key DO UPDATE
    SET decision = 'approve', note = EXCLUDED.note, override_reason = EXCLUDED.override_reason, created_at = now();
  SELECT * INTO v_g FROM checkpoint_gates(p_checkpoint);
  v_status := v_cp.status;
  IF v_cp.status = 'submitted' AND v_g.approvals >= v_g.approvals_needed AND (v_g.csat_ok OR v_g.override_given) THEN
    UPDATE escrow_checkpoints SET status = 'approved' WHERE id = p_checkpoint AND status = 'submitted';
    v_status := 'approved';
  END IF;
  RETURN money_request_finish(p_key, c_action, v_start.o_fingerprint,
    money_outcome('ok', CASE WHEN v_status = 'approved' THEN 'approved' ELSE
                    format('approval %s of %s recorded', v_g.approvals, v_g.approvals_needed) END,
      jsonb_build_object('checkpoint_id', p_checkpoint, 'status', v_status, 'approvals', v_g.approvals,
                         'approvals_needed', v_g.approvals_needed)));
END $$;

CREATE FUNCTION reject_checkpoint(p_checkpoint bigint, p_reason text, p_key text)
  RETURNS jsonb
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
DECLARE
  c_action constant text := 'reject';
  v_reason text := nullif(btrim(p_reason), '');
  v_start  record;
  v_cp     escrow_checkpoints;
  v_mine   release_approvals;
  v_ids    jsonb := jsonb_build_object('checkpoint_id', p_checkpoint);
BEGIN
  SELECT * INTO v_start FROM money_request_start(p_key, c_action,
    jsonb_build_object('checkpoint', p_checkpoint, 'reason', v_reason), 'arbiter_finance');
  IF v_start.o_result IS NOT NULL THEN
    RETURN v_start.o_result;
  END IF;
  IF v_reason IS NULL THEN
    RETURN money_refuse(p_key, c_action, v_start.o_fingerprint, 'reason_required',
      'a rejection needs a reason the requester can act on', v_ids);
  END IF;
  SELECT * INTO v_cp FROM escrow_checkpoints WHERE id = p_checkpoint FOR UPDATE;
  IF NOT FOUND THEN
    RETURN money_refuse(p_key, c_action, v_start.o_fingerprint, 'not_found',
      format('checkpoint %s does not exist', p_checkpoint), v_ids);
  END IF;
  IF v_cp.status <> 'submitted' THEN
    RETURN money_refuse(p_key, c_action, v_start.o_fingerprint, checkpoint_status_refusal(v_cp.status),
      format('checkpoint %s is %s; only submitted checkpoints can be rejected', p_checkpoint, v_cp.status),
      v_ids || jsonb_build_object('status', v_cp.status));
  END IF;
  SELECT * INTO v_mine FROM release_approvals WHERE checkpoint_id = p_checkpoint AND reviewer = session_user;
  IF FOUND AND v_mine.created_at >= v_cp.submitted_at THEN
    RETURN money_refuse(p_key, c_action, v_start.o_fingerprint, 'already_decided',
      format('%s already decided (%s) on this submission', session_user, v_mine.decision), v_ids);
  END IF;
  INSERT INTO release_approvals (checkpoint_id, reviewer, decision, note)
  VALUES (p_checkpoint, session_user, 'reject', v_reason)
  ON CONFLICT ON CONSTRAINT release_approvals_checkpoint_reviewer_key DO UPDATE
    SET decision = 'reject', note = EXCLUDED.note, override_reason = NULL, created_at = now();
  -- Back to the requester; a resubmission sets submitted_at again and starts a fresh round.
  UPDATE escrow_checkpoints SET status = 'pending', submitted_at = NULL
   WHERE id = p_checkpoint AND status = 'submitted';
  RETURN money_request_finish(p_key, c_action, v_start.o_fingerprint,
    money_outcome('ok', 'rejected and sent back to the requester', v_ids || jsonb_build_object('status', 'pending')));
END $$;

CREATE FUNCTION hold_checkpoint(p_checkpoint bigint, p_reason text, p_key text)
  RETURNS jsonb
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
DECLARE
  c_action constant text := 'hold';
  v_reason text := nullif(btrim(p_reason), '');
  v_start  record;
  v_cp     escrow_checkpoints;
  v_ids    jsonb := jsonb_build_object('checkpoint_id', p_checkpoint);
BEGIN
  SELECT * INTO v_start FROM money_request_start(p_key, c_action,
    jsonb_build_object('checkpoint', p_checkpoint, 'reason', v_reason), 'arbiter_finance');
  IF v_start.o_result IS NOT NULL THEN
    RETURN v_start.o_result;
  END IF;
  IF v_reason IS NULL THEN
    RETURN money_refuse(p_key, c_action, v_start.o_fingerprint, 'reason_required', 'a hold needs a reason', v_ids);
  END IF;
  SELECT * INTO v_cp FROM escrow_checkpoints WHERE id = p_checkpoint FOR UPDATE;
  IF NOT FOUND THEN
    RETURN money_refuse(p_key, c_action, v_start.o_fingerprint, 'not_found',
      format('checkpoint %s does not exist', p_checkpoint), v_ids);
  END IF;
  IF v_cp.status NOT IN ('submitted', 'approved') THEN
    RETURN money_refuse(p_key, c_action, v_start.o_fingerprint, checkpoint_status_refusal(v_cp.status),
      format('checkpoint %s is %s; only submitted or approved checkpoints can be held', p_checkpoint, v_cp.status),
      v_ids || jsonb_build_object('status', v_cp.status));
  END IF;
  UPDATE escrow_checkpoints SET status = 'on_hold', hold_reason = v_reason
   WHERE id = p_checkpoint AND status = v_cp.status;
  RETURN money_request_finish(p_key, c_action, v_start.o_fingerprint,
    money_outcome('ok', 'on hold', v_ids || jsonb_build_object('status', 'on_hold')));
END $$;

CREATE FUNCTION unhold_checkpoint(p_checkpoint bigint, p_note text, p_key text)
  RETURNS jsonb
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
DECLARE
  c_action constant text := 'unhold';
  v_start  record;
  v_cp     escrow_checkpoints;
  v_g      record;
  v_target text;
  v_ids    jsonb := jsonb_build_object('checkpoint_id', p_checkpoint);
BEGIN
  SELECT * INTO v_start FROM money_request_start(p_key, c_action,
    jsonb_build_object('checkpoint', p_checkpoint, 'note', nullif(btrim(p_note), '')), 'arbiter_finance');
  IF v_start.o_result IS NOT NULL THEN
    RETURN v_start.o_result;
  END IF;
  SELECT * INTO v_cp FROM escrow_checkpoints WHERE id = p_checkpoint FOR UPDATE;
  IF NOT FOUND THEN
    RETURN money_refuse(p_key, c_action, v_start.o_fingerprint, 'not_found',
      format('checkpoint %s does not exist', p_checkpoint), v_ids);
  END IF;
  IF v_cp.status <> 'on_hold' THEN
    RETURN money_refuse(p_key, c_action, v_start.o_fingerprint, checkpoint_status_refusal(v_cp.status),
      format('checkpoint %s is %s, not on hold', p_checkpoint, v_cp.status),
      v_ids || jsonb_build_object('status', v_cp.status));
  END IF;
  -- Back to where its approvals put it: approved only if they still suffice.
  SELECT * INTO v_g FROM checkpoint_gates(p_checkpoint);
  v_target := CASE WHEN v_g.approvals >= v_g.approvals_needed AND (v_g.csat_ok OR v_g.override_given)
                   THEN 'approved' ELSE 'submitted' END;
  UPDATE escrow_checkpoints SET status = v_target, hold_reason = NULL
   WHERE id = p_checkpoint AND status = 'on_hold';
  RETURN money_request_finish(p_key, c_action, v_start.o_fingerprint,
    money_outcome('ok', 'hold lifted: ' || v_target, v_ids || jsonb_build_object('status', v_target)));
END $$;

-- Releases p_amount_minor of an approved checkpoint to the payee, or all of what remains when it is
-- NULL. A partial release leaves the checkpoint approved with the remainder held.
CREATE FUNCTION release_checkpoint(p_checkpoint bigint, p_amount_minor bigint, p_key text)
  RETURNS jsonb
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
DECLARE
  c_action  constant text := 'release';
  v_start   record;
  v_cp      escrow_checkpoints;
  v_g       record;
  v_amount  bigint;
  v_full    boolean;
  v_payout  text;
  v_rows    integer;
  v_journal bigint;
  v_fee     bigint;
  v_ctx     record;
  v_ids     jsonb := jsonb_build_object('checkpoint_id', p_checkpoint);
BEGIN
  SELECT * INTO v_start FROM money_request_start(p_key, c_action,
    jsonb_build_object('checkpoint', p_checkpoint, 'amount_minor', p_amount_minor), 'arbiter_finance');
  IF v_start.o_result IS NOT NULL THEN
    RETURN v_start.o_result;
  END IF;
  SELECT * INTO v_cp FROM escrow_checkpoints WHERE id = p_checkpoint FOR UPDATE;
  IF NOT FOUND THEN
    RETURN money_refuse(p_key, c_action, v_start.o_fingerprint, 'not_found',
      format('checkpoint %s does not exist', p_checkpoint), v_ids);
  END IF;
  v_ids := v_ids || jsonb_build_object('currency', v_cp.currency);
  IF v_cp.status <> 'approved' THEN
    RETURN money_refuse(p_key, c_action, v_start.o_fingerprint, checkpoint_status_refusal(v_cp.status),
      format('checkpoint %s is %s; only approved checkpoints can be released', p_checkpoint, v_cp.status),
      v_ids || jsonb_build_object('status', v_cp.status, 'payout_reference', v_cp.payout_reference));
  END IF;
  IF v_cp.requested_by = session_user THEN
    RETURN money_refuse(p_key, c_action, v_start.o_fingerprint, 'self_approval',
      format('%s requested this release and cannot execute it', session_user), v_ids);
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
      v_ids || jsonb_build_object('remaining_minor', v_g.remaining_minor));
  END IF;
  IF v_g.escrow_held_minor < v_amount OR v_g.holding_balance_minor < v_amount THEN
    RETURN money_refuse(p_key, c_action, v_start.o_fingerprint, 'insufficient_funds',
      format('%s needed, %s held in the escrow', v_amount, least(v_g.escrow_held_minor, v_g.holding_balance_minor)),
      v_ids || jsonb_build_object('held_minor', v_g.escrow_held_minor));
  END IF;

  v_full := v_amount = v_g.remaining_minor;
  v_payout := 'PO-' || lpad(nextval('payout_reference_seq')::text, 9, '0');
  -- The conditional write: exactly one row, still approved and with nothing released meanwhile.
  UPDATE escrow_checkpoints
     SET released_minor = released_minor + v_amount,
         status = CASE WHEN v_full THEN 'released' ELSE status END,
         released_at = CASE WHEN v_full THEN now() ELSE released_at END,
         released_by = CASE WHEN v_full THEN session_user ELSE released_by END,
         payout_reference = CASE WHEN v_full THEN v_payout ELSE payout_reference END
   WHERE id = p_checkpoint AND status = 'approved' AND released_minor = v_cp.released_minor;
  GET DIAGNOSTICS v_rows = ROW_COUNT;
  IF v_rows <> 1 THEN
    RETURN money_refuse(p_key, c_action, v_start.o_fingerprint, 'already_released',
      format('checkpoint %s changed while it was being released', p_checkpoint), v_ids);
  END IF;

  SELECT k.reference, k.kind, k.freelancer_id INTO v_ctx
    FROM escrows e JOIN contracts k ON k.id = e.contract_id WHERE e.id = v_cp.escrow_id;
  INSERT INTO journals (idempotency_key, request_fingerprint, kind, description, escrow_id, checkpoint_id)
  VALUES (p_key, v_start.o_fingerprint, 'release',
          format('%s: %s release of checkpoint %s "%s" of %s', v_payout,
                 CASE WHEN v_full THEN 'full' ELSE 'partial' END, v_cp.seq, v_cp.label, v_ctx.reference),
          v_cp.escrow_id, p_checkpoint)
  RETURNING id INTO v_journal;
  v_fee := money_post_payout(v_journal, money_wallet('escrow_holding', NULL, v_cp.currency), v_ctx.freelancer_id,
                             v_ctx.kind, v_cp.currency, v_amount);
  PERFORM money_move_escrow(v_cp.escrow_id, v_amount, 0);

  RETURN money_request_finish(p_key, c_action, v_start.o_fingerprint,
    money_outcome('ok', CASE WHEN v_full THEN 'released' ELSE 'partially released' END,
      v_ids || jsonb_build_object('status', CASE WHEN v_full THEN 'released' ELSE 'approved' END,
        'journal_id', v_journal, 'payout_reference', v_payout, 'amount_minor', v_amount, 'fee_minor', v_fee,
        'remaining_minor', v_g.remaining_minor - v_amount)),
    v_journal);
END $$;

-- Returns what is left of a checkpoint to the payer and closes it.
CREATE FUNCTION refund_checkpoint(p_checkpoint bigint, p_reason text, p_key text)
  RETURNS jsonb
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
DECLARE
  c_action  constant text := 'refund';
  v_reason  text := nullif(btrim(p_reason), '');
  v_start   record;
  v_cp      escrow_checkpoints;
  v_g       record;
  v_rows    integer;
  v_journal bigint;
  v_ctx     record;
  v_ids     jsonb := jsonb_build_object('checkpoint_id', p_checkpoint);
BEGIN
  SELECT * INTO v_start FROM money_request_start(p_key, c_action,
    jsonb_build_object('checkpoint', p_checkpoint, 'reason', v_reason), 'arbiter_finance');
  IF v_start.o_result IS NOT NULL THEN
    RETURN v_start.o_result;
  END IF;
  IF v_reason IS NULL THEN
    RETURN money_refuse(p_key, c_action, v_start.o_fingerprint, 'reason_required', 'a refund needs a reason', v_ids);
  END IF;
  SELECT * INTO v_cp FROM escrow_checkpoints WHERE id = p_checkpoint FOR UPDATE;
  IF NOT FOUND THEN
    RETURN money_refuse(p_key, c_action, v_start.o_fingerprint, 'not_found',
      format('checkpoint %s does not exist', p_checkpoint), v_ids);
  END IF;
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
      v_ids || jsonb_build_object('held_minor', v_g.escrow_held_minor));
  END IF;
  UPDATE escrow_checkpoints SET status = 'refunded'
   WHERE id = p_checkpoint AND status = v_cp.status AND released_minor = v_cp.released_minor;
  GET DIAGNOSTICS v_rows = ROW_COUNT;
  IF v_rows <> 1 THEN
    RETURN money_refuse(p_key, c_action, v_start.o_fingerprint, 'illegal_status',
      format('checkpoint %s changed while it was being refunded', p_checkpoint), v_ids);
  END IF;
  SELECT k.reference, k.client_id INTO v_ctx
    FROM escrows e JOIN contracts k ON k.id = e.contract_id WHERE e.id = v_cp.escrow_id;
  INSERT INTO journals (idempotency_key, request_fingerprint, kind, description, escrow_id, checkpoint_id)
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
CREATE FUNCTION fund_escrow(p_escrow bigint, p_amount_minor bigint, p_key text)
  RETURNS jsonb
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
DECLARE
  c_action  constant text := 'fund';
  v_start   record;
  v_escrow  escrows;
  v_journal bigint;
  v_ids     jsonb := jsonb_build_object('escrow_id', p_escrow);
BEGIN
  SELECT * INTO v_start FROM money_request_start(p_key, c_action,
    jsonb_build_object('escrow', p_escrow, 'amount_minor', p_amount_minor), 'marketplace_backend');
  IF v_start.o_result IS NOT NULL THEN
    RETURN v_start.o_result;
  END IF;
  IF p_amount_minor IS NULL OR p_amount_minor <= 0 THEN
    RETURN money_refuse(p_key, c_action, v_start.o_fingerprint, 'invalid_amount', 'funding must be positive', v_ids);
  END IF;
  SELECT * INTO v_escrow FROM escrows WHERE id = p_escrow FOR UPDATE;
  IF NOT FOUND THEN
    RETURN money_refuse(p_key, c_action, v_start.o_fingerprint, 'not_found',
      format('escrow %s does not exist', p_escrow), v_ids);
  END IF;
  INSERT INTO journals (idempotency_key, request_fingerprint, kind, description, escrow_id)
  VALUES (p_key, v_start.o_fingerprint, 'funding', format('funding of escrow %s', p_escrow), p_escrow)
  RETURNING id INTO v_journal;
  PERFORM money_post(v_journal, money_wallet('external_clearing', NULL, v_escrow.currency), 'debit', p_amount_minor);
  PERFORM money_post(v_journal, money_wallet('escrow_holding', NULL, v_escrow.currency), 'credit', p_amount_minor);
  UPDATE escrows
     SET funded_minor = funded_minor + p_amount_minor,
         status = CASE WHEN released_minor + refunded_minor > 0 THEN 'partially_released' ELSE 'held' END
   WHERE id = p_escrow;
  RETURN money_request_finish(p_key, c_action, v_start.o_fingerprint,
    money_outcome('ok', 'funded', v_ids || jsonb_build_object('journal_id', v_journal, 'amount_minor', p_amount_minor)),
    v_journal);
END $$;
