-- The moderation queue shows moderation_items, and some of their changes come without a flag
-- changing: re-scoring after a decision (V52) moves other items up or down. So items announce
-- their own changes on arbiter_changes, with the item's id, which the console's item view matches.
-- A statement trigger, not a row trigger: a bulk load summarises a million items in one
-- statement, which sends one "something changed" notification (id null) instead of a million.

CREATE FUNCTION notify_moderation_items() RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = public, pg_temp
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

CREATE TRIGGER moderation_items_notify_insert AFTER INSERT ON moderation_items
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION notify_moderation_items();
CREATE TRIGGER moderation_items_notify_update AFTER UPDATE ON moderation_items
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION notify_moderation_items();
CREATE TRIGGER moderation_items_notify_delete AFTER DELETE ON moderation_items
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION notify_moderation_items();
