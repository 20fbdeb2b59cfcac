-- Staff roles are PostgreSQL group memberships, not columns of staff_accounts, so granting or
-- revoking one (V61) changed no row and announced nothing: a staff list open in another console
-- stayed wrong until reloaded. The two functions now announce the account on arbiter_changes as a
-- row update would (V5's payload: table, op, id). They notify directly instead of touching the row,
-- because an UPDATE would bump its version and write a second audit row for a change the
-- staff_role note already records. Like any notification, it is sent only if the grant commits.
CREATE FUNCTION staff_announce(p_login text) RETURNS void
  LANGUAGE plpgsql
  SET search_path = public, pg_temp
AS $$
BEGIN
  PERFORM pg_notify('arbiter_changes', json_build_object(
    'table', 'staff_accounts', 'op', 'update', 'id', s.id::text)::text)
    FROM staff_accounts s WHERE s.login_role = p_login;
END $$;

REVOKE ALL ON FUNCTION staff_announce(text) FROM PUBLIC;

CREATE OR REPLACE FUNCTION grant_staff_role(p_login text, p_group text) RETURNS text[]
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
DECLARE
  v_old text[];
  v_new text[];
BEGIN
  PERFORM arbiter_require_admin();
  PERFORM 1 FROM audit_chain_head WHERE id = 1 FOR UPDATE;
  PERFORM staff_require_group(p_group);
  PERFORM staff_require_login(p_login);
  PERFORM 1 FROM staff_accounts WHERE login_role = p_login AND active FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'staff account % is deactivated', p_login USING ERRCODE = '23514';
  END IF;
  v_old := staff_groups_of(p_login);
  IF p_group = ANY (v_old) THEN
    RETURN v_old;
  END IF;
  EXECUTE format('GRANT %I TO %I', p_group, p_login);
  v_new := staff_groups_of(p_login);
  PERFORM staff_announce(p_login);
  PERFORM audit_append('note', 'staff_role', p_login, jsonb_build_object('roles', to_jsonb(v_old)),
                       jsonb_build_object('roles', to_jsonb(v_new)));
  RETURN v_new;
END $$;

CREATE OR REPLACE FUNCTION revoke_staff_role(p_login text, p_group text) RETURNS text[]
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
DECLARE
  v_old text[];
  v_new text[];
BEGIN
  PERFORM arbiter_require_admin();
  PERFORM 1 FROM audit_chain_head WHERE id = 1 FOR UPDATE;
  PERFORM staff_require_group(p_group);
  PERFORM staff_require_login(p_login);
  IF p_login = session_user::text AND p_group = 'arbiter_admin' THEN
    RAISE EXCEPTION 'you cannot remove your own admin role; ask another admin'
      USING ERRCODE = '42501', CONSTRAINT = 'staff_own_admin_role';
  END IF;
  PERFORM 1 FROM staff_accounts WHERE login_role = p_login FOR UPDATE;
  v_old := staff_groups_of(p_login);
  IF NOT (p_group = ANY (v_old)) THEN
    RETURN v_old;
  END IF;
  EXECUTE format('REVOKE %I FROM %I', p_group, p_login);
  v_new := staff_groups_of(p_login);
  IF p_group = ANY (v_new) THEN
    -- REVOKE removes only the grants this role made; one made by someone else must be revoked by them.
    RAISE EXCEPTION '% was granted % by another role, which must revoke it', p_login, p_group
      USING ERRCODE = '42501';
  END IF;
  PERFORM staff_announce(p_login);
  PERFORM audit_append('note', 'staff_role', p_login, jsonb_build_object('roles', to_jsonb(v_old)),
                       jsonb_build_object('roles', to_jsonb(v_new)));
  RETURN v_new;
END $$;
