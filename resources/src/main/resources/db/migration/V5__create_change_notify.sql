-- Live updates: every change to an operational table sends ids only, never data, on arbiter_changes.
-- Consoles re-query what they show; PostgreSQL folds identical notifications within a transaction.
CREATE FUNCTION notify_change() RETURNS trigger
  LANGUAGE plpgsql
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

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['users', 'staff_accounts', 'workspaces', 'workspace_members', 'workspace_invites',
                           'contact_notes', 'contracts', 'escrows', 'escrow_checkpoints', 'release_approvals',
                           'wallets', 'journals', 'disputes', 'dispute_messages', 'dispute_evidence',
                           'settlements', 'moderation_flags', 'console_presence'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION notify_change()',
                   t || '_notify', t);
  END LOOP;
END $$;
