-- Bulk moderation under request keys, one per item, as single decisions have had since V81. A bulk
-- run claims each item and decides whatever flags are open on it when it gets there; when the
-- connection drops mid-run, the console settles the item in flight by its key and sends the items
-- left over again under their keys, so each item is decided once.
--
-- moderation_decide_keyed does not fit: it decides on the flags the moderator saw, and bulk never
-- showed any. And the key has to be looked up before the claim: a replay finds the item decided,
-- with no open flags, and claiming it would be refused (MD002) instead of answered.

CREATE FUNCTION moderation_bulk_decide_keyed(p_request_key text, p_type text, p_id bigint, p_decision text,
                                             p_reason_code text, p_note text,
                                             p_suspend_for interval DEFAULT NULL) RETURNS bigint
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
DECLARE
  v_fingerprint text;
  v_prior       staff_requests;
  v_id          bigint;
BEGIN
  PERFORM moderation_require_moderator();
  IF p_request_key IS NULL OR length(p_request_key) NOT BETWEEN 8 AND 200 THEN
    RAISE EXCEPTION 'a request key has 8 to 200 characters' USING ERRCODE = '22023';
  END IF;
  -- The audit head first (see V4), as in moderation_decide_keyed: two sends of one key queue here,
  -- and the second sees the first's row.
  PERFORM 1 FROM audit_chain_head WHERE id = 1 FOR UPDATE;
  v_fingerprint := encode(sha256(convert_to(jsonb_build_object(
      'type', p_type, 'id', p_id,
      'decision', p_decision, 'reason', p_reason_code, 'note', nullif(btrim(p_note), ''),
      'suspend_seconds', extract(epoch FROM p_suspend_for))::text, 'UTF8')), 'hex');
  SELECT * INTO v_prior FROM staff_requests WHERE idempotency_key = p_request_key;
  IF FOUND THEN
    IF v_prior.staff_login <> session_user::text THEN
      RAISE EXCEPTION 'request key % was already used by another login', p_request_key
        USING ERRCODE = 'MD009';
    END IF;
    IF v_prior.action <> 'moderation.bulk_decide' OR v_prior.fingerprint <> v_fingerprint THEN
      RAISE EXCEPTION 'request key % was already used for another request', p_request_key
        USING ERRCODE = 'MD009';
    END IF;
    RETURN (v_prior.result ->> 'decision_id')::bigint;
  END IF;
  -- A refusal (claimed by a colleague, nothing open...) raises before the key is recorded, so the
  -- key stays free for a retry.
  PERFORM moderation_claim(p_type, p_id);
  v_id := moderation_decide(p_type, p_id, p_decision, p_reason_code, p_note, p_suspend_for);
  INSERT INTO staff_requests (idempotency_key, action, fingerprint, result, staff_login)
  VALUES (p_request_key, 'moderation.bulk_decide', v_fingerprint, jsonb_build_object('decision_id', v_id),
          session_user);
  RETURN v_id;
END $$;

REVOKE ALL ON FUNCTION moderation_bulk_decide_keyed(text, text, bigint, text, text, text, interval) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION moderation_bulk_decide_keyed(text, text, bigint, text, text, text, interval)
  TO arbiter_moderator, arbiter_admin;
