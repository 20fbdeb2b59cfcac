-- Queues show open work, and on a real marketplace open work is a small slice of the history: of a
-- million disputes nine in ten are closed, and the closed ones hold the oldest deadlines. A full
-- (key, id) index (V30) then walks every closed row before it finds a page of open ones (1-2 s for the
-- support queue's default page). These partial indexes hold open work only, so every sort's first and
-- deep pages are range scans over it. The queue SQL states these predicates (or narrower ones) in
-- its text (QueueSql, ReleaseQueueService): a planner can match a partial index only to a predicate
-- it can prove from the statement, never from a bound parameter such as status = ANY (?).

-- Disputes: one per sort of dev.arbiter.persistence.disputes.SortKey, same expressions as V30.
CREATE INDEX disputes_open_reference ON disputes (reference, id)
  WHERE status NOT IN ('resolved', 'closed');
CREATE INDEX disputes_open_amount ON disputes (amount_disputed_minor, id)
  WHERE status NOT IN ('resolved', 'closed');
CREATE INDEX disputes_open_reason ON disputes (reason_code, id)
  WHERE status NOT IN ('resolved', 'closed');
CREATE INDEX disputes_open_priority ON disputes (priority_rank, id)
  WHERE status NOT IN ('resolved', 'closed');
CREATE INDEX disputes_open_status ON disputes ((CASE status WHEN 'open' THEN 1 WHEN 'under_review' THEN 2
  WHEN 'awaiting_parties' THEN 3 WHEN 'escalated' THEN 4 WHEN 'settling' THEN 5 WHEN 'resolved' THEN 6
  ELSE 7 END), id) WHERE status NOT IN ('resolved', 'closed');
CREATE INDEX disputes_open_assignee ON disputes ((coalesce(assigned_to, '')), id)
  WHERE status NOT IN ('resolved', 'closed');
CREATE INDEX disputes_open_opened ON disputes (opened_at, id)
  WHERE status NOT IN ('resolved', 'closed');
CREATE INDEX disputes_open_due ON disputes ((coalesce(response_due_at, 'infinity'::timestamptz)), id)
  WHERE status NOT IN ('resolved', 'closed');

-- The sorts by party names and contract reference walk dispute_queue_keys, which must therefore know
-- whether its dispute is open. Kept by dispute_queue_keys_added (R__40) on insert and by the trigger
-- below when a status change crosses between open and closed (a few times in a dispute's life).
ALTER TABLE dispute_queue_keys ADD COLUMN is_open boolean NOT NULL DEFAULT true;
UPDATE dispute_queue_keys k SET is_open = false
  FROM disputes d WHERE d.id = k.dispute_id AND d.status IN ('resolved', 'closed');
CREATE INDEX dispute_queue_keys_open_parties ON dispute_queue_keys (parties_key, dispute_id) WHERE is_open;
CREATE INDEX dispute_queue_keys_open_contract ON dispute_queue_keys (contract_reference, dispute_id)
  WHERE is_open;

-- A placeholder for the trigger to name: the body is in R__40_disputes.sql, which Flyway runs right
-- after the versioned migrations.
CREATE FUNCTION dispute_queue_keys_reopened() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$ BEGIN RETURN NULL; END $$;
REVOKE ALL ON FUNCTION dispute_queue_keys_reopened() FROM PUBLIC;

CREATE TRIGGER disputes_queue_keys_open AFTER UPDATE OF status ON disputes
  FOR EACH ROW
  WHEN ((OLD.status IN ('resolved', 'closed')) IS DISTINCT FROM (NEW.status IN ('resolved', 'closed')))
  EXECUTE FUNCTION dispute_queue_keys_reopened();

-- The release queue's open checkpoints, one per order of ReleaseQueueQuery.Sort.
CREATE INDEX escrow_checkpoints_open_submitted
  ON escrow_checkpoints ((coalesce(submitted_at, created_at)), id)
  WHERE status IN ('submitted', 'approved', 'on_hold');
CREATE INDEX escrow_checkpoints_open_auto_release
  ON escrow_checkpoints ((coalesce(auto_release_at, 'infinity'::timestamptz)), id)
  WHERE status IN ('submitted', 'approved', 'on_hold');
CREATE INDEX escrow_checkpoints_open_outstanding
  ON escrow_checkpoints ((amount_minor - released_minor), id)
  WHERE status IN ('submitted', 'approved', 'on_hold');
-- Overdue first: checkpoints a person must decide whose auto-release time passed (a few), read as a
-- range of the times.
CREATE INDEX escrow_checkpoints_overdue
  ON escrow_checkpoints ((coalesce(auto_release_at, 'infinity'::timestamptz)), id)
  WHERE status IN ('submitted', 'approved') AND approval_requirement <> 'auto' AND auto_release_at IS NOT NULL;

-- The workspace list is every workspace, not open work; its sorts by state and by age walk an index as
-- the sort by name does (V2). The sorts by members, open contracts and escrow held are aggregates,
-- computed for every workspace before the page is cut (docs/PERFORMANCE.md).
CREATE INDEX workspaces_list_status ON workspaces (status, id);
CREATE INDEX workspaces_list_created ON workspaces (created_at, id);
