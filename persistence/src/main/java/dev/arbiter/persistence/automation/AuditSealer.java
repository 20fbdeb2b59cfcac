package dev.arbiter.persistence.automation;

import dev.arbiter.persistence.access.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * Seals the audit entries that no writer sealed as it committed (V90): those of a writer that found
 * the chain head taken, or of a REPEATABLE READ transaction. Writers never wait for the head, so on
 * a busy server someone has to come back for what they left; the worker does, a few times within
 * the bound ({@code audit_seal_policy.max_unsealed}).
 */
final class AuditSealer {

  /**
   * Entries per seal transaction: long enough to be cheap, short enough to hold the head briefly.
   */
  static final int BATCH = 10_000;

  /** How often at the most, however small the bound: each seal is a round trip and a commit. */
  private static final Duration FASTEST = Duration.ofMillis(50);

  private final DataSource dataSource;

  AuditSealer(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Seals every entry committed so far, a batch per transaction, and returns how many. Stops early,
   * with what it sealed, when another sealer holds the head: that one takes the rest.
   */
  long sealAll() throws SQLException {
    long total = 0;
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(true);
      int sealed;
      do {
        sealed =
            Jdbc.list(c, "SELECT audit_seal(?) AS sealed", row -> row.getInt("sealed"), BATCH)
                .get(0);
        total += sealed;
      } while (sealed == BATCH);
    }
    return total;
  }

  /** How often to seal: a quarter of the bound, so that an entry is sealed well within it. */
  Duration interval() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      long boundMillis =
          Jdbc.list(
                  c,
                  "SELECT CAST(extract(epoch FROM max_unsealed) * 1000 AS bigint) AS bound_ms"
                      + " FROM audit_seal_policy WHERE id = 1",
                  row -> row.getLong("bound_ms"))
              .get(0);
      Duration quarter = Duration.ofMillis(boundMillis / 4);
      return quarter.compareTo(FASTEST) < 0 ? FASTEST : quarter;
    }
  }
}
