-- Finance executes or sends back the settlement it read. When support changed the proposal meanwhile
-- (other amounts, another outcome), the decision is refused as stale, like a stale checkpoint decision
-- (V73), so money never moves on terms the reviewer did not see. Replays and refusals behave as in V73.
CREATE FUNCTION settlement_action_at(p_action text, p_settlement bigint, p_version integer,
                                     p_note text, p_key text)
  RETURNS jsonb
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
DECLARE
  v_version integer;
BEGIN
  IF p_action NOT IN ('execute_settlement', 'send_back_settlement') THEN
    RAISE EXCEPTION 'unknown settlement action %', p_action USING ERRCODE = '22023';
  END IF;
  PERFORM 1 FROM audit_chain_head WHERE id = 1 FOR UPDATE;
  IF NOT EXISTS (SELECT 1 FROM money_requests WHERE idempotency_key = p_key)
     AND pg_has_role(session_user, 'arbiter_finance', 'MEMBER') THEN
    SELECT version INTO v_version FROM settlements WHERE id = p_settlement FOR UPDATE;
    IF FOUND AND v_version <> p_version THEN
      RETURN money_outcome('stale',
        format('settlement %s changed since you read it (version %s, now %s)', p_settlement, p_version, v_version),
        jsonb_build_object('action', p_action, 'settlement_id', p_settlement, 'idempotency_key', p_key,
                           'replayed', false, 'version', v_version));
    END IF;
  END IF;
  RETURN CASE p_action
    WHEN 'execute_settlement' THEN execute_settlement(p_settlement, p_note, p_key)
    ELSE send_back_settlement(p_settlement, p_note, p_key)
  END;
END $$;

REVOKE ALL ON FUNCTION settlement_action_at(text, bigint, integer, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION settlement_action_at(text, bigint, integer, text, text) TO arbiter_finance;
