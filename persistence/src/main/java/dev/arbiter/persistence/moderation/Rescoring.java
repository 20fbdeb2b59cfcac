package dev.arbiter.persistence.moderation;

import dev.arbiter.persistence.access.DataAccess;
import dev.arbiter.persistence.access.DataAccess.Audited;
import dev.arbiter.persistence.access.Sql;
import java.sql.SQLException;

/**
 * Catches up the priority scores a decision made stale (V52), in its own transaction after the
 * decision committed, so the re-scoring never runs under the audit chain lock.
 */
final class Rescoring {

  private Rescoring() {}

  static void catchUp(DataAccess access) {
    try {
      access.write(
          Audited.as("moderation rescore"),
          session ->
              Sql.one(
                  session,
                  "SELECT moderation_rescore_pending() AS rescored",
                  row -> row.getInt("rescored")));
    } catch (SQLException | RuntimeException e) {
      // The decision itself is committed; the queued reporters stay queued and the next
      // decision (anyone's) re-scores them. Failing the decision here would misreport it.
    }
  }
}
