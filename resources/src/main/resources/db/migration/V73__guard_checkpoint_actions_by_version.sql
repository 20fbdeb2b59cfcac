-- A reviewer decides on the checkpoint they saw. When someone else changed it meanwhile (a status move,
-- a hold, a release, or another reviewer's decision, which does not touch the checkpoint row itself),
-- the decision is refused as stale and the console shows what changed before the reviewer decides again.
-- The basis the console sends is the row's version and the number of decisions recorded on it.

-- The decisions recorded on a checkpoint, in every round; a new round moves the version anyway.
CREATE FUNCTION checkpoint_decisions(p_checkpoint bigint)
  RETURNS integer
  LANGUAGE plpgsql STABLE
  SET search_path = public, pg_temp
AS $$
BEGIN
  RETURN (SELECT count(*) FROM release_approvals WHERE checkpoint_id = p_checkpoint)::integer;
END $$;

-- Runs one checkpoint action (approve, reject, hold, unhold, release, refund) if the checkpoint is
-- still as the caller read it, through the unguarded money function, which checks everything else.
-- p_text is the note or reason, p_override the CSAT override reason (approve), p_amount_minor the
-- amount of a partial release.
--
-- A key already used is answered by the money function itself (a replay), whatever the checkpoint
-- looks like now: the request had its effect when the key was first used. A stale refusal is not
-- stored, because nothing was decided; the console asks again with a fresh key and basis.
CREATE FUNCTION checkpoint_action_at(p_action text, p_checkpoint bigint, p_version integer,
                                     p_decisions integer, p_text text, p_override text,
                                     p_amount_minor bigint, p_key text)
  RETURNS jsonb
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
DECLARE
  v_version   integer;
  v_decisions integer;
BEGIN
  IF p_action NOT IN ('approve', 'reject', 'hold', 'unhold', 'release', 'refund') THEN
    RAISE EXCEPTION 'unknown checkpoint action %', p_action USING ERRCODE = '22023';
  END IF;
  -- Same lock order as every money function: the audit chain head first, then the row.
  PERFORM 1 FROM audit_chain_head WHERE id = 1 FOR UPDATE;
  IF NOT EXISTS (SELECT 1 FROM money_requests WHERE idempotency_key = p_key)
     AND pg_has_role(session_user, 'arbiter_finance', 'MEMBER') THEN
    SELECT version INTO v_version FROM escrow_checkpoints WHERE id = p_checkpoint FOR UPDATE;
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
    ELSE refund_checkpoint(p_checkpoint, p_text, p_key)
  END;
END $$;

REVOKE ALL ON FUNCTION checkpoint_decisions(bigint),
  checkpoint_action_at(text, bigint, integer, integer, text, text, bigint, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION checkpoint_action_at(text, bigint, integer, integer, text, text, bigint, text)
  TO arbiter_finance;
