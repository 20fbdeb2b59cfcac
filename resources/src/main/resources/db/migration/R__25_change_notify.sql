-- Live updates: every change to an operational table is announced with ids only, never data, on
-- arbiter_changes. Consoles re-query what they show. A write leaves its notice in change_outbox (V96),
-- and arbiter_announce_changes below sends the committed ones: a writer that notified itself would
-- commit only after every other notifying writer (PostgreSQL serialises them).
-- The triggers run as the owner, the only role that may write the outbox.
CREATE OR REPLACE FUNCTION notify_change() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  v_row jsonb;
BEGIN
  IF TG_OP = 'DELETE' THEN
    v_row := to_jsonb(OLD);
  ELSE
    v_row := to_jsonb(NEW);
  END IF;
  INSERT INTO public.change_outbox (body) VALUES (json_build_object(
    'table', TG_TABLE_NAME,
    'op', lower(TG_OP),
    'id', coalesce(v_row ->> 'id', (v_row ->> 'entity_type') || ':' || (v_row ->> 'entity_id')))::text);
  RETURN NULL;
END $$;

-- Messages, evidence and settlements belong to one dispute. Their notices also name it
-- ("parent": "disputes:<id>"), so a console with one case open re-reads it for its own thread only,
-- not for every message written anywhere on the marketplace. Still ids only, never data.
CREATE OR REPLACE FUNCTION notify_dispute_part_change() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  v_row record;
BEGIN
  IF TG_OP = 'DELETE' THEN
    v_row := OLD;
  ELSE
    v_row := NEW;
  END IF;
  INSERT INTO public.change_outbox (body) VALUES (json_build_object(
    'table', TG_TABLE_NAME,
    'op', lower(TG_OP),
    'id', v_row.id::text,
    'parent', 'disputes:' || v_row.dispute_id)::text);
  RETURN NULL;
END $$;

-- The moderation queue shows moderation_items, and some of their changes come without a flag
-- changing: re-scoring after a decision (V52) moves other items up or down. So items announce
-- their own changes on arbiter_changes, with the item's id, which the console's item view matches.
-- A statement trigger, not a row trigger: a bulk load summarises a million items in one
-- statement, which sends one "something changed" notification (id null) instead of a million.
CREATE OR REPLACE FUNCTION notify_moderation_items() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  v_ids bigint[];
BEGIN
  IF TG_OP = 'DELETE' THEN
    SELECT array_agg(id) INTO v_ids FROM (SELECT id FROM old_rows LIMIT 51) r;
  ELSE
    SELECT array_agg(id) INTO v_ids FROM (SELECT id FROM new_rows LIMIT 51) r;
  END IF;
  IF v_ids IS NULL THEN
    RETURN NULL;
  END IF;
  IF cardinality(v_ids) > 50 THEN
    INSERT INTO public.change_outbox (body) VALUES (json_build_object(
      'table', TG_TABLE_NAME, 'op', lower(TG_OP), 'id', NULL)::text);
  ELSE
    INSERT INTO public.change_outbox (body)
      SELECT json_build_object('table', TG_TABLE_NAME, 'op', lower(TG_OP), 'id', v_id::text)::text
        FROM unnest(v_ids) AS v_id;
  END IF;
  RETURN NULL;
END $$;

-- Sends the notices that committed, each distinct one once, in the order they were left, and returns
-- how many it sent. Called by every listener (ChangeFeed) and the worker a few times a second, so
-- notices arrive within a poll of their commit while someone listens. Callers never wait for one
-- another: each takes the notices no other caller has taken (SKIP LOCKED), so two callers at once
-- send each notice once between them. A notice whose transaction is still open is not seen, and is
-- sent by a later call. Its own commit is the only notifying one, and writes nothing durable.
-- More than p_limit waiting means nobody sent them for a while (no console, no worker): naming
-- every row would flood the consoles that come back, so each table is announced once without ids
-- ("any row may have changed", as a bulk load says it), which the consoles take as a re-read of it.
CREATE OR REPLACE FUNCTION arbiter_announce_changes(p_limit integer DEFAULT 10000)
  RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  -- 1 to 10,000 a call: a caller cannot make it take the whole outbox in one statement, and a
  -- zero or negative limit would read as a backlog.
  v_limit integer := least(greatest(coalesce(p_limit, 10000), 1), 10000);
  v_body  text;
  v_sent  integer := 0;
BEGIN
  IF (SELECT count(*) FROM (SELECT 1 FROM public.change_outbox LIMIT v_limit + 1) w) > v_limit THEN
    FOR v_body IN
      WITH taken AS (
        DELETE FROM public.change_outbox o
         WHERE o.id IN (SELECT t.id FROM public.change_outbox t FOR UPDATE SKIP LOCKED)
        RETURNING o.id, o.body::json ->> 'table' AS tab)
      SELECT json_build_object('table', tab, 'op', 'update', 'id', NULL)::text
        FROM taken GROUP BY tab ORDER BY min(id)
    LOOP
      PERFORM pg_notify('arbiter_changes', v_body);
      v_sent := v_sent + 1;
    END LOOP;
    RETURN v_sent;
  END IF;
  FOR v_body IN
    WITH taken AS (
      DELETE FROM public.change_outbox o
       WHERE o.id IN (SELECT t.id FROM public.change_outbox t ORDER BY t.id
                       LIMIT v_limit FOR UPDATE SKIP LOCKED)
      RETURNING o.id, o.body)
    SELECT body FROM taken GROUP BY body ORDER BY min(id)
  LOOP
    PERFORM pg_notify('arbiter_changes', v_body);
    v_sent := v_sent + 1;
  END LOOP;
  RETURN v_sent;
END $$;

REVOKE ALL ON FUNCTION arbiter_announce_changes(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION arbiter_announce_changes(integer) TO arbiter_staff, arbiter_automation;
