-- The support queue over the whole disputes table: every sortable column has a (key, id) index so that
-- keyset pages cost the same at row 900,000 as at row 1, and the free-text search has a trigram index.

-- pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it without superuser.
-- Only LIKE/ILIKE is used, so no runtime role needs EXECUTE on the extension's functions.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Sort and search keys that live in other tables (contract reference, party names), kept beside each
-- dispute so that sorting by them walks one index instead of sorting a million-row join. Maintained
-- only by the triggers below; no runtime role writes it.
CREATE TABLE dispute_queue_keys (
  dispute_id         bigint PRIMARY KEY,
  reference          text   NOT NULL,
  contract_reference text   NOT NULL,
  client_name        text   NOT NULL,
  freelancer_name    text   NOT NULL,
  parties_key        text   GENERATED ALWAYS AS (lower(client_name || ' ' || freelancer_name)) STORED,
  search_key         text   GENERATED ALWAYS AS (lower(reference || ' ' || contract_reference || ' '
                                                       || client_name || ' ' || freelancer_name)) STORED
);
-- No foreign key on purpose: the owner's loaders may TRUNCATE disputes; stale rows are never joined.
CREATE INDEX dispute_queue_keys_contract ON dispute_queue_keys (contract_reference, dispute_id);
CREATE INDEX dispute_queue_keys_parties ON dispute_queue_keys (parties_key, dispute_id);
CREATE INDEX dispute_queue_keys_search ON dispute_queue_keys USING gin (search_key gin_trgm_ops);

-- Statement-level with a transition table, so a COPY of a million disputes costs one set-based insert.
CREATE FUNCTION dispute_queue_keys_added() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
BEGIN
  INSERT INTO dispute_queue_keys (dispute_id, reference, contract_reference, client_name, freelancer_name)
  SELECT a.id, a.reference, c.reference, cu.display_name, fu.display_name
    FROM added a
    JOIN contracts c ON c.id = a.contract_id
    JOIN users cu ON cu.id = c.client_id
    JOIN users fu ON fu.id = c.freelancer_id
  ON CONFLICT (dispute_id) DO UPDATE
    SET reference = EXCLUDED.reference, contract_reference = EXCLUDED.contract_reference,
        client_name = EXCLUDED.client_name, freelancer_name = EXCLUDED.freelancer_name;
  RETURN NULL;
END $$;

CREATE TRIGGER disputes_queue_keys AFTER INSERT ON disputes
  REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION dispute_queue_keys_added();

-- A renamed party is found and sorted under the new name.
CREATE FUNCTION dispute_queue_keys_renamed() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM renamed_new n JOIN renamed_old o ON o.id = n.id
                  WHERE n.display_name IS DISTINCT FROM o.display_name) THEN
    RETURN NULL;
  END IF;
  UPDATE dispute_queue_keys k
     SET client_name = cu.display_name, freelancer_name = fu.display_name
    FROM disputes d
    JOIN contracts c ON c.id = d.contract_id
    JOIN users cu ON cu.id = c.client_id
    JOIN users fu ON fu.id = c.freelancer_id
   WHERE k.dispute_id = d.id
     AND (c.client_id IN (SELECT id FROM renamed_new) OR c.freelancer_id IN (SELECT id FROM renamed_new));
  RETURN NULL;
END $$;

CREATE TRIGGER users_queue_keys AFTER UPDATE ON users
  REFERENCING OLD TABLE AS renamed_old NEW TABLE AS renamed_new
  FOR EACH STATEMENT EXECUTE FUNCTION dispute_queue_keys_renamed();

GRANT SELECT ON dispute_queue_keys TO arbiter_staff, marketplace_backend;

-- One (key, id) index per sort the queue offers (amount and opened_at already have theirs in V2).
-- The expressions must stay identical to dev.arbiter.persistence.disputes.SortKey.
CREATE INDEX disputes_queue_reference ON disputes (reference, id);
CREATE INDEX disputes_queue_reason ON disputes (reason_code, id);
CREATE INDEX disputes_queue_priority ON disputes (priority_rank, id);
CREATE INDEX disputes_queue_status ON disputes ((CASE status WHEN 'open' THEN 1 WHEN 'under_review' THEN 2
  WHEN 'awaiting_parties' THEN 3 WHEN 'escalated' THEN 4 WHEN 'settling' THEN 5 WHEN 'resolved' THEN 6
  ELSE 7 END), id);
CREATE INDEX disputes_queue_assignee ON disputes ((coalesce(assigned_to, '')), id);
CREATE INDEX disputes_queue_due ON disputes ((coalesce(response_due_at, 'infinity'::timestamptz)), id);

-- Rows that existed before this migration (an upgraded database).
INSERT INTO dispute_queue_keys (dispute_id, reference, contract_reference, client_name, freelancer_name)
SELECT d.id, d.reference, c.reference, cu.display_name, fu.display_name
  FROM disputes d
  JOIN contracts c ON c.id = d.contract_id
  JOIN users cu ON cu.id = c.client_id
  JOIN users fu ON fu.id = c.freelancer_id;
