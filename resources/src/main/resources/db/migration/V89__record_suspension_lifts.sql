-- A suspension that ends by the clock is part of the user's moderation history: the suspending
-- decision records when it was lifted and by whom (the automation's actor), next to an undo.
ALTER TABLE moderation_decisions
  ADD COLUMN lifted_at timestamptz,
  ADD COLUMN lifted_by text,
  ADD CONSTRAINT moderation_decisions_lift_pair CHECK ((lifted_by IS NULL) = (lifted_at IS NULL)),
  ADD CONSTRAINT moderation_decisions_lift_suspensions_only CHECK (lifted_at IS NULL OR decision = 'suspend_user');
