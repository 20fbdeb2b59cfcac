package dev.arbiter.persistence.simulate;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

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
                  "SELECT cp.id, cp.escrow_id, k.id, least(cp.amount_minor - cp.released_minor - cp.refunded_minor,"
                      + " e.funded_minor - e.released_minor - e.refunded_minor), cp.currency,"
                      + " k.client_id, k.freelancer_id"
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
                  rs ->
                      new Disputable(
                          rs.getLong(1),
                          rs.getLong(2),
                          rs.getLong(3),
                          rs.getLong(4),
                          rs.getString(5),
                          rs.getLong(6),
                          rs.getLong(7))));

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
                  rs -> new OpenDispute(rs.getLong(1), rs.getLong(2), rs.getLong(3))));

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
                  rs -> new Submittable(rs.getLong(1), rs.getLong(2))));

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
                  rs ->
                      new PartyMessage(
                          rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))));

  final CandidatePool<Long> users =
      new CandidatePool<>(
          (c, r) ->
              IdWindows.sample(
                  c,
                  r,
                  "users",
                  "SELECT id FROM users WHERE id BETWEEN ? AND ? AND status IN ('active', 'warned')"
                      + " ORDER BY id LIMIT ?",
                  rs -> rs.getLong(1)));

  final CandidatePool<Parties> contracts =
      new CandidatePool<>(
          (c, r) ->
              IdWindows.sample(
                  c,
                  r,
                  "contracts",
                  "SELECT id, client_id, freelancer_id FROM contracts WHERE id BETWEEN ? AND ?"
                      + " AND status IN ('active', 'paused', 'completed') ORDER BY id LIMIT ?",
                  rs -> new Parties(rs.getLong(1), rs.getLong(2), rs.getLong(3))));

  final CandidatePool<Workspace> workspaces =
      new CandidatePool<>(
          (c, r) ->
              IdWindows.sample(
                  c,
                  r,
                  "workspaces",
                  "SELECT id, owner_id, name, type FROM workspaces WHERE id BETWEEN ? AND ?"
                      + " AND status = 'active' ORDER BY id LIMIT ?",
                  rs ->
                      new Workspace(
                          rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4))));

  /** Pending invites come from their partial expiry index, soonest to expire first. */
  final CandidatePool<Invite> invites =
      new CandidatePool<>(
          (c, r) -> {
            List<Invite> out = new ArrayList<>();
            try (PreparedStatement ps =
                c.prepareStatement(
                    "SELECT i.id, i.workspace_id, i.email, i.role, i.invited_by"
                        + " FROM workspace_invites i JOIN workspaces w ON w.id = i.workspace_id"
                        + " WHERE i.status = 'pending' AND i.expires_at > now() + interval '1 minute'"
                        + " AND w.status = 'active' ORDER BY i.expires_at LIMIT ?")) {
              ps.setInt(1, IdWindows.LIMIT);
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  long invitedBy = rs.getLong(5);
                  out.add(
                      new Invite(
                          rs.getLong(1),
                          rs.getLong(2),
                          rs.getString(3),
                          rs.getString(4),
                          rs.wasNull() ? null : invitedBy));
                }
              }
            }
            return out;
          });
}
