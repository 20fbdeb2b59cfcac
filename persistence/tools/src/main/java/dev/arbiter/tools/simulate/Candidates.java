package dev.arbiter.tools.simulate;

import dev.arbiter.persistence.access.Jdbc;

/** The pools of rows each kind of operation picks its target from, and how each is sampled. */
final class Candidates {

  /** A checkpoint with money still held for it and no open dispute: something to dispute. */
  record Disputable(
      long checkpointId,
      long escrowId,
      long contractId,
      long maxMinor,
      String currency,
      long clientId,
      long freelancerId) {}

  /** An open dispute and the two parties who may write on it. */
  record OpenDispute(long id, long clientId, long freelancerId) {}

  /** The next pending checkpoint of a funded, active contract, and who delivers it. */
  record Submittable(long checkpointId, long freelancerId) {}

  /** A party's message on a dispute, with the parties (the other one may report it). */
  record PartyMessage(long id, long authorId, long clientId, long freelancerId) {}

  /** A contract and its parties. */
  record Parties(long contractId, long clientId, long freelancerId) {}

  /** An active workspace. */
  record Workspace(long id, long ownerId, String name, String type) {}

  /** A pending invite that has not expired. */
  record Invite(long id, long workspaceId, String email, String role, Long invitedBy) {}

  final CandidatePool<Disputable> disputable =
      new CandidatePool<>(
          (c, r) ->
              IdWindows.sample(
                  c,
                  r,
                  "escrow_checkpoints",
                  "SELECT cp.id AS checkpoint_id, cp.escrow_id, k.id AS contract_id,"
                      + " least(cp.amount_minor - cp.released_minor - cp.refunded_minor,"
                      + " e.funded_minor - e.released_minor - e.refunded_minor) AS max_minor,"
                      + " cp.currency, k.client_id, k.freelancer_id"
                      + " FROM escrow_checkpoints cp JOIN escrows e ON e.id = cp.escrow_id"
                      + " JOIN contracts k ON k.id = e.contract_id"
                      + " WHERE cp.id BETWEEN ? AND ?"
                      + " AND cp.status IN ('pending', 'submitted', 'approved', 'on_hold')"
                      + " AND e.status IN ('held', 'partially_released')"
                      + " AND k.status IN ('active', 'paused')"
                      + " AND cp.amount_minor > cp.released_minor + cp.refunded_minor"
                      + " AND e.funded_minor > e.released_minor + e.refunded_minor"
                      + " AND NOT EXISTS (SELECT 1 FROM disputes d WHERE d.checkpoint_id = cp.id"
                      + " AND d.status NOT IN ('resolved', 'closed'))"
                      + " ORDER BY cp.id LIMIT ?",
                  row ->
                      new Disputable(
                          row.getLong("checkpoint_id"),
                          row.getLong("escrow_id"),
                          row.getLong("contract_id"),
                          row.getLong("max_minor"),
                          row.text("currency"),
                          row.getLong("client_id"),
                          row.getLong("freelancer_id"))));

  final CandidatePool<OpenDispute> openDisputes =
      new CandidatePool<>(
          (c, r) ->
              IdWindows.sample(
                  c,
                  r,
                  "disputes",
                  "SELECT d.id, k.client_id, k.freelancer_id FROM disputes d"
                      + " JOIN contracts k ON k.id = d.contract_id"
                      + " WHERE d.id BETWEEN ? AND ? AND d.status NOT IN ('resolved', 'closed')"
                      + " ORDER BY d.id LIMIT ?",
                  row ->
                      new OpenDispute(
                          row.getLong("id"),
                          row.getLong("client_id"),
                          row.getLong("freelancer_id"))));

  final CandidatePool<Submittable> submittable =
      new CandidatePool<>(
          (c, r) ->
              IdWindows.sample(
                  c,
                  r,
                  "escrow_checkpoints",
                  "SELECT cp.id, k.freelancer_id"
                      + " FROM escrow_checkpoints cp JOIN escrows e ON e.id = cp.escrow_id"
                      + " JOIN contracts k ON k.id = e.contract_id"
                      + " WHERE cp.id BETWEEN ? AND ? AND cp.status = 'pending'"
                      + " AND e.status IN ('held', 'partially_released') AND k.status = 'active'"
                      + " AND NOT EXISTS (SELECT 1 FROM escrow_checkpoints p"
                      + " WHERE p.escrow_id = cp.escrow_id AND p.seq < cp.seq AND p.status = 'pending')"
                      + " ORDER BY cp.id LIMIT ?",
                  row -> new Submittable(row.getLong("id"), row.getLong("freelancer_id"))));

  final CandidatePool<PartyMessage> messages =
      new CandidatePool<>(
          (c, r) ->
              IdWindows.sample(
                  c,
                  r,
                  "dispute_messages",
                  "SELECT m.id, m.author_user_id, k.client_id, k.freelancer_id"
                      + " FROM dispute_messages m JOIN disputes d ON d.id = m.dispute_id"
                      + " JOIN contracts k ON k.id = d.contract_id"
                      + " WHERE m.id BETWEEN ? AND ? AND m.author_user_id IS NOT NULL"
                      + " AND m.hidden_at IS NULL ORDER BY m.id LIMIT ?",
                  row ->
                      new PartyMessage(
                          row.getLong("id"),
                          row.getLong("author_user_id"),
                          row.getLong("client_id"),
                          row.getLong("freelancer_id"))));

  final CandidatePool<Long> users =
      new CandidatePool<>(
          (c, r) ->
              IdWindows.sample(
                  c,
                  r,
                  "users",
                  "SELECT id FROM users WHERE id BETWEEN ? AND ? AND status IN ('active', 'warned')"
                      + " ORDER BY id LIMIT ?",
                  row -> row.getLong("id")));

  final CandidatePool<Parties> contracts =
      new CandidatePool<>(
          (c, r) ->
              IdWindows.sample(
                  c,
                  r,
                  "contracts",
                  "SELECT id, client_id, freelancer_id FROM contracts WHERE id BETWEEN ? AND ?"
                      + " AND status IN ('active', 'paused', 'completed') ORDER BY id LIMIT ?",
                  row ->
                      new Parties(
                          row.getLong("id"),
                          row.getLong("client_id"),
                          row.getLong("freelancer_id"))));

  final CandidatePool<Workspace> workspaces =
      new CandidatePool<>(
          (c, r) ->
              IdWindows.sample(
                  c,
                  r,
                  "workspaces",
                  "SELECT id, owner_id, name, type FROM workspaces WHERE id BETWEEN ? AND ?"
                      + " AND status = 'active' ORDER BY id LIMIT ?",
                  row ->
                      new Workspace(
                          row.getLong("id"),
                          row.getLong("owner_id"),
                          row.text("name"),
                          row.text("type"))));

  /** Pending invites come from their partial expiry index, soonest to expire first. */
  final CandidatePool<Invite> invites =
      new CandidatePool<>(
          (c, r) ->
              Jdbc.list(
                  c,
                  "SELECT i.id, i.workspace_id, i.email, i.role, i.invited_by"
                      + " FROM workspace_invites i JOIN workspaces w ON w.id = i.workspace_id"
                      + " WHERE i.status = 'pending' AND i.expires_at > now() + interval '1 minute'"
                      + " AND w.status = 'active' ORDER BY i.expires_at LIMIT ?",
                  row ->
                      new Invite(
                          row.getLong("id"),
                          row.getLong("workspace_id"),
                          row.text("email"),
                          row.text("role"),
                          row.nullableLong("invited_by")),
                  IdWindows.LIMIT));
}
