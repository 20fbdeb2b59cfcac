-- Settlements that support proposed are executed or sent back by finance, never by their proposer.

-- Closes a disputed checkpoint after its settlement: released in full when the payee got at least what
-- was left and the payer nothing, otherwise refunded (with the payee's part counted as released).
-- Only legal status moves are used, so a pending checkpoint walks through submitted and approved.
CREATE FUNCTION settle_checkpoint(p_checkpoint bigint, p_payee_minor bigint, p_payer_minor bigint, p_payout text)
  RETURNS text
  LANGUAGE plpgsql
  SET search_path = public, pg_temp
AS $$
DECLARE
  v_cp        escrow_checkpoints;
  v_remaining bigint;
BEGIN
  SELECT * INTO v_cp FROM escrow_checkpoints WHERE id = p_checkpoint FOR UPDATE;
  IF NOT FOUND OR v_cp.status NOT IN ('pending', 'submitted', 'approved', 'on_hold') THEN
    RETURN v_cp.status;
  END IF;
  v_remaining := v_cp.amount_minor - v_cp.released_minor;
  IF p_payer_minor = 0 AND p_payee_minor >= v_remaining THEN
    IF v_cp.status = 'pending' THEN
      UPDATE escrow_checkpoints SET status = 'submitted', submitted_at = coalesce(submitted_at, now())
       WHERE id = p_checkpoint;
    END IF;
    IF v_cp.status <> 'approved' THEN
      UPDATE escrow_checkpoints SET status = 'approved', hold_reason = NULL WHERE id = p_checkpoint;
    END IF;
    UPDATE escrow_checkpoints
       SET status = 'released', released_minor = amount_minor, released_at = now(), released_by = session_user,
           payout_reference = p_payout
     WHERE id = p_checkpoint;
    RETURN 'released';
  END IF;
  UPDATE escrow_checkpoints
     SET status = 'refunded', released_minor = released_minor + least(p_payee_minor, v_remaining)
   WHERE id = p_checkpoint;
  RETURN 'refunded';
END $$;

CREATE FUNCTION execute_settlement(p_settlement bigint, p_note text, p_key text)
  RETURNS jsonb
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
DECLARE
  c_action  constant text := 'execute_settlement';
  v_note    text := nullif(btrim(p_note), '');
  v_start   record;
  v_s       settlements;
  v_d       disputes;
  v_escrow  escrows;
  v_ctx     record;
  v_total   bigint;
  v_holding bigint;
  v_balance bigint;
  v_journal bigint;
  v_fee     bigint := 0;
  v_payout  text;
  v_cp_to   text;
  v_ids     jsonb := jsonb_build_object('settlement_id', p_settlement);
BEGIN
  SELECT * INTO v_start FROM money_request_start(p_key, c_action,
    jsonb_build_object('settlement', p_settlement, 'note', v_note), 'arbiter_finance');
  IF v_start.o_result IS NOT NULL THEN
    RETURN v_start.o_result;
  END IF;
  SELECT * INTO v_s FROM settlements WHERE id = p_settlement FOR UPDATE;
  IF NOT FOUND THEN
    RETURN money_refuse(p_key, c_action, v_start.o_fingerprint, 'not_found',
      format('settlement %s does not exist', p_settlement), v_ids);
  END IF;
  v_ids := v_ids || jsonb_build_object('dispute_id', v_s.dispute_id, 'currency', v_s.currency);
  IF v_s.status <> 'proposed' THEN
    RETURN money_refuse(p_key, c_action, v_start.o_fingerprint,
      CASE WHEN v_s.status = 'executed' THEN 'already_executed' ELSE 'illegal_status' END,
      format('settlement %s is %s', p_settlement, v_s.status), v_ids || jsonb_build_object('status', v_s.status));
  END IF;
  IF v_s.proposed_by = session_user THEN
    RETURN money_refuse(p_key, c_action, v_start.o_fingerprint, 'self_approval',
      format('%s proposed this settlement and cannot execute it', session_user), v_ids);
  END IF;
  SELECT * INTO v_d FROM disputes WHERE id = v_s.dispute_id FOR UPDATE;
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
      format('the settlement pays out %s of a disputed %s', v_total, v_d.amount_disputed_minor), v_ids);
  END IF;

  IF v_total > 0 THEN
    SELECT * INTO v_escrow FROM escrows WHERE id = coalesce(v_d.escrow_id,
      (SELECT escrow_id FROM escrow_checkpoints WHERE id = v_d.checkpoint_id),
      (SELECT min(id) FROM escrows WHERE contract_id = v_d.contract_id
        HAVING count(*) = 1)) FOR UPDATE;
    IF NOT FOUND THEN
      RETURN money_refuse(p_key, c_action, v_start.o_fingerprint, 'no_escrow',
        format('dispute %s names no single escrow to pay from', v_d.reference), v_ids);
    END IF;
    IF v_escrow.currency <> v_s.currency THEN
      RETURN money_refuse(p_key, c_action, v_start.o_fingerprint, 'currency_mismatch',
        format('settlement in %s, escrow in %s', v_s.currency, v_escrow.currency), v_ids);
    END IF;
    v_holding := money_wallet('escrow_holding', NULL, v_escrow.currency);
    SELECT balance_minor INTO v_balance FROM wallets WHERE id = v_holding;
    IF v_escrow.funded_minor - v_escrow.released_minor - v_escrow.refunded_minor < v_total OR v_balance < v_total THEN
      RETURN money_refuse(p_key, c_action, v_start.o_fingerprint, 'insufficient_funds',
        format('%s needed, %s held in the escrow', v_total,
               least(v_escrow.funded_minor - v_escrow.released_minor - v_escrow.refunded_minor, v_balance)), v_ids);
    END IF;
    SELECT k.reference, k.kind, k.client_id, k.freelancer_id, u.status AS payee_status INTO v_ctx
      FROM contracts k JOIN users u ON u.id = k.freelancer_id WHERE k.id = v_escrow.contract_id;
    IF v_s.payee_minor > 0 AND v_ctx.payee_status IN ('suspended', 'closed') THEN
      RETURN money_refuse(p_key, c_action, v_start.o_fingerprint, 'payee_blocked',
        format('the payee''s account is %s', v_ctx.payee_status), v_ids);
    END IF;
    v_payout := 'PO-' || lpad(nextval('payout_reference_seq')::text, 9, '0');
    INSERT INTO journals (idempotency_key, request_fingerprint, kind, description, escrow_id, checkpoint_id,
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

  UPDATE settlements
     SET status = 'executed', decided_by = session_user, decided_at = now(), decision_note = v_note,
         journal_id = v_journal
   WHERE id = p_settlement AND status = 'proposed';
  UPDATE disputes
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

CREATE FUNCTION send_back_settlement(p_settlement bigint, p_note text, p_key text)
  RETURNS jsonb
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
DECLARE
  c_action constant text := 'send_back_settlement';
  v_note   text := nullif(btrim(p_note), '');
  v_start  record;
  v_s      settlements;
  v_ids    jsonb := jsonb_build_object('settlement_id', p_settlement);
BEGIN
  SELECT * INTO v_start FROM money_request_start(p_key, c_action,
    jsonb_build_object('settlement', p_settlement, 'note', v_note), 'arbiter_finance');
  IF v_start.o_result IS NOT NULL THEN
    RETURN v_start.o_result;
  END IF;
  IF v_note IS NULL THEN
    RETURN money_refuse(p_key, c_action, v_start.o_fingerprint, 'reason_required',
      'sending a settlement back needs a note for support', v_ids);
  END IF;
  SELECT * INTO v_s FROM settlements WHERE id = p_settlement FOR UPDATE;
  IF NOT FOUND THEN
    RETURN money_refuse(p_key, c_action, v_start.o_fingerprint, 'not_found',
      format('settlement %s does not exist', p_settlement), v_ids);
  END IF;
  IF v_s.status <> 'proposed' THEN
    RETURN money_refuse(p_key, c_action, v_start.o_fingerprint,
      CASE WHEN v_s.status = 'executed' THEN 'already_executed' ELSE 'illegal_status' END,
      format('settlement %s is %s', p_settlement, v_s.status), v_ids || jsonb_build_object('status', v_s.status));
  END IF;
  UPDATE settlements
     SET status = 'sent_back', decided_by = session_user, decided_at = now(), decision_note = v_note
   WHERE id = p_settlement AND status = 'proposed';
  RETURN money_request_finish(p_key, c_action, v_start.o_fingerprint,
    money_outcome('ok', 'sent back to support', v_ids || jsonb_build_object('status', 'sent_back')));
END $$;

-- Only finance moves money; nobody else may even call the functions, and the helpers stay private.
REVOKE ALL ON FUNCTION money_outcome(text, text, jsonb), money_request_start(text, text, jsonb, text),
  money_request_finish(text, text, text, jsonb, bigint), money_wallet(text, bigint, text),
  money_post(bigint, bigint, text, bigint), money_fee(text, bigint),
  money_post_payout(bigint, bigint, bigint, text, text, bigint), money_move_escrow(bigint, bigint, bigint),
  money_refuse(text, text, text, text, text, jsonb), checkpoint_status_refusal(text),
  settle_checkpoint(bigint, bigint, bigint, text),
  approve_checkpoint(bigint, text, text, text), reject_checkpoint(bigint, text, text),
  hold_checkpoint(bigint, text, text), unhold_checkpoint(bigint, text, text),
  release_checkpoint(bigint, bigint, text), refund_checkpoint(bigint, text, text),
  fund_escrow(bigint, bigint, text), execute_settlement(bigint, text, text),
  send_back_settlement(bigint, text, text), checkpoint_gates(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION approve_checkpoint(bigint, text, text, text), reject_checkpoint(bigint, text, text),
  hold_checkpoint(bigint, text, text), unhold_checkpoint(bigint, text, text),
  release_checkpoint(bigint, bigint, text), refund_checkpoint(bigint, text, text),
  execute_settlement(bigint, text, text), send_back_settlement(bigint, text, text) TO arbiter_finance;
GRANT EXECUTE ON FUNCTION fund_escrow(bigint, bigint, text) TO marketplace_backend;
-- The gates are only read: every member of staff may see why a checkpoint can or cannot move.
GRANT EXECUTE ON FUNCTION checkpoint_gates(bigint) TO arbiter_staff;
GRANT SELECT ON money_requests, platform_fee_rates TO arbiter_staff;
