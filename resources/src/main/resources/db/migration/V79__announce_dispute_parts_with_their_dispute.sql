-- Messages, evidence and settlements belong to one dispute. Their notices also name it
-- ("parent": "disputes:<id>"), so a console with one case open re-reads it for its own thread only,
-- not for every message written anywhere on the marketplace. Still ids only, never data.
CREATE FUNCTION notify_dispute_part_change() RETURNS trigger
  LANGUAGE plpgsql
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

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['dispute_messages', 'dispute_evidence', 'settlements'] LOOP
    EXECUTE format('DROP TRIGGER %I ON %I', t || '_notify', t);
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION notify_dispute_part_change()',
                   t || '_notify', t);
  END LOOP;
END $$;
