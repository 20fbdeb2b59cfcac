-- Live updates: every change to an operational table sends ids only, never data, on arbiter_changes.
-- Consoles re-query what they show; PostgreSQL folds identical notifications within a transaction.
CREATE OR REPLACE FUNCTION notify_change() RETURNS trigger
  LANGUAGE plpgsql
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
  PERFORM pg_notify('arbiter_changes', json_build_object(
    'table', TG_TABLE_NAME,
    'op', lower(TG_OP),
    'id', coalesce(v_row ->> 'id', (v_row ->> 'entity_type') || ':' || (v_row ->> 'entity_id')))::text);
  RETURN NULL;
END $$;

-- Messages, evidence and settlements belong to one dispute. Their notices also name it
-- ("parent": "disputes:<id>"), so a console with one case open re-reads it for its own thread only,
-- not for every message written anywhere on the marketplace. Still ids only, never data.
CREATE OR REPLACE FUNCTION notify_dispute_part_change() RETURNS trigger
  LANGUAGE plpgsql
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
  PERFORM pg_notify('arbiter_changes', json_build_object(
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
  LANGUAGE plpgsql
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  v_ids bigint[];
  v_id  bigint;
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
    PERFORM pg_notify('arbiter_changes', json_build_object(
      'table', TG_TABLE_NAME, 'op', lower(TG_OP), 'id', NULL)::text);
  ELSE
    FOREACH v_id IN ARRAY v_ids LOOP
      PERFORM pg_notify('arbiter_changes', json_build_object(
        'table', TG_TABLE_NAME, 'op', lower(TG_OP), 'id', v_id::text)::text);
    END LOOP;
  END IF;
  RETURN NULL;
END $$;
