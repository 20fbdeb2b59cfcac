package dev.arbiter.persistence.moderation;

import dev.arbiter.persistence.moderation.ModerationDecisionService.Binder;
import dev.arbiter.persistence.moderation.ModerationDecisionService.Reader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Runs one moderation function in its own transaction, named in the audit log's command. */
final class FunctionCall {

  private FunctionCall() {}

  static <T> T inTransaction(
      Connection c, String command, String sql, Binder binder, Reader<T> reader)
      throws SQLException {
    c.setAutoCommit(false);
    T result;
    try {
      try (PreparedStatement ps =
          c.prepareStatement("SELECT set_config('arbiter.command', ?, true)")) {
        ps.setString(1, command);
        ps.execute();
      }
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        binder.bind(ps);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          result = reader.read(rs);
        }
      }
      c.commit();
    } catch (SQLException | RuntimeException e) {
      // The first failure says what happened. After a lost connection the rollback fails too (the
      // pool's "connection is closed", with no SQLSTATE), and must not hide the loss from callers
      // that settle a lost commit by its request key.
      try {
        c.rollback();
        c.setAutoCommit(true);
      } catch (SQLException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
    c.setAutoCommit(true);
    return result;
  }
}
