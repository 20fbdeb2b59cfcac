-- The claim window, read by the functions, the claim guard and the queue's "claimed" filters.
CREATE OR REPLACE FUNCTION moderation_claim_ttl() RETURNS interval
  LANGUAGE sql STABLE
  SET search_path = pg_catalog, public, pg_temp
AS $$
  SELECT claim_ttl FROM public.moderation_settings WHERE id = 1
$$;

-- Recomputes the summary rows of the given items from their flags (and deletes rows whose flags are
-- all gone). Set-based, so a bulk load of a million flags is one hash aggregate, not a million calls.
CREATE OR REPLACE FUNCTION moderation_refresh_items(p_types text[], p_ids bigint[]) RETURNS void
  LANGUAGE sql SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
  WITH keys AS (
    SELECT DISTINCT t AS entity_type, i AS entity_id FROM unnest(p_types, p_ids) AS u (t, i)
  ), agg AS (
    SELECT f.entity_type, f.entity_id,
           count(*) FILTER (WHERE f.status = 'open') AS open_count,
           count(*) AS flag_count,
           max(f.severity_rank) FILTER (WHERE f.status = 'open') AS open_rank,
           max(f.severity_rank) AS all_rank,
           array_agg(DISTINCT f.reason ORDER BY f.reason) FILTER (WHERE f.status = 'open') AS open_reasons,
           array_agg(DISTINCT f.reason ORDER BY f.reason) AS all_reasons,
           min(f.created_at) FILTER (WHERE f.status = 'open') AS open_first,
           max(f.created_at) FILTER (WHERE f.status = 'open') AS open_last,
           min(f.created_at) AS all_first,
           max(f.created_at) AS all_last,
           (array_agg(f.status ORDER BY f.decided_at DESC NULLS LAST, f.id DESC)
              FILTER (WHERE f.status <> 'open'))[1] AS last_status,
           (array_agg(f.assigned_to ORDER BY f.claimed_at DESC)
              FILTER (WHERE f.status = 'open' AND f.assigned_to IS NOT NULL))[1] AS claimant,
           max(f.claimed_at) FILTER (WHERE f.status = 'open') AS claimed_at,
           sum((coalesce(rs.actioned, 0) + 1)::numeric / (coalesce(rs.decided, 0) + 2))
             FILTER (WHERE f.status = 'open') AS open_weight,
           sum((coalesce(rs.actioned, 0) + 1)::numeric / (coalesce(rs.decided, 0) + 2)) AS all_weight
      FROM keys k
      JOIN public.moderation_flags f ON f.entity_type = k.entity_type AND f.entity_id = k.entity_id
      LEFT JOIN public.moderation_reporter_stats rs ON rs.reporter_id = f.reporter_id
     GROUP BY f.entity_type, f.entity_id
  ), upserted AS (
    INSERT INTO public.moderation_items AS mi (entity_type, entity_id, status, open_count, flag_count,
                                        max_severity_rank, reasons, first_flagged_at, last_flagged_at,
                                        assigned_to, claimed_at, score)
    SELECT entity_type, entity_id,
           CASE WHEN open_count > 0 THEN 'open' ELSE last_status END,
           open_count, flag_count,
           CASE WHEN open_count > 0 THEN open_rank ELSE all_rank END,
           CASE WHEN open_count > 0 THEN open_reasons ELSE all_reasons END,
           CASE WHEN open_count > 0 THEN open_first ELSE all_first END,
           CASE WHEN open_count > 0 THEN open_last ELSE all_last END,
           claimant, CASE WHEN claimant IS NOT NULL THEN claimed_at END,
           round(10 * CASE WHEN open_count > 0 THEN open_rank ELSE all_rank END
                 + CASE WHEN open_count > 0 THEN open_weight ELSE all_weight END, 3)
      FROM agg
    ON CONFLICT (entity_type, entity_id) DO UPDATE
       SET status = EXCLUDED.status, open_count = EXCLUDED.open_count, flag_count = EXCLUDED.flag_count,
           max_severity_rank = EXCLUDED.max_severity_rank, reasons = EXCLUDED.reasons,
           first_flagged_at = EXCLUDED.first_flagged_at, last_flagged_at = EXCLUDED.last_flagged_at,
           assigned_to = EXCLUDED.assigned_to, claimed_at = EXCLUDED.claimed_at, score = EXCLUDED.score
     WHERE (mi.status, mi.open_count, mi.flag_count, mi.max_severity_rank, mi.reasons, mi.first_flagged_at,
            mi.last_flagged_at, mi.assigned_to, mi.claimed_at, mi.score)
           IS DISTINCT FROM
           (EXCLUDED.status, EXCLUDED.open_count, EXCLUDED.flag_count, EXCLUDED.max_severity_rank,
            EXCLUDED.reasons, EXCLUDED.first_flagged_at, EXCLUDED.last_flagged_at, EXCLUDED.assigned_to,
            EXCLUDED.claimed_at, EXCLUDED.score)
  )
  DELETE FROM public.moderation_items mi
   USING keys k
   WHERE mi.entity_type = k.entity_type AND mi.entity_id = k.entity_id
     AND NOT EXISTS (SELECT 1 FROM agg a WHERE a.entity_type = k.entity_type AND a.entity_id = k.entity_id)
$$;

-- Recounts the track record of the given reporters from their flags.
CREATE OR REPLACE FUNCTION moderation_refresh_reporters(p_reporters bigint[]) RETURNS void
  LANGUAGE sql SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
  INSERT INTO public.moderation_reporter_stats AS rs (reporter_id, decided, actioned)
  SELECT r, count(f.id) FILTER (WHERE f.status <> 'open'), count(f.id) FILTER (WHERE f.status = 'actioned')
    FROM unnest(p_reporters) AS r
    LEFT JOIN public.moderation_flags f ON f.reporter_id = r
   GROUP BY r
  ON CONFLICT (reporter_id) DO UPDATE SET decided = EXCLUDED.decided, actioned = EXCLUDED.actioned
   WHERE (rs.decided, rs.actioned) IS DISTINCT FROM (EXCLUDED.decided, EXCLUDED.actioned)
$$;

CREATE OR REPLACE FUNCTION moderation_flags_summarise() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  v_types     text[];
  v_ids       bigint[];
  v_reporters bigint[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT reporter_id) FILTER (WHERE status <> 'open') INTO v_reporters FROM new_rows;
    SELECT array_agg(entity_type), array_agg(entity_id) INTO v_types, v_ids
      FROM (SELECT DISTINCT entity_type, entity_id FROM new_rows) d;
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT array_agg(DISTINCT n.reporter_id) INTO v_reporters
      FROM new_rows n JOIN old_rows o ON o.id = n.id
     WHERE n.status IS DISTINCT FROM o.status OR n.reporter_id IS DISTINCT FROM o.reporter_id;
    SELECT array_agg(entity_type), array_agg(entity_id) INTO v_types, v_ids
      FROM (SELECT entity_type, entity_id FROM new_rows UNION SELECT entity_type, entity_id FROM old_rows) d;
  ELSE
    SELECT array_agg(DISTINCT reporter_id) FILTER (WHERE status <> 'open') INTO v_reporters FROM old_rows;
    SELECT array_agg(entity_type), array_agg(entity_id) INTO v_types, v_ids
      FROM (SELECT DISTINCT entity_type, entity_id FROM old_rows) d;
  END IF;
  IF v_reporters IS NOT NULL THEN
    PERFORM moderation_refresh_reporters(v_reporters);
    INSERT INTO public.moderation_rescore_queue (reporter_id)
    SELECT r FROM unnest(v_reporters) AS r
    ON CONFLICT (reporter_id) DO NOTHING;
  END IF;
  IF v_types IS NOT NULL THEN
    PERFORM moderation_refresh_items(v_types, v_ids);
  END IF;
  RETURN NULL;
END $$;

-- TRUNCATE fires no row or DELETE triggers; the summaries go with the flags.
CREATE OR REPLACE FUNCTION moderation_flags_truncated() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
  DELETE FROM public.moderation_items;
  DELETE FROM public.moderation_reporter_stats;
  RETURN NULL;
END $$;

-- True for sessions that load data as the owner (superuser or the migrator logged in), whose
-- historical rows are not moderator work. Inside the definer functions session_user is still the
-- moderator, so this stays false there.
CREATE OR REPLACE FUNCTION moderation_loader_session() RETURNS boolean
  LANGUAGE sql STABLE
  SET search_path = pg_catalog, public, pg_temp
AS $$
  SELECT public.arbiter_is_owner_session()
$$;

-- Moderators decide flags through the functions below only (V85 took their column UPDATE away); the
-- claim rules are still a trigger, so they hold for whoever writes the table, the functions included.
-- hold for raw SQL too: nobody takes over or decides an item another moderator claimed within the
-- claim window, and nobody claims in a colleague's name.
CREATE OR REPLACE FUNCTION guard_flag_claim() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
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
      FROM public.moderation_flags
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

-- A flag arriving on a claimed item joins the claim, so the item stays one unit of work.
CREATE OR REPLACE FUNCTION inherit_flag_claim() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
  IF NEW.status = 'open' AND NEW.assigned_to IS NULL THEN
    SELECT assigned_to, claimed_at INTO NEW.assigned_to, NEW.claimed_at
      FROM public.moderation_flags
     WHERE entity_type = NEW.entity_type AND entity_id = NEW.entity_id AND status = 'open'
       AND assigned_to IS NOT NULL
     ORDER BY claimed_at DESC
     LIMIT 1;
  END IF;
  RETURN NEW;
END $$;

-- The marketplace user behind an item: the one a warning or suspension is for.
-- Contracts are attributed to their client, who wrote the brief.
CREATE OR REPLACE FUNCTION moderation_item_author(p_type text, p_id bigint) RETURNS bigint
  LANGUAGE sql STABLE
  SET search_path = pg_catalog, public, pg_temp
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
CREATE OR REPLACE FUNCTION moderation_item_preview(p_type text, p_id bigint) RETURNS text
  LANGUAGE sql STABLE
  SET search_path = pg_catalog, public, pg_temp
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

CREATE OR REPLACE FUNCTION moderation_require_moderator() RETURNS void
  LANGUAGE plpgsql STABLE
  SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
  IF NOT (pg_has_role(session_user, 'arbiter_moderator', 'MEMBER')
          OR pg_has_role(session_user, 'arbiter_admin', 'MEMBER')) THEN
    RAISE EXCEPTION 'only moderators and admins decide flags, not %', session_user USING ERRCODE = '42501';
  END IF;
  PERFORM public.arbiter_require_active_staff();
END $$;

-- Locks the item's open flags and returns their ids.
CREATE OR REPLACE FUNCTION moderation_lock_open_flags(p_type text, p_id bigint) RETURNS bigint[]
  LANGUAGE plpgsql
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  v_flags bigint[];
BEGIN
  SELECT array_agg(id ORDER BY id) INTO v_flags
    FROM (SELECT id FROM public.moderation_flags
           WHERE entity_type = p_type AND entity_id = p_id AND status = 'open'
           ORDER BY id FOR UPDATE) f;
  IF v_flags IS NULL THEN
    RAISE EXCEPTION '% % has no open flags', p_type, p_id USING ERRCODE = 'MD002';
  END IF;
  RETURN v_flags;
END $$;

-- Refuses when another moderator's claim on the item is still running.
CREATE OR REPLACE FUNCTION moderation_refuse_foreign_claim(p_flags bigint[]) RETURNS void
  LANGUAGE plpgsql
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  v_holder record;
BEGIN
  SELECT assigned_to, claimed_at + moderation_claim_ttl() AS until INTO v_holder
    FROM public.moderation_flags
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
CREATE OR REPLACE FUNCTION moderation_claim(p_type text, p_id bigint) RETURNS timestamptz
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  v_flags bigint[];
BEGIN
  PERFORM moderation_require_moderator();
  v_flags := moderation_lock_open_flags(p_type, p_id);
  PERFORM moderation_refuse_foreign_claim(v_flags);
  UPDATE public.moderation_flags SET assigned_to = session_user, claimed_at = now() WHERE id = ANY (v_flags);
  RETURN now() + moderation_claim_ttl();
END $$;

-- Gives the caller's claim back.
CREATE OR REPLACE FUNCTION moderation_release(p_type text, p_id bigint) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
  PERFORM moderation_require_moderator();
  UPDATE public.moderation_flags SET assigned_to = NULL, claimed_at = NULL
   WHERE entity_type = p_type AND entity_id = p_id AND status = 'open' AND assigned_to = session_user::text;
END $$;

-- Decides the item the caller has claimed: closes every open flag on it in this one transaction and
-- applies the decision's effect. Returns the decision's id, which undo takes.
CREATE OR REPLACE FUNCTION moderation_decide(p_type text, p_id bigint, p_decision text, p_reason_code text, p_note text,
                                  p_suspend_for interval DEFAULT NULL) RETURNS bigint
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  v_flags    bigint[];
  v_user     public.users;
  v_subject  bigint;
  v_applied  text;
  v_until    timestamptz;
  v_prev_hid timestamptz;
  v_id       bigint;
  v_note     text := public.arbiter_clean_text(p_note);
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
  IF EXISTS (SELECT 1 FROM public.moderation_flags WHERE id = ANY (v_flags)
                AND assigned_to IS DISTINCT FROM session_user::text) THEN
    RAISE EXCEPTION 'claim % % before deciding it', p_type, p_id USING ERRCODE = 'MD003';
  END IF;

  IF p_decision IN ('warn_user', 'suspend_user') THEN
    v_subject := moderation_item_author(p_type, p_id);
    IF v_subject IS NULL THEN
      RAISE EXCEPTION '% % has no marketplace author to %', p_type, p_id, replace(p_decision, '_user', '')
        USING ERRCODE = '22023';
    END IF;
    SELECT * INTO v_user FROM public.users WHERE id = v_subject FOR UPDATE;
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
    SELECT hidden_at INTO v_prev_hid FROM public.dispute_messages WHERE id = p_id FOR UPDATE;
  END IF;

  INSERT INTO public.moderation_decisions (entity_type, entity_id, decision, reason_code, note, flag_ids, subject_user_id,
                                    previous_user_status, previous_suspended_until, applied_user_status,
                                    suspended_until, previous_hidden_at)
  VALUES (p_type, p_id, p_decision, p_reason_code, v_note, v_flags, v_subject, v_user.status,
          v_user.suspended_until, v_applied, CASE WHEN p_decision = 'suspend_user' THEN v_until END, v_prev_hid)
  RETURNING id INTO v_id;

  IF v_subject IS NOT NULL THEN
    UPDATE public.users SET status = v_applied, suspended_until = v_until
     WHERE id = v_subject AND (status, suspended_until) IS DISTINCT FROM (v_applied, v_until);
  END IF;
  IF p_decision = 'hide_content' THEN
    INSERT INTO public.moderation_hidden_content (entity_type, entity_id, decision_id)
    VALUES (p_type, p_id, v_id)
    ON CONFLICT (entity_type, entity_id) DO NOTHING;
    IF p_type = 'dispute_message' AND v_prev_hid IS NULL THEN
      UPDATE public.dispute_messages SET hidden_at = now() WHERE id = p_id;
    END IF;
  END IF;

  UPDATE public.moderation_flags
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
CREATE OR REPLACE FUNCTION moderation_undo(p_decision_id bigint) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  v_d    public.moderation_decisions;
  v_user public.users;
  v_open bigint[];
BEGIN
  PERFORM moderation_require_moderator();
  SELECT * INTO v_d FROM public.moderation_decisions WHERE id = p_decision_id FOR UPDATE;
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
  SELECT array_agg(id) INTO v_open FROM public.moderation_flags
   WHERE entity_type = v_d.entity_type AND entity_id = v_d.entity_id AND status = 'open';
  IF v_open IS NOT NULL THEN
    PERFORM moderation_refuse_foreign_claim(v_open);
  END IF;

  IF v_d.subject_user_id IS NOT NULL THEN
    SELECT * INTO v_user FROM public.users WHERE id = v_d.subject_user_id FOR UPDATE;
    IF (v_user.status, v_user.suspended_until) IS DISTINCT FROM
       (v_d.applied_user_status, coalesce(v_d.suspended_until, v_d.previous_suspended_until)) THEN
      RAISE EXCEPTION 'user % changed since decision % (now %): restore them by hand', v_d.subject_user_id,
        p_decision_id, v_user.status USING ERRCODE = 'MD007';
    END IF;
    UPDATE public.users SET status = v_d.previous_user_status, suspended_until = v_d.previous_suspended_until
     WHERE id = v_d.subject_user_id
       AND (status, suspended_until) IS DISTINCT FROM (v_d.previous_user_status, v_d.previous_suspended_until);
  END IF;
  IF v_d.decision = 'hide_content' THEN
    DELETE FROM public.moderation_hidden_content WHERE decision_id = v_d.id;
    IF v_d.entity_type = 'dispute_message' THEN
      UPDATE public.dispute_messages SET hidden_at = v_d.previous_hidden_at
       WHERE id = v_d.entity_id AND hidden_at IS DISTINCT FROM v_d.previous_hidden_at;
    END IF;
  END IF;

  UPDATE public.moderation_flags
     SET status = 'open', decision = NULL, decision_reason = NULL, decided_by = NULL, decided_at = NULL,
         assigned_to = session_user, claimed_at = now()
   WHERE id = ANY (v_d.flag_ids) AND status <> 'open';
  UPDATE public.moderation_decisions SET undone_by = session_user, undone_at = now() WHERE id = v_d.id;
END $$;

-- Re-scores the open items of every queued reporter and returns how many items it refreshed.
CREATE OR REPLACE FUNCTION moderation_rescore_pending() RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  v_reporters bigint[];
  v_types     text[];
  v_ids       bigint[];
BEGIN
  WITH taken AS (DELETE FROM public.moderation_rescore_queue RETURNING reporter_id)
  SELECT array_agg(reporter_id) INTO v_reporters FROM taken;
  IF v_reporters IS NULL THEN
    RETURN 0;
  END IF;
  SELECT array_agg(entity_type), array_agg(entity_id) INTO v_types, v_ids
    FROM (SELECT DISTINCT entity_type, entity_id FROM public.moderation_flags
           WHERE reporter_id = ANY (v_reporters) AND status = 'open') d;
  IF v_types IS NULL THEN
    RETURN 0;
  END IF;
  PERFORM moderation_refresh_items(v_types, v_ids);
  RETURN cardinality(v_types);
END $$;

-- A decision closes every open flag of its item. A moderator decides on the flags they read; if a
-- flag arrived since (it joins their claim, V51) or a colleague decided some of them meanwhile,
-- deciding would close flags nobody read, or act on an item that is no longer what they saw. The
-- console therefore names the open flags it showed, and the decision is refused (MD008) unless they
-- are exactly the item's open flags now. The console then shows what changed and offers to decide
-- again on the current flags.
CREATE OR REPLACE FUNCTION moderation_decide_seen(p_type text, p_id bigint, p_seen_flags bigint[], p_decision text,
                                       p_reason_code text, p_note text,
                                       p_suspend_for interval DEFAULT NULL) RETURNS bigint
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  v_open bigint[];
  v_seen bigint[];
BEGIN
  PERFORM moderation_require_moderator();
  SELECT coalesce(array_agg(id ORDER BY id), '{}') INTO v_open
    FROM (SELECT id FROM public.moderation_flags
           WHERE entity_type = p_type AND entity_id = p_id AND status = 'open'
           ORDER BY id FOR UPDATE) f;
  SELECT coalesce(array_agg(DISTINCT s ORDER BY s), '{}') INTO v_seen
    FROM unnest(coalesce(p_seen_flags, '{}')) s;
  IF v_open <> v_seen THEN
    RAISE EXCEPTION '% % changed after you opened it: % open flags now, you saw %', p_type, p_id,
      cardinality(v_open), cardinality(v_seen)
      USING ERRCODE = 'MD008';
  END IF;
  RETURN moderation_decide(p_type, p_id, p_decision, p_reason_code, p_note, p_suspend_for);
END $$;

-- moderation_decide_seen (V76) under a request key. The first call decides and records the key with
-- the decision's id; a call with the same key and the same arguments by the same login returns that
-- id and does nothing else (the answer was lost, or the request was sent twice). The same key from
-- another login, or for other arguments, is refused (MD009). A refused decision records nothing, so
-- the key is still free for a retry.
CREATE OR REPLACE FUNCTION moderation_decide_keyed(p_request_key text, p_type text, p_id bigint, p_seen_flags bigint[],
                                        p_decision text, p_reason_code text, p_note text,
                                        p_suspend_for interval DEFAULT NULL) RETURNS bigint
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  v_fingerprint text;
  v_prior       public.staff_requests;
  v_id          bigint;
BEGIN
  PERFORM moderation_require_moderator();
  IF p_request_key IS NULL OR length(p_request_key) NOT BETWEEN 8 AND 200 THEN
    RAISE EXCEPTION 'a request key has 8 to 200 characters' USING ERRCODE = '22023';
  END IF;
  -- Two sends of one key queue here, so the second sees the first's row and replays it.
  PERFORM arbiter_lock_request_key(p_request_key);
  -- The duration as seconds, not text: its text depends on the session's IntervalStyle.
  v_fingerprint := encode(sha256(convert_to(jsonb_build_object(
      'type', p_type, 'id', p_id,
      'seen', (SELECT coalesce(jsonb_agg(DISTINCT s ORDER BY s), '[]'::jsonb)
                 FROM unnest(coalesce(p_seen_flags, '{}')) s),
      'decision', p_decision, 'reason', p_reason_code, 'note', public.arbiter_clean_text(p_note),
      'suspend_seconds', extract(epoch FROM p_suspend_for))::text, 'UTF8')), 'hex');
  SELECT * INTO v_prior FROM public.staff_requests WHERE idempotency_key = p_request_key;
  IF FOUND THEN
    IF v_prior.staff_login <> session_user::text THEN
      RAISE EXCEPTION 'request key % was already used by another login', p_request_key
        USING ERRCODE = 'MD009';
    END IF;
    IF v_prior.action <> 'moderation.decide' OR v_prior.fingerprint <> v_fingerprint THEN
      RAISE EXCEPTION 'request key % was already used for another request', p_request_key
        USING ERRCODE = 'MD009';
    END IF;
    RETURN (v_prior.result ->> 'decision_id')::bigint;
  END IF;
  v_id := moderation_decide_seen(p_type, p_id, p_seen_flags, p_decision, p_reason_code, p_note, p_suspend_for);
  INSERT INTO public.staff_requests (idempotency_key, action, fingerprint, result, staff_login)
  VALUES (p_request_key, 'moderation.decide', v_fingerprint, jsonb_build_object('decision_id', v_id), session_user);
  RETURN v_id;
END $$;

-- Bulk moderation under request keys, one per item, as single decisions have had since V81. A bulk
-- run claims each item and decides whatever flags are open on it when it gets there; when the
-- connection drops mid-run, the console settles the item in flight by its key and sends the items
-- left over again under their keys, so each item is decided once.
--
-- moderation_decide_keyed does not fit: it decides on the flags the moderator saw, and bulk never
-- showed any. And the key has to be looked up before the claim: a replay finds the item decided,
-- with no open flags, and claiming it would be refused (MD002) instead of answered.
CREATE OR REPLACE FUNCTION moderation_bulk_decide_keyed(p_request_key text, p_type text, p_id bigint, p_decision text,
                                             p_reason_code text, p_note text,
                                             p_suspend_for interval DEFAULT NULL) RETURNS bigint
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  v_fingerprint text;
  v_prior       public.staff_requests;
  v_id          bigint;
BEGIN
  PERFORM moderation_require_moderator();
  IF p_request_key IS NULL OR length(p_request_key) NOT BETWEEN 8 AND 200 THEN
    RAISE EXCEPTION 'a request key has 8 to 200 characters' USING ERRCODE = '22023';
  END IF;
  -- As in moderation_decide_keyed: two sends of one key queue here, and the second sees the first's row.
  PERFORM arbiter_lock_request_key(p_request_key);
  v_fingerprint := encode(sha256(convert_to(jsonb_build_object(
      'type', p_type, 'id', p_id,
      'decision', p_decision, 'reason', p_reason_code, 'note', public.arbiter_clean_text(p_note),
      'suspend_seconds', extract(epoch FROM p_suspend_for))::text, 'UTF8')), 'hex');
  SELECT * INTO v_prior FROM public.staff_requests WHERE idempotency_key = p_request_key;
  IF FOUND THEN
    IF v_prior.staff_login <> session_user::text THEN
      RAISE EXCEPTION 'request key % was already used by another login', p_request_key
        USING ERRCODE = 'MD009';
    END IF;
    IF v_prior.action <> 'moderation.bulk_decide' OR v_prior.fingerprint <> v_fingerprint THEN
      RAISE EXCEPTION 'request key % was already used for another request', p_request_key
        USING ERRCODE = 'MD009';
    END IF;
    RETURN (v_prior.result ->> 'decision_id')::bigint;
  END IF;
  -- A refusal (claimed by a colleague, nothing open...) raises before the key is recorded, so the
  -- key stays free for a retry.
  PERFORM moderation_claim(p_type, p_id);
  v_id := moderation_decide(p_type, p_id, p_decision, p_reason_code, p_note, p_suspend_for);
  INSERT INTO public.staff_requests (idempotency_key, action, fingerprint, result, staff_login)
  VALUES (p_request_key, 'moderation.bulk_decide', v_fingerprint, jsonb_build_object('decision_id', v_id),
          session_user);
  RETURN v_id;
END $$;
