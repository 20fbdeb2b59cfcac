package dev.arbiter.persistence.simulate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random samples of a big table without {@code ORDER BY random()}: the id range comes from the
 * primary key's two ends, and the sample is the first matching rows of a random window of ids. Each
 * query reads at most one window of the primary key, so it costs the same on a million rows as on a
 * thousand.
 */
final class IdWindows {

  /** Ids per window: wide enough to hold some matches when only a few percent of rows qualify. */
  static final long WIDTH = 5_000;

  /** Rows taken per sample. */
  static final int LIMIT = 64;

  private static final int ATTEMPTS = 3;

  /** Maps the current row of a result set. */
  @FunctionalInterface
  interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private IdWindows() {}

  /**
   * Runs {@code query} (whose first two parameters are the window's lowest and highest id, and
   * which ends in {@code LIMIT ?}) over up to three random windows of {@code table}'s ids, until
   * one yields rows.
   */
  static <T> List<T> sample(
      Connection c, SplittableRandom r, String table, String query, RowMapper<T> mapper)
      throws SQLException {
    long[] range = idRange(c, table);
    List<T> out = new ArrayList<>();
    if (range == null) {
      return out;
    }
    long span = range[1] - range[0] + 1;
    try (PreparedStatement ps = c.prepareStatement(query)) {
      for (int attempt = 0; attempt < ATTEMPTS && out.isEmpty(); attempt++) {
        long from = span <= WIDTH ? range[0] : range[0] + r.nextLong(span - WIDTH + 1);
        ps.setLong(1, from);
        ps.setLong(2, from + WIDTH - 1);
        ps.setInt(3, LIMIT);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(mapper.map(rs));
          }
        }
      }
    }
    return out;
  }

  private static long[] idRange(Connection c, String table) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT min(id), max(id) FROM " + table)) {
      rs.next();
      long min = rs.getLong(1);
      if (rs.wasNull()) {
        return null;
      }
      return new long[] {min, rs.getLong(2)};
    }
  }
}
