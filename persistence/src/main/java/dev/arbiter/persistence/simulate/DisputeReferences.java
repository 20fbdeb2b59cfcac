package dev.arbiter.persistence.simulate;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands out the next dispute references ({@code DSP-000123}). The marketplace numbers disputes in
 * order; the next number follows the highest id and the highest number among the newest disputes,
 * both read through indexes. Another writer may take a number first: then the caller re-reads.
 */
final class DisputeReferences {

  private final AtomicLong next = new AtomicLong();

  /** Reads where numbering stands; cheap on any table size. */
  void resync(Connection c) throws SQLException {
    long highest = 0;
    try (Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT coalesce(max(id), 0) FROM disputes")) {
        rs.next();
        highest = rs.getLong(1);
      }
      try (ResultSet rs =
          s.executeQuery("SELECT reference FROM disputes ORDER BY id DESC LIMIT 500")) {
        while (rs.next()) {
          highest = Math.max(highest, number(rs.getString(1)));
        }
      }
    }
    long candidate = highest + 1;
    next.accumulateAndGet(candidate, Math::max);
  }

  String take() {
    return format(next.getAndIncrement());
  }

  static String format(long n) {
    return String.format("DSP-%06d", n);
  }

  static long number(String reference) {
    try {
      return Long.parseLong(reference.substring(reference.indexOf('-') + 1));
    } catch (RuntimeException e) {
      return 0;
    }
  }
}
