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
   * which ends in {@code LIMIT ?}) over a window of {@code table}'s ids that starts at a random id
   * and wraps around to the lowest ids, so that small tables are sampled evenly too; up to three
   * windows, until one yields rows.
   */
  static <T> List<T> sample(
      Connection c, SplittableRandom r, String table, String query, RowMapper<T> mapper)
      throws SQLException {
    long[] range = idRange(c, table);
    List<T> out = new ArrayList<>();
    if (range == null) {
      return out;
    }
    long min = range[0];
    long max = range[1];
    try (PreparedStatement ps = c.prepareStatement(query)) {
      for (int attempt = 0; attempt < ATTEMPTS && out.isEmpty(); attempt++) {
        long from = min + r.nextLong(max - min + 1);
        long to = Math.min(max, from + WIDTH - 1);
        read(ps, from, to, LIMIT, mapper, out);
        long wrapped = WIDTH - (to - from + 1);
        if (out.size() < LIMIT && wrapped > 0 && from > min) {
          read(ps, min, Math.min(from - 1, min + wrapped - 1), LIMIT - out.size(), mapper, out);
        }
      }
    }
    return out;
  }

  private static <T> void read(
      PreparedStatement ps, long from, long to, int limit, RowMapper<T> mapper, List<T> out)
      throws SQLException {
    ps.setLong(1, from);
    ps.setLong(2, to);
    ps.setInt(3, limit);
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(mapper.map(rs));
      }
    }
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
