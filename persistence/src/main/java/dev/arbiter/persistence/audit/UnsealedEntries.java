package dev.arbiter.persistence.audit;

import dev.arbiter.persistence.access.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The audit entries written but not sealed into the chain yet (V90), as {@code audit_unsealed()}
 * reports them: until it is sealed an entry is protected from every runtime role but not yet by the
 * chain, so verification reports them apart from what it proved.
 *
 * @param count how many entries wait
 * @param oldest when the oldest of them was written, or {@code null} when none waits
 * @param bound how long an entry may wait (audit_seal_policy)
 */
public record UnsealedEntries(long count, Instant oldest, Duration bound) {

  /** Reads them in {@code c}'s snapshot. */
  public static UnsealedEntries read(Connection c) throws SQLException {
    return Jdbc.list(
            c,
            "SELECT o_count AS unsealed, o_oldest AS oldest,"
                + " CAST(extract(epoch FROM o_bound) * 1000 AS bigint) AS bound_ms"
                + " FROM audit_unsealed()",
            row ->
                new UnsealedEntries(
                    row.getLong("unsealed"),
                    row.instant("oldest"),
                    Duration.ofMillis(row.getLong("bound_ms"))))
        .get(0);
  }

  /** How long the oldest entry has waited at {@code now}; zero when none waits. */
  public Duration oldestAge(Instant now) {
    return oldest == null || now.isBefore(oldest) ? Duration.ZERO : Duration.between(oldest, now);
  }

  /**
   * True when an entry has waited longer than the bound: the sealing is not keeping its promise.
   */
  public boolean overdue(Instant now) {
    return oldestAge(now).compareTo(bound) > 0;
  }

  /** One line for the operator. */
  public String describe(Instant now) {
    String bounded = "sealed within " + seconds(bound);
    if (count == 0) {
      return "unsealed: none (entries are " + bounded + ")";
    }
    return String.format(
        Locale.ROOT,
        "unsealed: %d %s not yet in the chain, oldest written %s ago (%s)%s",
        count,
        count == 1 ? "entry" : "entries",
        seconds(oldestAge(now)),
        bounded,
        overdue(now)
            ? "; OVERDUE: is the worker running? ('arbiter worker' seals them)"
            : "; the chain will hold them shortly");
  }

  private static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }
}
