-- The references of the active or paused contracts of a workspace on which a user is the contact
-- (its client or its freelancer), or NULL when there are none.
CREATE OR REPLACE FUNCTION workspace_contact_contracts(p_workspace bigint, p_user bigint) RETURNS text
  LANGUAGE sql STABLE
  SET search_path = pg_catalog, public, pg_temp
AS $$
  SELECT string_agg(reference, ', ' ORDER BY reference)
    FROM public.contracts
   WHERE workspace_id = p_workspace AND status IN ('active', 'paused') AND p_user IN (client_id, freelancer_id)
$$;

-- Members: the owner is never demoted, suspended or removed (ownership is transferred instead), nobody
-- becomes owner except through transfer_workspace_ownership, and a member who is the contact on an
-- active contract stays active until those contracts end.
CREATE OR REPLACE FUNCTION guard_workspace_member() RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  v_contracts text;
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.role = 'owner' AND NOT arbiter_is_owner()
       AND NEW.user_id IS DISTINCT FROM (SELECT owner_id FROM public.workspaces WHERE id = NEW.workspace_id) THEN
      RAISE EXCEPTION 'user % is not the owner of workspace %; ownership moves only by transfer', NEW.user_id,
        NEW.workspace_id
        USING ERRCODE = '42501', CONSTRAINT = 'workspace_members_owner';
    END IF;
    RETURN NEW;
  END IF;
  IF NOT arbiter_is_owner() THEN
    IF OLD.role = 'owner' AND OLD.status <> 'removed' AND (NEW.role <> 'owner' OR NEW.status <> 'active') THEN
      RAISE EXCEPTION 'the owner of workspace % cannot be demoted, suspended or removed: transfer ownership first',
        OLD.workspace_id
        USING ERRCODE = '23514', CONSTRAINT = 'workspace_members_owner';
    END IF;
    IF NEW.role = 'owner' AND OLD.role <> 'owner' THEN
      RAISE EXCEPTION 'ownership of workspace % moves only through transfer_workspace_ownership', OLD.workspace_id
        USING ERRCODE = '42501', CONSTRAINT = 'workspace_members_owner';
    END IF;
    IF NEW.user_id <> OLD.user_id OR NEW.workspace_id <> OLD.workspace_id THEN
      RAISE EXCEPTION 'a membership cannot be moved to another user or workspace'
        USING ERRCODE = '42501', CONSTRAINT = 'workspace_members_identity';
    END IF;
  END IF;
  IF NEW.status <> 'active' AND NEW.status IS DISTINCT FROM OLD.status THEN
    v_contracts := workspace_contact_contracts(NEW.workspace_id, NEW.user_id);
    IF v_contracts IS NOT NULL THEN
      RAISE EXCEPTION 'member % is the contact on active contracts of workspace %: %', NEW.user_id,
        NEW.workspace_id, v_contracts
        USING ERRCODE = '23514', CONSTRAINT = 'workspace_members_active_contact',
              DETAIL = v_contracts;
    END IF;
  END IF;
  RETURN NEW;
END $$;

-- workspaces.owner_id and the member holding the owner role agree, checked at commit so that a
-- transfer may change both in either order. Definer: the check must not depend on what the committing
-- role may read.
CREATE OR REPLACE FUNCTION check_workspace_owner() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  -- Through jsonb: NEW.workspace_id fails to compile for the workspaces table, which lacks it.
  v_workspace bigint := CASE WHEN TG_TABLE_NAME = 'workspaces' THEN NEW.id
                             ELSE (to_jsonb(NEW) ->> 'workspace_id')::bigint END;
  v_owner     bigint;
  v_member    bigint;
BEGIN
  SELECT owner_id INTO v_owner FROM public.workspaces WHERE id = v_workspace;
  SELECT user_id INTO v_member FROM public.workspace_members
   WHERE workspace_id = v_workspace AND role = 'owner' AND status <> 'removed';
  IF FOUND AND v_member IS DISTINCT FROM v_owner THEN
    RAISE EXCEPTION 'workspace % names user % as owner but its owner member is user %', v_workspace, v_owner,
      v_member
      USING ERRCODE = '23514', CONSTRAINT = 'workspaces_owner_consistent';
  END IF;
  RETURN NULL;
END $$;

-- Workspaces: the owner changes only by transfer; an archived workspace stays archived.
CREATE OR REPLACE FUNCTION guard_workspace() RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
  IF arbiter_is_owner() THEN
    RETURN NEW;
  END IF;
  IF NEW.owner_id IS DISTINCT FROM OLD.owner_id THEN
    RAISE EXCEPTION 'ownership of workspace % moves only through transfer_workspace_ownership', OLD.id
      USING ERRCODE = '42501', CONSTRAINT = 'workspaces_owner';
  END IF;
  IF OLD.status = 'archived' AND NEW.status <> 'archived' THEN
    RAISE EXCEPTION 'workspace % is archived and cannot be reopened', OLD.id
      USING ERRCODE = '23514', CONSTRAINT = 'workspaces_status_transition';
  END IF;
  RETURN NEW;
END $$;

-- Invites: only a pending invite changes status, an expired one cannot be accepted, and the token or the
-- expiry of a settled invite never changes (re-issuing creates a new invite).
CREATE OR REPLACE FUNCTION guard_workspace_invite() RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
  IF arbiter_is_owner() THEN
    RETURN NEW;
  END IF;
  IF OLD.status <> 'pending'
     AND (to_jsonb(NEW) - 'version' - 'updated_at') IS DISTINCT FROM (to_jsonb(OLD) - 'version' - 'updated_at') THEN
    RAISE EXCEPTION 'invite % is already % and can no longer change; re-issue it instead', OLD.id, OLD.status
      USING ERRCODE = '23514', CONSTRAINT = 'workspace_invites_status_transition';
  END IF;
  IF NEW.status = OLD.status THEN
    RETURN NEW;
  END IF;
  IF NEW.status = 'accepted' AND OLD.expires_at <= now() THEN
    RAISE EXCEPTION 'invite % expired at % and cannot be accepted', OLD.id, OLD.expires_at
      USING ERRCODE = '23514', CONSTRAINT = 'workspace_invites_expired';
  END IF;
  IF NEW.status = 'expired' AND OLD.expires_at > now() THEN
    RAISE EXCEPTION 'invite % does not expire until %', OLD.id, OLD.expires_at
      USING ERRCODE = '23514', CONSTRAINT = 'workspace_invites_status_transition';
  END IF;
  RETURN NEW;
END $$;

-- Contact notes. A compliance note is a record: it is never edited or deleted, even by the owner, only
-- superseded by a newer compliance note. A note is superseded at most once, within its workspace.
CREATE OR REPLACE FUNCTION refuse_compliance_note_change() RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
  IF OLD.visibility = 'compliance' THEN
    RAISE EXCEPTION 'compliance note % cannot be edited or deleted: add a note that supersedes it', OLD.id
      USING ERRCODE = '42501', CONSTRAINT = 'contact_notes_compliance_immutable';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION check_note_supersedes() RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  v_old public.contact_notes;
BEGIN
  IF NEW.supersedes_id IS NULL THEN
    RETURN NEW;
  END IF;
  -- Read under the writer's row policy: a private note of someone else cannot be superseded.
  SELECT * INTO v_old FROM public.contact_notes WHERE id = NEW.supersedes_id;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'note % does not exist or is not visible to you', NEW.supersedes_id
      USING ERRCODE = '23503', CONSTRAINT = 'contact_notes_supersedes';
  END IF;
  IF v_old.workspace_id <> NEW.workspace_id THEN
    RAISE EXCEPTION 'note % belongs to another workspace', NEW.supersedes_id
      USING ERRCODE = '23514', CONSTRAINT = 'contact_notes_supersedes';
  END IF;
  IF v_old.visibility = 'compliance' AND NEW.visibility <> 'compliance' THEN
    RAISE EXCEPTION 'compliance note % can only be superseded by another compliance note', NEW.supersedes_id
      USING ERRCODE = '23514', CONSTRAINT = 'contact_notes_supersedes';
  END IF;
  RETURN NEW;
END $$;

-- Pending invites past their expiry become expired. Returns how many did.
CREATE OR REPLACE FUNCTION expire_invites() RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  v_count integer;
BEGIN
  UPDATE public.workspace_invites SET status = 'expired' WHERE status = 'pending' AND expires_at <= now();
  GET DIAGNOSTICS v_count = ROW_COUNT;
  RETURN v_count;
END $$;

-- Moves the owner role to an active admin member; the previous owner stays on as an admin.
CREATE OR REPLACE FUNCTION transfer_workspace_ownership(p_workspace bigint, p_new_owner bigint) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  v_workspace public.workspaces;
  v_member    public.workspace_members;
BEGIN
  PERFORM arbiter_require_admin();
  SELECT * INTO v_workspace FROM public.workspaces WHERE id = p_workspace FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no workspace %', p_workspace USING ERRCODE = 'P0002';
  END IF;
  IF v_workspace.status = 'archived' THEN
    RAISE EXCEPTION 'workspace % is archived', p_workspace
      USING ERRCODE = '23514', CONSTRAINT = 'workspaces_owner_transfer';
  END IF;
  IF v_workspace.owner_id = p_new_owner THEN
    RAISE EXCEPTION 'user % already owns workspace %', p_new_owner, p_workspace
      USING ERRCODE = '23514', CONSTRAINT = 'workspaces_owner_transfer';
  END IF;
  SELECT * INTO v_member FROM public.workspace_members
   WHERE workspace_id = p_workspace AND user_id = p_new_owner FOR UPDATE;
  IF NOT FOUND OR v_member.status <> 'active' OR v_member.role <> 'admin' THEN
    RAISE EXCEPTION 'the new owner must be an active admin member of workspace % (user % is %)', p_workspace,
      p_new_owner, coalesce(v_member.status || ' ' || v_member.role, 'not a member')
      USING ERRCODE = '23514', CONSTRAINT = 'workspaces_owner_transfer';
  END IF;
  UPDATE public.workspace_members SET role = 'admin'
   WHERE workspace_id = p_workspace AND role = 'owner' AND status <> 'removed';
  UPDATE public.workspace_members SET role = 'owner' WHERE id = v_member.id;
  UPDATE public.workspaces SET owner_id = p_new_owner WHERE id = p_workspace;
END $$;

-- Replaces an invite with a new one carrying a new token. Only the token's SHA-256 reaches the
-- database; the caller shows the token once. A pending original is revoked.
CREATE OR REPLACE FUNCTION reissue_workspace_invite(p_invite bigint, p_token_hash bytea, p_expires_at timestamptz)
  RETURNS bigint
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  v_invite public.workspace_invites;
  v_status text;
  v_id     bigint;
BEGIN
  PERFORM arbiter_require_admin();
  SELECT * INTO v_invite FROM public.workspace_invites WHERE id = p_invite FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no invite %', p_invite USING ERRCODE = 'P0002';
  END IF;
  IF v_invite.status = 'accepted' THEN
    RAISE EXCEPTION 'invite % was already accepted', p_invite
      USING ERRCODE = '23514', CONSTRAINT = 'workspace_invites_reissue';
  END IF;
  SELECT status INTO v_status FROM public.workspaces WHERE id = v_invite.workspace_id;
  IF v_status <> 'active' THEN
    RAISE EXCEPTION 'workspace % is %: no new invites', v_invite.workspace_id, v_status
      USING ERRCODE = '23514', CONSTRAINT = 'workspace_invites_reissue';
  END IF;
  IF p_expires_at <= now() THEN
    RAISE EXCEPTION 'a new invite must expire in the future'
      USING ERRCODE = '23514', CONSTRAINT = 'workspace_invites_reissue';
  END IF;
  IF v_invite.status = 'pending' THEN
    UPDATE public.workspace_invites SET status = 'revoked', revoked_at = now() WHERE id = p_invite;
  END IF;
  INSERT INTO public.workspace_invites (workspace_id, email, role, token_hash, expires_at, invited_by)
  VALUES (v_invite.workspace_id, v_invite.email, v_invite.role, p_token_hash, p_expires_at, v_invite.invited_by)
  RETURNING id INTO v_id;
  RETURN v_id;
END $$;
