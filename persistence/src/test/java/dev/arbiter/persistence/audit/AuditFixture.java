package dev.arbiter.persistence.audit;

import dev.arbiter.persistence.contract.Fixtures;
import dev.arbiter.persistence.contract.Fixtures.Seed;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Audit entries from several kinds of writer: the owner seeding rows, support and an admin in the
 * console, and the backend acting for an end user with a request id. One user's metadata holds
 * hidden keys, one of which alone contains the word {@code needle}.
 */
public final class AuditFixture {

  /** The rows written and the time window around the console's changes. */
  public record Written(
      Seed seed,
      String disputeReference,
      String contractReference,
      long hiddenUser,
      long visibleUser,
      Instant consoleFrom,
      Instant consoleTo) {}

  private AuditFixture() {}

  public static Written write(TestDatabase db) throws SQLException {
    Seed seed;
    long hiddenUser;
    long visibleUser;
    try (Connection owner = db.migrator()) {
      seed = Fixtures.seed(owner);
      hiddenUser =
          Fixtures.id(
              owner,
              "INSERT INTO users (email, display_name, kind, metadata) VALUES ('h@example.test',"
                  + " 'Hidden Hana', 'client', '{\"tier\": \"gold\", \"_internal_score\": 7,"
                  + " \"privateNote\": \"needle in a hidden key\"}')");
      visibleUser =
          Fixtures.id(
              owner,
              "INSERT INTO users (email, display_name, kind, metadata) VALUES ('v@example.test',"
                  + " 'Visible Vera', 'client', '{\"note\": \"a NEEDLE in plain sight\"}')");
      // The backend moves a case only when the parties answered (awaiting_parties -> under_review).
      Fixtures.update(
          owner, "UPDATE disputes SET status = 'under_review' WHERE id = ?", seed.dispute());
      Fixtures.update(
          owner, "UPDATE disputes SET status = 'awaiting_parties' WHERE id = ?", seed.dispute());
    }
    Instant from = now(db);
    try (Connection support = db.as("demo_support")) {
      Fixtures.update(
          support, "UPDATE disputes SET priority = 'urgent' WHERE id = ?", seed.dispute());
    }
    try (Connection backend = db.as("demo_backend");
        Statement s = backend.createStatement()) {
      backend.setAutoCommit(false);
      s.execute("SET LOCAL arbiter.actor = 'user:42'");
      s.execute("SET LOCAL arbiter.request_id = 'req-7f3a'");
      s.execute("SET LOCAL application_name = 'marketplace-api'");
      s.execute("UPDATE disputes SET status = 'under_review' WHERE id = " + seed.dispute());
      s.execute(
          "UPDATE users SET metadata = metadata || '{\"tier\": \"platinum\"}' WHERE id = "
              + hiddenUser);
      backend.commit();
    }
    try (Connection admin = db.as("demo_admin")) {
      Fixtures.update(
          admin, "UPDATE workspaces SET name = 'Renamed studio' WHERE id = ?", seed.workspace());
    }
    Instant to = now(db);
    String disputeReference;
    String contractReference;
    try (Connection c = db.superuser()) {
      disputeReference =
          (String) Fixtures.value(c, "SELECT reference FROM disputes WHERE id = ?", seed.dispute());
      contractReference =
          (String)
              Fixtures.value(c, "SELECT reference FROM contracts WHERE id = ?", seed.contract());
    }
    return new Written(
        seed, disputeReference, contractReference, hiddenUser, visibleUser, from, to);
  }

  /** Ids of the entries matching {@code condition}, newest first, read as the superuser. */
  public static List<Long> idsWhere(TestDatabase db, String condition, Object... params)
      throws SQLException {
    try (Connection c = db.superuser()) {
      return ids(c, condition, params);
    }
  }

  /**
   * Ids of the entries matching {@code condition} that {@code login} may read (row policies, V88),
   * newest first: what plain SQL selects for that login.
   */
  public static List<Long> idsReadableBy(
      TestDatabase db, String login, String condition, Object... params) throws SQLException {
    try (Connection c = db.as(login)) {
      return ids(c, condition, params);
    }
  }

  private static List<Long> ids(Connection c, String condition, Object... params)
      throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement("SELECT id FROM audit_log WHERE " + condition + " ORDER BY id DESC")) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
    }
    return ids;
  }

  private static Instant now(TestDatabase db) throws SQLException {
    try (Connection c = db.superuser();
        ResultSet rs = c.createStatement().executeQuery("SELECT clock_timestamp()")) {
      rs.next();
      return rs.getObject(1, OffsetDateTime.class).toInstant();
    }
  }
}
