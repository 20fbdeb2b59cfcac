package dev.arbiter.tools.simulate;

import dev.arbiter.persistence.access.Jdbc;
import dev.arbiter.persistence.access.RowMapper;
import java.sql.Connection;
import java.sql.SQLException;
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
    for (int attempt = 0; attempt < ATTEMPTS && out.isEmpty(); attempt++) {
      long from = min + r.nextLong(max - min + 1);
      long to = Math.min(max, from + WIDTH - 1);
      out.addAll(Jdbc.list(c, query, mapper, from, to, LIMIT));
      long wrapped = WIDTH - (to - from + 1);
      if (out.size() < LIMIT && wrapped > 0 && from > min) {
        long upTo = Math.min(from - 1, min + wrapped - 1);
        out.addAll(Jdbc.list(c, query, mapper, min, upTo, LIMIT - out.size()));
      }
    }
    return out;
  }

  private static long[] idRange(Connection c, String table) throws SQLException {
    return Jdbc.list(
            c,
            "SELECT min(id) AS low, max(id) AS high FROM " + table,
            row -> row.isNull("low") ? null : new long[] {row.getLong("low"), row.getLong("high")})
        .get(0);
  }
}
