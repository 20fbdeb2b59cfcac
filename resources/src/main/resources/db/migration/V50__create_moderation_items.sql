-- Moderation triage works on flagged items, not single flags: every flag on the same (entity_type,
-- entity_id) is one item in the queue. Ordering a million flags by a score computed from a GROUP BY
-- cannot use an index, so moderation_items keeps one summary row per item, maintained by statement
-- triggers on moderation_flags, and the queue pages it by keyset on plain indexed columns.

-- How long a claim keeps other moderators out. One row, changed by admins.
CREATE TABLE moderation_settings (
  id         smallint    PRIMARY KEY CHECK (id = 1),
  claim_ttl  interval    NOT NULL DEFAULT interval '30 minutes' CHECK (claim_ttl > interval '0'),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version    integer     NOT NULL DEFAULT 0
);
INSERT INTO moderation_settings (id) VALUES (1);

-- The claim window, read by the functions, the claim guard and the queue's "claimed" filters.
CREATE FUNCTION moderation_claim_ttl() RETURNS interval
  LANGUAGE sql STABLE
AS $$
  SELECT claim_ttl FROM public.moderation_settings WHERE id = 1
$$;

-- Each reporter's track record: how many of their flags were decided, and how many of those led to
-- an action. Accuracy is actioned / decided; the score uses (actioned + 1) / (decided + 2) so that a
-- reporter with no history counts one half rather than nothing or everything.
CREATE TABLE moderation_reporter_stats (
  reporter_id bigint  PRIMARY KEY REFERENCES users (id),
  decided     integer NOT NULL CHECK (decided >= 0),
  actioned    integer NOT NULL CHECK (actioned BETWEEN 0 AND decided)
);

CREATE VIEW moderation_reporter_accuracy AS
  SELECT reporter_id, decided, actioned,
         CASE WHEN decided > 0 THEN round(actioned::numeric / decided, 4) END AS accuracy,
         round((actioned + 1)::numeric / (decided + 2), 4) AS weight
    FROM moderation_reporter_stats;

CREATE TABLE moderation_items (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  entity_type       text        NOT NULL,
  entity_id         bigint      NOT NULL,
  -- open while any flag is open; otherwise the status the latest decision left.
  status            text        NOT NULL CHECK (status IN ('open', 'dismissed', 'actioned')),
  open_count        integer     NOT NULL CHECK (open_count >= 0),
  flag_count        integer     NOT NULL CHECK (flag_count > 0),
  -- The figures below cover the open flags while the item is open, all of its flags once closed.
  max_severity_rank smallint    NOT NULL,
  reasons           text[]      NOT NULL,
  first_flagged_at  timestamptz NOT NULL,
  last_flagged_at   timestamptz NOT NULL,
  assigned_to       text,
  claimed_at        timestamptz,
  -- 10 x highest severity rank + the sum of the reporters' weights (see moderation_reporter_stats).
  score             numeric(10,3) NOT NULL,
  CONSTRAINT moderation_items_entity_key UNIQUE (entity_type, entity_id),
  CHECK ((status = 'open') = (open_count > 0))
);
-- One index per sort order of the queue, status first because every page filters on it.
CREATE INDEX moderation_items_by_score ON moderation_items (status, score DESC, id DESC);
CREATE INDEX moderation_items_by_count ON moderation_items (status, open_count DESC, id DESC);
CREATE INDEX moderation_items_by_severity ON moderation_items (status, max_severity_rank DESC, id DESC);
CREATE INDEX moderation_items_by_first ON moderation_items (status, first_flagged_at, id);
CREATE INDEX moderation_items_by_last ON moderation_items (status, last_flagged_at DESC, id DESC);
CREATE INDEX moderation_items_claimant ON moderation_items (assigned_to) WHERE assigned_to IS NOT NULL;

-- The summary needs every flag of an item, decided ones too; the V2 index covers open flags only.
CREATE INDEX moderation_flags_item ON moderation_flags (entity_type, entity_id);
-- The item view lists earlier flags on everything the same author wrote or owns.
CREATE INDEX dispute_messages_author_idx ON dispute_messages (author_user_id) WHERE author_user_id IS NOT NULL;
CREATE INDEX dispute_evidence_uploader_idx ON dispute_evidence (uploaded_by) WHERE uploaded_by IS NOT NULL;
CREATE INDEX workspaces_owner_idx ON workspaces (owner_id);

-- Recomputes the summary rows of the given items from their flags (and deletes rows whose flags are
-- all gone). Set-based, so a bulk load of a million flags is one hash aggregate, not a million calls.
CREATE FUNCTION moderation_refresh_items(p_types text[], p_ids bigint[]) RETURNS void
  LANGUAGE sql SECURITY DEFINER
  SET search_path = public, pg_temp
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
      JOIN moderation_flags f ON f.entity_type = k.entity_type AND f.entity_id = k.entity_id
      LEFT JOIN moderation_reporter_stats rs ON rs.reporter_id = f.reporter_id
     GROUP BY f.entity_type, f.entity_id
  ), upserted AS (
    INSERT INTO moderation_items AS mi (entity_type, entity_id, status, open_count, flag_count,
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
  DELETE FROM moderation_items mi
   USING keys k
   WHERE mi.entity_type = k.entity_type AND mi.entity_id = k.entity_id
     AND NOT EXISTS (SELECT 1 FROM agg a WHERE a.entity_type = k.entity_type AND a.entity_id = k.entity_id)
$$;

-- Recounts the track record of the given reporters from their flags.
CREATE FUNCTION moderation_refresh_reporters(p_reporters bigint[]) RETURNS void
  LANGUAGE sql SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
  INSERT INTO moderation_reporter_stats AS rs (reporter_id, decided, actioned)
  SELECT r, count(f.id) FILTER (WHERE f.status <> 'open'), count(f.id) FILTER (WHERE f.status = 'actioned')
    FROM unnest(p_reporters) AS r
    LEFT JOIN moderation_flags f ON f.reporter_id = r
   GROUP BY r
  ON CONFLICT (reporter_id) DO UPDATE SET decided = EXCLUDED.decided, actioned = EXCLUDED.actioned
   WHERE (rs.decided, rs.actioned) IS DISTINCT FROM (EXCLUDED.decided, EXCLUDED.actioned)
$$;

-- Statement trigger: which items and reporters the statement touched. A decision changes its
-- reporters' weights, so every open item those reporters flagged is re-scored as well.
CREATE FUNCTION moderation_flags_summarise() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_temp
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
    SELECT v_types || array_agg(entity_type), v_ids || array_agg(entity_id) INTO v_types, v_ids
      FROM (SELECT DISTINCT entity_type, entity_id FROM moderation_flags
             WHERE reporter_id = ANY (v_reporters) AND status = 'open') d;
  END IF;
  IF v_types IS NOT NULL THEN
    PERFORM moderation_refresh_items(v_types, v_ids);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER moderation_flags_summary_insert AFTER INSERT ON moderation_flags
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION moderation_flags_summarise();
CREATE TRIGGER moderation_flags_summary_update AFTER UPDATE ON moderation_flags
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION moderation_flags_summarise();
CREATE TRIGGER moderation_flags_summary_delete AFTER DELETE ON moderation_flags
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION moderation_flags_summarise();

-- TRUNCATE fires no row or DELETE triggers; the summaries go with the flags.
CREATE FUNCTION moderation_flags_truncated() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
BEGIN
  DELETE FROM moderation_items;
  DELETE FROM moderation_reporter_stats;
  RETURN NULL;
END $$;

CREATE TRIGGER moderation_flags_summary_truncate AFTER TRUNCATE ON moderation_flags
  FOR EACH STATEMENT EXECUTE FUNCTION moderation_flags_truncated();

-- Summarise whatever flags already exist (a database migrated after its demo data was loaded).
SELECT moderation_refresh_reporters(array_agg(DISTINCT reporter_id)) FROM moderation_flags
 HAVING count(*) > 0;
SELECT moderation_refresh_items(array_agg(entity_type), array_agg(entity_id))
  FROM (SELECT DISTINCT entity_type, entity_id FROM moderation_flags) d
 HAVING count(*) > 0;
