package dev.arbiter.tools.consoles;

import dev.arbiter.persistence.access.Jdbc;
import dev.arbiter.persistence.audit.AuditChainVerifier;
import dev.arbiter.persistence.audit.ChainVerification;
import dev.arbiter.tools.consoles.ChangeKeys.Change;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * What the audit trail says was committed, as the independent count of what the consoles should
 * have heard: every audited insert, update and delete of a row of a table whose changes are
 * announced on {@code arbiter_changes}. The audit trigger and the notify trigger fire for the same
 * row changes, and the trail is written in commit order, so the entries after a mark are exactly
 * the changes committed after it. Read as the superuser, past the row policies on the trail.
 */
final class AuditTrail {

  // Tables whose every row change is announced: a trigger with a WHEN clause (presence) announces
  // only some, so those are left out. The moderation items' statement trigger is not counted: it
  // folds bulk changes into one notice without an id.
  private static final String ANNOUNCED =
      "SELECT c.relname::text AS name FROM pg_trigger t"
          + " JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid"
          + " WHERE NOT t.tgisinternal"
          + " AND p.proname IN ('notify_change', 'notify_dispute_part_change')"
          + " GROUP BY c.relname HAVING bool_and(t.tgqual IS NULL)";
  private static final String COMMITTED =
      "SELECT DISTINCT entity_type, action, entity_id FROM audit_log"
          + " WHERE id > ? AND id <= ? AND entity_id IS NOT NULL AND action <> 'note'"
          + " AND entity_type = ANY (?)";

  private final DataSource superuser;

  AuditTrail(DataSource superuser) {
    this.superuser = superuser;
  }

  /**
   * The last entry so far: changes committed from now on come after it. What waits to be sealed
   * (decision 8) is sealed first, so that an entry committed before the mark cannot take an id
   * after it.
   */
  long mark() throws SQLException {
    try (Connection c = superuser.getConnection()) {
      Jdbc.list(c, "SELECT audit_seal(2147483647) AS sealed", r -> r.getLong("sealed"));
      return Jdbc.list(
              c, "SELECT coalesce(max(id), 0) AS last FROM audit_log", r -> r.getLong("last"))
          .get(0);
    }
  }

  /** The distinct announced changes committed after {@code after}, up to {@code upTo}. */
  List<Change> committed(long after, long upTo) throws SQLException {
    try (Connection c = superuser.getConnection()) {
      String[] tables = Jdbc.list(c, ANNOUNCED, r -> r.text("name")).toArray(String[]::new);
      return Jdbc.list(
          c,
          COMMITTED,
          r -> new Change(r.text("entity_type"), r.text("action"), r.text("entity_id")),
          after,
          upTo,
          c.createArrayOf("text", tables));
    }
  }

  /** The whole chain, verified as {@code arbiter audit verify} does. */
  ChainVerification verify() {
    return new AuditChainVerifier().verify(superuser);
  }

  /**
   * What {@code audit_unsealed()} reports, where the server has it (the sealed chain of issue 15,
   * item 1); empty where the chain is still sealed by each writer as it commits.
   */
  Optional<String> unsealed() throws SQLException {
    try (Connection c = superuser.getConnection()) {
      boolean exists =
          Jdbc.list(
                  c,
                  "SELECT to_regproc('audit_unsealed') IS NOT NULL AS present",
                  r -> r.getBoolean("present"))
              .get(0);
      if (!exists) {
        return Optional.empty();
      }
      return Jdbc.list(c, "SELECT audit_unsealed()::text AS unsealed", r -> r.text("unsealed"))
          .stream()
          .findFirst();
    }
  }
}
