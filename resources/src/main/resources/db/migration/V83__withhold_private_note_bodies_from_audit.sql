-- A private contact note is readable by its author only (row policy, V60), but audit_capture (V4) copied
-- the whole row into audit_log, which every member of staff reads (V6). From now on the audit entry of a
-- change to a note that is private before or after it keeps every column but the body: "body" is null
-- (a note's body is never null, so null here always means withheld) and "body_sha256" holds the hex
-- SHA-256 of the body's UTF-8 bytes. The author, who can read the note, can check an entry against it;
-- nobody else learns the text. Workspace and compliance notes are audited in full, as before.
--
-- The chain is untouched: audit_append hashes exactly what it stores, so a withheld entry verifies like
-- any other. Entries written before this migration still hold the bodies of private notes and stay as
-- they are: the log is append-only (refuse_audit_change) and rewriting an entry would break the chain
-- from that entry on. Only new changes are withheld.
--
-- The digest is unsalted so that anyone holding the text can check it. It therefore confirms a correct
-- guess of the whole text: a very short, predictable body ("ok") is not hidden from a determined guesser,
-- while ordinary free-text notes are.

CREATE FUNCTION audit_capture_contact_note() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
DECLARE
  v_old jsonb;
  v_new jsonb;
BEGIN
  IF TG_OP <> 'INSERT' THEN
    v_old := to_jsonb(OLD);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    v_new := to_jsonb(NEW);
  END IF;
  -- Both images, when either is private: a note made private (or made public) must not show in the
  -- other image the text it had while private. NULL || jsonb stays NULL, so a missing image stays so.
  IF 'private' IN (v_old ->> 'visibility', v_new ->> 'visibility') THEN
    v_old := v_old || jsonb_build_object('body', NULL,
               'body_sha256', encode(sha256(convert_to(v_old ->> 'body', 'UTF8')), 'hex'));
    v_new := v_new || jsonb_build_object('body', NULL,
               'body_sha256', encode(sha256(convert_to(v_new ->> 'body', 'UTF8')), 'hex'));
  END IF;
  PERFORM audit_append(lower(TG_OP), TG_TABLE_NAME, coalesce(v_new ->> 'id', v_old ->> 'id'), v_old, v_new);
  RETURN NULL;
END $$;

-- Same name and timing as the trigger it replaces, so it fires in the same order among the table's
-- AFTER triggers. The TRUNCATE trigger (contact_notes_audit_truncate, audit_capture) is unchanged: it
-- records no values. The demo loader's bulk mode switches this trigger off like audit_capture's.
DROP TRIGGER contact_notes_audit ON contact_notes;
CREATE TRIGGER contact_notes_audit AFTER INSERT OR UPDATE OR DELETE ON contact_notes
  FOR EACH ROW EXECUTE FUNCTION audit_capture_contact_note();
