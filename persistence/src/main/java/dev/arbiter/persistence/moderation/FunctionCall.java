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
    try {
      try (PreparedStatement ps =
          c.prepareStatement("SELECT set_config('arbiter.command', ?, true)")) {
        ps.setString(1, command);
        ps.execute();
      }
      T result;
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        binder.bind(ps);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          result = reader.read(rs);
        }
      }
      c.commit();
      return result;
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
  }
}
