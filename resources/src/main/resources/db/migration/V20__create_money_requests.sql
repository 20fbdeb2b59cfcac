-- The machinery every money function shares: idempotency records, fee configuration, the gates of a
-- checkpoint, wallets and balanced postings. Helpers here are plain (invoker) functions that nobody
-- is granted: they run only inside the SECURITY DEFINER money functions, as the owner.

-- One row per money request, whatever it did: the first result is replayed for the same key, and the
-- same key with other arguments (or from another login) is refused. Refusals are stored too, so that
-- a retried batch item gets the answer it got the first time instead of a second attempt.
CREATE TABLE money_requests (
  idempotency_key text        PRIMARY KEY CHECK (length(idempotency_key) BETWEEN 8 AND 200),
  action          text        NOT NULL,
  fingerprint     text        NOT NULL,
  actor           text        NOT NULL,
  outcome         text        NOT NULL,
  result          jsonb       NOT NULL,
  journal_id      bigint      REFERENCES journals (id),
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX money_requests_actor_idx ON money_requests (actor, created_at DESC);

CREATE TRIGGER money_requests_append_only BEFORE UPDATE OR DELETE ON money_requests
  FOR EACH ROW EXECUTE FUNCTION refuse_ledger_edit();
CREATE TRIGGER money_requests_no_truncate BEFORE TRUNCATE ON money_requests
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_ledger_edit();

-- The platform's cut of a payout, per contract kind. No row means no fee.
CREATE TABLE platform_fee_rates (
  contract_kind text        PRIMARY KEY CHECK (contract_kind IN ('gig_order', 'fixed_price', 'hourly', 'project_stage')),
  basis_points  integer     NOT NULL CHECK (basis_points BETWEEN 0 AND 5000),
  updated_at    timestamptz NOT NULL DEFAULT now()
);

-- Payout references are unique by construction, not by luck.
CREATE SEQUENCE payout_reference_seq;

-- A result as the console reads it: {"outcome": "ok" | refusal code, "message": ..., details...}.
-- The helpers are plpgsql rather than SQL functions: a SQL function with a SET clause is planned
-- again on every call, and these run several times per money request.
CREATE FUNCTION money_outcome(p_outcome text, p_message text, p_details jsonb DEFAULT '{}')
  RETURNS jsonb
  LANGUAGE plpgsql IMMUTABLE
  SET search_path = pg_catalog
AS $$
BEGIN
  RETURN jsonb_build_object('outcome', p_outcome, 'message', p_message) || coalesce(p_details, '{}'::jsonb);
END $$;

-- Opens a money request. Locks the audit chain head first: every audited writer takes it before it
-- commits, so holding it serialises this request with all of them, and taking it before any row lock
-- keeps the lock order the same in every money function (see V4). Returns the fingerprint to store,
-- and a result when the request must stop here: a replay, a conflicting key, or a caller outside the
-- required group.
CREATE FUNCTION money_request_start(p_key text, p_action text, p_args jsonb, p_group text,
                                    OUT o_fingerprint text, OUT o_result jsonb)
  LANGUAGE plpgsql
  SET search_path = public, pg_temp
AS $$
DECLARE
  v_prior money_requests;
BEGIN
  PERFORM 1 FROM audit_chain_head WHERE id = 1 FOR UPDATE;
  IF NOT pg_has_role(session_user, p_group, 'MEMBER') THEN
    o_result := money_outcome('not_finance',
      format('%s is not a member of %s', session_user, p_group), jsonb_build_object('action', p_action));
    RETURN;
  END IF;
  IF p_key IS NULL OR length(p_key) NOT BETWEEN 8 AND 200 THEN
    o_result := money_outcome('invalid_key', 'the idempotency key must have 8 to 200 characters',
      jsonb_build_object('action', p_action));
    RETURN;
  END IF;
  o_fingerprint := encode(sha256(convert_to(
    jsonb_build_object('action', p_action, 'actor', session_user::text, 'args', p_args)::text, 'UTF8')), 'hex');
  SELECT * INTO v_prior FROM money_requests WHERE idempotency_key = p_key;
  IF FOUND THEN
    IF v_prior.fingerprint = o_fingerprint THEN
      o_result := v_prior.result || jsonb_build_object('replayed', true);
    ELSE
      o_result := money_outcome('idempotency_conflict',
        format('key %s was already used by %s for %s with other arguments', p_key, v_prior.actor, v_prior.action),
        jsonb_build_object('action', p_action, 'idempotency_key', p_key));
    END IF;
  END IF;
END $$;

-- Stores the first result of a request and returns it.
CREATE FUNCTION money_request_finish(p_key text, p_action text, p_fingerprint text, p_result jsonb,
                                     p_journal bigint DEFAULT NULL)
  RETURNS jsonb
  LANGUAGE plpgsql
  SET search_path = public, pg_temp
AS $$
DECLARE
  v_result jsonb := p_result || jsonb_build_object('action', p_action, 'idempotency_key', p_key, 'replayed', false);
BEGIN
  INSERT INTO money_requests (idempotency_key, action, fingerprint, actor, outcome, result, journal_id)
  VALUES (p_key, p_action, p_fingerprint, session_user, v_result ->> 'outcome', v_result, p_journal);
  RETURN v_result;
END $$;

-- The wallet of one kind, owner and currency, created on first use.
CREATE FUNCTION money_wallet(p_kind text, p_owner bigint, p_currency text)
  RETURNS bigint
  LANGUAGE plpgsql
  SET search_path = public, pg_temp
AS $$
DECLARE
  v_id bigint;
BEGIN
  SELECT id INTO v_id FROM wallets
   WHERE kind = p_kind AND owner_user_id IS NOT DISTINCT FROM p_owner AND currency = p_currency;
  IF v_id IS NULL THEN
    INSERT INTO wallets (owner_user_id, kind, currency) VALUES (p_owner, p_kind, p_currency)
    ON CONFLICT ON CONSTRAINT wallets_owner_kind_currency_key DO NOTHING
    RETURNING id INTO v_id;
    IF v_id IS NULL THEN
      SELECT id INTO v_id FROM wallets
       WHERE kind = p_kind AND owner_user_id IS NOT DISTINCT FROM p_owner AND currency = p_currency;
    END IF;
  END IF;
  RETURN v_id;
END $$;

-- One ledger entry, with the wallet's balance moved in the same statement pair so balance_after is
-- the balance the wallet really has after it. The wallet CHECK refuses a balance below zero.
CREATE FUNCTION money_post(p_journal bigint, p_wallet bigint, p_direction text, p_amount bigint)
  RETURNS bigint
  LANGUAGE plpgsql
  SET search_path = public, pg_temp
AS $$
DECLARE
  v_balance  bigint;
  v_currency text;
  v_id       bigint;
BEGIN
  UPDATE wallets
     SET balance_minor = balance_minor + CASE p_direction WHEN 'credit' THEN p_amount ELSE -p_amount END
   WHERE id = p_wallet
  RETURNING balance_minor, currency INTO v_balance, v_currency;
  INSERT INTO ledger_entries (journal_id, wallet_id, direction, amount_minor, currency, balance_after)
  VALUES (p_journal, p_wallet, p_direction, p_amount, v_currency, v_balance)
  RETURNING id INTO v_id;
  RETURN v_id;
END $$;

-- The platform's fee on a payout of p_amount under a contract of p_kind, rounded down (in the payee's
-- favour) so the split is exact in integers.
CREATE FUNCTION money_fee(p_kind text, p_amount bigint)
  RETURNS bigint
  LANGUAGE plpgsql STABLE
  SET search_path = public, pg_temp
AS $$
BEGIN
  RETURN coalesce((SELECT (p_amount * basis_points) / 10000 FROM platform_fee_rates WHERE contract_kind = p_kind), 0);
END $$;

-- Pays p_amount out of the escrow holding wallet: the payee's share (less the platform fee) to the
-- payee's wallet, the fee to the platform. Returns the fee.
CREATE FUNCTION money_post_payout(p_journal bigint, p_holding bigint, p_payee bigint, p_contract_kind text,
                                  p_currency text, p_amount bigint)
  RETURNS bigint
  LANGUAGE plpgsql
  SET search_path = public, pg_temp
AS $$
DECLARE
  v_fee bigint := money_fee(p_contract_kind, p_amount);
BEGIN
  PERFORM money_post(p_journal, p_holding, 'debit', p_amount);
  IF p_amount - v_fee > 0 THEN
    PERFORM money_post(p_journal, money_wallet('user', p_payee, p_currency), 'credit', p_amount - v_fee);
  END IF;
  IF v_fee > 0 THEN
    PERFORM money_post(p_journal, money_wallet('platform_fee', NULL, p_currency), 'credit', v_fee);
  END IF;
  RETURN v_fee;
END $$;

-- Moves an escrow's released and refunded totals and derives its status from them.
CREATE FUNCTION money_move_escrow(p_escrow bigint, p_released bigint, p_refunded bigint)
  RETURNS void
  LANGUAGE plpgsql
  SET search_path = public, pg_temp
AS $$
BEGIN
  UPDATE escrows
     SET released_minor = released_minor + p_released,
         refunded_minor = refunded_minor + p_refunded,
         status = CASE
           WHEN funded_minor - released_minor - refunded_minor - p_released - p_refunded > 0 THEN
             CASE WHEN released_minor + p_released + refunded_minor + p_refunded > 0
                  THEN 'partially_released' ELSE status END
           WHEN refunded_minor + p_refunded = 0 THEN 'released'
           WHEN released_minor + p_released = 0 THEN 'refunded'
           ELSE 'closed' END
   WHERE id = p_escrow;
END $$;

-- Everything that decides whether a checkpoint may be approved or released, in one row. The release
-- queue shows the same row as badges, so the console and the database judge alike. Approvals count
-- only for the current submission (a rejection sends the checkpoint back, and a resubmission starts
-- over), and never the requester's own.
CREATE FUNCTION checkpoint_gates(p_checkpoint bigint)
  RETURNS TABLE (checkpoint_id bigint, status text, approval_requirement text, requested_by text,
                 remaining_minor bigint, escrow_held_minor bigint, holding_balance_minor bigint,
                 csat_score numeric, csat_threshold numeric, csat_ok boolean, open_disputes integer,
                 approvals integer, approvals_needed integer, override_given boolean, payee_status text)
  LANGUAGE plpgsql STABLE
  SET search_path = public, pg_temp
AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  SELECT g.checkpoint_id, g.status, g.approval_requirement, g.requested_by, g.remaining_minor,
         g.escrow_held_minor, g.holding_balance_minor, g.csat_score, g.csat_threshold, g.csat_ok,
         g.open_disputes, g.approvals,
         CASE WHEN g.approval_requirement = 'dual' OR NOT g.csat_ok THEN 2 ELSE 1 END,
         a.override_given, u.status
    FROM (SELECT cp.id, cp.status, cp.approval_requirement, cp.requested_by,
                 cp.amount_minor - cp.released_minor,
                 e.funded_minor - e.released_minor - e.refunded_minor,
                 coalesce((SELECT w.balance_minor FROM wallets w
                            WHERE w.kind = 'escrow_holding' AND w.owner_user_id IS NULL
                              AND w.currency = cp.currency), 0),
                 k.csat_score, cp.csat_threshold,
                 cp.csat_threshold IS NULL OR coalesce(k.csat_score >= cp.csat_threshold, false),
                 ((SELECT count(*) FROM disputes d WHERE d.checkpoint_id = cp.id
                      AND d.status NOT IN ('resolved', 'closed'))
                  + (SELECT count(*) FROM disputes d WHERE d.escrow_id = e.id AND d.checkpoint_id IS NULL
                      AND d.status NOT IN ('resolved', 'closed'))
                  + (SELECT count(*) FROM disputes d WHERE d.contract_id = k.id AND d.escrow_id IS NULL
                      AND d.checkpoint_id IS NULL AND d.status NOT IN ('resolved', 'closed')))::integer,
                 (SELECT count(*) FROM release_approvals ra
                   WHERE ra.checkpoint_id = cp.id AND ra.decision = 'approve'
                     AND ra.reviewer IS DISTINCT FROM cp.requested_by
                     AND ra.created_at >= cp.submitted_at)::integer,
                 k.freelancer_id
            FROM escrow_checkpoints cp
            JOIN escrows e ON e.id = cp.escrow_id
            JOIN contracts k ON k.id = e.contract_id
           WHERE cp.id = p_checkpoint)
         AS g(checkpoint_id, status, approval_requirement, requested_by, remaining_minor, escrow_held_minor,
              holding_balance_minor, csat_score, csat_threshold, csat_ok, open_disputes, approvals, payee_id)
    JOIN users u ON u.id = g.payee_id
    CROSS JOIN LATERAL (
      SELECT coalesce(bool_or(length(btrim(coalesce(ra.override_reason, ''))) > 0), false) AS override_given
        FROM release_approvals ra
        JOIN escrow_checkpoints cp ON cp.id = ra.checkpoint_id
       WHERE ra.checkpoint_id = g.checkpoint_id AND ra.decision = 'approve'
         AND ra.created_at >= cp.submitted_at) a;
END $$;
