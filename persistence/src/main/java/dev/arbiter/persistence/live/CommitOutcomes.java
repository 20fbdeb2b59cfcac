package dev.arbiter.persistence.live;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Settles an action whose commit outcome is unknown (the connection dropped while it committed) by
 * its idempotency key: the tables that make keyed actions idempotent record every key they
 * accepted, in the same transaction as the action.
 */
public final class CommitOutcomes {

  private static final String SQL =
      "SELECT EXISTS (SELECT 1 FROM dispute_commands WHERE idempotency_key = ?)"
          + " OR EXISTS (SELECT 1 FROM money_requests WHERE idempotency_key = ?)";

  private final DataSource dataSource;

  public CommitOutcomes(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Whether the action keyed {@code idempotencyKey} was committed. A false answer means a retry
   * with the same key is safe and has the action's one effect; a true one means it already had it.
   *
   * @throws SQLException when the server still cannot be reached (the outcome stays unknown)
   */
  public boolean committed(String idempotencyKey) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(SQL)) {
      s.setString(1, idempotencyKey);
      s.setString(2, idempotencyKey);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }
}
