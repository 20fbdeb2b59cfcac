package dev.arbiter.persistence.simulate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.SplittableRandom;

/**
 * One operation's transaction: the worker's connection (auto-commit off), the operation's own
 * random stream and its request id, with the few JDBC helpers the operations need.
 */
final class Tx {

  final Connection c;
  final SplittableRandom r;
  private final String requestId;

  Tx(Connection c, SplittableRandom r, String requestId) {
    this.c = c;
    this.r = r;
    this.requestId = requestId;
  }

  /**
   * Names who the following writes are made for, as the backend does: {@code arbiter_actor()}
   * records this instead of the login, because the login is a member of marketplace_backend. Both
   * settings are transaction-local ({@code SET LOCAL}).
   */
  void actAs(String actor) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT set_config('arbiter.actor', ?, true), set_config('arbiter.request_id', ?, true)")) {
      ps.setString(1, actor);
      ps.setString(2, requestId);
      ps.execute();
    }
  }

  /** Runs an INSERT/UPDATE and returns the rows it changed. */
  int update(String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = prepare(sql, args)) {
      return ps.executeUpdate();
    }
  }

  /** The first column of the first row ({@code RETURNING id}, a lookup), or null for no row. */
  Long firstLong(String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = prepare(sql, args);
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getLong(1) : null;
    }
  }

  private PreparedStatement prepare(String sql, Object... args) throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    try {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
    } catch (SQLException e) {
      ps.close();
      throw e;
    }
    return ps;
  }
}
