package dev.arbiter.persistence.simulate;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
    long highest = 0;
    try (Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT coalesce(max(id), 0) FROM " + table)) {
        rs.next();
        highest = rs.getLong(1);
      }
      try (ResultSet rs =
          s.executeQuery("SELECT reference FROM " + table + " ORDER BY id DESC LIMIT 500")) {
        while (rs.next()) {
          highest = Math.max(highest, number(rs.getString(1)));
        }
      }
    }
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
