package dev.arbiter.persistence.moderation;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Catches up the priority scores a decision made stale (V52), in its own transaction after the
 * decision committed, so the re-scoring never runs under the audit chain lock.
 */
final class Rescoring {

  private Rescoring() {}

  static void catchUp(DataSource dataSource) {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute("SELECT moderation_rescore_pending()");
    } catch (SQLException e) {
      // The decision itself is committed; the queued reporters stay queued and the next
      // decision (anyone's) re-scores them. Failing the decision here would misreport it.
    }
  }
}
