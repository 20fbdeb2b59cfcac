-- V73 compared the number of decisions on a checkpoint. A reviewer who decides again (a new round
-- after a resubmission, or approve turned into reject) replaces their row and leaves the number as
-- it was, so a colleague's decision taken on the older view passed the guard. The mark now also
-- moves with each decision's time, which every re-decision sets afresh. The console computes the
-- same mark from the decisions it read (CheckpointBasis.decisionsMark), so both sides must agree:
-- (count * 1000003 + sum(epoch microseconds mod 1000003)) mod 2147483647.
CREATE OR REPLACE FUNCTION checkpoint_decisions(p_checkpoint bigint)
  RETURNS integer
  LANGUAGE plpgsql STABLE
  SET search_path = public, pg_temp
AS $$
BEGIN
  RETURN (SELECT (count(*) * 1000003
                  + coalesce(sum(mod((extract(epoch FROM created_at) * 1000000)::bigint, 1000003)), 0))
                 % 2147483647
          FROM release_approvals WHERE checkpoint_id = p_checkpoint)::integer;
END $$;
