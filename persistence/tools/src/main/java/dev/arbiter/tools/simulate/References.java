package dev.arbiter.tools.simulate;

import dev.arbiter.persistence.access.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands out the next references of a table ({@code DSP-000123}, {@code FIX-000456}). The
 * marketplace numbers rows in order; the next number follows the highest id and the highest number
 * among the newest rows, both read through the primary key. Another writer may take a number first:
 * then the caller re-reads.
 */
final class References {

  private final String table;
  private final AtomicLong next = new AtomicLong();

  /** Numbering for {@code table}, which has a {@code reference} column ({@code PREFIX-digits}). */
  References(String table) {
    this.table = table;
  }

  /** Reads where numbering stands; cheap on any table size. */
  void resync(Connection c) throws SQLException {
    long highestId =
        Jdbc.list(
                c,
                "SELECT coalesce(max(id), 0) AS highest FROM " + table,
                row -> row.getLong("highest"))
            .get(0);
    long highest =
        Jdbc.list(
                c,
                "SELECT reference FROM " + table + " ORDER BY id DESC LIMIT 500",
                row -> number(row.text("reference")))
            .stream()
            .reduce(highestId, Math::max);
    next.accumulateAndGet(highest + 1, Math::max);
  }

  String take(String prefix) {
    return format(prefix, next.getAndIncrement());
  }

  static String format(String prefix, long n) {
    return String.format("%s-%06d", prefix, n);
  }

  static long number(String reference) {
    try {
      return Long.parseLong(reference.substring(reference.indexOf('-') + 1));
    } catch (RuntimeException e) {
      return 0;
    }
  }
}
