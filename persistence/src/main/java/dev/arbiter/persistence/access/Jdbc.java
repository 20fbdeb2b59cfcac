package dev.arbiter.persistence.access;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGStatement;

/**
 * Plain JDBC for the few paths that stream more rows than a session should hold or that run before
 * Hibernate exists (chain verification over millions of entries, exports, the embedded server's
 * preparation). Rows are still read by name through {@link Row}; this class and {@code Row} are the
 * only places that see a {@link ResultSet}.
 */
public final class Jdbc {

  /** Receives each row of a streamed result. */
  @FunctionalInterface
  public interface RowHandler {
    void handle(Row row) throws SQLException;
  }

  /** Receives the rows of a scan until it answers false. */
  @FunctionalInterface
  public interface RowVisitor {
    boolean visit(Row row) throws SQLException;
  }

  private Jdbc() {}

  /**
   * Streams every row of {@code sql} to {@code handler}, {@code fetchSize} rows per round trip (the
   * driver streams only inside a transaction, so call this with auto-commit off for large results).
   */
  public static void forEach(
      Connection c, String sql, int fetchSize, RowHandler handler, Object... params)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setFetchSize(fetchSize);
      bind(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        Row row = Row.of(rs);
        while (rs.next()) {
          handler.handle(row);
        }
      }
    }
  }

  /**
   * Streams the rows of {@code sql} to {@code visitor} until it answers false, and answers whether
   * every row was visited. For the audit chain's verification, which reads millions of entries and
   * stops at the first bad one: unlike {@link #forEach}, results come in PostgreSQL's binary form
   * from the first execution (PgJDBC would switch only at the fifth), so hashes arrive as raw bytes
   * and times as integers, not as hex and text to parse; read them with {@link Row#rawBytes}. On a
   * connection through a pooler in transaction mode ({@code prepareThreshold=0}) the rows come as
   * text instead: binary results need a named statement, which another server connection may not
   * know. {@link Row#rawBytes} answers the same bytes either way, only slower.
   */
  public static boolean scan(
      Connection c, String sql, int fetchSize, RowVisitor visitor, Object... params)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      PGStatement pg = ps.unwrap(PGStatement.class);
      if (pg.getPrepareThreshold() > 0) {
        pg.setPrepareThreshold(-1);
      }
      ps.setFetchSize(fetchSize);
      bind(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        Row row = Row.of(rs);
        while (rs.next()) {
          if (!visitor.visit(row)) {
            return false;
          }
        }
      }
    }
    return true;
  }

  /** Every row of {@code sql}, mapped. */
  public static <T> List<T> list(Connection c, String sql, RowMapper<T> mapper, Object... params)
      throws SQLException {
    List<T> out = new ArrayList<>();
    forEach(c, sql, 0, row -> out.add(mapper.map(row)), params);
    return out;
  }

  /** Runs a statement that returns no rows and answers how many it changed. */
  public static int update(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, params);
      return ps.executeUpdate();
    }
  }

  private static void bind(PreparedStatement ps, Object... params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      // The driver binds OffsetDateTime as timestamptz but refuses Instant, which the services
      // use for every point in time.
      ps.setObject(
          i + 1, params[i] instanceof Instant at ? at.atOffset(ZoneOffset.UTC) : params[i]);
    }
  }
}
