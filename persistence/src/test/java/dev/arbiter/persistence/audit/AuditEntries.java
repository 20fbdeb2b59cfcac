package dev.arbiter.persistence.audit;

import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads audit entries back, as the superuser, for assertions. */
public final class AuditEntries {

  /** An audit row with its jsonb values as text. */
  public record Row(
      long id,
      String actor,
      String dbUser,
      String action,
      String command,
      String entityType,
      String entityId,
      String oldValues,
      String newValues,
      String requestId,
      String clientInfo) {}

  private AuditEntries() {}

  /**
   * Seals every committed entry into the chain, as the worker does (V90), and returns how many: for
   * tests whose writes were too long or not READ COMMITTED to seal as they committed.
   */
  public static long seal(TestDatabase db) throws SQLException {
    try (Connection c = db.migrator();
        ResultSet rs = c.createStatement().executeQuery("SELECT audit_seal(2147483647)")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** How many entries wait to be sealed. */
  public static long unsealed(TestDatabase db) throws SQLException {
    try (Connection c = db.superuser();
        ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM audit_pending")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  public static long lastId(TestDatabase db) throws SQLException {
    try (Connection c = db.superuser();
        ResultSet rs = c.createStatement().executeQuery("SELECT last_id FROM audit_chain_head")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Entries with an id above {@code afterId}, in id order. */
  public static List<Row> after(TestDatabase db, long afterId) throws SQLException {
    List<Row> rows = new ArrayList<>();
    try (Connection c = db.superuser();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT id, actor, db_user, action, command, entity_type, entity_id,"
                    + " old_values::text, new_values::text, request_id, client_info"
                    + " FROM audit_log WHERE id > ? ORDER BY id")) {
      ps.setLong(1, afterId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(
              new Row(
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getString(7),
                  rs.getString(8),
                  rs.getString(9),
                  rs.getString(10),
                  rs.getString(11)));
        }
      }
    }
    return rows;
  }
}
