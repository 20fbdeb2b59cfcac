-- A decision changes its reporters' accuracy, and with it the score of every open item they
-- flagged. Re-scoring those items inside the decision cost ~0.5 s per decision at a million flags
-- (docs/PERFORMANCE.md), all of it under the audit chain lock that every audited write waits for.
-- The summary is not audited, so the re-scoring moves to its own transaction: the decision only
-- queues its reporters, and moderation_rescore_pending() (called by the console right after a
-- decision commits, and safe to call from anywhere) catches the scores up. The decided item
-- itself is still summarised in the decision's transaction, so it leaves the open queue at once.

CREATE TABLE moderation_rescore_queue (
  reporter_id bigint PRIMARY KEY REFERENCES users (id)
);

CREATE OR REPLACE FUNCTION moderation_flags_summarise() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
DECLARE
  v_types     text[];
  v_ids       bigint[];
  v_reporters bigint[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT reporter_id) FILTER (WHERE status <> 'open') INTO v_reporters FROM new_rows;
    SELECT array_agg(entity_type), array_agg(entity_id) INTO v_types, v_ids
      FROM (SELECT DISTINCT entity_type, entity_id FROM new_rows) d;
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT array_agg(DISTINCT n.reporter_id) INTO v_reporters
      FROM new_rows n JOIN old_rows o ON o.id = n.id
     WHERE n.status IS DISTINCT FROM o.status OR n.reporter_id IS DISTINCT FROM o.reporter_id;
    SELECT array_agg(entity_type), array_agg(entity_id) INTO v_types, v_ids
      FROM (SELECT entity_type, entity_id FROM new_rows UNION SELECT entity_type, entity_id FROM old_rows) d;
  ELSE
    SELECT array_agg(DISTINCT reporter_id) FILTER (WHERE status <> 'open') INTO v_reporters FROM old_rows;
    SELECT array_agg(entity_type), array_agg(entity_id) INTO v_types, v_ids
      FROM (SELECT DISTINCT entity_type, entity_id FROM old_rows) d;
  END IF;
  IF v_reporters IS NOT NULL THEN
    PERFORM moderation_refresh_reporters(v_reporters);
    INSERT INTO moderation_rescore_queue (reporter_id)
    SELECT r FROM unnest(v_reporters) AS r
    ON CONFLICT (reporter_id) DO NOTHING;
  END IF;
  IF v_types IS NOT NULL THEN
    PERFORM moderation_refresh_items(v_types, v_ids);
  END IF;
  RETURN NULL;
END $$;

-- Re-scores the open items of every queued reporter and returns how many items it refreshed.
CREATE FUNCTION moderation_rescore_pending() RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
DECLARE
  v_reporters bigint[];
  v_types     text[];
  v_ids       bigint[];
BEGIN
  WITH taken AS (DELETE FROM moderation_rescore_queue RETURNING reporter_id)
  SELECT array_agg(reporter_id) INTO v_reporters FROM taken;
  IF v_reporters IS NULL THEN
    RETURN 0;
  END IF;
  SELECT array_agg(entity_type), array_agg(entity_id) INTO v_types, v_ids
    FROM (SELECT DISTINCT entity_type, entity_id FROM moderation_flags
           WHERE reporter_id = ANY (v_reporters) AND status = 'open') d;
  IF v_types IS NULL THEN
    RETURN 0;
  END IF;
  PERFORM moderation_refresh_items(v_types, v_ids);
  RETURN cardinality(v_types);
END $$;

GRANT SELECT ON moderation_rescore_queue TO arbiter_staff;
GRANT EXECUTE ON FUNCTION moderation_rescore_pending() TO arbiter_staff, marketplace_backend;
