-- Moderation decisions and workspace actions get what dispute commands (V32) and money requests (V20)
-- already have: a client-generated idempotency key, recorded in the same transaction as the action.
-- When the connection drops while an action commits, the console asks by the key whether it was
-- saved before it offers a retry, and a retry under the same key replays the first answer instead of
-- acting twice (a second decision, a second copy of a note).

CREATE TABLE staff_requests (
  idempotency_key text        PRIMARY KEY CHECK (length(idempotency_key) BETWEEN 8 AND 200),
  action          text        NOT NULL CHECK (action ~ '^(moderation|workspace)\.[a-z_]+$'),
  -- sha256 of the action's arguments: the same key with other arguments is refused, not replayed.
  fingerprint     text        NOT NULL CHECK (length(fingerprint) > 0),
  -- What the action answered (a decision id, a note id...), so that a replay answers the same.
  result          jsonb       NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(result) = 'object'),
  staff_login     text        NOT NULL DEFAULT session_user,
  created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION refuse_request_edit() RETURNS trigger
  LANGUAGE plpgsql
AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: a request key is recorded once, with its action', TG_TABLE_NAME
    USING ERRCODE = '42501';
END $$;

CREATE TRIGGER staff_requests_audit AFTER INSERT OR UPDATE OR DELETE ON staff_requests
  FOR EACH ROW EXECUTE FUNCTION audit_capture();
CREATE TRIGGER staff_requests_append_only BEFORE UPDATE OR DELETE ON staff_requests
  FOR EACH ROW EXECUTE FUNCTION refuse_request_edit();
CREATE TRIGGER staff_requests_no_truncate BEFORE TRUNCATE ON staff_requests
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_request_edit();

-- Workspace actions run under the staff login (support adds notes, admins the rest), so those two
-- groups insert their own keys; moderators record theirs only through moderation_decide_keyed.
GRANT SELECT ON staff_requests TO arbiter_staff;
GRANT INSERT (idempotency_key, action, fingerprint, result) ON staff_requests TO arbiter_support, arbiter_admin;

-- Keys are unique whoever sent them, but each login sees only its own: a retry or a commit check
-- only ever asks about its own requests, and a key another login used is refused on insert (the
-- primary key) without showing what it did. The owner (the definer functions) sees all.
ALTER TABLE staff_requests ENABLE ROW LEVEL SECURITY;
CREATE POLICY staff_requests_own_read ON staff_requests FOR SELECT
  USING (staff_login = session_user::text);
CREATE POLICY staff_requests_own_insert ON staff_requests FOR INSERT
  WITH CHECK (staff_login = session_user::text AND action LIKE 'workspace.%');

-- moderation_decide_seen (V76) under a request key. The first call decides and records the key with
-- the decision's id; a call with the same key and the same arguments by the same login returns that
-- id and does nothing else (the answer was lost, or the request was sent twice). The same key from
-- another login, or for other arguments, is refused (MD009). A refused decision records nothing, so
-- the key is still free for a retry.
CREATE FUNCTION moderation_decide_keyed(p_request_key text, p_type text, p_id bigint, p_seen_flags bigint[],
                                        p_decision text, p_reason_code text, p_note text,
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
  -- The audit head first (see V4): it also serialises two sends of one key, so the second sees the
  -- first's row and replays it.
  PERFORM 1 FROM audit_chain_head WHERE id = 1 FOR UPDATE;
  -- The duration as seconds, not text: its text depends on the session's IntervalStyle.
  v_fingerprint := encode(sha256(convert_to(jsonb_build_object(
      'type', p_type, 'id', p_id,
      'seen', (SELECT coalesce(jsonb_agg(DISTINCT s ORDER BY s), '[]'::jsonb)
                 FROM unnest(coalesce(p_seen_flags, '{}')) s),
      'decision', p_decision, 'reason', p_reason_code, 'note', nullif(btrim(p_note), ''),
      'suspend_seconds', extract(epoch FROM p_suspend_for))::text, 'UTF8')), 'hex');
  SELECT * INTO v_prior FROM staff_requests WHERE idempotency_key = p_request_key;
  IF FOUND THEN
    IF v_prior.staff_login <> session_user::text THEN
      RAISE EXCEPTION 'request key % was already used by another login', p_request_key
        USING ERRCODE = 'MD009';
    END IF;
    IF v_prior.action <> 'moderation.decide' OR v_prior.fingerprint <> v_fingerprint THEN
      RAISE EXCEPTION 'request key % was already used for another request', p_request_key
        USING ERRCODE = 'MD009';
    END IF;
    RETURN (v_prior.result ->> 'decision_id')::bigint;
  END IF;
  v_id := moderation_decide_seen(p_type, p_id, p_seen_flags, p_decision, p_reason_code, p_note, p_suspend_for);
  INSERT INTO staff_requests (idempotency_key, action, fingerprint, result, staff_login)
  VALUES (p_request_key, 'moderation.decide', v_fingerprint, jsonb_build_object('decision_id', v_id), session_user);
  RETURN v_id;
END $$;

REVOKE ALL ON FUNCTION moderation_decide_keyed(text, text, bigint, bigint[], text, text, text, interval) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION moderation_decide_keyed(text, text, bigint, bigint[], text, text, text, interval)
  TO arbiter_moderator, arbiter_admin;
