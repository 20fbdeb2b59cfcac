package dev.arbiter.persistence.session;

import dev.arbiter.persistence.access.DataAccess;
import dev.arbiter.persistence.access.Sql;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Settles an action whose commit outcome is unknown (the connection dropped while it committed) by
 * its idempotency key: the tables that make keyed actions idempotent record every key they
 * accepted, in the same transaction as the action (dispute commands, money requests, and the
 * moderation decisions and workspace actions in {@code staff_requests}). Each login sees only its
 * own {@code staff_requests} rows, which is all a check of its own action needs.
 */
public final class CommitOutcomes {

  private static final String SQL =
      "SELECT 'ok' AS outcome FROM dispute_commands WHERE idempotency_key = ?"
          + " UNION ALL SELECT outcome FROM money_requests WHERE idempotency_key = ?"
          + " UNION ALL SELECT 'ok' FROM staff_requests WHERE idempotency_key = ?";

  private final DataAccess access;

  public CommitOutcomes(DataAccess access) {
    this.access = access;
  }

  /**
   * Whether the request keyed {@code idempotencyKey} reached the database and was recorded. A false
   * answer means a retry with the same key is safe and has the action's one effect; a true one
   * means the server already answered it, with either the effect or a recorded refusal (money
   * functions store refusals too; see {@link #outcome}), and a retry replays that answer.
   *
   * @throws SQLException when the server still cannot be reached (the outcome stays unknown)
   */
  public boolean committed(String idempotencyKey) throws SQLException {
    return outcome(idempotencyKey).isPresent();
  }

  /**
   * The recorded answer to the request keyed {@code idempotencyKey}: {@code ok} when it took
   * effect, a refusal code (e.g. {@code already_released}) when the money function refused it and
   * stored the refusal, empty when nothing was recorded.
   */
  public Optional<String> outcome(String idempotencyKey) throws SQLException {
    try {
      return recorded(idempotencyKey);
    } catch (SQLException e) {
      // A pooled connection opened before a server restart fails on its first use, and the pool
      // discards it then; the question is read-only, so asking once more on a fresh one is safe.
      if (!ConnectionFailures.isConnectionLost(e)) {
        throw e;
      }
      return recorded(idempotencyKey);
    }
  }

  private Optional<String> recorded(String idempotencyKey) throws SQLException {
    return access.read(
        session ->
            Sql.first(
                session,
                SQL,
                row -> row.text("outcome"),
                idempotencyKey,
                idempotencyKey,
                idempotencyKey));
  }
}
