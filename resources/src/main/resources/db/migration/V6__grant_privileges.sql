-- Least privilege per role. No runtime role writes the ledger, a money column or the audit log;
-- money moves only through SECURITY DEFINER functions granted to arbiter_finance.

REVOKE CREATE ON SCHEMA public FROM PUBLIC;
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC;
REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA public FROM PUBLIC;
ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO arbiter_staff, marketplace_backend;

-- Helpers that triggers and row policies call in the invoker's name.
GRANT EXECUTE ON FUNCTION arbiter_is_owner(), arbiter_actor(), audit_canonical_field(text),
  audit_canonical(bigint, timestamptz, text, text, text, text, text, text, jsonb, jsonb, text, text)
  TO arbiter_staff, marketplace_backend;

-- Writers cannot name someone else as the author of what they write. Staff are stamped as their own
-- login (TG_ARGV[0], the staff author column) and may not fill in a party author (TG_ARGV[1], where the
-- table has one); the backend writes in the parties' names, never in a staff member's. Columns are read
-- through jsonb because NEW.<column> fails to compile on tables that lack the column.
CREATE FUNCTION stamp_staff_author() RETURNS trigger
  LANGUAGE plpgsql
AS $$
DECLARE
  v_row       jsonb := to_jsonb(NEW);
  v_staff     text  := v_row ->> TG_ARGV[0];
  v_has_party boolean := TG_NARGS > 1 AND v_row ->> TG_ARGV[1] IS NOT NULL;
BEGIN
  IF arbiter_is_owner() THEN
    RETURN NEW;
  END IF;
  IF pg_has_role(session_user, 'marketplace_backend', 'MEMBER') THEN
    IF v_staff IS DISTINCT FROM session_user::text AND v_staff IS NOT NULL THEN
      RAISE EXCEPTION 'the backend cannot write in the name of staff member %', v_staff USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
  END IF;
  IF v_has_party THEN
    RAISE EXCEPTION 'staff cannot write % in a party''s name', TG_TABLE_NAME USING ERRCODE = '42501';
  END IF;
  RETURN jsonb_populate_record(NEW, jsonb_build_object(TG_ARGV[0], session_user));
END $$;

CREATE TRIGGER dispute_messages_author BEFORE INSERT ON dispute_messages
  FOR EACH ROW EXECUTE FUNCTION stamp_staff_author('author_staff', 'author_user_id');
CREATE TRIGGER dispute_evidence_author BEFORE INSERT ON dispute_evidence
  FOR EACH ROW EXECUTE FUNCTION stamp_staff_author('uploaded_by_staff', 'uploaded_by');
CREATE TRIGGER settlements_author BEFORE INSERT ON settlements
  FOR EACH ROW EXECUTE FUNCTION stamp_staff_author('proposed_by');
CREATE TRIGGER contact_notes_author BEFORE INSERT ON contact_notes
  FOR EACH ROW EXECUTE FUNCTION stamp_staff_author('author');

-- Likewise a decision is recorded under the login that makes it, not under a colleague's name.
CREATE FUNCTION refuse_foreign_decider() RETURNS trigger
  LANGUAGE plpgsql
AS $$
BEGIN
  IF NOT arbiter_is_owner() AND NEW.decided_by IS DISTINCT FROM OLD.decided_by
     AND NEW.decided_by IS DISTINCT FROM session_user::text AND NEW.decided_by IS NOT NULL THEN
    RAISE EXCEPTION 'decided_by must be your own login (%), not %', session_user, NEW.decided_by
      USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER moderation_flags_decider BEFORE UPDATE OF decided_by ON moderation_flags
  FOR EACH ROW EXECUTE FUNCTION refuse_foreign_decider();
CREATE TRIGGER settlements_decider BEFORE UPDATE OF decided_by ON settlements
  FOR EACH ROW EXECUTE FUNCTION refuse_foreign_decider();

-- Everyone on staff reads the operational tables and the audit log.
GRANT SELECT ON users, staff_accounts, workspaces, workspace_members, contact_notes, contracts, escrows,
  escrow_checkpoints, release_approvals, wallets, journals, ledger_entries, disputes, dispute_messages,
  dispute_evidence, settlements, moderation_flags, audit_log, status_transitions TO arbiter_staff;
-- The chain head too, so that any member of staff can verify the chain (audit verify, the audit view).
GRANT SELECT ON audit_chain_head TO arbiter_staff;
-- Invites are readable without their token hashes.
GRANT SELECT (id, workspace_id, email, role, status, expires_at, invited_by, accepted_at, revoked_at, created_at,
  updated_at, version) ON workspace_invites TO arbiter_staff;

-- Presence: everyone sees everyone; each login writes only its own rows.
GRANT SELECT, INSERT, UPDATE, DELETE ON console_presence TO arbiter_staff;
ALTER TABLE console_presence ENABLE ROW LEVEL SECURITY;
CREATE POLICY console_presence_read ON console_presence FOR SELECT USING (true);
CREATE POLICY console_presence_own_insert ON console_presence FOR INSERT WITH CHECK (staff_login = session_user);
CREATE POLICY console_presence_own_update ON console_presence FOR UPDATE
  USING (staff_login = session_user) WITH CHECK (staff_login = session_user);
CREATE POLICY console_presence_own_delete ON console_presence FOR DELETE USING (staff_login = session_user);

-- Support: case handling. Amounts, outcomes and shares are set only by the finance functions.
GRANT UPDATE (status, priority, assigned_to, response_due_at, deadline_action, resolution_notes, version)
  ON disputes TO arbiter_support;
GRANT INSERT (dispute_id, visibility, body) ON dispute_messages TO arbiter_support;
GRANT INSERT (dispute_id, file_name, mime_type, size_bytes, sha256, content) ON dispute_evidence TO arbiter_support;
GRANT INSERT (dispute_id, outcome, payee_minor, payer_minor, currency, reason) ON settlements TO arbiter_support;
GRANT UPDATE (status, decision_note, decided_by, decided_at, version) ON settlements TO arbiter_support;
GRANT INSERT (workspace_id, subject_user_id, body, visibility, supersedes_id) ON contact_notes TO arbiter_support;

-- Moderators: claims and decisions on flags, hiding flagged messages.
GRANT UPDATE (status, assigned_to, claimed_at, decision, decision_reason, decided_by, decided_at, version)
  ON moderation_flags TO arbiter_moderator;
GRANT UPDATE (hidden_at, version) ON dispute_messages TO arbiter_moderator;

-- Admins: provider workspaces and staff records.
GRANT INSERT, UPDATE ON workspaces, workspace_members TO arbiter_admin;
GRANT INSERT (workspace_id, email, role, token_hash, expires_at, invited_by) ON workspace_invites TO arbiter_admin;
GRANT UPDATE (status, revoked_at, expires_at, token_hash, version) ON workspace_invites TO arbiter_admin;
GRANT INSERT (workspace_id, subject_user_id, body, visibility, supersedes_id) ON contact_notes TO arbiter_admin;
GRANT INSERT (login_role, user_id, display_name, email), UPDATE (display_name, email, active, deactivated_at, version)
  ON staff_accounts TO arbiter_admin;

-- The marketplace backend: the marketplace's own records, never the ledger or money columns.
GRANT SELECT ON users, workspaces, workspace_members, contracts, escrows, escrow_checkpoints, release_approvals,
  wallets, journals, ledger_entries, disputes, dispute_messages, dispute_evidence, settlements, moderation_flags,
  staff_accounts, status_transitions TO marketplace_backend;
GRANT INSERT, UPDATE ON users, workspaces, workspace_members TO marketplace_backend;
GRANT SELECT (id, workspace_id, email, role, status, expires_at, invited_by, accepted_at, revoked_at, created_at,
  updated_at, version), INSERT, UPDATE (status, accepted_at, version) ON workspace_invites TO marketplace_backend;
GRANT INSERT, UPDATE (title, status, csat_score, metadata, started_at, ended_at, version) ON contracts TO marketplace_backend;
GRANT INSERT (contract_id, currency) ON escrows TO marketplace_backend;
GRANT INSERT (escrow_id, seq, label, amount_minor, currency, approval_requirement, csat_threshold, auto_release_at),
  UPDATE (status, submitted_at, requested_by, auto_release_at, version) ON escrow_checkpoints TO marketplace_backend;
GRANT INSERT (reference, contract_id, escrow_id, checkpoint_id, opened_by, reason_code, priority, amount_disputed_minor,
  currency, response_due_at, deadline_action, metadata), UPDATE (status, version) ON disputes TO marketplace_backend;
GRANT INSERT ON dispute_messages, dispute_evidence, moderation_flags TO marketplace_backend;
