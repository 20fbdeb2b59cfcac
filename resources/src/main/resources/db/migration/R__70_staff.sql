-- The staff group roles a login belongs to directly, sorted.
CREATE OR REPLACE FUNCTION staff_groups_of(p_login text) RETURNS text[]
  LANGUAGE sql STABLE
  SET search_path = pg_catalog, public, pg_temp
AS $$
  SELECT coalesce(array_agg(DISTINCT g.rolname::text ORDER BY g.rolname::text), '{}')
    FROM pg_catalog.pg_auth_members m
    JOIN pg_catalog.pg_roles g ON g.oid = m.roleid
    JOIN pg_catalog.pg_roles r ON r.oid = m.member
   WHERE r.rolname = p_login
     AND g.rolname IN ('arbiter_support', 'arbiter_finance', 'arbiter_moderator', 'arbiter_admin')
$$;

-- A login these functions may manage: it has a staff account, and it is not a group, the backend, the
-- migrator or a superuser (an admin must not be able to lock those out through a staff_accounts row).
CREATE OR REPLACE FUNCTION staff_require_login(p_login text) RETURNS void
  LANGUAGE plpgsql STABLE
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  v_role pg_catalog.pg_roles;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM public.staff_accounts WHERE login_role = p_login) THEN
    RAISE EXCEPTION 'no staff account %', p_login USING ERRCODE = 'P0002';
  END IF;
  SELECT * INTO v_role FROM pg_catalog.pg_roles WHERE rolname = p_login;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'staff account % has no database login', p_login USING ERRCODE = 'P0002';
  END IF;
  IF v_role.rolsuper OR v_role.rolcreaterole OR p_login IN ('arbiter_staff', 'arbiter_support', 'arbiter_finance',
       'arbiter_moderator', 'arbiter_admin', 'marketplace_backend', 'arbiter_migrator')
     OR pg_has_role(p_login, 'marketplace_backend', 'MEMBER') THEN
    RAISE EXCEPTION '% is not a staff login and is not managed here', p_login USING ERRCODE = '42501';
  END IF;
END $$;

CREATE OR REPLACE FUNCTION staff_require_group(p_group text) RETURNS void
  LANGUAGE plpgsql IMMUTABLE
  SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
  IF p_group IS NULL OR p_group NOT IN ('arbiter_support', 'arbiter_finance', 'arbiter_moderator', 'arbiter_admin') THEN
    RAISE EXCEPTION '% is not a staff role', coalesce(p_group, 'NULL') USING ERRCODE = '22023';
  END IF;
END $$;

CREATE OR REPLACE FUNCTION create_staff_login(p_login text, p_display_name text, p_password text, p_email text DEFAULT NULL)
  RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
  PERFORM arbiter_require_admin();
  PERFORM arbiter_serialize('staff');
  IF p_login IS NULL OR p_login !~ '^[a-z_][a-z0-9_]{2,62}$' OR p_login LIKE 'pg\_%' OR p_login LIKE 'arbiter\_%' THEN
    RAISE EXCEPTION 'login name % is not allowed: use 3-63 lower-case letters, digits or _, not starting with pg_ or arbiter_',
      coalesce(p_login, 'NULL') USING ERRCODE = '22023';
  END IF;
  IF length(coalesce(p_password, '')) < 8 THEN
    RAISE EXCEPTION 'a password has at least 8 characters' USING ERRCODE = '22023';
  END IF;
  IF EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = p_login) THEN
    RAISE EXCEPTION 'a database role named % already exists', p_login
      USING ERRCODE = '23505', CONSTRAINT = 'staff_accounts_login_role_key';
  END IF;
  EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', p_login, p_password);
  -- The creator is recorded: it knows the first password, so four-eyes counts the new login as the
  -- same person as its creator (arbiter_person).
  INSERT INTO public.staff_accounts (login_role, display_name, email, created_by, person)
  VALUES (p_login, p_display_name, p_email, session_user, public.arbiter_person(session_user));
  PERFORM audit_append('note', 'staff_login', p_login, NULL, jsonb_build_object('can_login', true, 'roles', '[]'::jsonb));
END $$;

CREATE OR REPLACE FUNCTION grant_staff_role(p_login text, p_group text) RETURNS text[]
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  v_old text[];
  v_new text[];
BEGIN
  PERFORM arbiter_require_admin();
  PERFORM arbiter_serialize('staff');
  PERFORM staff_require_group(p_group);
  PERFORM staff_require_login(p_login);
  -- Nobody grants roles to their own login, directly or through a login they created (which acts
  -- for them: arbiter_person). Roles given to the logins an admin creates are the usual way to staff
  -- a team; those logins count as the admin's person for four-eyes, so they add no second pair of eyes.
  IF p_login = session_user::text OR p_login = public.arbiter_person(session_user) THEN
    RAISE EXCEPTION 'you cannot grant a role to your own login, nor through a login you created; ask another admin'
      USING ERRCODE = '42501', CONSTRAINT = 'staff_own_roles';
  END IF;
  PERFORM 1 FROM public.staff_accounts WHERE login_role = p_login AND active FOR UPDATE;
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
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  v_old text[];
  v_new text[];
BEGIN
  PERFORM arbiter_require_admin();
  PERFORM arbiter_serialize('staff');
  PERFORM staff_require_group(p_group);
  PERFORM staff_require_login(p_login);
  IF p_login = session_user::text AND p_group = 'arbiter_admin' THEN
    RAISE EXCEPTION 'you cannot remove your own admin role; ask another admin'
      USING ERRCODE = '42501', CONSTRAINT = 'staff_own_admin_role';
  END IF;
  PERFORM 1 FROM public.staff_accounts WHERE login_role = p_login FOR UPDATE;
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

-- Stops a login from signing in (NOLOGIN) and marks its account inactive. Its history stays.
CREATE OR REPLACE FUNCTION deactivate_staff(p_login text) RETURNS boolean
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
  PERFORM arbiter_require_admin();
  PERFORM arbiter_serialize('staff');
  PERFORM staff_require_login(p_login);
  IF p_login = session_user::text THEN
    RAISE EXCEPTION 'you cannot deactivate your own login' USING ERRCODE = '42501', CONSTRAINT = 'staff_own_login';
  END IF;
  PERFORM 1 FROM public.staff_accounts WHERE login_role = p_login AND active FOR UPDATE;
  IF NOT FOUND THEN
    RETURN false;
  END IF;
  EXECUTE format('ALTER ROLE %I NOLOGIN', p_login);
  UPDATE public.staff_accounts SET active = false, deactivated_at = now() WHERE login_role = p_login;
  -- Its open sessions can no longer change anything (arbiter_require_active_staff); end them too
  -- where the owner may signal backends (pg_signal_backend), so they cannot read on either.
  BEGIN
    PERFORM pg_terminate_backend(a.pid) FROM pg_catalog.pg_stat_activity a
     WHERE a.usename = p_login AND a.pid <> pg_backend_pid();
  EXCEPTION WHEN insufficient_privilege THEN
    NULL;
  END;
  PERFORM audit_append('note', 'staff_login', p_login, jsonb_build_object('can_login', true),
                       jsonb_build_object('can_login', false));
  RETURN true;
END $$;

-- Staff roles are PostgreSQL group memberships, not columns of staff_accounts, so granting or
-- revoking one (V61) changed no row and announced nothing: a staff list open in another console
-- stayed wrong until reloaded. The two functions now announce the account on arbiter_changes as a
-- row update would (V5's payload: table, op, id; through change_outbox since V96). They announce
-- directly instead of touching the row, because an UPDATE would bump its version and write a second
-- audit row for a change the staff_role note already records. Like any notification, it is sent only if the grant commits.
CREATE OR REPLACE FUNCTION staff_announce(p_login text) RETURNS void
  LANGUAGE plpgsql
  SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
  INSERT INTO public.change_outbox (body)
    SELECT json_build_object('table', 'staff_accounts', 'op', 'update', 'id', s.id::text)::text
      FROM public.staff_accounts s WHERE s.login_role = p_login;
END $$;
