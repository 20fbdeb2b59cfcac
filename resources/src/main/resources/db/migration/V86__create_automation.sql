-- The Arbiter worker makes every time-driven rule happen: auto-release, dispute deadlines, invite
-- and suspension expiry, stale claims and presence, re-scoring, and ending sessions that hold the
-- audit chain. It logs in as a member of arbiter_automation, which can do nothing but call the
-- automation functions (R__90_automation.sql); each of them acts on due items exactly once, under
-- an actor naming the rule (system:<rule>), however many workers run.

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'arbiter_automation') THEN
    CREATE ROLE arbiter_automation NOLOGIN;
  END IF;
END $$;
DO $$
BEGIN
  EXECUTE format('REVOKE CREATE, TEMPORARY ON DATABASE %I FROM arbiter_automation', current_database());
  EXECUTE format('GRANT CONNECT ON DATABASE %I TO arbiter_automation', current_database());
END $$;
REVOKE CREATE ON SCHEMA public FROM arbiter_automation;
GRANT USAGE ON SCHEMA public TO arbiter_automation;

-- When a dispute's deadline was acted on; the rule acts once per deadline (a new deadline set by
-- support clears it, see guard_dispute_write).
ALTER TABLE disputes ADD COLUMN deadline_acted_at timestamptz;
CREATE INDEX disputes_deadline_due ON disputes (response_due_at, id)
  WHERE deadline_action IS NOT NULL AND deadline_acted_at IS NULL;

CREATE INDEX escrow_checkpoints_auto_release_due ON escrow_checkpoints (auto_release_at, id)
  WHERE status IN ('submitted', 'approved') AND approval_requirement = 'auto';
CREATE INDEX users_suspension_due ON users (suspended_until, id) WHERE status = 'suspended';
CREATE INDEX moderation_flags_claimed ON moderation_flags (claimed_at, id)
  WHERE status = 'open' AND assigned_to IS NOT NULL;

-- Each rule's last run, for the console's "automation stopped since ..." and for operators. One row a
-- rule, written by the worker through automation_record_run; not audited (it is the worker's
-- heartbeat, not a change to the marketplace).
CREATE TABLE automation_runs (
  rule             text        PRIMARY KEY CHECK (rule ~ '^[a-z][a-z0-9-]{0,40}$'),
  worker           text        NOT NULL CHECK (length(worker) BETWEEN 1 AND 200),
  interval_seconds integer     NOT NULL CHECK (interval_seconds > 0),
  started_at       timestamptz NOT NULL,
  finished_at      timestamptz NOT NULL,
  acted            integer     NOT NULL CHECK (acted >= 0),
  skipped          integer     NOT NULL CHECK (skipped >= 0),
  failed           integer     NOT NULL CHECK (failed >= 0),
  last_error       text
);

-- An item a rule could not act on (an error, not a rule that said no): recorded with why, and the
-- rule goes on with the others.
CREATE TABLE automation_failures (
  id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  rule        text        NOT NULL,
  item        text        NOT NULL,
  error       text        NOT NULL,
  occurred_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX automation_failures_recent ON automation_failures (occurred_at DESC);

GRANT SELECT ON automation_runs, automation_failures TO arbiter_staff, arbiter_automation;
-- The worker anchors the chain head outside the database.
GRANT SELECT ON audit_chain_head TO arbiter_automation;
