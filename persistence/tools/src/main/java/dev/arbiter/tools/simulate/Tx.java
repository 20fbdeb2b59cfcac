package dev.arbiter.tools.simulate;

import dev.arbiter.persistence.access.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
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
    return Jdbc.update(c, sql, args);
  }

  /** The {@code id} of the first row ({@code RETURNING id}, a lookup), or null for no row. */
  Long firstId(String sql, Object... args) throws SQLException {
    List<Long> ids = Jdbc.list(c, sql, row -> row.getLong("id"), args);
    return ids.isEmpty() ? null : ids.get(0);
  }
}
