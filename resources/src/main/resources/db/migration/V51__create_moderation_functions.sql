-- Claims and decisions on flagged items. Moderators may not touch users, and contracts, workspaces
-- and evidence have no "hidden" column, so every decision runs through a SECURITY DEFINER function
-- granted to arbiter_moderator and arbiter_admin only. Each decision is one row in
-- moderation_decisions recording what it changed, so that an undo can put it back.

CREATE TABLE moderation_decisions (
  id                       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  entity_type              text        NOT NULL CHECK (entity_type IN ('user', 'dispute_message', 'dispute_evidence',
                                                                      'contract', 'workspace')),
  entity_id                bigint      NOT NULL,
  decision                 text        NOT NULL CHECK (decision IN ('dismiss', 'hide_content', 'warn_user', 'suspend_user')),
  -- The preset reason (dev.arbiter.persistence.moderation.ModerationReason) plus free text.
  reason_code              text        NOT NULL CHECK (reason_code IN ('spam', 'harassment', 'fraud',
                                         'off_platform_payment', 'inappropriate', 'impersonation',
                                         'no_violation', 'duplicate', 'other')),
  note                     text,
  flag_ids                 bigint[]    NOT NULL CHECK (cardinality(flag_ids) > 0),
  subject_user_id          bigint      REFERENCES users (id),
  previous_user_status     text,
  previous_suspended_until timestamptz,
  applied_user_status      text,
  suspended_until          timestamptz,
  previous_hidden_at       timestamptz,
  decided_by               text        NOT NULL DEFAULT session_user,
  decided_at               timestamptz NOT NULL DEFAULT now(),
  undone_by                text,
  undone_at                timestamptz,
  updated_at               timestamptz NOT NULL DEFAULT now(),
  version                  integer     NOT NULL DEFAULT 0,
  CHECK ((undone_by IS NULL) = (undone_at IS NULL)),
  CHECK ((decision = 'suspend_user') = (suspended_until IS NOT NULL)),
  CHECK (decision NOT IN ('warn_user', 'suspend_user') OR subject_user_id IS NOT NULL),
  CHECK (reason_code <> 'other' OR length(btrim(coalesce(note, ''))) > 0)
);
CREATE INDEX moderation_decisions_item ON moderation_decisions (entity_type, entity_id, decided_at DESC);
CREATE INDEX moderation_decisions_subject ON moderation_decisions (subject_user_id, decided_at DESC)
  WHERE subject_user_id IS NOT NULL;
CREATE INDEX moderation_decisions_recent ON moderation_decisions (decided_at DESC, id DESC);

-- Content hidden by a decision, for every item type (dispute messages also get hidden_at).
CREATE TABLE moderation_hidden_content (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  entity_type text        NOT NULL CHECK (entity_type IN ('user', 'dispute_message', 'dispute_evidence',
                                                         'contract', 'workspace')),
  entity_id   bigint      NOT NULL,
  decision_id bigint      NOT NULL REFERENCES moderation_decisions (id),
  hidden_by   text        NOT NULL DEFAULT session_user,
  hidden_at   timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT moderation_hidden_content_entity_key UNIQUE (entity_type, entity_id)
);

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['moderation_decisions', 'moderation_settings'] LOOP
    EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE OF version ON %I FOR EACH ROW EXECUTE FUNCTION refuse_stale_version()',
                   t || '_stale_version', t);
    EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE ON %I FOR EACH ROW EXECUTE FUNCTION stamp_row_version()',
                   t || '_version', t);
  END LOOP;
  FOREACH t IN ARRAY ARRAY['moderation_decisions', 'moderation_hidden_content', 'moderation_settings'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION audit_capture()',
                   t || '_audit', t);
    EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION audit_capture()',
                   t || '_audit_truncate', t);
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION notify_change()',
                   t || '_notify', t);
  END LOOP;
END $$;

-- True for sessions that load data as the owner (superuser or the migrator logged in), whose
-- historical rows are not moderator work. Inside the definer functions session_user is still the
-- moderator, so this stays false there.
CREATE FUNCTION moderation_loader_session() RETURNS boolean
  LANGUAGE sql STABLE
  SET search_path = pg_catalog
AS $$
  SELECT session_user = 'arbiter_migrator'
      OR coalesce((SELECT rolsuper FROM pg_roles WHERE rolname = session_user), false)
$$;

-- Moderators also hold column UPDATE on moderation_flags (V6), so the claim rules are a trigger and
-- hold for raw SQL too: nobody takes over or decides an item another moderator claimed within the
-- claim window, and nobody claims in a colleague's name.
CREATE FUNCTION guard_flag_claim() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
DECLARE
  v_holder text;
BEGIN
  IF moderation_loader_session() OR OLD.status <> 'open' THEN
    RETURN NEW;
  END IF;
  IF NEW.assigned_to IS DISTINCT FROM OLD.assigned_to AND NEW.assigned_to IS DISTINCT FROM session_user::text
     AND NEW.assigned_to IS NOT NULL THEN
    RAISE EXCEPTION 'a flag is claimed by the moderator who takes it, not by % for them', session_user
      USING ERRCODE = '42501';
  END IF;
  IF NEW.status <> 'open' OR NEW.assigned_to IS DISTINCT FROM OLD.assigned_to THEN
    SELECT assigned_to INTO v_holder
      FROM moderation_flags
     WHERE entity_type = OLD.entity_type AND entity_id = OLD.entity_id AND status = 'open'
       AND assigned_to IS NOT NULL AND assigned_to <> session_user::text
       AND claimed_at > now() - moderation_claim_ttl()
     LIMIT 1;
    IF FOUND THEN
      RAISE EXCEPTION '% %: claimed by %', OLD.entity_type, OLD.entity_id, v_holder
        USING ERRCODE = 'MD001', DETAIL = v_holder;
    END IF;
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER moderation_flags_claim_guard BEFORE UPDATE ON moderation_flags
  FOR EACH ROW EXECUTE FUNCTION guard_flag_claim();

-- A flag arriving on a claimed item joins the claim, so the item stays one unit of work.
CREATE FUNCTION inherit_flag_claim() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
BEGIN
  IF NEW.status = 'open' AND NEW.assigned_to IS NULL THEN
    SELECT assigned_to, claimed_at INTO NEW.assigned_to, NEW.claimed_at
      FROM moderation_flags
     WHERE entity_type = NEW.entity_type AND entity_id = NEW.entity_id AND status = 'open'
       AND assigned_to IS NOT NULL
     ORDER BY claimed_at DESC
     LIMIT 1;
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER moderation_flags_inherit_claim BEFORE INSERT ON moderation_flags
  FOR EACH ROW EXECUTE FUNCTION inherit_flag_claim();

-- The marketplace user behind an item: the one a warning or suspension is for.
-- Contracts are attributed to their client, who wrote the brief.
CREATE FUNCTION moderation_item_author(p_type text, p_id bigint) RETURNS bigint
  LANGUAGE sql STABLE
AS $$
  SELECT CASE p_type
    WHEN 'user' THEN (SELECT id FROM public.users WHERE id = p_id)
    WHEN 'dispute_message' THEN (SELECT author_user_id FROM public.dispute_messages WHERE id = p_id)
    WHEN 'dispute_evidence' THEN (SELECT uploaded_by FROM public.dispute_evidence WHERE id = p_id)
    WHEN 'contract' THEN (SELECT client_id FROM public.contracts WHERE id = p_id)
    WHEN 'workspace' THEN (SELECT owner_id FROM public.workspaces WHERE id = p_id)
  END
$$;

-- One line that tells a moderator what the item is, for the queue.
CREATE FUNCTION moderation_item_preview(p_type text, p_id bigint) RETURNS text
  LANGUAGE sql STABLE
AS $$
  SELECT coalesce(CASE p_type
    WHEN 'user' THEN (SELECT display_name || ' <' || email || '>' FROM public.users WHERE id = p_id)
    WHEN 'dispute_message' THEN (SELECT left(regexp_replace(body, '\s+', ' ', 'g'), 140)
                                   FROM public.dispute_messages WHERE id = p_id)
    WHEN 'dispute_evidence' THEN (SELECT file_name || ' (' || mime_type || ')'
                                    FROM public.dispute_evidence WHERE id = p_id)
    WHEN 'contract' THEN (SELECT reference || ' ' || title FROM public.contracts WHERE id = p_id)
    WHEN 'workspace' THEN (SELECT name || ' (' || slug || ')' FROM public.workspaces WHERE id = p_id)
  END, '(missing ' || p_type || ' ' || p_id || ')')
$$;

CREATE FUNCTION moderation_require_moderator() RETURNS void
  LANGUAGE plpgsql STABLE
  SET search_path = pg_catalog
AS $$
BEGIN
  IF NOT (pg_has_role(session_user, 'arbiter_moderator', 'MEMBER')
          OR pg_has_role(session_user, 'arbiter_admin', 'MEMBER')) THEN
    RAISE EXCEPTION 'only moderators and admins decide flags, not %', session_user USING ERRCODE = '42501';
  END IF;
END $$;

-- Locks the item's open flags (the audit head first, see V4) and returns their ids.
CREATE FUNCTION moderation_lock_open_flags(p_type text, p_id bigint) RETURNS bigint[]
  LANGUAGE plpgsql
  SET search_path = public, pg_temp
AS $$
DECLARE
  v_flags bigint[];
BEGIN
  PERFORM 1 FROM audit_chain_head WHERE id = 1 FOR UPDATE;
  SELECT array_agg(id ORDER BY id) INTO v_flags
    FROM (SELECT id FROM moderation_flags
           WHERE entity_type = p_type AND entity_id = p_id AND status = 'open'
           ORDER BY id FOR UPDATE) f;
  IF v_flags IS NULL THEN
    RAISE EXCEPTION '% % has no open flags', p_type, p_id USING ERRCODE = 'MD002';
  END IF;
  RETURN v_flags;
END $$;

-- Refuses when another moderator's claim on the item is still running.
CREATE FUNCTION moderation_refuse_foreign_claim(p_flags bigint[]) RETURNS void
  LANGUAGE plpgsql
  SET search_path = public, pg_temp
AS $$
DECLARE
  v_holder record;
BEGIN
  SELECT assigned_to, claimed_at + moderation_claim_ttl() AS until INTO v_holder
    FROM moderation_flags
   WHERE id = ANY (p_flags) AND assigned_to IS NOT NULL AND assigned_to <> session_user::text
     AND claimed_at > now() - moderation_claim_ttl()
   LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'claimed by % until %', v_holder.assigned_to,
      to_char(v_holder.until AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI "UTC"')
      USING ERRCODE = 'MD001', DETAIL = v_holder.assigned_to;
  END IF;
END $$;

-- Claims every open flag of the item for the caller (renewing their own claim).
CREATE FUNCTION moderation_claim(p_type text, p_id bigint) RETURNS timestamptz
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
DECLARE
  v_flags bigint[];
BEGIN
  PERFORM moderation_require_moderator();
  v_flags := moderation_lock_open_flags(p_type, p_id);
  PERFORM moderation_refuse_foreign_claim(v_flags);
  UPDATE moderation_flags SET assigned_to = session_user, claimed_at = now() WHERE id = ANY (v_flags);
  RETURN now() + moderation_claim_ttl();
END $$;

-- Gives the caller's claim back.
CREATE FUNCTION moderation_release(p_type text, p_id bigint) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
BEGIN
  PERFORM moderation_require_moderator();
  PERFORM 1 FROM audit_chain_head WHERE id = 1 FOR UPDATE;
  UPDATE moderation_flags SET assigned_to = NULL, claimed_at = NULL
   WHERE entity_type = p_type AND entity_id = p_id AND status = 'open' AND assigned_to = session_user::text;
END $$;

-- Decides the item the caller has claimed: closes every open flag on it in this one transaction and
-- applies the decision's effect. Returns the decision's id, which undo takes.
CREATE FUNCTION moderation_decide(p_type text, p_id bigint, p_decision text, p_reason_code text, p_note text,
                                  p_suspend_for interval DEFAULT NULL) RETURNS bigint
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
DECLARE
  v_flags    bigint[];
  v_user     users;
  v_subject  bigint;
  v_applied  text;
  v_until    timestamptz;
  v_prev_hid timestamptz;
  v_id       bigint;
  v_note     text := nullif(btrim(p_note), '');
BEGIN
  PERFORM moderation_require_moderator();
  IF p_decision IS NULL OR p_decision NOT IN ('dismiss', 'hide_content', 'warn_user', 'suspend_user') THEN
    RAISE EXCEPTION 'unknown decision %', p_decision USING ERRCODE = '22023';
  END IF;
  IF (p_decision = 'suspend_user') <> (p_suspend_for IS NOT NULL) OR p_suspend_for <= interval '0' THEN
    RAISE EXCEPTION 'a suspension needs a positive duration, and only a suspension takes one'
      USING ERRCODE = '22023';
  END IF;
  v_flags := moderation_lock_open_flags(p_type, p_id);
  PERFORM moderation_refuse_foreign_claim(v_flags);
  IF EXISTS (SELECT 1 FROM moderation_flags WHERE id = ANY (v_flags)
                AND assigned_to IS DISTINCT FROM session_user::text) THEN
    RAISE EXCEPTION 'claim % % before deciding it', p_type, p_id USING ERRCODE = 'MD003';
  END IF;

  IF p_decision IN ('warn_user', 'suspend_user') THEN
    v_subject := moderation_item_author(p_type, p_id);
    IF v_subject IS NULL THEN
      RAISE EXCEPTION '% % has no marketplace author to %', p_type, p_id, replace(p_decision, '_user', '')
        USING ERRCODE = '22023';
    END IF;
    SELECT * INTO v_user FROM users WHERE id = v_subject FOR UPDATE;
    IF v_user.status = 'closed' THEN
      RAISE EXCEPTION 'user % is closed', v_subject USING ERRCODE = '22023';
    END IF;
    IF p_decision = 'suspend_user' THEN
      v_applied := 'suspended';
      v_until := now() + p_suspend_for;
    ELSE
      -- A warning does not lift a suspension.
      v_applied := CASE WHEN v_user.status = 'active' THEN 'warned' ELSE v_user.status END;
      v_until := v_user.suspended_until;
    END IF;
  END IF;
  IF p_decision = 'hide_content' AND p_type = 'dispute_message' THEN
    SELECT hidden_at INTO v_prev_hid FROM dispute_messages WHERE id = p_id FOR UPDATE;
  END IF;

  INSERT INTO moderation_decisions (entity_type, entity_id, decision, reason_code, note, flag_ids, subject_user_id,
                                    previous_user_status, previous_suspended_until, applied_user_status,
                                    suspended_until, previous_hidden_at)
  VALUES (p_type, p_id, p_decision, p_reason_code, v_note, v_flags, v_subject, v_user.status,
          v_user.suspended_until, v_applied, CASE WHEN p_decision = 'suspend_user' THEN v_until END, v_prev_hid)
  RETURNING id INTO v_id;

  IF v_subject IS NOT NULL THEN
    UPDATE users SET status = v_applied, suspended_until = v_until
     WHERE id = v_subject AND (status, suspended_until) IS DISTINCT FROM (v_applied, v_until);
  END IF;
  IF p_decision = 'hide_content' THEN
    INSERT INTO moderation_hidden_content (entity_type, entity_id, decision_id)
    VALUES (p_type, p_id, v_id)
    ON CONFLICT (entity_type, entity_id) DO NOTHING;
    IF p_type = 'dispute_message' AND v_prev_hid IS NULL THEN
      UPDATE dispute_messages SET hidden_at = now() WHERE id = p_id;
    END IF;
  END IF;

  UPDATE moderation_flags
     SET status = CASE p_decision WHEN 'dismiss' THEN 'dismissed' ELSE 'actioned' END,
         decision = p_decision,
         decision_reason = p_reason_code || coalesce(': ' || v_note, ''),
         decided_by = session_user,
         decided_at = now()
   WHERE id = ANY (v_flags);
  RETURN v_id;
END $$;

-- Takes back a decision made today: reopens its flags (claimed by the caller), restores the user's
-- status and the content's visibility, and stamps the decision as undone. The undo is its own
-- audited change of the decision row.
CREATE FUNCTION moderation_undo(p_decision_id bigint) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
DECLARE
  v_d    moderation_decisions;
  v_user users;
  v_open bigint[];
BEGIN
  PERFORM moderation_require_moderator();
  PERFORM 1 FROM audit_chain_head WHERE id = 1 FOR UPDATE;
  SELECT * INTO v_d FROM moderation_decisions WHERE id = p_decision_id FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no decision %', p_decision_id USING ERRCODE = 'MD004';
  END IF;
  IF v_d.undone_at IS NOT NULL THEN
    RAISE EXCEPTION 'decision % was already undone by %', p_decision_id, v_d.undone_by USING ERRCODE = 'MD005';
  END IF;
  IF v_d.decided_at < date_trunc('day', now()) THEN
    RAISE EXCEPTION 'decision % was made before today and can no longer be undone', p_decision_id
      USING ERRCODE = 'MD006';
  END IF;
  SELECT array_agg(id) INTO v_open FROM moderation_flags
   WHERE entity_type = v_d.entity_type AND entity_id = v_d.entity_id AND status = 'open';
  IF v_open IS NOT NULL THEN
    PERFORM moderation_refuse_foreign_claim(v_open);
  END IF;

  IF v_d.subject_user_id IS NOT NULL THEN
    SELECT * INTO v_user FROM users WHERE id = v_d.subject_user_id FOR UPDATE;
    IF (v_user.status, v_user.suspended_until) IS DISTINCT FROM
       (v_d.applied_user_status, coalesce(v_d.suspended_until, v_d.previous_suspended_until)) THEN
      RAISE EXCEPTION 'user % changed since decision % (now %): restore them by hand', v_d.subject_user_id,
        p_decision_id, v_user.status USING ERRCODE = 'MD007';
    END IF;
    UPDATE users SET status = v_d.previous_user_status, suspended_until = v_d.previous_suspended_until
     WHERE id = v_d.subject_user_id
       AND (status, suspended_until) IS DISTINCT FROM (v_d.previous_user_status, v_d.previous_suspended_until);
  END IF;
  IF v_d.decision = 'hide_content' THEN
    DELETE FROM moderation_hidden_content WHERE decision_id = v_d.id;
    IF v_d.entity_type = 'dispute_message' THEN
      UPDATE dispute_messages SET hidden_at = v_d.previous_hidden_at
       WHERE id = v_d.entity_id AND hidden_at IS DISTINCT FROM v_d.previous_hidden_at;
    END IF;
  END IF;

  UPDATE moderation_flags
     SET status = 'open', decision = NULL, decision_reason = NULL, decided_by = NULL, decided_at = NULL,
         assigned_to = session_user, claimed_at = now()
   WHERE id = ANY (v_d.flag_ids) AND status <> 'open';
  UPDATE moderation_decisions SET undone_by = session_user, undone_at = now() WHERE id = v_d.id;
END $$;

GRANT SELECT ON moderation_items, moderation_reporter_stats, moderation_reporter_accuracy, moderation_settings,
  moderation_decisions, moderation_hidden_content TO arbiter_staff;
GRANT UPDATE (claim_ttl, version) ON moderation_settings TO arbiter_admin;
GRANT EXECUTE ON FUNCTION moderation_claim_ttl(), moderation_item_author(text, bigint),
  moderation_item_preview(text, bigint), moderation_loader_session() TO arbiter_staff;
GRANT EXECUTE ON FUNCTION moderation_claim(text, bigint), moderation_release(text, bigint),
  moderation_decide(text, bigint, text, text, text, interval), moderation_undo(bigint)
  TO arbiter_moderator, arbiter_admin;
