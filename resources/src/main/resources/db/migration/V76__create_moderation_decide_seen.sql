-- A decision closes every open flag of its item. A moderator decides on the flags they read; if a
-- flag arrived since (it joins their claim, V51) or a colleague decided some of them meanwhile,
-- deciding would close flags nobody read, or act on an item that is no longer what they saw. The
-- console therefore names the open flags it showed, and the decision is refused (MD008) unless they
-- are exactly the item's open flags now. The console then shows what changed and offers to decide
-- again on the current flags.

CREATE FUNCTION moderation_decide_seen(p_type text, p_id bigint, p_seen_flags bigint[], p_decision text,
                                       p_reason_code text, p_note text,
                                       p_suspend_for interval DEFAULT NULL) RETURNS bigint
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
DECLARE
  v_open bigint[];
  v_seen bigint[];
BEGIN
  PERFORM moderation_require_moderator();
  -- The same lock order as moderation_decide: the audit head, then the item's open flags.
  PERFORM 1 FROM audit_chain_head WHERE id = 1 FOR UPDATE;
  SELECT coalesce(array_agg(id ORDER BY id), '{}') INTO v_open
    FROM (SELECT id FROM moderation_flags
           WHERE entity_type = p_type AND entity_id = p_id AND status = 'open'
           ORDER BY id FOR UPDATE) f;
  SELECT coalesce(array_agg(DISTINCT s ORDER BY s), '{}') INTO v_seen
    FROM unnest(coalesce(p_seen_flags, '{}')) s;
  IF v_open <> v_seen THEN
    RAISE EXCEPTION '% % changed after you opened it: % open flags now, you saw %', p_type, p_id,
      cardinality(v_open), cardinality(v_seen)
      USING ERRCODE = 'MD008';
  END IF;
  RETURN moderation_decide(p_type, p_id, p_decision, p_reason_code, p_note, p_suspend_for);
END $$;

REVOKE ALL ON FUNCTION moderation_decide_seen(text, bigint, bigint[], text, text, text, interval) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION moderation_decide_seen(text, bigint, bigint[], text, text, text, interval)
  TO arbiter_moderator, arbiter_admin;
